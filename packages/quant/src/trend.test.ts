import { describe, expect, it } from 'vitest';
import { QuantInputError } from './errors';
import { linearTrend, movingAverage, percentileRank } from './trend';

describe('percentileRank', () => {
  it('uses mid-ranks: (below + ½ equal) / n', () => {
    expect(percentileRank([1, 2, 3, 4], 3)).toBeCloseTo(2.5 / 4, 12);
    expect(percentileRank([1, 2, 3, 4], 10)).toBe(1);
    expect(percentileRank([1, 2, 3, 4], 0)).toBe(0);
    expect(percentileRank([5, 5, 5], 5)).toBe(0.5);
  });

  it('rejects empty and non-finite input', () => {
    expect(() => percentileRank([], 1)).toThrow(QuantInputError);
    expect(() => percentileRank([1, Number.NaN], 1)).toThrow(QuantInputError);
    expect(() => percentileRank([1], Infinity)).toThrow(QuantInputError);
  });
});

describe('linearTrend', () => {
  it('matches a hand-computed OLS fit (y = 1, 3, 2, 5, 4: slope 0.8, t = 0.8/√0.12, R² 0.64)', () => {
    const t = linearTrend([1, 3, 2, 5, 4]);
    expect(t.slope).toBeCloseTo(0.8, 12);
    expect(t.intercept).toBeCloseTo(1.4, 12);
    expect(t.tStat!).toBeCloseTo(0.8 / Math.sqrt(0.12), 10);
    expect(t.rSquared!).toBeCloseTo(0.64, 12);
    expect(t.n).toBe(5);
  });

  it('reports an exact line with R² 1 and no finite t, and a constant series with slope 0', () => {
    const line = linearTrend([2, 5, 8, 11]);
    expect(line.slope).toBeCloseTo(3, 12);
    expect(line.intercept).toBeCloseTo(2, 12);
    expect(line.tStat).toBeNull();
    expect(line.rSquared).toBe(1);
    const flat = linearTrend([7, 7, 7]);
    expect(flat.slope).toBe(0);
    expect(flat.rSquared).toBeNull();
    expect(flat.tStat).toBeNull();
  });

  it('is sign-symmetric: a reversed series has the opposite slope and t', () => {
    const up = linearTrend([1, 3, 2, 5, 4]);
    const down = linearTrend([4, 5, 2, 3, 1]);
    expect(down.slope).toBeCloseTo(-up.slope, 12);
    expect(down.tStat!).toBeCloseTo(-up.tStat!, 10);
  });

  it('needs two finite values', () => {
    expect(() => linearTrend([1])).toThrow(QuantInputError);
    expect(() => linearTrend([1, Number.NaN])).toThrow(QuantInputError);
  });
});

describe('movingAverage', () => {
  it('averages each window of consecutive values', () => {
    expect(movingAverage([1, 2, 3, 4, 5], 2)).toEqual([1.5, 2.5, 3.5, 4.5]);
    expect(movingAverage([1, 2, 3, 4, 5], 5)).toEqual([3]);
    expect(movingAverage([1, 2], 3)).toEqual([]);
  });

  it('does not drift over a long series', () => {
    const values = Array.from({ length: 10_000 }, (_, i) => 1e6 + Math.sin(i) * 0.1);
    const ma = movingAverage(values, 20);
    const last = values.slice(-20).reduce((a, v) => a + v, 0) / 20;
    expect(ma.at(-1)!).toBeCloseTo(last, 9);
  });

  it('rejects a window below 1', () => {
    expect(() => movingAverage([1, 2], 0)).toThrow(QuantInputError);
  });
});
