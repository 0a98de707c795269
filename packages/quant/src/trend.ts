// Trend and rank measures for regime classification: where a value sits in its own history, and the
// least-squares slope of a series with its t-statistic.
import { requireFinite, requireFiniteSeries, requireInteger } from './errors';

/**
 * Percentile rank of x among `values` in [0, 1]: (count below x + ½ count equal to x) / n (mid-rank, so a
 * value equal to every element ranks 0.5).
 * @throws QuantInputError on an empty array or a non-finite value or x.
 */
export function percentileRank(values: readonly number[], x: number): number {
  requireFiniteSeries('values', values);
  requireFinite('x', x);
  let below = 0;
  let equal = 0;
  for (const v of values) {
    if (v < x) below++;
    else if (v === x) equal++;
  }
  return (below + 0.5 * equal) / values.length;
}

export interface LinearTrend {
  /** Least-squares slope per step (unit of the values per index step). */
  slope: number;
  /** Fitted value at index 0. */
  intercept: number;
  /** slope / standard error of the slope (n − 2 degrees of freedom); null when n < 3 or the fit is exact. */
  tStat: number | null;
  /** Share of the variance the line explains in [0, 1]; null for a constant series. */
  rSquared: number | null;
  n: number;
}

/**
 * Ordinary least squares of the series on its index 0..n−1: slope, intercept, t-statistic of the slope and R².
 * @throws QuantInputError on fewer than 2 values or a non-finite value.
 */
export function linearTrend(series: readonly number[]): LinearTrend {
  requireFiniteSeries('series', series, 2);
  const n = series.length;
  const xMean = (n - 1) / 2;
  let yMean = 0;
  for (const y of series) yMean += y;
  yMean /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = i - xMean;
    const dy = series[i]! - yMean;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  const slope = sxy / sxx;
  const intercept = yMean - slope * xMean;
  const ssr = Math.max(0, syy - slope * sxy);
  const rSquared = syy > 0 ? Math.min(1, Math.max(0, (slope * sxy) / syy)) : null;
  let tStat: number | null = null;
  // Residual variance below rounding noise of the data means an exact fit: no finite t exists.
  if (n >= 3 && ssr > 1e-12 * syy) {
    const se = Math.sqrt(ssr / (n - 2) / sxx);
    tStat = slope / se;
  }
  return { slope, intercept, tStat, rSquared, n };
}

/**
 * Simple moving average series: element i is the mean of values[i .. i + window − 1]; length n − window + 1
 * (empty when the series is shorter than the window). Same unit as the values.
 * @throws QuantInputError on a non-finite value or a window below 1.
 */
export function movingAverage(values: readonly number[], window: number): number[] {
  requireFiniteSeries('values', values, 0);
  requireInteger('window', window, 1);
  const out: number[] = [];
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    sum += values[i]!;
    if (i >= window) sum -= values[i - window]!;
    // Recompute exactly every window steps so the running sum cannot drift.
    if (i >= window - 1) {
      if ((i + 1) % window === 0) {
        sum = 0;
        for (let j = i - window + 1; j <= i; j++) sum += values[j]!;
      }
      out.push(sum / window);
    }
  }
  return out;
}
