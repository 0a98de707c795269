import { describe, expect, it } from 'vitest';
import { QuantInputError } from './errors';
import { expectedShortfall, historicalVaR, kelly, kellySize, maxDrawdown, sharpe } from './risk';

describe('kelly', () => {
  it('f* = p − (1 − p)/b, negative without an edge', () => {
    expect(kelly({ winRate: 0.6, winLossRatio: 1 })).toBeCloseTo(0.2, 15);
    expect(kelly({ winRate: 0.5, winLossRatio: 2 })).toBeCloseTo(0.25, 15);
    expect(kelly({ winRate: 0.4, winLossRatio: 1 })).toBeCloseTo(-0.2, 15);
    expect(kelly({ winRate: 1, winLossRatio: 3 })).toBe(1);
  });

  it('kellySize applies the fraction (default 0.25) and clamps at 0', () => {
    expect(kellySize({ winRate: 0.6, winLossRatio: 1 })).toBeCloseTo(0.05, 15);
    expect(kellySize({ winRate: 0.6, winLossRatio: 1, fraction: 0.5 })).toBeCloseTo(0.1, 15);
    expect(kellySize({ winRate: 0.4, winLossRatio: 1, fraction: 0.25 })).toBe(0);
  });

  it('rejects p outside [0, 1], b ≤ 0, NaN and a negative fraction', () => {
    expect(() => kelly({ winRate: 1.2, winLossRatio: 1 })).toThrow(QuantInputError);
    expect(() => kelly({ winRate: 0.5, winLossRatio: 0 })).toThrow(QuantInputError);
    expect(() => kelly({ winRate: Number.NaN, winLossRatio: 1 })).toThrow(QuantInputError);
    expect(() => kellySize({ winRate: 0.5, winLossRatio: 1, fraction: -0.1 })).toThrow(QuantInputError);
  });
});

describe('historicalVaR and expectedShortfall', () => {
  // −5 %, −4 %, …, +14 %: numpy.percentile(r, 5) = −0.0405 (type 7).
  const twenty = Array.from({ length: 20 }, (_, i) => (i - 5) / 100);
  // −50 %, …, +49 %: numpy.percentile(r, 5) = −0.4505.
  const hundred = Array.from({ length: 100 }, (_, i) => (i - 50) / 100);

  it('VaR is minus the type-7 (numpy default) quantile, as a positive loss', () => {
    expect(historicalVaR(twenty, 0.95)).toBeCloseTo(0.0405, 14);
    expect(historicalVaR(hundred, 0.95)).toBeCloseTo(0.4505, 14);
    expect(historicalVaR(hundred, 0.99)).toBeCloseTo(0.4901, 14); // h = 0.99 → −0.50 + 0.99·0.01
    // Order does not matter.
    expect(historicalVaR([...hundred].reverse(), 0.95)).toBeCloseTo(0.4505, 14);
  });

  it('ES is minus the mean of the returns at or below the VaR quantile', () => {
    expect(expectedShortfall(twenty, 0.95)).toBeCloseTo(0.05, 14);
    expect(expectedShortfall(hundred, 0.95)).toBeCloseTo(0.48, 14); // mean of −0.50 … −0.46
    expect(expectedShortfall(hundred, 0.95)).toBeGreaterThanOrEqual(historicalVaR(hundred, 0.95));
  });

  it('a one-element sample is its own VaR and ES', () => {
    expect(historicalVaR([-0.03], 0.95)).toBeCloseTo(0.03, 15);
    expect(expectedShortfall([-0.03], 0.95)).toBeCloseTo(0.03, 15);
  });

  it('rejects empty, NaN, Infinity and confidence outside (0, 1)', () => {
    expect(() => historicalVaR([], 0.95)).toThrow(QuantInputError);
    expect(() => historicalVaR([0.01, Number.NaN], 0.95)).toThrow(QuantInputError);
    expect(() => expectedShortfall([0.01, Number.NEGATIVE_INFINITY], 0.95)).toThrow(QuantInputError);
    expect(() => historicalVaR(twenty, 1)).toThrow(QuantInputError);
    expect(() => expectedShortfall(twenty, 0)).toThrow(QuantInputError);
  });
});

describe('maxDrawdown', () => {
  it('largest 1 − E/peak as a positive fraction', () => {
    expect(maxDrawdown([100, 120, 90, 130, 65, 140])).toBeCloseTo(0.5, 15);
    expect(maxDrawdown([100, 110, 121])).toBe(0);
    expect(maxDrawdown([100])).toBe(0);
    expect(maxDrawdown([100, 80, 90, 60])).toBeCloseTo(0.4, 15);
  });

  it('rejects empty, non-positive and non-finite equity', () => {
    expect(() => maxDrawdown([])).toThrow(QuantInputError);
    expect(() => maxDrawdown([100, 0])).toThrow(QuantInputError);
    expect(() => maxDrawdown([100, Number.NaN])).toThrow(QuantInputError);
  });
});

describe('sharpe', () => {
  it('mean(r − r_f)/sample std × √periodsPerYear (252 by default)', () => {
    expect(sharpe([0.01, 0.02, 0.03])).toBeCloseTo((0.02 / 0.01) * Math.sqrt(252), 10);
    expect(sharpe([0.01, 0.02, 0.03], { riskFree: 0.01 })).toBeCloseTo(Math.sqrt(252), 10);
    expect(sharpe([0.01, 0.02, 0.03], { periodsPerYear: 12 })).toBeCloseTo(2 * Math.sqrt(12), 10);
    expect(sharpe([-0.01, -0.03])).toBeCloseTo((-0.02 / Math.sqrt(2e-4)) * Math.sqrt(252), 10);
  });

  it('null when undefined (one return or no variation); throws on empty or NaN', () => {
    expect(sharpe([0.01])).toBeNull();
    expect(sharpe([0.01, 0.01, 0.01])).toBeNull();
    expect(() => sharpe([])).toThrow(QuantInputError);
    expect(() => sharpe([0.01, Number.NaN])).toThrow(QuantInputError);
    expect(() => sharpe([0.01, 0.02], { periodsPerYear: 0 })).toThrow(QuantInputError);
  });
});
