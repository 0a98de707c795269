// Models on the 5-second bar history of one symbol: regime (volatility percentile, moving-average slope,
// liquidity), the EWMA volatility forecast and the MOC imbalance predictor.
import { ewmaVolForecast, linearTrend, movingAverage, percentileRank } from '@alphatrader/quant';
import { clamp01 } from './book';

/** 5-second bars in a regular session year: 252 days × 6.5 h × 720 bars/h. */
export const FIVE_SECOND_BARS_PER_YEAR = 252 * 6.5 * 720;
/** Minutes in a regular session year, for horizons. */
const SESSION_MINUTES_PER_YEAR = 252 * 390;
/** Rolling-volatility samples behind a fully confident volatility percentile (10 minutes of 5-second bars). */
const CONFIDENT_VOL_SAMPLES = 120;

export function logReturnsOf(closes: readonly number[]): number[] {
  const out: number[] = [];
  for (let i = 1; i < closes.length; i++) out.push(Math.log(closes[i]! / closes[i - 1]!));
  return out;
}

export interface BarStats {
  /** Annualised realised volatility over the lookback. */
  realizedVol: number;
  /** Where that volatility sits among the rolling volatilities of the history, 0..1. */
  volatilityPercentile: number;
  volatilityConfidence: number;
  /** Slope of the moving average over the lookback, as a fraction of price per bar. */
  maSlope: number;
  /** t-statistic of the price trend over the lookback (null for an exact line). */
  tStat: number | null;
  /** Price trend is an exact non-flat line (no finite t). */
  exactTrend: boolean;
  slopeConfidence: number;
}

/**
 * Regime statistics from closes (oldest first). Needs lookback + 1 closes at least; null otherwise.
 * Rolling volatilities use running sums over every window of `lookback` returns.
 */
export function barStats(
  closes: readonly number[],
  opts: { lookbackBars: number; maBars: number },
): BarStats | null {
  const lookback = Math.max(2, opts.lookbackBars);
  if (closes.length < lookback + 1) return null;
  const returns = logReturnsOf(closes);
  const annualise = Math.sqrt(FIVE_SECOND_BARS_PER_YEAR);

  const rolling: number[] = [];
  let s = 0;
  let ss = 0;
  for (let i = 0; i < returns.length; i++) {
    const r = returns[i]!;
    s += r;
    ss += r * r;
    if (i >= lookback) {
      const old = returns[i - lookback]!;
      s -= old;
      ss -= old * old;
    }
    if (i >= lookback - 1) {
      const variance = Math.max(0, (ss - (s * s) / lookback) / (lookback - 1));
      rolling.push(Math.sqrt(variance) * annualise);
    }
  }
  const current = rolling[rolling.length - 1]!;

  const window = closes.slice(-lookback);
  const trend = linearTrend(window);
  const last = closes[closes.length - 1]!;
  const ma = movingAverage(closes, Math.min(opts.maBars, closes.length));
  const maTail = ma.slice(-lookback);
  const maSlope = maTail.length >= 2 ? linearTrend(maTail).slope / last : 0;

  return {
    realizedVol: current,
    volatilityPercentile: percentileRank(rolling, current),
    volatilityConfidence: Math.min(1, rolling.length / CONFIDENT_VOL_SAMPLES),
    maSlope,
    tStat: trend.tStat,
    exactTrend: trend.tStat === null && trend.rSquared === 1 && trend.slope !== 0,
    slopeConfidence: Math.min(1, closes.length / (opts.maBars + lookback)),
  };
}

export type RegimeState = 'trending_up' | 'trending_down' | 'mean_reverting' | 'uncertain';

/**
 * Trending when the price trend over the lookback is significant (|t| ≥ trendTStat), in the direction of
 * the trend; otherwise mean-reverting when volatility is in the lower half of its history, else uncertain.
 */
export function regimeState(stats: BarStats, trendTStat: number): RegimeState {
  const t = stats.tStat;
  if (stats.exactTrend) return stats.maSlope >= 0 ? 'trending_up' : 'trending_down';
  if (t !== null && Math.abs(t) >= trendTStat) return t > 0 ? 'trending_up' : 'trending_down';
  return stats.volatilityPercentile <= 0.5 ? 'mean_reverting' : 'uncertain';
}

/**
 * EWMA volatility forecast blended with the implied–realised spread: forecast = EWMA(realised) + w × EWMA of
 * (implied − EWMA(realised)), the spread smoothed across updates with the same λ. Annualised decimals.
 */
export class VolForecaster {
  private spread: number | null = null;

  constructor(private readonly opts: { lambda: number; horizonMinutes: number; impliedWeight: number }) {}

  forecast(
    returns: readonly number[],
    impliedVol: number | null,
  ): { forecastVol: number; ewmaVol: number; expectedMovePct: number } | null {
    if (returns.length < 2) return null;
    const lambda = this.opts.lambda;
    const ewmaVol = ewmaVolForecast(returns, { lambda, periodsPerYear: FIVE_SECOND_BARS_PER_YEAR });
    if (impliedVol !== null) {
      const gap = impliedVol - ewmaVol;
      this.spread = this.spread === null ? gap : lambda * this.spread + (1 - lambda) * gap;
    }
    const forecastVol = Math.max(0, ewmaVol + this.opts.impliedWeight * (this.spread ?? 0));
    const expectedMovePct = forecastVol * Math.sqrt(this.opts.horizonMinutes / SESSION_MINUTES_PER_YEAR);
    return { forecastVol, ewmaVol, expectedMovePct };
  }
}

export interface MocInputs {
  /** Mean of the recent depth-weighted (or level-1) imbalances, and how many there were. */
  imbalanceMean: number;
  imbalanceSamples: number;
  /** Volumes of the recent 5-second bars, oldest first. */
  volumes: readonly number[];
  trendBars: number;
  maxTrend: number;
  directionThreshold: number;
  /** Whether now is inside the MOC strategy window. */
  inWindow: boolean;
}

export interface MocResult {
  imbalance: number;
  direction: 'buy' | 'sell' | 'none';
  closingVolumeTrend: number;
  confidence: number;
}

/**
 * Closing-auction imbalance predictor: the mean recent book imbalance scaled by the closing volume trend
 * (mean volume of the last trendBars bars over the mean of the bars before, capped at maxTrend), clamped to
 * [−1, 1]. Accelerating volume into the close amplifies a one-sided book. Null without enough history.
 */
export function mocPrediction(i: MocInputs): MocResult | null {
  if (i.imbalanceSamples === 0 || i.volumes.length < i.trendBars + 1) return null;
  const obi = i.imbalanceMean;
  const recent = i.volumes.slice(-i.trendBars);
  const before = i.volumes.slice(0, -i.trendBars);
  const meanRecent = recent.reduce((a, v) => a + v, 0) / recent.length;
  const meanBefore = before.reduce((a, v) => a + v, 0) / before.length;
  const trend =
    meanBefore > 0 ? Math.min(i.maxTrend, meanRecent / meanBefore) : meanRecent > 0 ? i.maxTrend : 1;
  const imbalance = Math.max(-1, Math.min(1, obi * trend));
  const direction =
    imbalance >= i.directionThreshold ? 'buy' : imbalance <= -i.directionThreshold ? 'sell' : 'none';
  const samples = Math.min(1, i.imbalanceSamples / 30) * Math.min(1, i.volumes.length / (2 * i.trendBars));
  return {
    imbalance,
    direction,
    closingVolumeTrend: trend,
    confidence: clamp01(samples * (i.inWindow ? 1 : 0.5)),
  };
}
