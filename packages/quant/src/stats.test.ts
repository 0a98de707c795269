import { describe, expect, it } from 'vitest';
import { QuantInputError } from './errors';
import {
  autocorrelation,
  correlationMatrix,
  ewmaVolForecast,
  firstInsignificantLag,
  kmeans1d,
  logReturns,
  percentile,
  quantile,
  realizedVol,
} from './stats';

describe('quantile / percentile (numpy type 7)', () => {
  it('matches numpy.percentile', () => {
    expect(percentile([1, 2, 3, 4], 25)).toBeCloseTo(1.75, 15);
    expect(percentile([15, 20, 35, 40, 50], 40)).toBeCloseTo(29, 12);
    expect(quantile([4, 1, 3, 2], 0.5)).toBeCloseTo(2.5, 15);
    expect(percentile([7], 90)).toBe(7);
    expect(percentile([1, 2, 3], 0)).toBe(1);
    expect(percentile([1, 2, 3], 100)).toBe(3);
  });

  it('rejects empty input, NaN and out-of-range p', () => {
    expect(() => percentile([], 50)).toThrow(QuantInputError);
    expect(() => percentile([1, Number.NaN], 50)).toThrow(QuantInputError);
    expect(() => percentile([1, 2], 101)).toThrow(QuantInputError);
    expect(() => quantile([1, 2], -0.1)).toThrow(QuantInputError);
  });
});

describe('realizedVol', () => {
  it('sample std (n − 1) of returns × √periodsPerYear', () => {
    const r = [0.01, -0.01, 0.01, -0.01];
    expect(realizedVol(r, { periodsPerYear: 252, input: 'returns' })).toBeCloseTo(
      0.01 * Math.sqrt(4 / 3) * Math.sqrt(252),
      14,
    );
  });

  it('from prices via log returns', () => {
    const prices = [100, 110, 99];
    const r = [Math.log(1.1), Math.log(0.9)];
    const m = (r[0]! + r[1]!) / 2;
    const sd = Math.sqrt((r[0]! - m) ** 2 + (r[1]! - m) ** 2);
    expect(realizedVol(prices, { periodsPerYear: 252 })).toBeCloseTo(sd * Math.sqrt(252), 14);
    expect(logReturns(prices)).toEqual(r);
  });

  it('null with fewer than two returns; throws on bad prices', () => {
    expect(realizedVol([100, 101], { periodsPerYear: 252 })).toBeNull();
    expect(() => realizedVol([100, 0, 101], { periodsPerYear: 252 })).toThrow(QuantInputError);
    expect(() => realizedVol([], { periodsPerYear: 252 })).toThrow(QuantInputError);
    expect(() => realizedVol([100, 101, 102], { periodsPerYear: Number.NaN })).toThrow(QuantInputError);
  });
});

describe('ewmaVolForecast', () => {
  it('RiskMetrics recursion seeded with the mean squared return', () => {
    // seed (1e-4 + 4e-4)/2 = 2.5e-4 → 0.94·2.5e-4 + 0.06·1e-4 = 2.41e-4 → 0.94·2.41e-4 + 0.06·4e-4
    const v = 0.94 * (0.94 * 2.5e-4 + 0.06 * 1e-4) + 0.06 * 4e-4;
    expect(ewmaVolForecast([0.01, 0.02], { lambda: 0.94 })).toBeCloseTo(Math.sqrt(v), 15);
    expect(ewmaVolForecast([0.01, 0.02], { lambda: 0.94, periodsPerYear: 252 })).toBeCloseTo(
      Math.sqrt(v * 252),
      14,
    );
  });

  it('reacts to a shock more with a smaller λ', () => {
    const calm = Array.from({ length: 50 }, (_, i) => (i % 2 ? 0.005 : -0.005));
    const shocked = [...calm, 0.08];
    expect(ewmaVolForecast(shocked, { lambda: 0.8 })).toBeGreaterThan(
      ewmaVolForecast(shocked, { lambda: 0.97 }),
    );
  });

  it('rejects λ outside (0, 1) and empty input', () => {
    expect(() => ewmaVolForecast([0.01], { lambda: 1 })).toThrow(QuantInputError);
    expect(() => ewmaVolForecast([], { lambda: 0.94 })).toThrow(QuantInputError);
  });
});

describe('autocorrelation and firstInsignificantLag', () => {
  it('the statsmodels acf estimator', () => {
    expect(autocorrelation([1, 2, 3, 4, 5], 1)).toBeCloseTo(0.4, 15);
    expect(autocorrelation([1, 2, 3, 4, 5], 0)).toBe(1);
    expect(autocorrelation([1, -1, 1, -1, 1, -1], 1)).toBeCloseTo(-5 / 6, 15);
    expect(autocorrelation([3, 3, 3], 1)).toBeNull();
    expect(autocorrelation([1, 2, 3], 3)).toBeNull();
  });

  it('first lag with |ρ| < 1.96/√n', () => {
    // sin(πt/2): 0, 1, 0, −1, … has ρ₁ = 0 exactly.
    const wave = Array.from({ length: 40 }, (_, t) => Math.round(Math.sin((Math.PI * t) / 2)));
    expect(firstInsignificantLag(wave, 10)).toBe(1);
    // A linear trend stays significant for many lags; the answer is the first lag under the bound.
    const trend = Array.from({ length: 100 }, (_, t) => t);
    const k = firstInsignificantLag(trend, 60)!;
    const bound = 1.96 / Math.sqrt(100);
    expect(Math.abs(autocorrelation(trend, k)!)).toBeLessThan(bound);
    for (let j = 1; j < k; j++) expect(Math.abs(autocorrelation(trend, j)!)).toBeGreaterThanOrEqual(bound);
    expect(k).toBeGreaterThan(20);
    expect(firstInsignificantLag(trend, 5)).toBeNull();
  });

  it('rejects bad lags and empty input', () => {
    expect(() => autocorrelation([1, 2, 3], -1)).toThrow(QuantInputError);
    expect(() => autocorrelation([1, 2, 3], 1.5)).toThrow(QuantInputError);
    expect(() => firstInsignificantLag([], 5)).toThrow(QuantInputError);
    expect(() => firstInsignificantLag([1, 2], 0)).toThrow(QuantInputError);
  });
});

describe('correlationMatrix', () => {
  it('Pearson correlations, symmetric with a unit diagonal', () => {
    const m = correlationMatrix({ A: [1, 2, 3, 4], B: [2, 4, 6, 8], C: [4, 3, 2, 1], D: [1, 3, 2, 4] });
    expect(m.symbols).toEqual(['A', 'B', 'C', 'D']);
    expect(m.matrix[0]![1]).toBeCloseTo(1, 15);
    expect(m.matrix[0]![2]).toBeCloseTo(-1, 15);
    expect(m.matrix[0]![3]).toBeCloseTo(0.8, 15);
    expect(m.matrix[3]![0]).toBe(m.matrix[0]![3]);
    expect(m.matrix.map((row, i) => row[i])).toEqual([1, 1, 1, 1]);
  });

  it('aligns series on their most recent values and uses null where undefined', () => {
    const m = correlationMatrix({ A: [9, 9, 1, 2, 3], B: [3, 2, 1], C: [5, 5, 5] });
    expect(m.observations).toBe(3);
    expect(m.matrix[0]![1]).toBeCloseTo(-1, 15);
    expect(m.matrix[0]![2]).toBeNull();
    expect(m.matrix[2]![2]).toBeNull();
  });

  it('rejects NaN and no series', () => {
    expect(() => correlationMatrix({})).toThrow(QuantInputError);
    expect(() => correlationMatrix({ A: [1, Number.NaN] })).toThrow(QuantInputError);
  });
});

describe('kmeans1d', () => {
  it('optimal 1-D clusters, ascending, with their means', () => {
    const { centers, clusters } = kmeans1d([100, 1, 11, 2, 10, 1, 12, 101], 3);
    expect(clusters).toEqual([
      [1, 1, 2],
      [10, 11, 12],
      [100, 101],
    ]);
    expect(centers[0]).toBeCloseTo(4 / 3, 15);
    expect(centers.slice(1)).toEqual([11, 100.5]);
  });

  it('caps k at the number of distinct values; rejects empty input and k < 1', () => {
    expect(kmeans1d([5, 5, 5], 3).clusters).toEqual([[5, 5, 5]]);
    expect(kmeans1d([1, 2], 5).centers).toEqual([1, 2]);
    expect(() => kmeans1d([], 2)).toThrow(QuantInputError);
    expect(() => kmeans1d([1, 2], 0)).toThrow(QuantInputError);
  });
});
