import { describe, expect, it } from 'vitest';
import { FiveSecondBar, OrderBook, RawIbkrQuote, Spread, Ticker, Trade } from '@alphatrader/shared';
import { testSettings } from '../testing/settings';
import type { RejectReason } from './quality';
import { Changed, SymbolFeed, type QualitySink } from './symbol-feed';
import { collectWrites, SLOW_KEYS_MS } from './symbol-writes';
import { Tick } from './ticks';

class Sink implements QualitySink {
  readonly rejected: RejectReason[] = [];
  dropped = 0;
  lags: number[] = [];
  reject(reason: RejectReason): void {
    this.rejected.push(reason);
  }
  drop(_b: string, n: number): void {
    this.dropped += n;
  }
  lag(ms: number): void {
    this.lags.push(ms);
  }
}

const timing = { l2SnapshotIntervalMs: 2000, keepAliveMs: 500, staleAfterMs: 5000 };
const T = 1_767_270_000_000;

function feed(symbol = 'SPY', settings = testSettings()) {
  const sink = new Sink();
  return { f: new SymbolFeed(symbol, settings, sink), sink };
}

function quote(f: SymbolFeed, bid: number, ask: number, bidSize = 100, askSize = 300, t = T) {
  f.onTickPrice(Tick.BID, bid, t, 1, 1);
  f.onTickSize(Tick.BID_SIZE, bidSize, t, 1, 1);
  f.onTickPrice(Tick.ASK, ask, t, 1, 1);
  f.onTickSize(Tick.ASK_SIZE, askSize, t, 1, 1);
}

describe('SymbolFeed level 1', () => {
  it('coalesces ticks into one ticker, spread, imbalance and raw write that validate against the registry', () => {
    const { f, sink } = feed('AAPL');
    quote(f, 230.0, 230.02, 100, 300);
    f.onTickSize(Tick.VOLUME, 5_000_000, T, 2, 2);
    f.onTickString(Tick.RT_VOLUME, `230.01;100;${T - 40};5000100;229.9;true`, T + 10, 3, 3);
    const w = collectWrites(f, T + 20, 10, timing, sink)!;
    expect(Ticker.parse(w.ticker)).toMatchObject({
      bid: 230.0,
      ask: 230.02,
      last: 230.01,
      volume: 5_000_100,
      vwap: 229.9,
    });
    expect(Spread.parse(w.spread).spreadBps).toBeCloseTo((0.02 / 230.01) * 1e4, 6);
    expect(w.imbalance).toMatchObject({
      level1: -0.5,
      level1Normalised: 0.25,
      depthWeighted: null,
      levels: 0,
    });
    expect(RawIbkrQuote.parse(w.raw).ticks).toMatchObject({
      BID: 230,
      ASK: 230.02,
      BID_SIZE: 100,
      VOLUME: 5_000_000,
    });
    expect(w.trades.map((t) => Trade.parse(t))).toEqual([
      { price: 230.01, size: 100, venue: null, source: 'rtvolume', ts: T - 40 },
    ]);
    expect(w.last).toEqual({ price: 230.01, size: 100, ts: T - 40 });
    expect(w.changes).toEqual(['ticker', 'trades']);
    expect(w.timestamp).toBe(T + 10);
    expect(w.pendingSince).toBe(1);
    // Every accepted update counts for latency at its arrival time: four quote ticks at 1, volume at 2, and
    // at 3 the RTVolume string, which is two updates (a print and the quote's last/volume).
    expect(w.arrivals).toEqual({ times: [1, 2, 3], counts: [4, 1, 2] });
    expect(f.arrivals.empty).toBe(true);
    expect(sink.lags).toEqual([50]);
    expect(sink.rejected).toEqual([]);
    expect(collectWrites(f, T + 30, 11, timing, sink)).toBeNull();
  });

  it('rejects non-positive and non-finite prices and sizes and keeps the last good value', () => {
    const { f, sink } = feed('AAPL');
    quote(f, 100, 100.02);
    f.onTickPrice(Tick.BID, -1, T, 1, 1);
    f.onTickPrice(Tick.ASK, Number.NaN, T, 1, 1);
    f.onTickSize(Tick.BID_SIZE, 0, T, 1, 1);
    f.onTickSize(Tick.VOLUME, -3, T, 1, 1);
    expect(sink.rejected).toEqual([
      'non_positive_price',
      'non_finite',
      'non_positive_size',
      'negative_volume',
    ]);
    expect([f.bid, f.ask, f.bidSize]).toEqual([100, 100.02, 100]);
  });

  it('rejects a price outside the band', () => {
    const { f, sink } = feed('AAPL');
    quote(f, 100, 100.02);
    f.onTickPrice(Tick.BID, 150, T, 1, 1);
    expect(sink.rejected).toEqual(['price_band']);
    expect(f.bid).toBe(100);
  });

  it('a crossed or locked quote is counted and not published', () => {
    const { f, sink } = feed('AAPL');
    quote(f, 100, 100.02);
    collectWrites(f, T, 1, timing, sink);
    f.onTickPrice(Tick.BID, 100.05, T, 2, 2);
    const w = collectWrites(f, T, 3, timing, sink)!;
    expect(w.ticker).toBeUndefined();
    expect(w.spread).toBeUndefined();
    expect(sink.rejected).toEqual(['crossed_quote']);
    f.onTickPrice(Tick.BID, 100.02, T, 4, 4);
    expect(collectWrites(f, T, 5, timing, sink)!.ticker).toBeUndefined();
    expect(sink.rejected).toEqual(['crossed_quote', 'locked_quote']);
  });

  it('RTVolume out of time order, malformed, and volume-only updates', () => {
    const { f, sink } = feed('AAPL');
    f.onTickString(Tick.RT_VOLUME, `100;10;${T};1000;100;true`, T, 1, 1);
    f.onTickString(Tick.RT_VOLUME, `100.01;10;${T - 1};1010;100;true`, T, 1, 1);
    f.onTickString(Tick.RT_VOLUME, 'garbage', T, 1, 1);
    f.onTickString(Tick.RT_VOLUME, `;0;${T + 5};1020;100.001;true`, T, 1, 1);
    expect(sink.rejected).toEqual(['out_of_order', 'bad_rtvolume']);
    expect(f.volume).toBe(1020);
    expect(f.trades.size).toBe(1);
  });
});

describe('SymbolFeed level 2', () => {
  function withBook() {
    const r = feed('SPY');
    const { f } = r;
    quote(f, 600.0, 600.01, 500, 500);
    f.onDepth(0, 'ARCA', 0, 1, 600.0, 500, T, 1, 1);
    f.onDepth(1, 'NSDQ', 0, 1, 599.99, 800, T, 1, 1);
    f.onDepth(0, 'BATS', 0, 0, 600.01, 500, T, 1, 1);
    f.onDepth(1, 'IEX', 0, 0, 600.02, 200, T + 5, 1, 1);
    return r;
  }

  it('publishes the book, the deltas, a depth-weighted imbalance and the first L2 snapshot', () => {
    const { f, sink } = withBook();
    const w = collectWrites(f, T + 10, 2, timing, sink)!;
    const book = OrderBook.parse(w.book);
    expect(book.bids.map((l) => l.price)).toEqual([600.0, 599.99]);
    expect(book.asks[1]).toEqual({ price: 600.02, size: 200, venue: 'IEX' });
    expect(book.sourceTs).toBe(T + 5);
    expect(w.deltas).toHaveLength(4);
    expect(w.deltas[0]).toEqual({
      position: 0,
      operation: 'insert',
      side: 'bid',
      price: 600,
      size: 500,
      venue: 'ARCA',
      sourceTs: T,
    });
    expect(w.imbalance!.depthWeighted).toBeCloseTo((1300 - 700) / 2000, 9);
    expect(w.imbalance!.levels).toBe(10);
    expect(w.snapshot).toMatchObject({ symbol: 'SPY', sourceTs: T + 5, ts: T + 10 });
    expect(w.changes).toEqual(['book', 'ticker', 'depth']);
  });

  it('snapshots every l2SnapshotIntervalMs only', () => {
    const { f, sink } = withBook();
    expect(collectWrites(f, T, 0, timing, sink)!.snapshot).toBeDefined();
    f.onDepth(0, 'ARCA', 1, 1, 600.0, 600, T, 1000, 1000);
    expect(collectWrites(f, T, 1000, timing, sink)!.snapshot).toBeUndefined();
    f.onDepth(0, 'ARCA', 1, 1, 600.0, 700, T, 2000, 2000);
    expect(collectWrites(f, T, 2001, timing, sink)!.snapshot).toBeDefined();
  });

  it('a crossed book is counted and kept out of Redis; the next good state is published', () => {
    const { f, sink } = withBook();
    collectWrites(f, T, 2, timing, sink);
    f.onDepth(0, 'X', 0, 1, 600.05, 100, T, 3, 3);
    const bad = collectWrites(f, T, 4, timing, sink)!;
    expect(bad.book).toBeUndefined();
    expect(bad.snapshot).toBeUndefined();
    expect(sink.rejected).toContain('crossed_book');
    f.onDepth(0, '', 2, 1, 0, 0, T, 5, 5);
    expect(collectWrites(f, T, 6, timing, sink)!.book).toBeDefined();
  });

  it('a refused structural change asks for a depth resync', () => {
    const { f, sink } = withBook();
    f.onDepth(7, 'X', 2, 1, 0, 0, T, 3, 3);
    expect(sink.rejected).toEqual(['bad_depth_position']);
    expect(f.needsResync).toBe(true);
    f.resetBook();
    expect(f.needsResync).toBe(false);
    expect(f.book!.empty).toBe(true);
  });

  it('tick-by-tick prints are the tape, checked for time order and band, and feed the sweep detector', () => {
    const { f, sink } = withBook();
    f.onTape('1767270000', 600.01, 100, 'ARCA', '', T, 1, 1);
    f.onTape('1767270000', 600.02, 200, 'NSDQ', 'F', T + 1, 1, 1);
    f.onTape('1767270001', 600.03, 300, 'BATS', 'F', T + 2, 1, 1);
    f.onTape('1767269999', 600.03, 300, 'BATS', '', T + 3, 1, 1);
    f.onTape('1767270002', 700, 300, 'BATS', '', T + 3, 1, 1);
    f.onTape('1767270002', 600, 0, 'BATS', '', T + 3, 1, 1);
    // RTVolume does not add prints for a tape symbol.
    f.onTickString(Tick.RT_VOLUME, `600.04;100;${T};1000;600;true`, T, 1, 1);
    expect(sink.rejected).toEqual(['out_of_order', 'price_band', 'non_positive_size']);
    const w = collectWrites(f, T + 10, 2, timing, sink)!;
    expect(w.trades.map((t) => [t.price, t.venue, t.source])).toEqual([
      [600.01, 'ARCA', 'tick_by_tick'],
      [600.02, 'NSDQ', 'tick_by_tick'],
      [600.03, 'BATS', 'tick_by_tick'],
    ]);
    expect(w.sweep).toMatchObject({
      side: 'buy',
      levels: 3,
      venues: ['ARCA', 'BATS', 'NSDQ'],
      totalSize: 600,
      isoPrints: 2,
      trades: 3,
    });
    expect(w.changes).toContain('sweep');
  });

  it('a refused print does not move the stream clock; far-future stamps are refused', () => {
    const { f, sink } = withBook();
    f.onTape('1767270005', 9999, 100, 'X', '', T, 1, 1);
    f.onTape('1767270001', 600.01, 100, 'ARCA', '', T, 1, 1);
    f.onTape(String(T / 1000 + 3600), 600.01, 100, 'ARCA', '', T, 1, 1);
    f.onTape('1767270002', 600.02, 100, 'ARCA', '', T, 1, 1);
    expect(sink.rejected).toEqual(['price_band', 'future_time']);
    expect(f.trades.size).toBe(2);
  });

  it('falls back to level 1: the book stops, quotes go on', () => {
    const { f, sink } = withBook();
    f.fallBackToLevel1();
    f.onDepth(0, 'ARCA', 1, 1, 600.0, 999, T, 3, 3);
    quote(f, 600.0, 600.02);
    const w = collectWrites(f, T, 4, timing, sink)!;
    expect(w.book).toBeUndefined();
    expect(w.deltas).toEqual([]);
    expect(w.ticker).toBeDefined();
    expect(w.imbalance!.depthWeighted).toBeNull();
  });
});

describe('bursts, bars and keep-alive', () => {
  it('keeps at most the list caps between flushes, dropping and counting the oldest', () => {
    const { f, sink } = feed('AAPL');
    for (let i = 0; i < 1500; i++) f.onTickString(Tick.RT_VOLUME, `100;1;${T + i};${i};100;true`, T, 1, 1);
    expect(sink.dropped).toBe(500);
    const w = collectWrites(f, T, 2, timing, sink)!;
    expect(w.trades).toHaveLength(1000);
    expect(w.trades[0]!.ts).toBe(T + 500);
  });

  it('validates 5-second bars', () => {
    const { f, sink } = feed('AAPL');
    const s = T / 1000;
    f.onBar(s, 100, 101, 99, 100.5, 1000, 100.2, 12, T, 1, 1);
    f.onBar(s, 100, 101, 99, 100.5, 1000, 100.2, 12, T, 1, 1);
    f.onBar(s - 5, 100, 101, 99, 100.5, 1000, 100.2, 12, T, 1, 1);
    f.onBar(s + 5, 100, 99, 99.5, 100.5, 1000, 100.2, 12, T, 1, 1);
    f.onBar(s + 10, 100, 101, 99, 0, 1000, 100.2, 12, T, 1, 1);
    f.onBar(s + 15, 100, 101, 99, 100, 0, -1, 0, T, 1, 1);
    expect(sink.rejected).toEqual(['duplicate_bar', 'out_of_order', 'bad_bar', 'non_positive_price']);
    const w = collectWrites(f, T, 2, timing, sink)!;
    expect(w.bars.map((b) => FiveSecondBar.parse(b))).toEqual([
      {
        ts: T,
        open: 100,
        high: 101,
        low: 99,
        close: 100.5,
        volume: 1000,
        vwap: 100.2,
        trades: 12,
        intervalSeconds: 5,
      },
      {
        ts: T + 15_000,
        open: 100,
        high: 101,
        low: 99,
        close: 100,
        volume: 0,
        vwap: null,
        trades: 0,
        intervalSeconds: 5,
      },
    ]);
  });

  it('rewrites the snapshot keys of a fresh, quiet symbol every keepAliveMs, without an event', () => {
    const { f, sink } = feed('AAPL');
    quote(f, 100, 100.02);
    expect(collectWrites(f, T, 1, timing, sink)!.changes).toEqual(['ticker']);
    expect(collectWrites(f, T, 300, timing, sink)).toBeNull();
    const again = collectWrites(f, T, 501, timing, sink)!;
    expect(again.ticker).toBeDefined();
    expect(again.changes).toEqual([]);
    expect(again.pendingSince).toBe(-1);
    expect(again.timestamp).toBeUndefined();
    // Stale (nothing for staleAfterMs): no more rewrites, the 1 s keys expire.
    expect(collectWrites(f, T, 6000, timing, sink)).toBeNull();
  });

  it('rewrites the raw quote and the timestamp at most every SLOW_KEYS_MS, never losing the last change', () => {
    const { f, sink } = feed('AAPL');
    quote(f, 100, 100.02, 100, 300, T);
    const first = collectWrites(f, T, 1, timing, sink)!;
    expect(first.raw).toBeDefined();
    expect(first.timestamp).toBe(T);
    f.onTickSize(Tick.BID_SIZE, 500, T + 50, 100, 100);
    const second = collectWrites(f, T + 50, 100, timing, sink)!;
    expect(second.ticker!.bidSize).toBe(500);
    expect(second.raw).toBeUndefined();
    expect(second.timestamp).toBeUndefined();
    // Nothing new, but the throttled keys are due now.
    const third = collectWrites(f, T + 60, 1 + SLOW_KEYS_MS, timing, sink)!;
    expect(third.raw!.ticks.BID_SIZE).toBe(500);
    expect(third.timestamp).toBe(T + 50);
    expect(third.changes).toEqual([]);
    expect(third.pendingSince).toBe(-1);
    expect(collectWrites(f, T + 60, 2 + SLOW_KEYS_MS, timing, sink)).toBeNull();
  });

  it('marks changes in one bitmask and remembers when the first one arrived', () => {
    const { f } = feed('AAPL');
    f.onTickPrice(Tick.BID, 100, T, 42, 42);
    f.onTickPrice(Tick.ASK, 100.01, T, 43, 43);
    expect(f.changed).toBe(Changed.QUOTE);
    expect(f.firstPendingAt).toBe(42);
  });
});
