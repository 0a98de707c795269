import { describe, expect, it } from 'vitest';
import { bsm, type OptionRight } from './bsm';
import { QuantInputError } from './errors';
import { impliedVol } from './iv';

describe('impliedVol', () => {
  it("py_vollib's doctest: S=K=100, r=0.01, T=0.5, q=0, σ=0.2 call round-trips to 0.2", () => {
    const price = bsm({ S: 100, K: 100, T: 0.5, r: 0.01, q: 0, sigma: 0.2, right: 'C' }).price;
    expect(price).toBeCloseTo(5.87602423383, 9);
    expect(impliedVol({ price, S: 100, K: 100, T: 0.5, r: 0.01, q: 0, right: 'C' })).toBeCloseTo(0.2, 12);
  });

  it("recovers Hull's σ = 0.2 from the 4.76 call / 0.81 put to textbook precision", () => {
    const p = { S: 42, K: 40, T: 0.5, r: 0.1, q: 0 };
    expect(impliedVol({ ...p, price: 4.7594, right: 'C' })).toBeCloseTo(0.2, 3);
    expect(impliedVol({ ...p, price: 0.8086, right: 'P' })).toBeCloseTo(0.2, 3);
  });

  it('round-trips across moneyness, maturity, volatility, carry and right', () => {
    let checked = 0;
    for (const K of [60, 85, 100, 115, 150])
      for (const T of [1 / 365, 7 / 365, 0.25, 1, 3])
        for (const sigma of [0.03, 0.15, 0.4, 1, 2.5])
          for (const [r, q] of [
            [0.05, 0.01],
            [0, 0.04],
          ] as const)
            for (const right of ['C', 'P'] as const) {
              const S = 100;
              const price = bsm({ S, K, T, r, q, sigma, right }).price;
              const Sd = S * Math.exp(-q * T);
              const Kd = K * Math.exp(-r * T);
              const lower = right === 'C' ? Math.max(Sd - Kd, 0) : Math.max(Kd - Sd, 0);
              // Only where the time value is resolvable in double precision at all.
              if (price - lower < 1e-9 * Math.max(price, 1) || price < 1e-250) continue;
              const iv = impliedVol({ price, S, K, T, r, q, right });
              expect(iv, JSON.stringify({ K, T, sigma, r, q, right })).not.toBeNull();
              expect(Math.abs(iv! - sigma) / sigma).toBeLessThan(1e-6);
              checked++;
            }
    expect(checked).toBeGreaterThan(300);
  });

  it('returns null outside the no-arbitrage bounds, never a clamped number', () => {
    const p = { S: 100, K: 90, T: 0.5, r: 0.05, q: 0.02 };
    const Sd = 100 * Math.exp(-0.02 * 0.5);
    const Kd = 90 * Math.exp(-0.05 * 0.5);
    // Call: (max(Sd − Kd, 0), Sd)
    expect(impliedVol({ ...p, price: Sd - Kd, right: 'C' })).toBeNull();
    expect(impliedVol({ ...p, price: Sd - Kd - 0.5, right: 'C' })).toBeNull();
    expect(impliedVol({ ...p, price: Sd, right: 'C' })).toBeNull();
    expect(impliedVol({ ...p, price: Sd + 1, right: 'C' })).toBeNull();
    // Put: (max(Kd − Sd, 0), Kd)
    expect(impliedVol({ ...p, price: 0, right: 'P' })).toBeNull();
    expect(impliedVol({ ...p, price: -1, right: 'P' })).toBeNull();
    expect(impliedVol({ ...p, price: Kd, right: 'P' })).toBeNull();
    // Inside the bounds but needing σ > 5: no solution on [1e-6, 5].
    expect(impliedVol({ S: 100, K: 100, T: 0.1, r: 0, q: 0, price: 90, right: 'C' })).toBeNull();
  });

  it('returns null at or after expiry', () => {
    expect(impliedVol({ price: 1, S: 100, K: 100, T: 0, r: 0, q: 0, right: 'C' })).toBeNull();
    expect(impliedVol({ price: 1, S: 100, K: 100, T: -0.1, r: 0, q: 0, right: 'P' })).toBeNull();
  });

  it('throws QuantInputError on NaN, Infinity, non-positive S or K and an unknown right', () => {
    const ok = { price: 5, S: 100, K: 100, T: 0.5, r: 0.01, q: 0, right: 'C' as OptionRight };
    expect(() => impliedVol({ ...ok, price: Number.NaN })).toThrow(QuantInputError);
    expect(() => impliedVol({ ...ok, S: Number.POSITIVE_INFINITY })).toThrow(QuantInputError);
    expect(() => impliedVol({ ...ok, T: Number.NaN })).toThrow(QuantInputError);
    expect(() => impliedVol({ ...ok, K: 0 })).toThrow(QuantInputError);
    expect(() => impliedVol({ ...ok, right: 'c' as OptionRight })).toThrow(QuantInputError);
  });
});
