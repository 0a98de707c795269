import { describe, expect, it } from 'vitest';
import type { TapeTrade } from './detectors';
import { QuantInputError } from './errors';
import { flowToxicity, tradePatternScore, tradePatterns } from './flow-toxicity';

const SEED_WEIGHTS = { vpin: 0.7, patterns: 0.25, obiVolatility: 0.05 };

describe('tradePatterns', () => {
  it('counts odd lots, blocks and the prints of a sweep as shares of all prints', () => {
    const t = (ts: number, price: number, size: number, side: 'buy' | 'sell', venue?: string): TapeTrade => ({
      ts,
      price,
      size,
      side,
      venue,
    });
    const tape: TapeTrade[] = [
      t(0, 100.0, 50, 'sell'),
      t(1_000, 100.0, 200, 'buy'),
      // A buy sweep: three prints at successively worse prices within 100 ms.
      t(2_000, 100.01, 300, 'buy', 'ARCA'),
      t(2_040, 100.02, 300, 'buy', 'NSDQ'),
      t(2_090, 100.03, 300, 'buy', 'BATS'),
      t(5_000, 99.95, 30, 'sell'),
      t(6_000, 99.9, 12_000, 'sell'),
      t(7_000, 99.9, 70, 'buy'),
      t(8_000, 99.92, 10, 'sell'),
      t(9_500, 99.91, 100, 'buy'),
    ];
    const p = tradePatterns(tape);
    expect(p.trades).toBe(10);
    expect(p.oddLot).toBeCloseTo(4 / 10, 12);
    expect(p.block).toBeCloseTo(1 / 10, 12);
    expect(p.sweep).toBeCloseTo(3 / 10, 12);
  });

  it('gives zeros for an empty tape and rejects a trade without a side', () => {
    expect(tradePatterns([])).toEqual({ oddLot: 0, sweep: 0, block: 0, trades: 0 });
    expect(() => tradePatterns([{ ts: 0, price: 1, size: 1, side: 'up' as 'buy' }])).toThrow(QuantInputError);
  });
});

describe('tradePatternScore', () => {
  const weights = { oddLot: 0.7, sweep: 0.9, block: -0.5 };

  it('is Σ weight × ratio (0.7·0.4 + 0.9·0.3 − 0.5·0.1 = 0.5)', () => {
    expect(tradePatternScore({ oddLot: 0.4, sweep: 0.3, block: 0.1 }, weights)).toBeCloseTo(0.5, 12);
  });

  it('clamps to [0, 1]', () => {
    expect(tradePatternScore({ oddLot: 1, sweep: 1, block: 0 }, weights)).toBe(1);
    expect(tradePatternScore({ oddLot: 0, sweep: 0, block: 1 }, weights)).toBe(0);
  });

  it('rejects ratios outside [0, 1] and non-finite weights', () => {
    expect(() => tradePatternScore({ oddLot: 1.2, sweep: 0, block: 0 }, weights)).toThrow(QuantInputError);
    expect(() => tradePatternScore({ oddLot: 0, sweep: Number.NaN, block: 0 }, weights)).toThrow(
      QuantInputError,
    );
    expect(() =>
      tradePatternScore({ oddLot: 0, sweep: 0, block: 0 }, { ...weights, block: Infinity }),
    ).toThrow(QuantInputError);
  });
});

describe('flowToxicity', () => {
  it('blends VPIN 70 %, patterns 25 %, OBI volatility 5 % (0.7·0.8 + 0.25·0.5 + 0.05·0.2 = 0.695)', () => {
    const t = flowToxicity({ vpin: 0.8, patterns: 0.5, obiVolatility: 0.2 }, SEED_WEIGHTS)!;
    expect(t.score).toBeCloseTo(0.695, 12);
    expect(t.weights).toEqual(SEED_WEIGHTS);
  });

  it('drops a missing component and renormalises the others instead of counting it as 0', () => {
    const t = flowToxicity({ vpin: null, patterns: 0.5, obiVolatility: 0.2 }, SEED_WEIGHTS)!;
    expect(t.weights.vpin).toBe(0);
    expect(t.weights.patterns).toBeCloseTo(0.25 / 0.3, 12);
    expect(t.weights.obiVolatility).toBeCloseTo(0.05 / 0.3, 12);
    expect(t.score).toBeCloseTo((0.25 * 0.5 + 0.05 * 0.2) / 0.3, 12);
  });

  it('is null when no weighted component exists', () => {
    expect(flowToxicity({ vpin: null, patterns: null, obiVolatility: null }, SEED_WEIGHTS)).toBeNull();
    expect(
      flowToxicity({ vpin: 0.5, patterns: null, obiVolatility: null }, { ...SEED_WEIGHTS, vpin: 0 }),
    ).toBeNull();
  });

  it('rejects components outside [0, 1] and negative weights', () => {
    expect(() => flowToxicity({ vpin: 1.5, patterns: 0, obiVolatility: 0 }, SEED_WEIGHTS)).toThrow(
      QuantInputError,
    );
    expect(() => flowToxicity({ vpin: Number.NaN, patterns: 0, obiVolatility: 0 }, SEED_WEIGHTS)).toThrow(
      QuantInputError,
    );
    expect(() =>
      flowToxicity({ vpin: 0.5, patterns: 0, obiVolatility: 0 }, { ...SEED_WEIGHTS, patterns: -0.1 }),
    ).toThrow(QuantInputError);
  });
});
