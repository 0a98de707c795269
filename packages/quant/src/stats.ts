// Descriptive statistics for discovery and analytics: quantiles, volatility, autocorrelation,
// correlation and 1-D clustering.
import { ckmeans } from 'simple-statistics';
import {
  QuantInputError,
  requireFiniteSeries,
  requireInteger,
  requirePositive,
  requireProbability,
} from './errors';

/**
 * Quantile q ∈ [0, 1] with linear interpolation between order statistics (Hyndman–Fan type 7, numpy's
 * default): h = (n − 1)·q, x_⌊h⌋ + (h − ⌊h⌋)(x_⌊h⌋+1 − x_⌊h⌋) on the sorted values. Same unit as the values.
 * @throws QuantInputError on an empty array, a non-finite value or q outside [0, 1].
 */
export function quantile(values: readonly number[], q: number): number {
  requireFiniteSeries('values', values);
  requireProbability('q', q);
  return quantileSorted(Float64Array.from(values).sort(), q);
}

/** Percentile p ∈ [0, 100] (numpy.percentile semantics, type 7). See quantile. */
export function percentile(values: readonly number[], p: number): number {
  if (typeof p !== 'number' || !(p >= 0 && p <= 100)) {
    throw new QuantInputError(`p must be in [0, 100] (got ${String(p)})`);
  }
  return quantile(values, p / 100);
}

/** Type-7 quantile of an ascending array (no validation). */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  const xLo = sorted[lo]!;
  return xLo + (h - lo) * (sorted[hi]! - xLo);
}

/** Arithmetic mean. @throws QuantInputError on an empty array or a non-finite value. */
export function mean(values: readonly number[]): number {
  requireFiniteSeries('values', values);
  let s = 0;
  for (const v of values) s += v;
  return s / values.length;
}

/**
 * Sample standard deviation (divisor n − 1), same unit as the values; null for fewer than 2 values.
 * @throws QuantInputError on an empty array or a non-finite value.
 */
export function sampleStdDev(values: readonly number[]): number | null {
  requireFiniteSeries('values', values);
  return sampleStd(values);
}

function sampleStd(values: ArrayLike<number>): number | null {
  const n = values.length;
  if (n < 2) return null;
  let m = 0;
  for (let i = 0; i < n; i++) m += values[i]!;
  m /= n;
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const d = values[i]! - m;
    ss += d * d;
  }
  return Math.sqrt(ss / (n - 1));
}

/** Log returns ln(pₜ/pₜ₋₁) of a positive price series. @throws QuantInputError on a price ≤ 0. */
export function logReturns(prices: readonly number[]): number[] {
  requireFiniteSeries('prices', prices);
  const out = new Array<number>(Math.max(0, prices.length - 1));
  for (let i = 0; i < prices.length; i++) {
    if (!(prices[i]! > 0)) throw new QuantInputError(`prices[${i}] must be positive (got ${prices[i]})`);
    if (i > 0) out[i - 1] = Math.log(prices[i]! / prices[i - 1]!);
  }
  return out;
}

export interface RealizedVolOptions {
  /** Observations per year used to annualise (252 for daily bars, 252·390 for 1-minute bars). */
  periodsPerYear: number;
  /** Whether `values` are prices (converted to log returns, default) or already returns. */
  input?: 'prices' | 'returns';
}

/**
 * Annualised realised volatility: sample standard deviation (n − 1) of log returns × √periodsPerYear,
 * as a decimal per year (0.2 = 20 %). Null when there are fewer than 2 returns.
 * @throws QuantInputError on an empty array, a non-finite value or a price ≤ 0.
 */
export function realizedVol(values: readonly number[], opts: RealizedVolOptions): number | null {
  const ppy = requirePositive('periodsPerYear', opts?.periodsPerYear);
  const returns =
    (opts.input ?? 'prices') === 'prices' ? logReturns(values) : requireFiniteSeries('returns', values);
  const sd = sampleStd(returns);
  return sd === null ? null : sd * Math.sqrt(ppy);
}

export interface EwmaOptions {
  /** Decay λ in (0, 1) (RiskMetrics daily: 0.94). */
  lambda: number;
  /** When given, the forecast is annualised by √periodsPerYear. */
  periodsPerYear?: number;
}

/**
 * EWMA (RiskMetrics) volatility forecast for the next period: σ²ₜ₊₁ = λσ²ₜ + (1 − λ)rₜ², seeded with the
 * mean of the squared returns (zero-mean variance). Returns σ per period in the returns' unit
 * (annualised if periodsPerYear is given).
 * @throws QuantInputError on an empty array, a non-finite return or λ outside (0, 1).
 */
export function ewmaVolForecast(returns: readonly number[], opts: EwmaOptions): number {
  requireFiniteSeries('returns', returns);
  const lambda = requireProbability('lambda', opts?.lambda, { open: true });
  let seed = 0;
  for (const r of returns) seed += r * r;
  let variance = seed / returns.length;
  for (const r of returns) variance = lambda * variance + (1 - lambda) * r * r;
  const vol = Math.sqrt(variance);
  return opts.periodsPerYear === undefined
    ? vol
    : vol * Math.sqrt(requirePositive('periodsPerYear', opts.periodsPerYear));
}

/**
 * Sample autocorrelation at `lag` (the statsmodels `acf` estimator):
 * ρₖ = Σₜ₌ₖ (xₜ − x̄)(xₜ₋ₖ − x̄) / Σₜ (xₜ − x̄)². Unitless in [−1, 1]; 1 at lag 0. Null when the series is
 * constant or lag ≥ n.
 * @throws QuantInputError on an empty array, a non-finite value or a negative or fractional lag.
 */
export function autocorrelation(series: readonly number[], lag: number): number | null {
  requireFiniteSeries('series', series);
  requireInteger('lag', lag, 0);
  return acf(series, lag);
}

function acf(series: readonly number[], lag: number): number | null {
  const n = series.length;
  if (lag >= n) return null;
  let m = 0;
  for (const v of series) m += v;
  m /= n;
  let den = 0;
  for (const v of series) den += (v - m) * (v - m);
  if (den === 0) return null;
  let num = 0;
  for (let t = lag; t < n; t++) num += (series[t]! - m) * (series[t - lag]! - m);
  return num / den;
}

/**
 * First lag k in 1..maxLag whose autocorrelation is insignificant at 95 %: |ρₖ| < 1.96/√n (the lookback
 * beyond which returns carry no linear memory). Null when every lag up to maxLag is significant or the
 * series is constant.
 * @throws QuantInputError on an empty array, a non-finite value or maxLag < 1.
 */
export function firstInsignificantLag(series: readonly number[], maxLag: number): number | null {
  requireFiniteSeries('series', series);
  requireInteger('maxLag', maxLag, 1);
  const bound = 1.96 / Math.sqrt(series.length);
  for (let k = 1; k <= Math.min(maxLag, series.length - 1); k++) {
    const rho = acf(series, k);
    if (rho === null) return null;
    if (Math.abs(rho) < bound) return k;
  }
  return null;
}

export interface CorrelationMatrix {
  /** Symbols in the order of the matrix rows and columns (input key order). */
  symbols: string[];
  /** Pearson correlations; null where a series is constant or has fewer than 2 observations. */
  matrix: (number | null)[][];
  /** Observations used per pair: the most recent min(length) values of every series. */
  observations: number;
}

/**
 * Pearson correlation matrix of several series (pass returns, not prices). Series of different lengths are
 * aligned on their most recent values (the common tail). Unitless in [−1, 1].
 * @throws QuantInputError on a non-finite value or no series.
 */
export function correlationMatrix(
  seriesBySymbol: Readonly<Record<string, readonly number[]>>,
): CorrelationMatrix {
  if (seriesBySymbol === null || typeof seriesBySymbol !== 'object') {
    throw new QuantInputError('seriesBySymbol must be an object of arrays');
  }
  const symbols = Object.keys(seriesBySymbol);
  if (symbols.length === 0) throw new QuantInputError('seriesBySymbol needs at least one series');
  let n = Infinity;
  for (const s of symbols) {
    requireFiniteSeries(`seriesBySymbol.${s}`, seriesBySymbol[s]!, 0);
    n = Math.min(n, seriesBySymbol[s]!.length);
  }
  // Centre each aligned tail once; correlation = Σxy / √(Σx²Σy²).
  const centred = symbols.map((s) => {
    const src = seriesBySymbol[s]!;
    const tail = src.slice(src.length - n);
    let m = 0;
    for (const v of tail) m += v;
    m /= n || 1;
    return tail.map((v) => v - m);
  });
  const norms = centred.map((c) => Math.sqrt(c.reduce((acc, v) => acc + v * v, 0)));
  const matrix = symbols.map(() => new Array<number | null>(symbols.length).fill(null));
  for (let i = 0; i < symbols.length; i++) {
    for (let j = i; j < symbols.length; j++) {
      let value: number | null = null;
      if (n >= 2 && norms[i]! > 0 && norms[j]! > 0) {
        if (i === j) value = 1;
        else {
          const a = centred[i]!;
          const b = centred[j]!;
          let dot = 0;
          for (let t = 0; t < n; t++) dot += a[t]! * b[t]!;
          value = Math.max(-1, Math.min(1, dot / (norms[i]! * norms[j]!)));
        }
      }
      matrix[i]![j] = value;
      matrix[j]![i] = value;
    }
  }
  return { symbols, matrix, observations: n };
}

export interface KMeans1d {
  /** Cluster centres (means), ascending. */
  centers: number[];
  /** Members of each cluster, ascending, aligned with centers. */
  clusters: number[][];
}

/**
 * Optimal 1-D k-means (Ckmeans.1d.dp via simple-statistics): clusters ascending by value. k is capped at
 * the number of distinct values.
 * @throws QuantInputError on an empty array, a non-finite value or k < 1.
 */
export function kmeans1d(values: readonly number[], k: number): KMeans1d {
  requireFiniteSeries('values', values);
  requireInteger('k', k, 1);
  const distinct = new Set(values).size;
  const clusters = ckmeans([...values], Math.min(k, distinct));
  const centers = clusters.map((c) => c.reduce((a, v) => a + v, 0) / c.length);
  return { centers, clusters };
}
