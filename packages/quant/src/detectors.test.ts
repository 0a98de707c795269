import { describe, expect, it } from 'vitest';
import { classifyTradeSize, detectSweeps, tradeSizeProfile, type TapeTrade } from './detectors';
import { QuantInputError } from './errors';

const t = (ts: number, price: number, size: number, side: 'buy' | 'sell', venue?: string): TapeTrade => ({
  ts,
  price,
  size,
  side,
  ...(venue === undefined ? {} : { venue }),
});

describe('detectSweeps', () => {
  it('same-side prints at successively worse prices across levels and venues within the window', () => {
    const tape = [
      t(1000, 10.0, 200, 'buy', 'ARCA'),
      t(1010, 10.01, 300, 'buy', 'NSDQ'),
      t(1030, 10.01, 100, 'buy', 'BATS'),
      t(1050, 10.02, 400, 'buy', 'EDGX'),
    ];
    const sweeps = detectSweeps(tape);
    expect(sweeps).toHaveLength(1);
    expect(sweeps[0]).toMatchObject({
      side: 'buy',
      startTs: 1000,
      endTs: 1050,
      startIndex: 0,
      endIndex: 3,
      trades: 4,
      levels: 3,
      venues: ['ARCA', 'BATS', 'EDGX', 'NSDQ'],
      firstPrice: 10.0,
      lastPrice: 10.02,
      shares: 1000,
      reason: 'levels_and_venues',
    });
    expect(sweeps[0]!.notional).toBeCloseTo(10 * 200 + 10.01 * 400 + 10.02 * 400, 9);
  });

  it('sell sweeps walk down; venues alone can qualify', () => {
    const sells = detectSweeps([
      t(0, 20.05, 100, 'sell'),
      t(5, 20.04, 100, 'sell'),
      t(9, 20.03, 100, 'sell'),
    ]);
    expect(sells).toMatchObject([{ side: 'sell', levels: 3, reason: 'levels', lastPrice: 20.03 }]);
    const venues = detectSweeps([
      t(0, 5, 100, 'buy', 'A'),
      t(1, 5, 100, 'buy', 'B'),
      t(2, 5, 100, 'buy', 'C'),
    ]);
    expect(venues).toMatchObject([{ levels: 1, reason: 'venues', venues: ['A', 'B', 'C'] }]);
  });

  it('a price improvement or the end of the window breaks the run; other-side prints do not', () => {
    // Improvement: 10.00 → 10.02 → 10.01 (better for a buyer) splits the run.
    expect(detectSweeps([t(0, 10, 1, 'buy'), t(1, 10.02, 1, 'buy'), t(2, 10.01, 1, 'buy')])).toEqual([]);
    // Too slow: the third level arrives after 500 ms.
    expect(detectSweeps([t(0, 10, 1, 'buy'), t(200, 10.01, 1, 'buy'), t(600, 10.02, 1, 'buy')])).toEqual([]);
    expect(
      detectSweeps([t(0, 10, 1, 'buy'), t(200, 10.01, 1, 'buy'), t(600, 10.02, 1, 'buy')], {
        windowMs: 1000,
      }),
    ).toHaveLength(1);
    // Interleaved sells do not interrupt the buy run.
    const mixed = detectSweeps([
      t(0, 10, 1, 'buy'),
      t(1, 9.99, 5, 'sell'),
      t(2, 10.01, 1, 'buy'),
      t(3, 9.99, 5, 'sell'),
      t(4, 10.02, 1, 'buy'),
    ]);
    expect(mixed).toMatchObject([{ side: 'buy', startIndex: 0, endIndex: 4, trades: 3 }]);
  });

  it('thresholds are configurable; float prices compare in ticks', () => {
    const tape = [t(0, 0.1 + 0.2, 1, 'buy'), t(1, 0.3, 1, 'buy'), t(2, 0.31, 1, 'buy')];
    expect(detectSweeps(tape)).toEqual([]); // 0.30000000000000004 and 0.3 are one level: only 2 levels
    expect(detectSweeps(tape, { minLevels: 2 })).toMatchObject([{ levels: 2 }]);
  });

  it('rejects malformed prints', () => {
    expect(() => detectSweeps([t(0, Number.NaN, 1, 'buy')])).toThrow(QuantInputError);
    expect(() => detectSweeps([t(0, 10, -1, 'buy')])).toThrow(QuantInputError);
    expect(() => detectSweeps([{ ts: 0, price: 10, size: 1, side: 'up' } as unknown as TapeTrade])).toThrow(
      QuantInputError,
    );
    expect(detectSweeps([])).toEqual([]);
  });
});

describe('classifyTradeSize and tradeSizeProfile', () => {
  it('odd lot < round lot (100) ≤ round lot; block at ≥ 10,000 shares or ≥ $200,000', () => {
    expect(classifyTradeSize({ price: 10, size: 99 })).toBe('odd_lot');
    expect(classifyTradeSize({ price: 10, size: 100 })).toBe('round_lot');
    expect(classifyTradeSize({ price: 10, size: 9_999 })).toBe('round_lot');
    expect(classifyTradeSize({ price: 1, size: 10_000 })).toBe('block');
    expect(classifyTradeSize({ price: 2_000, size: 100 })).toBe('block'); // $200,000
    expect(classifyTradeSize({ price: 5_000, size: 50 })).toBe('block'); // an odd lot by size, a block by value
  });

  it('thresholds are configurable (e.g. the SEC 2025 round-lot tiers)', () => {
    expect(classifyTradeSize({ price: 500, size: 50 }, { roundLot: 40 })).toBe('round_lot');
    expect(classifyTradeSize({ price: 10, size: 5_000 }, { blockShares: 5_000 })).toBe('block');
    expect(classifyTradeSize({ price: 10, size: 5_000 }, { blockNotional: 1e9, blockShares: 1e9 })).toBe(
      'round_lot',
    );
    expect(() => classifyTradeSize({ price: 10, size: Number.NaN })).toThrow(QuantInputError);
    expect(() => classifyTradeSize({ price: 10, size: 10 }, { roundLot: 0 })).toThrow(QuantInputError);
  });

  it('profiles counts and volume by class', () => {
    const p = tradeSizeProfile([
      { price: 10, size: 10 },
      { price: 10, size: 30 },
      { price: 10, size: 200 },
      { price: 10, size: 20_000 },
    ]);
    expect(p.counts).toEqual({ odd_lot: 2, round_lot: 1, block: 1 });
    expect(p.volume).toEqual({ odd_lot: 40, round_lot: 200, block: 20_000 });
    expect(p.oddLotRatio).toBe(0.5);
    expect(p.blockVolumeShare).toBeCloseTo(20_000 / 20_240, 15);
    expect(tradeSizeProfile([])).toMatchObject({ oddLotRatio: 0, blockRatio: 0, blockVolumeShare: 0 });
  });
});
