import { describe, expect, it } from 'vitest';
import { StaleFeed } from '@alphatrader/shared';
import { testSettings } from '../testing/settings';
import { StaleTracker } from './staleness';
import { SymbolFeed } from './symbol-feed';
import { Tick } from './ticks';

const sink = { reject: () => undefined, drop: () => undefined, lag: () => undefined };

describe('StaleTracker', () => {
  it('reports feeds silent past their threshold during market hours and clears them when fresh', () => {
    const settings = testSettings({ symbols: ['SPY', 'AAPL'], level2: new Set(['SPY']) });
    const spy = new SymbolFeed('SPY', settings, sink);
    const aapl = new SymbolFeed('AAPL', settings, sink);
    const tracker = new StaleTracker(5000, 0);
    aapl.onTickPrice(Tick.BID, 100, 77_000, 1000, 1000);
    spy.onTickPrice(Tick.BID, 600, 77_000, 1000, 1000);
    spy.onDepth(0, 'ARCA', 0, 1, 600, 100, 77_000, 1000, 1000);
    expect(tracker.evaluate([spy, aapl], true, 4000, 80_000)).toEqual({ stale: {}, clear: [] });

    const r = tracker.evaluate([spy, aapl], true, 7000, 80_000);
    expect(Object.keys(r.stale).sort()).toEqual(['ibkr_depth:SPY', 'ibkr_quote:AAPL', 'ibkr_quote:SPY']);
    expect(StaleFeed.parse(r.stale['ibkr_quote:AAPL'])).toEqual({
      symbol: 'AAPL',
      feed: 'ibkr_quote',
      lastUpdate: 77_000,
      ageMs: 6000,
      thresholdMs: 5000,
      ts: 80_000,
    });

    aapl.onTickPrice(Tick.BID, 100.01, 85_000, 7500, 7500);
    const after = tracker.evaluate([spy, aapl], true, 8000, 86_000);
    expect(after.clear).toEqual(['ibkr_quote:AAPL']);
    // Outside market hours nothing is stale; what was reported is cleared once.
    expect(tracker.evaluate([spy, aapl], false, 9000, 90_000).clear.sort()).toEqual([
      'ibkr_depth:SPY',
      'ibkr_quote:SPY',
    ]);
    expect(tracker.evaluate([spy, aapl], false, 9500, 90_000)).toEqual({ stale: {}, clear: [] });
  });

  it('a feed that never updated is stale after the threshold from the start, and bars get more time', () => {
    const settings = testSettings({ symbols: ['AAPL'], level2: new Set() });
    const aapl = new SymbolFeed('AAPL', settings, sink);
    const tracker = new StaleTracker(5000, 1000);
    expect(tracker.evaluate([aapl], true, 5500, 1).stale).toEqual({});
    const r = tracker.evaluate([aapl], true, 6500, 1);
    expect(r.stale['ibkr_quote:AAPL']!.lastUpdate).toBeNull();
    expect(r.stale['ibkr_bars:AAPL']).toBeUndefined();
    expect(tracker.evaluate([aapl], true, 16_500, 1).stale['ibkr_bars:AAPL']!.thresholdMs).toBe(15_000);
    expect(StaleTracker.fieldsFor([aapl])).toEqual(['ibkr_quote:AAPL', 'ibkr_bars:AAPL']);
  });
});
