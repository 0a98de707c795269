// Dealer gamma exposure (GEX) and delta exposure (DEX) of an option chain. Dealer assumption
// (SqueezeMetrics): dealers are long calls and short puts, so call gamma counts +, put gamma −.
import type { OptionRight } from './bsm';
import {
  QuantInputError,
  fieldError,
  isFiniteNumber,
  requireArray,
  requireNonNegative,
  requireOpenInterest,
  requireOptionLine,
  requireOptionRight,
  requirePositive,
} from './errors';

/** Contract multiplier: shares per equity option contract. */
export const CONTRACT_MULTIPLIER = 100;
/** Seed default: contract lines with open interest below this are "ghost strikes" and ignored. */
export const DEFAULT_MIN_OPEN_INTEREST = 5;

export interface GammaContract {
  strike: number;
  right: OptionRight;
  /** Black–Scholes gamma per $1 move of the underlying (per share), ≥ 0. */
  gamma: number;
  /** Open interest in contracts. */
  openInterest: number;
  /** Expiry (any string key, normally YYYY-MM-DD); contracts without one are grouped under null. */
  expiry?: string | null;
}

export interface ExposureOptions {
  /** Contract lines with open interest below this are excluded (default 5). */
  minOpenInterest?: number;
}

export interface GexStrike {
  strike: number;
  /** Call GEX at this strike, $ per 1 % move (≥ 0). */
  call: number;
  /** Put GEX at this strike, $ per 1 % move, dealer-signed (≤ 0). */
  put: number;
  /** call + put. */
  net: number;
}

export interface GexExpiry {
  expiry: string | null;
  call: number;
  put: number;
  net: number;
}

export interface GammaExposure {
  /** Net dealer GEX in $ per 1 % move of the underlying: Σ_calls Γ·OI·100·S²·0.01 − Σ_puts (same). */
  total: number;
  /** Net dealer GEX in $ per $1 move of the underlying: Σ ±Γ·OI·100·S (= total / (0.01·S)). */
  totalPerDollar: number;
  /** Per-strike profile, ascending strike. */
  byStrike: GexStrike[];
  /** Per-expiry profile, ascending expiry, null (no expiry) last. */
  byExpiry: GexExpiry[];
  /** Strike with the largest call GEX (lowest such strike on a tie); null without calls. */
  callWall: number | null;
  /** Strike with the largest |put GEX| (lowest such strike on a tie); null without puts. */
  putWall: number | null;
  /** Convention of `total`, byStrike and byExpiry values. */
  unit: 'usd_per_1pct';
  /** Contract lines used / excluded as ghost strikes (open interest below the minimum). */
  contractsUsed: number;
  ghostsExcluded: number;
}

/**
 * Dealer-signed gamma exposure of a chain at spot S. Per contract line: ±Γ·OI·100·S²·0.01 in $ per 1 %
 * move (calls +, puts −); note Γ·OI·100·S² would be 100× that. Lines with open interest below
 * `minOpenInterest` (default 5) are ghost strikes and excluded.
 * @throws QuantInputError on spot ≤ 0 or a contract with a non-finite or negative field or unknown right.
 */
export function gammaExposure(
  contracts: readonly GammaContract[],
  spot: number,
  opts: ExposureOptions = {},
): GammaExposure {
  requirePositive('spot', spot);
  const minOi = requireNonNegative('minOpenInterest', opts.minOpenInterest ?? DEFAULT_MIN_OPEN_INTEREST);
  requireArray('contracts', contracts);
  const perUnit = CONTRACT_MULTIPLIER * spot * spot * 0.01;

  const strikes = new Map<number, GexStrike>();
  const expiries = new Map<string | null, GexExpiry>();
  let total = 0;
  let used = 0;
  let ghosts = 0;
  for (let i = 0; i < contracts.length; i++) {
    const c = contracts[i]!;
    requireOptionLine(c, i);
    if (!(isFiniteNumber(c.gamma) && c.gamma >= 0))
      throw fieldError('contracts', i, 'gamma', c.gamma, 'a finite number >= 0');
    if (c.openInterest < minOi) {
      ghosts++;
      continue;
    }
    used++;
    const isCall = c.right === 'C';
    const gex = (isCall ? 1 : -1) * c.gamma * c.openInterest * perUnit;
    total += gex;

    let s = strikes.get(c.strike);
    if (s === undefined) {
      s = { strike: c.strike, call: 0, put: 0, net: 0 };
      strikes.set(c.strike, s);
    }
    const expiry = c.expiry ?? null;
    let e = expiries.get(expiry);
    if (e === undefined) {
      e = { expiry, call: 0, put: 0, net: 0 };
      expiries.set(expiry, e);
    }
    if (isCall) {
      s.call += gex;
      e.call += gex;
    } else {
      s.put += gex;
      e.put += gex;
    }
  }

  if (!Number.isFinite(total)) {
    throw new QuantInputError(
      'gamma exposure overflows: check gamma, openInterest and spot for absurd values',
    );
  }
  const byStrike = [...strikes.values()].sort((a, b) => a.strike - b.strike);
  let callWall: number | null = null;
  let putWall: number | null = null;
  let bestCall = 0;
  let bestPut = 0;
  for (const s of byStrike) {
    s.net = s.call + s.put;
    if (s.call > bestCall) {
      bestCall = s.call;
      callWall = s.strike;
    }
    if (-s.put > bestPut) {
      bestPut = -s.put;
      putWall = s.strike;
    }
  }
  const byExpiry = [...expiries.values()].sort(compareExpiry);
  for (const e of byExpiry) e.net = e.call + e.put;

  return {
    total,
    totalPerDollar: total / (0.01 * spot),
    byStrike,
    byExpiry,
    callWall,
    putWall,
    unit: 'usd_per_1pct',
    contractsUsed: used,
    ghostsExcluded: ghosts,
  };
}

export interface DeltaContract {
  right: OptionRight;
  /** Signed Black–Scholes delta per share (calls in [0, 1], puts in [−1, 0]). */
  delta: number;
  /** Open interest in contracts. */
  openInterest: number;
}

export interface DeltaExposure {
  /** Σ Δ·OI·100·S over all lines, $ of underlying-equivalent exposure (holder's view, signed delta). */
  total: number;
  /** Calls only (≥ 0). */
  calls: number;
  /** Puts only (≤ 0). */
  puts: number;
  /** $ of underlying held as the delta-equivalent position (dollar delta). */
  unit: 'usd_delta_notional';
}

/**
 * Delta exposure DEX = Σ Δ·OI·100·S in $ (dollar delta: the underlying-equivalent position in $, which is
 * also 100× the $ P&L of a 1 % move), with signed Black–Scholes delta so puts count negative. This is
 * the holder's view, not dealer-signed. Ghost lines (open interest below `minOpenInterest`, default 5)
 * are excluded, as in gammaExposure.
 * @throws QuantInputError on spot ≤ 0, a non-finite field, a delta outside [−1, 1] or a bad right.
 */
export function deltaExposure(
  contracts: readonly DeltaContract[],
  spot: number,
  opts: ExposureOptions = {},
): DeltaExposure {
  requirePositive('spot', spot);
  const minOi = requireNonNegative('minOpenInterest', opts.minOpenInterest ?? DEFAULT_MIN_OPEN_INTEREST);
  requireArray('contracts', contracts);
  const perUnit = CONTRACT_MULTIPLIER * spot;
  let calls = 0;
  let puts = 0;
  for (let i = 0; i < contracts.length; i++) {
    const c = contracts[i]!;
    requireOptionRight(c, i);
    if (!(isFiniteNumber(c.delta) && c.delta >= -1 && c.delta <= 1)) {
      throw fieldError('contracts', i, 'delta', c.delta, 'in [-1, 1]');
    }
    requireOpenInterest(c.openInterest, i);
    if (c.openInterest < minOi) continue;
    const v = c.delta * c.openInterest * perUnit;
    if (c.right === 'C') calls += v;
    else puts += v;
  }
  if (!Number.isFinite(calls + puts)) {
    throw new QuantInputError('delta exposure overflows: check openInterest and spot for absurd values');
  }
  return { total: calls + puts, calls, puts, unit: 'usd_delta_notional' };
}

function compareExpiry(a: GexExpiry, b: GexExpiry): number {
  if (a.expiry === b.expiry) return 0;
  if (a.expiry === null) return 1;
  if (b.expiry === null) return -1;
  return a.expiry < b.expiry ? -1 : 1;
}
