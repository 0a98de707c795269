// Zero gamma (gamma flip) by the profile method (perfiliev 2022): re-price every contract's gamma at
// hypothetical spot levels with its own IV and T (sticky strike), sum the dealer-signed GEX, find where the
// profile changes sign nearest spot, and refine that crossing with a safeguarded Newton iteration on the continuous profile.
//
// Speed: gamma at level L is e^{−qT}·φ(d)/(L·σ√T) with d = a·ln L + b, a = 1/(σ√T). On a grid with equal
// steps in ln L, d moves by the constant a·h, so exp(−d²/2) follows a two-term multiplicative recurrence:
// four exponentials per contract instead of one per (contract, level). Walking outwards from each
// contract's peak keeps every factor ≤ 1, so the recurrence cannot overflow and stops once it underflows.
import type { OptionRight } from './bsm';
import { DEFAULT_MIN_OPEN_INTEREST } from './exposure';
import {
  QuantInputError,
  fieldError,
  isFiniteNumber,
  requireArray,
  requireFinite,
  requireInteger,
  requireNonNegative,
  requireOptionLine,
  requirePositive,
} from './errors';

export interface ZeroGammaContract {
  strike: number;
  right: OptionRight;
  /** Open interest in contracts. */
  openInterest: number;
  /** Implied volatility per year (decimal). iv ≤ 0 contributes no gamma. */
  iv: number;
  /** Years to expiry (365-day calendar). T ≤ 0 contributes no gamma. */
  T: number;
}

export interface ZeroGammaOptions {
  /** Risk-free rate per year (continuous). */
  r: number;
  /** Dividend yield per year (continuous). */
  q: number;
  /** Lowest level as a fraction of spot (default 0.8). */
  from?: number;
  /** Highest level as a fraction of spot (default 1.2). */
  to?: number;
  /** Number of levels including both ends (default 60). */
  steps?: number;
  /** Contract lines with open interest below this are excluded (default 5, as in gammaExposure). */
  minOpenInterest?: number;
  /** Refine the grid crossing with a safeguarded Newton iteration on the continuous profile (default true). */
  refine?: boolean;
}

export interface GammaProfile {
  /** Hypothetical spot levels ($), ascending, geometrically spaced from from·S to to·S (equal % steps). */
  levels: number[];
  /** Dealer-signed GEX at each level, $ per 1 % move at that level: Σ ±Γ(L)·OI·100·L²·0.01. */
  gex: number[];
  unit: 'usd_per_1pct';
  /** The gamma flip nearest spot ($), or null when the profile does not change sign on the grid. */
  zeroGamma: number | null;
}

const INV_SQRT_2PI = 0.3989422804014327;
/** exp(−d²/2) below this contributes nothing measurable (and keeps the loop out of subnormals). */
const TINY = 1e-300;
const HALF_D2_MAX = 690; // exp(−690) ≈ 2.3e-300
const D_MAX = Math.sqrt(2 * HALF_D2_MAX);

// Scratch buffers reused across calls (grown on demand) so a hot loop allocates nothing per call.
let cap = 0;
let A = new Float64Array(0);
let B = new Float64Array(0);
let C = new Float64Array(0);
let ACTIVE = new Int32Array(0);
function ensureCapacity(n: number): void {
  if (n <= cap) return;
  cap = Math.max(n, cap * 2, 1024);
  A = new Float64Array(cap);
  B = new Float64Array(cap);
  C = new Float64Array(cap);
  ACTIVE = new Int32Array(cap);
}

/**
 * GEX profile over hypothetical spot levels and the zero-gamma level (see zeroGamma).
 * @throws QuantInputError on spot ≤ 0, bad options or a contract with a non-finite field.
 */
export function gammaProfile(
  contracts: readonly ZeroGammaContract[],
  spot: number,
  opts: ZeroGammaOptions,
): GammaProfile {
  requirePositive('spot', spot);
  if (opts === null || typeof opts !== 'object') throw new QuantInputError('options { r, q } are required');
  const r = requireFinite('r', opts.r);
  const q = requireFinite('q', opts.q);
  const from = requirePositive('from', opts.from ?? 0.8);
  const to = requirePositive('to', opts.to ?? 1.2);
  if (!(to > from)) throw new QuantInputError(`to must exceed from (got from=${from}, to=${to})`);
  const steps = requireInteger('steps', opts.steps ?? 60, 2);
  const minOi = requireNonNegative('minOpenInterest', opts.minOpenInterest ?? DEFAULT_MIN_OPEN_INTEREST);
  requireArray('contracts', contracts);

  // Per-contract constants: d(L) = a·ln L + b, GEX(L) = L·coef·exp(−d²/2). Chains list many lines per
  // strike and per expiry in a row, so ln K and the expiry terms are reused while they repeat.
  ensureCapacity(contracts.length);
  const ca = A;
  const cb = B;
  const cc = C;
  let m = 0;
  let lastK = Number.NaN;
  let lnK = 0;
  let lastT = Number.NaN;
  let sqrtT = 0;
  let dqT = 0;
  for (let i = 0; i < contracts.length; i++) {
    const c = contracts[i]!;
    requireOptionLine(c, i);
    const { strike, openInterest: oi, iv, T } = c;
    if (!isFiniteNumber(iv)) throw fieldError('contracts', i, 'iv', iv, 'finite');
    if (!isFiniteNumber(T)) throw fieldError('contracts', i, 'T', T, 'finite');
    if (oi < minOi || oi === 0 || iv <= 0 || T <= 0) continue;
    if (strike !== lastK) {
      lastK = strike;
      lnK = Math.log(strike);
    }
    if (T !== lastT) {
      lastT = T;
      sqrtT = Math.sqrt(T);
      dqT = Math.exp(-q * T);
    }
    const a = 1 / (iv * sqrtT);
    // A vanishing σ√T (subnormal iv) makes gamma a spike at the strike: no contribution on any grid.
    if (!(a < Infinity)) continue;
    ca[m] = a;
    cb[m] = (-lnK + (r - q + 0.5 * iv * iv) * T) * a;
    cc[m] = (c.right === 'C' ? oi : -oi) * dqT * a * INV_SQRT_2PI;
    m++;
  }

  const x0 = Math.log(from * spot);
  const h = Math.log(to / from) / (steps - 1);
  const acc = new Float64Array(steps);
  const last = steps - 1;
  for (let i = 0; i < m; i++) {
    const a = ca[i]!;
    const coef = cc[i]!;
    const d0 = a * x0 + cb[i]!;
    const delta = a * h;
    let peak = Math.round(-d0 / delta);
    if (peak < 0) peak = 0;
    else if (peak > last) peak = last;
    const dPeak = d0 + peak * delta;
    const ePeak = Math.exp(-0.5 * dPeak * dPeak);
    if (!(ePeak >= TINY)) continue;
    acc[peak] = acc[peak]! + coef * ePeak;
    const shrink = Math.exp(-delta * delta);
    // Upwards: e_{j+1} = e_j·exp(−d_j·δ − δ²/2), and that ratio itself shrinks by exp(−δ²) per step.
    const up = Math.exp(-dPeak * delta - 0.5 * delta * delta);
    // Levels where |d| ≤ D_MAX, i.e. exp(−d²/2) ≥ ~1e-300; d is linear in j, so the range is exact and
    // the inner loops need no underflow test.
    const jHi = Math.min(last, Math.floor((D_MAX - d0) / delta));
    const jLo = Math.max(0, Math.ceil((-D_MAX - d0) / delta));
    let e = ePeak;
    let ratio = up;
    for (let j = peak + 1; j <= jHi; j++) {
      e *= ratio;
      acc[j] = acc[j]! + coef * e;
      ratio *= shrink;
    }
    // Downwards: e_{j−1} = e_j·exp(d_j·δ − δ²/2), same shrink per step. (Not shrink/up: for a contract
    // minutes from expiry δ is large, exp(−δ²) underflows and the quotient would be 0/0.)
    e = ePeak;
    ratio = Math.exp(dPeak * delta - 0.5 * delta * delta);
    for (let j = peak - 1; j >= jLo; j--) {
      e *= ratio;
      acc[j] = acc[j]! + coef * e;
      ratio *= shrink;
    }
  }

  const levels = new Array<number>(steps);
  const gex = new Array<number>(steps);
  for (let j = 0; j < steps; j++) {
    const L = j === 0 ? from * spot : j === last ? to * spot : Math.exp(x0 + j * h);
    levels[j] = L;
    gex[j] = L * acc[j]!;
    if (!Number.isFinite(gex[j])) {
      throw new QuantInputError('gamma profile overflows: check openInterest, iv and T for absurd values');
    }
  }

  const zero = findFlip(levels, gex, spot, m, opts.refine ?? true);
  return { levels, gex, unit: 'usd_per_1pct', zeroGamma: zero };
}

/**
 * Zero-gamma (gamma flip) level in $: the hypothetical spot where dealer-signed GEX changes sign, nearest
 * to the current spot. Profile method, sticky strike: each contract keeps its own iv and T while its BSM
 * gamma is re-priced at every level of a 60-step grid from 0.8·S to 1.2·S (configurable, equal % steps);
 * the crossing nearest spot is located by linear interpolation between grid levels and refined with
 * a safeguarded Newton iteration on the continuous profile. Returns null when the profile does not change sign on the grid.
 * @throws QuantInputError on spot ≤ 0, bad options or a contract with a non-finite field.
 */
export function zeroGamma(
  contracts: readonly ZeroGammaContract[],
  spot: number,
  opts: ZeroGammaOptions,
): number | null {
  return gammaProfile(contracts, spot, opts).zeroGamma;
}

function findFlip(levels: number[], gex: number[], spot: number, m: number, refine: boolean): number | null {
  let best: number | null = null;
  let bestLo = -1;
  for (let j = 0; j + 1 < gex.length; j++) {
    const g0 = gex[j]!;
    const g1 = gex[j + 1]!;
    let crossing: number | null = null;
    if (g0 !== 0 && g1 !== 0 && g0 < 0 !== g1 < 0) {
      const l0 = levels[j]!;
      const l1 = levels[j + 1]!;
      crossing = l0 - (g0 * (l1 - l0)) / (g1 - g0);
    } else if (g0 === 0 && j > 0) {
      // An exact zero on the grid counts only when the profile changes sign through it.
      const prev = gex[j - 1]!;
      if (prev !== 0 && g1 !== 0 && prev < 0 !== g1 < 0) crossing = levels[j]!;
    }
    if (crossing !== null && (best === null || Math.abs(crossing - spot) < Math.abs(best - spot))) {
      best = crossing;
      bestLo = g0 === 0 ? -1 : j;
    }
  }
  if (best === null || !refine || bestLo < 0) return best;
  return refineFlip(levels[bestLo]!, levels[bestLo + 1]!, gex[bestLo]!, best, m);
}

/**
 * Safeguarded Newton in x = ln L on the bracket [lo, hi] (where the grid saw the sign change), starting at
 * the linear interpolation. f(x) = Σ coef·exp(−d²/2) has the sign of the GEX profile (which is L·f), and
 * f'(x) = Σ coef·exp(−d²/2)·(−d·a) comes from the same exponentials. A step that would leave the shrinking
 * bracket is replaced by bisection, so convergence is guaranteed; from the interpolated start it usually
 * takes two or three evaluations.
 */
function refineFlip(lo: number, hi: number, gLo: number, linear: number, m: number): number {
  let xLo = Math.log(lo);
  let xHi = Math.log(hi);
  // Only contracts that are not negligible somewhere in the bracket take part.
  const ca = A;
  const cb = B;
  const cc = C;
  const act = ACTIVE;
  let active = 0;
  for (let i = 0; i < m; i++) {
    const dLo = ca[i]! * xLo + cb[i]!;
    const dHi = ca[i]! * xHi + cb[i]!;
    const dMin = dLo <= 0 && dHi >= 0 ? 0 : Math.min(Math.abs(dLo), Math.abs(dHi));
    if (0.5 * dMin * dMin < HALF_D2_MAX) act[active++] = i;
  }
  const loNegative = gLo < 0;
  let x = Math.log(linear);
  for (let iter = 0; iter < 60; iter++) {
    let f = 0;
    let df = 0;
    let scale = 0;
    for (let k = 0; k < active; k++) {
      const i = act[k]!;
      const a = ca[i]!;
      const d = a * x + cb[i]!;
      const term = cc[i]! * Math.exp(-0.5 * d * d);
      f += term;
      scale += Math.abs(term);
      df -= term * d * a;
    }
    // Once |f| is at the rounding noise of its terms, no further step is meaningful.
    if (Math.abs(f) <= 1e-13 * scale) break;
    if (f < 0 === loNegative) xLo = x;
    else xHi = x;
    const newton = x - f / df;
    if (newton > xLo && newton < xHi) {
      const step = Math.abs(newton - x);
      x = newton;
      // Newton converges quadratically: after a step of 1e-9 in ln L the remaining error is of order
      // (f''/2f')·step², far below 1e-12 of the level, so one more evaluation would change nothing.
      if (step <= 1e-9) break;
    } else {
      x = 0.5 * (xLo + xHi);
      if (xHi - xLo <= 1e-13) break;
    }
  }
  return Math.min(Math.max(Math.exp(x), lo), hi);
}
