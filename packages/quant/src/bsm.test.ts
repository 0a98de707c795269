import { describe, expect, it } from 'vitest';
import { bsm, type BsmInput, type OptionRight } from './bsm';
import { QuantInputError } from './errors';
import { normCdf } from './normal';

const base = { q: 0 } as const;

describe('bsm: published values', () => {
  it("Hull's BSM example: S=42, K=40, r=0.1, σ=0.2, T=0.5 → call 4.76, put 0.81", () => {
    const p = { S: 42, K: 40, r: 0.1, sigma: 0.2, T: 0.5, ...base };
    expect(bsm({ ...p, right: 'C' }).price).toBeCloseTo(4.76, 2);
    expect(bsm({ ...p, right: 'P' }).price).toBeCloseTo(0.81, 2);
  });

  describe("Hull's Greek-letter examples: S=49, K=50, r=0.05, σ=0.2, T=0.3846 call", () => {
    const g = bsm({ S: 49, K: 50, r: 0.05, sigma: 0.2, T: 0.3846, q: 0, right: 'C' });
    it('textbook figures', () => {
      expect(g.delta).toBeCloseTo(0.522, 3);
      expect(g.gamma).toBeCloseTo(0.066, 3);
      expect(g.theta).toBeCloseTo(-4.31, 2); // per year
      expect(g.vega).toBeCloseTo(12.1, 1); // per 1.00 of σ
      expect(g.rho).toBeCloseTo(8.91, 2); // per 1.00 of r
    });
    it("py_vollib's doctest references (analytical greeks, same inputs)", () => {
      expect(g.delta).toBeCloseTo(0.521601633972, 10);
      expect(g.gamma).toBeCloseTo(0.0655453772525, 11);
      expect(g.theta).toBeCloseTo(-4.30538996455, 9);
      // py_vollib scales vega and rho per 1 %: 0.121052427542 and 0.089065740988.
      expect(g.vegaPerPoint).toBeCloseTo(0.121052427542, 11);
      expect(g.rho / 100).toBeCloseTo(0.089065740988, 11);
      expect(g.thetaPerDay).toBeCloseTo(-4.30538996455 / 365, 11);
      const put = bsm({ S: 49, K: 50, r: 0.05, sigma: 0.2, T: 0.3846, q: 0, right: 'P' });
      expect(Math.abs(put.theta - -1.8530056722)).toBeLessThan(1e-6);
    });
  });

  it("py_vollib's BSM price doctests: Haug p.4 put 2.4648 (q=0.05) and the 5.87602423383 call", () => {
    expect(bsm({ S: 100, K: 95, q: 0.05, T: 0.5, r: 0.1, sigma: 0.2, right: 'P' }).price).toBeCloseTo(
      2.4648,
      4,
    );
    expect(bsm({ S: 100, K: 100, q: 0, T: 0.5, r: 0.01, sigma: 0.2, right: 'C' }).price).toBeCloseTo(
      5.87602423383,
      9,
    );
  });

  it("Haug's generalized BSM put: S=75, K=70, T=0.5, r=0.1, b=0.05 (q=0.05), σ=0.35 → 4.0870", () => {
    expect(bsm({ S: 75, K: 70, T: 0.5, r: 0.1, q: 0.05, sigma: 0.35, right: 'P' }).price).toBeCloseTo(
      4.087,
      4,
    );
  });

  it("Haug's Black–Scholes 1973 call: S=60, K=65, T=0.25, r=0.08, σ=0.3 → 2.1334", () => {
    expect(bsm({ S: 60, K: 65, T: 0.25, r: 0.08, q: 0, sigma: 0.3, right: 'C' }).price).toBeCloseTo(
      2.1334,
      4,
    );
  });

  it("Haug's Greek examples with a cost of carry b = r − q", () => {
    // Delta, b = 0 (q = r): call 0.5946, put −0.3566.
    const d = { S: 105, K: 100, T: 0.5, r: 0.1, q: 0.1, sigma: 0.36 };
    expect(bsm({ ...d, right: 'C' }).delta).toBeCloseTo(0.5946, 4);
    expect(bsm({ ...d, right: 'P' }).delta).toBeCloseTo(-0.3566, 4);
    // Gamma, b = r: 0.0278.
    expect(bsm({ S: 55, K: 60, T: 0.75, r: 0.1, q: 0, sigma: 0.3, right: 'C' }).gamma).toBeCloseTo(0.0278, 4);
    // Theta (per year), put, b = 0.02 (q = 0.05): −31.1924.
    const th = bsm({ S: 430, K: 405, T: 0.0833, r: 0.07, q: 0.05, sigma: 0.2, right: 'P' }).theta;
    expect(th).toBeCloseTo(-31.1924, 4);
    // Rho, call, b = r: 38.7325.
    expect(bsm({ S: 72, K: 75, T: 1, r: 0.09, q: 0, sigma: 0.19, right: 'C' }).rho).toBeCloseTo(38.7325, 4);
  });
});

describe('normCdf', () => {
  // References: 0.5·erfc(−x/√2) from the C library.
  it('matches reference values to ~1e-16 absolute, and to 1e-8 relative deep in the tail', () => {
    expect(normCdf(0)).toBe(0.5);
    expect(normCdf(1.96)).toBeCloseTo(0.9750021048517795, 15);
    expect(normCdf(-1)).toBeCloseTo(0.15865525393145707, 15);
    expect(normCdf(-3)).toBeCloseTo(0.0013498980316300957, 16);
    expect(normCdf(-5) / 2.866515718791946e-7).toBeCloseTo(1, 9);
    expect(normCdf(-8) / 6.220960574271819e-16).toBeCloseTo(1, 7);
    expect(normCdf(-20) / 2.7536241186063314e-89).toBeCloseTo(1, 9);
    expect(normCdf(40)).toBe(1);
    expect(normCdf(-40)).toBe(0);
  });
});

const grid: BsmInput[] = [];
for (const S of [50, 95, 100, 105, 180])
  for (const T of [1 / 365, 0.25, 2])
    for (const sigma of [0.05, 0.3, 1.2])
      for (const [r, q] of [
        [0, 0],
        [0.05, 0.02],
        [0.03, 0.08],
      ] as const)
        for (const right of ['C', 'P'] as const) grid.push({ S, K: 100, T, r, q, sigma, right });

describe('bsm: properties', () => {
  it('put–call parity C − P = S·e^{−qT} − K·e^{−rT}', () => {
    for (const p of grid.filter((g) => g.right === 'C')) {
      const c = bsm(p).price;
      const put = bsm({ ...p, right: 'P' }).price;
      expect(c - put).toBeCloseTo(p.S * Math.exp(-p.q * p.T) - p.K * Math.exp(-p.r * p.T), 9);
    }
  });

  it('Greeks equal finite differences of the price', () => {
    for (const p of grid.filter((g) => g.T >= 0.25 && g.sigma >= 0.3)) {
      const g = bsm(p);
      const price = (o: Partial<BsmInput>) => bsm({ ...p, ...o }).price;
      const close = (analytic: number, numeric: number, tol: number) =>
        expect(Math.abs(analytic - numeric)).toBeLessThan(tol * Math.max(1, Math.abs(numeric)));
      const hS = 1e-4 * p.S;
      close(g.delta, (price({ S: p.S + hS }) - price({ S: p.S - hS })) / (2 * hS), 1e-7);
      const hG = 1e-3 * p.S;
      close(g.gamma, (price({ S: p.S + hG }) - 2 * g.price + price({ S: p.S - hG })) / hG ** 2, 1e-5);
      const h = 1e-5;
      close(g.vega, (price({ sigma: p.sigma + h }) - price({ sigma: p.sigma - h })) / (2 * h), 1e-6);
      close(g.rho, (price({ r: p.r + h }) - price({ r: p.r - h })) / (2 * h), 1e-6);
      // theta = ∂V/∂t = −∂V/∂T
      close(g.theta, -(price({ T: p.T + h }) - price({ T: p.T - h })) / (2 * h), 1e-5);
      expect(g.thetaPerDay).toBeCloseTo(g.theta / 365, 12);
      expect(g.vegaPerPoint).toBeCloseTo(g.vega / 100, 12);
    }
  });

  it('calls and puts share gamma and vega; put delta = call delta − e^{−qT}', () => {
    for (const p of grid.filter((g) => g.right === 'C')) {
      const c = bsm(p);
      const put = bsm({ ...p, right: 'P' });
      expect(put.gamma).toBeCloseTo(c.gamma, 12);
      expect(put.vega).toBeCloseTo(c.vega, 10);
      expect(put.delta).toBeCloseTo(c.delta - Math.exp(-p.q * p.T), 12);
    }
  });

  it('with b = 0 (q = r) a call at (S, K) is worth a put at (K, S) (Bates symmetry)', () => {
    const c = bsm({ S: 110, K: 95, T: 0.7, r: 0.04, q: 0.04, sigma: 0.33, right: 'C' }).price;
    const p = bsm({ S: 95, K: 110, T: 0.7, r: 0.04, q: 0.04, sigma: 0.33, right: 'P' }).price;
    expect(c).toBeCloseTo(p, 12);
  });

  it('limits: deep ITM delta → e^{−qT}, deep OTM → 0, T → 0 → intrinsic', () => {
    const deep = bsm({ S: 400, K: 100, T: 0.5, r: 0.05, q: 0.02, sigma: 0.2, right: 'C' });
    expect(deep.delta).toBeCloseTo(Math.exp(-0.02 * 0.5), 12);
    expect(deep.gamma).toBeLessThan(1e-12);
    expect(bsm({ S: 25, K: 100, T: 0.5, r: 0.05, q: 0, sigma: 0.2, right: 'C' }).delta).toBeLessThan(1e-12);
    expect(bsm({ S: 400, K: 100, T: 0.5, r: 0.05, q: 0, sigma: 0.2, right: 'P' }).delta).toBeGreaterThan(
      -1e-12,
    );
    for (const right of ['C', 'P'] as OptionRight[]) {
      const nearExpiry = bsm({ S: 103, K: 100, T: 1e-10, r: 0.05, q: 0, sigma: 0.2, right });
      expect(nearExpiry.price).toBeCloseTo(right === 'C' ? 3 : 0, 8);
    }
  });

  it('T ≤ 0 or σ ≤ 0: intrinsic value, step delta, zero gamma and vega', () => {
    expect(bsm({ S: 105, K: 100, T: 0, r: 0.05, q: 0, sigma: 0.2, right: 'C' })).toMatchObject({
      price: 5,
      delta: 1,
      gamma: 0,
      vega: 0,
    });
    expect(bsm({ S: 95, K: 100, T: -1, r: 0.05, q: 0, sigma: 0.2, right: 'P' })).toMatchObject({
      price: 5,
      delta: -1,
    });
    expect(bsm({ S: 95, K: 100, T: 1, r: 0.05, q: 0, sigma: 0, right: 'C' })).toMatchObject({
      price: 0,
      delta: 0,
    });
  });

  it('never returns NaN or a negative price, even at extreme inputs', () => {
    for (const S of [1e-6, 1, 1e6])
      for (const K of [1e-6, 1, 1e6])
        for (const T of [1e-9, 1, 50])
          for (const sigma of [1e-6, 1, 10])
            for (const right of ['C', 'P'] as const) {
              const g = bsm({ S, K, T, r: 0.05, q: 0.01, sigma, right });
              for (const v of Object.values(g)) expect(Number.isFinite(v)).toBe(true);
              expect(g.price).toBeGreaterThanOrEqual(0);
            }
  });
});

describe('bsm: invalid input', () => {
  const ok: BsmInput = { S: 100, K: 100, T: 1, r: 0.05, q: 0, sigma: 0.2, right: 'C' };
  it.each([
    ['S NaN', { S: Number.NaN }],
    ['K Infinity', { K: Number.POSITIVE_INFINITY }],
    ['T NaN', { T: Number.NaN }],
    ['sigma -Infinity', { sigma: Number.NEGATIVE_INFINITY }],
    ['S zero', { S: 0 }],
    ['K negative', { K: -5 }],
    ['right', { right: 'X' as OptionRight }],
  ])('%s → QuantInputError', (_name, patch) => {
    expect(() => bsm({ ...ok, ...patch })).toThrow(QuantInputError);
  });
});
