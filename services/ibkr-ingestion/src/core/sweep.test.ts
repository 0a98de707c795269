import { describe, expect, it } from 'vitest';
import { aggressorSide, SweepTracker } from './sweep';

const settings = { windowMs: 1000, minLevels: 3, minVenues: 3 };

describe('aggressorSide', () => {
  it('uses the quote first, then the mid, then the tick rule', () => {
    expect(aggressorSide(10.02, 10.0, 10.02, null, 'sell')).toBe('buy');
    expect(aggressorSide(10.0, 10.0, 10.02, null, 'buy')).toBe('sell');
    expect(aggressorSide(10.015, 10.0, 10.02, null, 'sell')).toBe('buy');
    expect(aggressorSide(10.01, 10.0, 10.02, 10.0, 'sell')).toBe('buy');
    expect(aggressorSide(10.01, 10.0, 10.02, 10.01, 'sell')).toBe('sell');
    expect(aggressorSide(10.01, null, null, 10.02, 'buy')).toBe('sell');
  });
});

describe('SweepTracker', () => {
  it('finds a buy sweep through three levels and reports it once, with its evidence', () => {
    const t = new SweepTracker(settings);
    t.add(1000, 100.01, 100, 'ARCA', true, 100.0, 100.01);
    t.add(1001, 100.02, 200, 'NSDQ', true, 100.0, 100.01);
    t.add(1002, 100.03, 300, 'ARCA', false, 100.0, 100.01);
    expect(t.detect()).toEqual({
      side: 'buy',
      levels: 3,
      venues: ['ARCA', 'NSDQ'],
      totalSize: 600,
      notional: 100.01 * 100 + 100.02 * 200 + 100.03 * 300,
      startPrice: 100.01,
      endPrice: 100.03,
      durationMs: 2,
      ts: 1002,
      trades: 3,
      reason: 'levels',
      isoPrints: 2,
    });
    expect(t.detect()).toBeNull();
    // The same sweep extending is reported again with the new evidence.
    t.add(1003, 100.04, 100, 'BATS', false, 100.0, 100.01);
    expect(t.detect()).toMatchObject({ levels: 4, trades: 4, reason: 'levels_and_venues' });
  });

  it('looks at new prints at most every 100 ms; they stay pending meanwhile', () => {
    const t = new SweepTracker(settings);
    t.add(1000, 100.01, 100, 'ARCA', false, 100.0, 100.01);
    expect(t.detect(5000)).toBeNull();
    t.add(1001, 100.02, 100, 'NSDQ', false, 100.0, 100.01);
    t.add(1002, 100.03, 100, 'BATS', false, 100.0, 100.01);
    expect(t.detect(5050)).toBeNull();
    expect(t.pending).toBe(true);
    expect(t.detect(5100)).toMatchObject({ levels: 3 });
    expect(t.pending).toBe(false);
  });

  it('ignores prints at one level and runs slower than the window', () => {
    const t = new SweepTracker(settings);
    for (let i = 0; i < 5; i++) t.add(1000 + i, 100.01, 100, 'ARCA', false, 100.0, 100.01);
    expect(t.detect()).toBeNull();
    t.add(1000, 99.99, 100, 'ARCA', false, 100.0, 100.01);
    t.add(1600, 99.98, 100, 'NSDQ', false, 100.0, 100.01);
    t.add(2200, 99.97, 100, 'BATS', false, 100.0, 100.01);
    expect(t.detect()).toBeNull();
  });

  it('finds a sell sweep across venues at one price', () => {
    const t = new SweepTracker({ ...settings, minLevels: 5 });
    t.add(5000, 99.99, 100, 'ARCA', false, 99.99, 100.0);
    t.add(5001, 99.99, 100, 'NSDQ', false, 99.99, 100.0);
    t.add(5002, 99.99, 100, 'BATS', false, 99.99, 100.0);
    expect(t.detect()).toMatchObject({ side: 'sell', levels: 1, reason: 'venues' });
  });
});
