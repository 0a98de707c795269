// The per-symbol parameters discovery derives: VPIN bucket size (1-D k-means on trade sizes), temporal
// lookback (first insignificant autocorrelation lag of returns) and volatility regime thresholds
// (percentiles of rolling realised volatility).
import { firstInsignificantLag, kmeans1d, logReturns, quantile } from '@alphatrader/quant';

export interface BucketChoice {
  bucketVolume: number;
  clampedToMinimum: boolean;
  /** Centre of the cluster of trade sizes that carries the most volume (shares). */
  dominantSize: number;
}

/**
 * VPIN bucket size: k-means (k clusters) on trade sizes; the cluster holding the most volume gives the
 * typical print, and a bucket holds `tradesPerBucket` such prints, rounded to whole shares and never below
 * `minimum`. Null without sizes.
 */
export function vpinBucketSize(
  sizes: readonly number[],
  opts: { clusters: number; tradesPerBucket: number; minimum: number },
): BucketChoice | null {
  const positive = sizes.filter((s) => s > 0);
  if (positive.length === 0) return null;
  const { centers, clusters } = kmeans1d(positive, opts.clusters);
  let best = 0;
  let bestVolume = -1;
  clusters.forEach((c, i) => {
    const volume = c.reduce((a, v) => a + v, 0);
    if (volume > bestVolume) {
      bestVolume = volume;
      best = i;
    }
  });
  const dominantSize = centers[best]!;
  const raw = Math.round(dominantSize * opts.tradesPerBucket);
  return raw < opts.minimum
    ? { bucketVolume: opts.minimum, clampedToMinimum: true, dominantSize }
    : { bucketVolume: raw, clampedToMinimum: false, dominantSize };
}

/**
 * Temporal lookback in bars: the first lag whose return autocorrelation is insignificant at 95 %
 * (|ρ| < 1.96/√n); maxLag when every lag up to it is significant. Null for a constant series.
 */
export function temporalLookback(closes: readonly number[], maxLag: number): number | null {
  const returns = logReturns(closes);
  if (returns.length < 3 || returns.every((r) => r === returns[0])) return null;
  return firstInsignificantLag(returns, maxLag) ?? maxLag;
}

export interface VolRegime {
  lowThreshold: number;
  highThreshold: number;
  current: number;
  regime: 'LOW' | 'NORMAL' | 'HIGH';
}

/**
 * Volatility regime: annualised realised volatility over every window of `windowBars` returns; the low and
 * high thresholds are the given quantiles of those volatilities, the current one is the last window's.
 * LOW below the low threshold, HIGH above the high one, NORMAL between. Null with fewer than two windows.
 */
export function volatilityRegime(
  closes: readonly number[],
  opts: { windowBars: number; barSeconds: number; low: number; high: number },
): VolRegime | null {
  const returns = logReturns(closes);
  const w = opts.windowBars;
  if (returns.length < w + 1) return null;
  const annualise = Math.sqrt((252 * 23_400) / opts.barSeconds);
  const vols: number[] = [];
  let s = 0;
  let ss = 0;
  for (let i = 0; i < returns.length; i++) {
    const r = returns[i]!;
    s += r;
    ss += r * r;
    if (i >= w) {
      const old = returns[i - w]!;
      s -= old;
      ss -= old * old;
    }
    if (i >= w - 1) vols.push(Math.sqrt(Math.max(0, (ss - (s * s) / w) / (w - 1))) * annualise);
  }
  const lowThreshold = quantile(vols, opts.low);
  const highThreshold = quantile(vols, opts.high);
  const current = vols[vols.length - 1]!;
  const regime = current < lowThreshold ? 'LOW' : current > highThreshold ? 'HIGH' : 'NORMAL';
  return { lowThreshold, highThreshold, current, regime };
}
