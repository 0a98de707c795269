// Position sizing and risk/performance measures.
import {
  QuantInputError,
  requireFinite,
  requireFiniteSeries,
  requireNonNegative,
  requirePositive,
  requireProbability,
} from './errors';
import { quantileSorted } from './stats';

export interface KellyInput {
  /** Probability of a winning trade p ∈ [0, 1]. */
  winRate: number;
  /** b = average win / average loss (> 0). */
  winLossRatio: number;
}

/**
 * Full Kelly fraction f* = p − (1 − p)/b, a fraction of equity (may be negative: the bet has negative
 * edge and should not be taken).
 * @throws QuantInputError on p outside [0, 1] or b ≤ 0 / non-finite.
 */
export function kelly({ winRate, winLossRatio }: KellyInput): number {
  requireProbability('winRate', winRate);
  requirePositive('winLossRatio', winLossRatio);
  return winRate - (1 - winRate) / winLossRatio;
}

export interface KellySizeInput extends KellyInput {
  /** Fraction of full Kelly to bet (project default 0.25), ≥ 0. */
  fraction?: number;
}

/**
 * Position size as a fraction of equity: fraction·f*, clamped at 0 when the edge is negative.
 * @throws QuantInputError as kelly, or on a negative fraction.
 */
export function kellySize({ winRate, winLossRatio, fraction = 0.25 }: KellySizeInput): number {
  requireNonNegative('fraction', fraction);
  return Math.max(0, fraction * kelly({ winRate, winLossRatio }));
}

function sortedReturns(returns: readonly number[]): Float64Array {
  requireFiniteSeries('returns', returns);
  return Float64Array.from(returns).sort();
}

/**
 * Historical-simulation value at risk as a positive loss in the returns' unit (0.02 = 2 %): minus the
 * (1 − confidence) quantile of the returns, linear interpolation between order statistics (numpy type 7).
 * A negative result means even the tail quantile is a gain.
 * @throws QuantInputError on an empty array, a non-finite return or confidence outside (0, 1).
 */
export function historicalVaR(returns: readonly number[], confidence: number): number {
  requireProbability('confidence', confidence, { open: true });
  const sorted = sortedReturns(returns);
  return -quantileSorted(sorted, 1 - confidence) || 0;
}

/**
 * Expected shortfall (CVaR) as a positive loss: minus the mean of the returns at or below the
 * (1 − confidence) type-7 quantile (the tail beyond VaR; never empty, it holds at least the worst return).
 * @throws QuantInputError on an empty array, a non-finite return or confidence outside (0, 1).
 */
export function expectedShortfall(returns: readonly number[], confidence: number): number {
  requireProbability('confidence', confidence, { open: true });
  const sorted = sortedReturns(returns);
  const cutoff = quantileSorted(sorted, 1 - confidence);
  let sum = 0;
  let count = 0;
  for (let i = 0; i < sorted.length && sorted[i]! <= cutoff; i++) {
    sum += sorted[i]!;
    count++;
  }
  return -(sum / count) || 0;
}

/**
 * Maximum drawdown as a positive fraction (0.25 = 25 % below the running peak):
 * max over t of 1 − Eₜ / max_{s≤t} E_s. 0 for a never-falling curve.
 * @throws QuantInputError on an empty array or a non-finite or non-positive equity value.
 */
export function maxDrawdown(equity: readonly number[]): number {
  requireFiniteSeries('equity', equity);
  let peak = -Infinity;
  let mdd = 0;
  for (let i = 0; i < equity.length; i++) {
    const e = equity[i]!;
    if (!(e > 0)) throw new QuantInputError(`equity[${i}] must be positive (got ${e})`);
    if (e > peak) peak = e;
    const dd = 1 - e / peak;
    if (dd > mdd) mdd = dd;
  }
  return mdd;
}

export interface SharpeOptions {
  /** Risk-free return per period, same frequency as the returns (default 0). */
  riskFree?: number;
  /** Periods per year for annualisation (default 252, daily). */
  periodsPerYear?: number;
}

/**
 * Annualised Sharpe ratio: mean(r − r_f) / sample standard deviation (n − 1) of (r − r_f) × √periodsPerYear.
 * Null when there are fewer than 2 returns or they do not vary.
 * @throws QuantInputError on an empty array or a non-finite input.
 */
export function sharpe(returns: readonly number[], opts: SharpeOptions = {}): number | null {
  requireFiniteSeries('returns', returns);
  const rf = requireFinite('riskFree', opts.riskFree ?? 0);
  const ppy = requirePositive('periodsPerYear', opts.periodsPerYear ?? 252);
  const n = returns.length;
  if (n < 2) return null;
  let m = 0;
  for (const r of returns) m += r - rf;
  m /= n;
  let ss = 0;
  for (const r of returns) ss += (r - rf - m) ** 2;
  const sd = Math.sqrt(ss / (n - 1));
  // A constant series can leave a rounding-level sd; treat anything below that as no variation.
  if (!(sd > 1e-15 * Math.max(1, Math.abs(m)))) return null;
  return (m / sd) * Math.sqrt(ppy);
}
