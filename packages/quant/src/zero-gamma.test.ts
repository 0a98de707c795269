import { describe, expect, it } from 'vitest';
import { bsm } from './bsm';
import { QuantInputError } from './errors';
import { gammaProfile, zeroGamma, type ZeroGammaContract } from './zero-gamma';

/** Dealer-signed GEX ($ per 1 %) at level L computed contract by contract with bsm(): the reference. */
function referenceGex(chain: ZeroGammaContract[], L: number, r: number, q: number, minOi = 5): number {
  let total = 0;
  for (const c of chain) {
    if (c.openInterest < minOi) continue;
    const g = bsm({ S: L, K: c.strike, T: c.T, r, q, sigma: c.iv, right: c.right }).gamma;
    total += (c.right === 'C' ? 1 : -1) * g * c.openInterest * 100 * L * L * 0.01;
  }
  return total;
}

/** Independent flip finder: a dense linear scan for sign changes, then plain bisection on referenceGex. */
function referenceFlips(chain: ZeroGammaContract[], spot: number, r: number, q: number): number[] {
  const flips: number[] = [];
  const n = 400;
  let prevL = 0.8 * spot;
  let prev = referenceGex(chain, prevL, r, q);
  for (let i = 1; i <= n; i++) {
    const L = 0.8 * spot + (0.4 * spot * i) / n;
    const g = referenceGex(chain, L, r, q);
    if (prev !== 0 && g !== 0 && prev < 0 !== g < 0) {
      let lo = prevL;
      let hi = L;
      const loNeg = prev < 0;
      for (let k = 0; k < 60; k++) {
        const mid = 0.5 * (lo + hi);
        if (referenceGex(chain, mid, r, q) < 0 === loNeg) lo = mid;
        else hi = mid;
      }
      flips.push(0.5 * (lo + hi));
    }
    prevL = L;
    prev = g;
  }
  return flips;
}

describe('zeroGamma', () => {
  it('calls at K1 and puts at K2 with equal OI, IV and T flip at √(K1·K2)·e^{−(r−q+σ²/2)T}', () => {
    // Γ_call(L) = Γ_put(L) ⇔ d1(K1) = −d1(K2) ⇔ ln(L/K1) + ln(L/K2) + 2(r − q + σ²/2)T = 0.
    const [K1, K2, sigma, T, r, q] = [110, 90, 0.25, 0.2, 0.03, 0.01];
    const chain: ZeroGammaContract[] = [
      { strike: K1, right: 'C', openInterest: 1000, iv: sigma, T },
      { strike: K2, right: 'P', openInterest: 1000, iv: sigma, T },
    ];
    const expected = Math.sqrt(K1 * K2) * Math.exp(-(r - q + (sigma * sigma) / 2) * T);
    const flip = zeroGamma(chain, 100, { r, q });
    expect(flip).not.toBeNull();
    expect(Math.abs(flip! - expected) / expected).toBeLessThan(1e-10);
  });

  it('unequal OI moves the flip to the closed-form level OI_c·φ(d_c) = OI_p·φ(d_p)', () => {
    const [Kc, Kp, sigma, T, r, q, oiC, oiP] = [105, 95, 0.2, 0.1, 0.04, 0.0, 3000, 1000];
    const chain: ZeroGammaContract[] = [
      { strike: Kc, right: 'C', openInterest: oiC, iv: sigma, T },
      { strike: Kp, right: 'P', openInterest: oiP, iv: sigma, T },
    ];
    // d_k = a·x + b_k with x = ln L; d_p² − d_c² = 2·ln(OI_p/OI_c) is linear in x.
    const a = 1 / (sigma * Math.sqrt(T));
    const b = (K: number) => (-Math.log(K) + (r - q + (sigma * sigma) / 2) * T) * a;
    const [bc, bp] = [b(Kc), b(Kp)];
    const x = ((2 * Math.log(oiP / oiC)) / (bp - bc) - bp - bc) / (2 * a);
    const expected = Math.exp(x);
    const flip = zeroGamma(chain, 100, { r, q })!;
    expect(Math.abs(flip - expected) / expected).toBeLessThan(1e-10);
    // More call OI pushes the flip towards the puts.
    expect(flip).toBeLessThan(Math.sqrt(Kc * Kp));
  });

  it('re-prices gamma at each level (sticky strike): the profile equals a bsm() re-pricing contract by contract', () => {
    const chain = syntheticChain();
    const [r, q, spot] = [0.045, 0.013, 500];
    const prof = gammaProfile(chain, spot, { r, q });
    expect(prof.levels).toHaveLength(60);
    expect(prof.levels[0]).toBeCloseTo(0.8 * spot, 12);
    expect(prof.levels[59]).toBeCloseTo(1.2 * spot, 12);
    expect(prof.unit).toBe('usd_per_1pct');
    let scale = 0;
    for (const g of prof.gex) scale = Math.max(scale, Math.abs(g));
    for (let j = 0; j < 60; j++) {
      const ref = referenceGex(chain, prof.levels[j]!, r, q);
      expect(Math.abs(prof.gex[j]! - ref)).toBeLessThan(1e-10 * scale);
      if (j > 0) expect(prof.levels[j]!).toBeGreaterThan(prof.levels[j - 1]!);
    }
  });

  it('stays exact for contracts seconds from expiry, where d jumps by dozens per grid step', () => {
    const T = 30 / (365 * 24 * 3600);
    const chain: ZeroGammaContract[] = [];
    for (let k = 380; k <= 620; k += 0.5) {
      chain.push({ strike: k, right: 'C', openInterest: 100 + (k % 7) * 10, iv: 0.15, T });
      chain.push({ strike: k, right: 'P', openInterest: 60 + (k % 5) * 30, iv: 0.15, T });
    }
    const prof = gammaProfile(chain, 500, { r: 0.05, q: 0 });
    const refs = prof.levels.map((L) => referenceGex(chain, L, 0.05, 0));
    const scale = Math.max(...refs.map(Math.abs));
    refs.forEach((ref, j) => expect(Math.abs(prof.gex[j]! - ref)).toBeLessThanOrEqual(1e-10 * scale));
    expect(scale).toBeGreaterThan(0);
  });

  it('finds the same flip as an independent dense scan + bisection on bsm() gamma, nearest spot', () => {
    const chain = syntheticChain();
    const [r, q] = [0.045, 0.013];
    let compared = 0;
    for (const spot of [480, 500, 520]) {
      const flips = referenceFlips(chain, spot, r, q);
      const flip = zeroGamma(chain, spot, { r, q });
      if (flips.length === 0) {
        expect(flip).toBeNull();
        continue;
      }
      const nearest = flips.reduce((best, f) => (Math.abs(f - spot) < Math.abs(best - spot) ? f : best));
      expect(flip).not.toBeNull();
      expect(Math.abs(flip! - nearest) / nearest).toBeLessThan(1e-9);
      compared++;
    }
    expect(compared).toBeGreaterThan(0);
  });

  it('picks the sign change nearest spot when the profile crosses zero twice', () => {
    // Puts at 90 and 110, calls at 100: − / + / − profile, two flips around 95 and 105.
    const T = 0.05;
    const chain: ZeroGammaContract[] = [
      { strike: 90, right: 'P', openInterest: 1000, iv: 0.2, T },
      { strike: 100, right: 'C', openInterest: 1000, iv: 0.2, T },
      { strike: 110, right: 'P', openInterest: 1000, iv: 0.2, T },
    ];
    const flips = referenceFlips(chain, 100, 0, 0);
    expect(flips).toHaveLength(2);
    expect(zeroGamma(chain, 98, { r: 0, q: 0 })).toBeCloseTo(
      flips.find((f) => f < 100)!,
      8,
    );
    expect(zeroGamma(chain, 103, { r: 0, q: 0 })).toBeCloseTo(
      flips.find((f) => f > 100)!,
      8,
    );
  });

  it('without refinement returns the linear interpolation between the bracketing grid levels', () => {
    const chain = syntheticChain();
    const opts = { r: 0.045, q: 0.013 };
    const refined = zeroGamma(chain, 500, opts)!;
    const prof = gammaProfile(chain, 500, { ...opts, refine: false });
    const j = prof.levels.findIndex(
      (l, i) =>
        i + 1 < prof.levels.length &&
        prof.gex[i]! < 0 !== prof.gex[i + 1]! < 0 &&
        Math.abs(l - refined) < prof.levels[i + 1]! - l + 1e-9,
    );
    expect(j).toBeGreaterThanOrEqual(0);
    const [l0, l1, g0, g1] = [prof.levels[j]!, prof.levels[j + 1]!, prof.gex[j]!, prof.gex[j + 1]!];
    expect(prof.zeroGamma).toBeCloseTo(l0 - (g0 * (l1 - l0)) / (g1 - g0), 10);
    expect(refined).toBeGreaterThanOrEqual(l0);
    expect(refined).toBeLessThanOrEqual(l1);
  });

  it('returns null when the profile never changes sign', () => {
    const T = 0.1;
    expect(
      zeroGamma([{ strike: 100, right: 'C', openInterest: 500, iv: 0.2, T }], 100, { r: 0, q: 0 }),
    ).toBeNull();
    expect(
      zeroGamma([{ strike: 100, right: 'P', openInterest: 500, iv: 0.2, T }], 100, { r: 0, q: 0 }),
    ).toBeNull();
    expect(zeroGamma([], 100, { r: 0, q: 0 })).toBeNull();
    // Equal call and put OI at one strike with one IV cancel exactly: a flat zero profile is not a flip.
    const flat: ZeroGammaContract[] = [
      { strike: 100, right: 'C', openInterest: 500, iv: 0.2, T },
      { strike: 100, right: 'P', openInterest: 500, iv: 0.2, T },
    ];
    expect(zeroGamma(flat, 100, { r: 0, q: 0 })).toBeNull();
    // Ghost lines, expired and zero-IV contracts contribute nothing.
    const ghosts: ZeroGammaContract[] = [
      { strike: 110, right: 'C', openInterest: 1000, iv: 0.2, T },
      { strike: 90, right: 'P', openInterest: 4, iv: 0.2, T },
      { strike: 90, right: 'P', openInterest: 1000, iv: 0.2, T: 0 },
      { strike: 90, right: 'P', openInterest: 1000, iv: 0, T },
    ];
    expect(zeroGamma(ghosts, 100, { r: 0, q: 0 })).toBeNull();
    expect(zeroGamma(ghosts, 100, { r: 0, q: 0, minOpenInterest: 0 })).not.toBeNull();
  });

  it('honours from, to and steps', () => {
    const chain: ZeroGammaContract[] = [
      { strike: 140, right: 'C', openInterest: 1000, iv: 0.2, T: 0.1 },
      { strike: 130, right: 'P', openInterest: 1000, iv: 0.2, T: 0.1 },
    ];
    // The flip (~134.9) lies outside the default 0.8–1.2 grid around 100 but inside 0.8–1.5.
    expect(zeroGamma(chain, 100, { r: 0, q: 0 })).toBeNull();
    const flip = zeroGamma(chain, 100, { r: 0, q: 0, to: 1.5, steps: 15 });
    expect(flip).toBeCloseTo(Math.sqrt(140 * 130) * Math.exp(-0.02 * 0.1), 8);
    expect(gammaProfile(chain, 100, { r: 0, q: 0, steps: 7 }).levels).toHaveLength(7);
  });

  it('never returns NaN: invalid input throws QuantInputError', () => {
    const ok: ZeroGammaContract = { strike: 100, right: 'C', openInterest: 10, iv: 0.2, T: 0.1 };
    const bad: [string, ZeroGammaContract[], number, object][] = [
      ['NaN iv', [{ ...ok, iv: Number.NaN }], 100, {}],
      ['Infinity T', [{ ...ok, T: Infinity }], 100, {}],
      ['NaN open interest', [{ ...ok, openInterest: Number.NaN }], 100, {}],
      ['negative strike', [{ ...ok, strike: -1 }], 100, {}],
      ['NaN spot', [ok], Number.NaN, {}],
      ['from ≥ to', [ok], 100, { from: 1.2, to: 0.8 }],
      ['one step', [ok], 100, { steps: 1 }],
      ['fractional steps', [ok], 100, { steps: 10.5 }],
      ['NaN r', [ok], 100, { r: Number.NaN }],
    ];
    for (const [name, chain, spot, patch] of bad) {
      expect(() => zeroGamma(chain, spot, { r: 0, q: 0, ...patch }), name).toThrow(QuantInputError);
    }
  });
});

/** A small but realistic chain: several expiries, skewed IV, OI concentrated near the money. */
function syntheticChain(): ZeroGammaContract[] {
  const chain: ZeroGammaContract[] = [];
  let seed = 7;
  const rand = () => {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    return seed / 2 ** 32;
  };
  for (const days of [0.3, 2, 9, 30, 95, 300]) {
    const T = days / 365;
    for (let strike = 400; strike <= 600; strike += 5) {
      const m = Math.log(strike / 500);
      for (const right of ['C', 'P'] as const) {
        const iv = 0.17 - 0.3 * m + 0.8 * m * m + (right === 'P' ? 0.015 : 0);
        // Puts heavier below spot, calls above: a flip just under spot.
        const tilt = right === 'P' ? Math.exp(-60 * (m + 0.03) ** 2) : Math.exp(-60 * (m - 0.02) ** 2);
        chain.push({ strike, right, iv, T, openInterest: Math.floor(20 + 5000 * tilt * (0.5 + rand())) });
      }
    }
  }
  return chain;
}
