// analytics:* — per-symbol derived metrics (seed TTL 5 s for calculated metrics) and the engine's
// health. Every per-symbol value carries `ts`, the ages of its inputs and a `confidence`.
import { z } from 'zod';
import {
  Bar,
  confidence,
  count,
  epochMs,
  finite,
  inputAgesMs,
  liquidityGrade,
  price,
  signedUnit,
  symbol,
  unitInterval,
} from './common';
import { defineKey } from './define';

const derived = { symbol, confidence, inputAgesMs, ts: epochMs };

export const VpinValue = z.strictObject({
  ...derived,
  /** VPIN over the last `window` buckets, 0..1; null until `window` buckets have closed. */
  value: unitInterval.nullable(),
  signal: z.enum(['toxic', 'neutral', 'informed']).nullable(),
  buckets: count,
  /** Shares per bucket (discovered). */
  bucketVolume: z.number().positive(),
  window: count,
  classification: z.enum(['tick', 'bvc']),
});
export type VpinValue = z.infer<typeof VpinValue>;

export const ObiValue = z.strictObject({
  ...derived,
  /** Level-1 imbalance, −1..1. */
  level1: signedUnit,
  /** The same mapped to 0..1 ((level1 + 1)/2), the range the seeds' 0.65/0.35 thresholds apply to. */
  level1Normalised: unitInterval,
  /** Where the sizes came from: the level-2 book, or the level-1 quote for symbols without depth. */
  source: z.enum(['book', 'ticker']),
  /** Depth-weighted imbalance over `levels`, −1..1; null without a level-2 book. */
  depthWeighted: signedUnit.nullable(),
  levels: count,
  /** (Pbid·Qask + Pask·Qbid)/(Qbid + Qask). */
  weightedMid: price.nullable(),
});
export type ObiValue = z.infer<typeof ObiValue>;

export const GexProfile = z.strictObject({
  ...derived,
  spot: price,
  unit: z.literal('usd_per_1pct'),
  byStrike: z.array(z.strictObject({ strike: price, call: finite, put: finite, net: finite })),
  byExpiry: z.array(z.strictObject({ expiry: z.string(), net: finite })),
  /** Re-priced net GEX at hypothetical spot levels (the zero-gamma profile). */
  profile: z.array(z.strictObject({ level: price, net: finite })),
  zeroGamma: price.nullable(),
  callWall: price.nullable(),
  putWall: price.nullable(),
});
export type GexProfile = z.infer<typeof GexProfile>;

export const AggregateGreeks = z.strictObject({
  ...derived,
  /** Σ over contracts of Greek × OI × 100 (per contract unit as in options:{s}:chain). */
  delta: finite,
  gamma: finite,
  thetaPerDay: finite,
  vegaPerPoint: finite,
  contracts: count,
});
export type AggregateGreeks = z.infer<typeof AggregateGreeks>;

export const RegimeValue = z.strictObject({
  ...derived,
  state: z.enum(['trending_up', 'trending_down', 'mean_reverting', 'uncertain']),
  /** Realised-volatility percentile vs. history, 0..1. */
  volatilityPercentile: unitInterval,
  /** Moving-average slope, fraction of price per bar. */
  maSlope: finite,
  liquidityScore: unitInterval,
  /** Confidence of each component; `confidence` is their minimum. */
  components: z.strictObject({ volatility: confidence, slope: confidence, liquidity: confidence }),
});
export type RegimeValue = z.infer<typeof RegimeValue>;

export const ToxicityValue = z.strictObject({
  ...derived,
  /** Blended flow toxicity 0..1 = Σ weight × component. */
  score: unitInterval,
  vpin: unitInterval.nullable(),
  patternScore: unitInterval,
  /** Standard deviation of the level-1 OBI over the recent book updates; null without enough updates. */
  obiVolatility: unitInterval.nullable(),
  /** Weights applied: the configured ones, renormalised over the components that exist. */
  weights: z.strictObject({ vpin: unitInterval, patterns: unitInterval, obiVolatility: unitInterval }),
  /** Shares of the recent prints that were odd lots, part of a sweep, or blocks. */
  ratios: z.strictObject({ oddLot: unitInterval, sweep: unitInterval, block: unitInterval }),
  trades: count,
});
export type ToxicityValue = z.infer<typeof ToxicityValue>;

export const VolForecast = z.strictObject({
  ...derived,
  /** Annualised volatilities (1.0 = 100 %). */
  forecastVol: z.number().nonnegative(),
  realizedVol: z.number().nonnegative(),
  impliedVol: z.number().nonnegative().nullable(),
  horizonMinutes: z.number().positive(),
  /** EWMA decay factor. */
  lambda: unitInterval,
  /** Expected move over the horizon as a fraction of spot. */
  expectedMovePct: z.number().nonnegative(),
});
export type VolForecast = z.infer<typeof VolForecast>;

export const MocPrediction = z.strictObject({
  ...derived,
  /** Predicted closing-auction imbalance, −1 (sell) .. 1 (buy). */
  imbalance: signedUnit,
  direction: z.enum(['buy', 'sell', 'none']),
  /** Closing volume trend vs. the baseline (ratio). */
  closingVolumeTrend: z.number().nonnegative(),
});
export type MocPrediction = z.infer<typeof MocPrediction>;

export const HiddenOrders = z.strictObject({
  ...derived,
  detections: z.array(
    z.strictObject({
      side: z.enum(['bid', 'ask']),
      price,
      refills: count,
      /** Shares traded at the level beyond what was displayed. */
      hiddenSize: z.number().nonnegative(),
      firstSeen: epochMs,
      lastSeen: epochMs,
    }),
  ),
});
export type HiddenOrders = z.infer<typeof HiddenOrders>;

export const LiquidityScore = z.strictObject({
  ...derived,
  score: unitInterval,
  grade: liquidityGrade,
  spreadBps: z.number().nonnegative(),
  /** Dollars resting in the top levels, both sides. */
  depthNotional: z.number().nonnegative(),
});
export type LiquidityScore = z.infer<typeof LiquidityScore>;

export const TimeframeBars = z.strictObject({
  ...derived,
  timeframe: z.enum(['1m', '5m', '15m', '30m', '60m']),
  /** Oldest first; the last bar may still be forming. */
  bars: z.array(Bar).max(500),
});
export type TimeframeBars = z.infer<typeof TimeframeBars>;

export const AnalyticsJobStatus = z.strictObject({
  job: z.string().min(1),
  ok: z.boolean(),
  durationMs: z.number().nonnegative(),
  lastError: z.string().nullable(),
  ts: epochMs,
});
export type AnalyticsJobStatus = z.infer<typeof AnalyticsJobStatus>;

export const AnalyticsAlert = z.strictObject({
  /** missing_greeks, stale_book, impossible_value, anomaly:gex, … */
  kind: z.string().min(1),
  symbol: symbol.nullable(),
  message: z.string(),
  value: finite.nullable(),
  ts: epochMs,
});
export type AnalyticsAlert = z.infer<typeof AnalyticsAlert>;

export const PortfolioAnalytics = z.strictObject({
  delta: finite,
  gamma: finite,
  thetaPerDay: finite,
  vegaPerPoint: finite,
  positions: count,
  /** Dollars of premium at the current marks. */
  marketValue: finite,
  confidence,
  ts: epochMs,
});
export type PortfolioAnalytics = z.infer<typeof PortfolioAnalytics>;

export const VolForecastCalibration = z.strictObject({
  lambda: unitInterval,
  /** Forecast errors of annualised vol over the calibration window. */
  mae: z.number().nonnegative(),
  rmse: z.number().nonnegative(),
  samples: count,
  calibratedAt: epochMs,
});
export type VolForecastCalibration = z.infer<typeof VolForecastCalibration>;

const perSymbol = <S extends string, Schema extends z.ZodType>(
  suffix: S,
  schema: Schema,
  description: string,
) =>
  defineKey({
    pattern: `analytics:{symbol}:${suffix}` as const,
    type: 'string',
    ttlSeconds: 5,
    schema,
    owner: 'analytics',
    description,
  });

export const analyticsVpin = perSymbol(
  'vpin',
  VpinValue,
  'VPIN over the last 50 volume buckets, with bucket count and signal.',
);
export const analyticsObi = perSymbol(
  'obi',
  ObiValue,
  'Level-1 and depth-weighted order book imbalance and weighted mid.',
);
export const analyticsGexProfile = perSymbol(
  'gex_profile',
  GexProfile,
  'GEX by strike and expiry and the re-priced zero-gamma profile (headline figures in options:{symbol}:gex).',
);
export const analyticsGreeks = perSymbol(
  'greeks',
  AggregateGreeks,
  'Greeks aggregated over the chain (Σ Greek × OI × 100).',
);
export const analyticsRegime = perSymbol(
  'regime',
  RegimeValue,
  'Regime from volatility percentile, MA slope and liquidity; confidence = the weakest component.',
);
export const analyticsToxicity = perSymbol(
  'toxicity',
  ToxicityValue,
  'Flow toxicity: VPIN, trade patterns and OBI volatility, blended.',
);
export const analyticsVolForecast = perSymbol(
  'vol_forecast',
  VolForecast,
  'EWMA volatility forecast and expected move.',
);
export const analyticsMocPred = perSymbol(
  'moc_pred',
  MocPrediction,
  'Predicted closing-auction imbalance (MOC strategy input).',
);
export const analyticsHidden = perSymbol(
  'hidden',
  HiddenOrders,
  'Hidden/iceberg orders: levels refilled after being traded through.',
);
export const analyticsLiquidity = perSymbol(
  'liquidity',
  LiquidityScore,
  'Liquidity score and grade (A–D) from spread and depth.',
);

export const analyticsBars = defineKey({
  pattern: 'analytics:{symbol}:bars:{timeframe}',
  type: 'string',
  ttlSeconds: 10,
  schema: TimeframeBars,
  owner: 'analytics',
  description: 'Bars built from 5-second bars for one timeframe (1m, 5m, 15m, 30m, 60m); bar TTL 10 s.',
});

export const analyticsStatus = defineKey({
  pattern: 'analytics:status',
  type: 'hash',
  ttlSeconds: 60,
  schema: AnalyticsJobStatus,
  owner: 'analytics',
  description:
    'Heartbeat per analytics job (field = job): last run, duration, error. Check it before trusting outputs.',
});

export const analyticsAlerts = defineKey({
  pattern: 'analytics:alerts',
  type: 'list',
  ttlSeconds: 86_400,
  cap: 500,
  schema: AnalyticsAlert,
  owner: 'analytics',
  presence: 'event',
  description: 'Anomaly flags (missing Greeks, stale book, impossible values, anomaly:gex), newest first.',
});

export const analyticsPortfolio = defineKey({
  pattern: 'analytics:portfolio',
  type: 'string',
  ttlSeconds: 5,
  schema: PortfolioAnalytics,
  owner: 'analytics',
  presence: 'event',
  description: 'Portfolio-level Greeks and market value of the open positions.',
});

export const analyticsVolForecastMetrics = defineKey({
  pattern: 'analytics:vol_forecast:metrics',
  type: 'hash',
  ttlSeconds: null,
  schema: VolForecastCalibration,
  owner: 'analytics',
  presence: 'event',
  description:
    'Volatility forecast calibration per symbol (field = symbol): decay factor and realised error, weekly.',
});
