// discovered:* — parameters the discovery service derives from recent data every 15 minutes.
// Seed TTL: 24 h, so the last good parameters survive a discovery outage for a day.
import { z } from 'zod';
import { count, epochMs, finite, symbol, unitInterval } from './common';
import { defineKey } from './define';

const DAY = 86_400;

export const VpinBucketParams = z.strictObject({
  /** Shares per VPIN bucket (k-means on trade sizes, never below `minimum`). */
  bucketVolume: z.number().positive(),
  minimum: z.number().positive(),
  clampedToMinimum: z.boolean(),
  sampleTrades: count,
  ts: epochMs,
});
export type VpinBucketParams = z.infer<typeof VpinBucketParams>;

export const LookbackParams = z.strictObject({
  /** Lookback in 5-second bars: the first lag whose return autocorrelation is insignificant. */
  bars: count,
  barSeconds: z.number().positive(),
  sampleBars: count,
  ts: epochMs,
});
export type LookbackParams = z.infer<typeof LookbackParams>;

export const VolRegimeParams = z.strictObject({
  /** Annualised realised volatility (1.0 = 100 %): thresholds from percentiles, and the current value. */
  lowThreshold: z.number().nonnegative(),
  highThreshold: z.number().nonnegative(),
  current: z.number().nonnegative(),
  regime: z.enum(['LOW', 'NORMAL', 'HIGH']),
  ts: epochMs,
});
export type VolRegimeParams = z.infer<typeof VolRegimeParams>;

export const CorrelationMatrix = z.strictObject({
  symbols: z.array(symbol),
  /** Row i, column j = correlation of returns of symbols[i] and symbols[j]. */
  matrix: z.array(z.array(z.number().min(-1).max(1))),
  sampleBars: count,
  ts: epochMs,
});
export type CorrelationMatrix = z.infer<typeof CorrelationMatrix>;

export const ToxicityParams = z.strictObject({
  score: unitInterval,
  vpin: unitInterval.nullable(),
  oddLotRatio: unitInterval,
  sweepRatio: unitInterval,
  blockRatio: unitInterval,
  ts: epochMs,
});
export type ToxicityParams = z.infer<typeof ToxicityParams>;

export const DiscoveryRun = z.strictObject({
  startedAt: epochMs,
  durationMs: z.number().nonnegative(),
  symbols: count,
  /** Parameters that could not be derived (too little data), as name → reason. */
  skipped: z.record(z.string(), z.string()),
  /** Path of the discovered.yaml written with the same parameters. */
  yamlPath: z.string().nullable(),
  computeMs: finite,
  ts: epochMs,
});
export type DiscoveryRun = z.infer<typeof DiscoveryRun>;

export const discoveredVpinBucket = defineKey({
  pattern: 'discovered:vpin_bucket',
  type: 'hash',
  ttlSeconds: DAY,
  schema: VpinBucketParams,
  owner: 'discovery',
  description: 'VPIN bucket size per symbol (field = symbol), minimum 50 shares.',
});

export const discoveredLookback = defineKey({
  pattern: 'discovered:lookback',
  type: 'hash',
  ttlSeconds: DAY,
  schema: LookbackParams,
  owner: 'discovery',
  description: 'Temporal lookback per symbol (field = symbol): first insignificant autocorrelation lag.',
});

export const discoveredVolRegimes = defineKey({
  pattern: 'discovered:vol_regimes',
  type: 'hash',
  ttlSeconds: DAY,
  schema: VolRegimeParams,
  owner: 'discovery',
  description: 'Volatility regime thresholds and current regime per symbol (field = symbol).',
});

export const discoveredCorrelation = defineKey({
  pattern: 'discovered:correlation',
  type: 'string',
  ttlSeconds: DAY,
  schema: CorrelationMatrix,
  owner: 'discovery',
  description: 'Correlation matrix of returns across all configured symbols.',
});

export const discoveredToxicity = defineKey({
  pattern: 'discovered:toxicity',
  type: 'hash',
  ttlSeconds: DAY,
  schema: ToxicityParams,
  owner: 'discovery',
  description: 'Flow toxicity per symbol (field = symbol): VPIN, odd-lot, sweep and block ratios.',
});

export const discoveredLastRun = defineKey({
  pattern: 'discovered:last_run',
  type: 'string',
  ttlSeconds: DAY,
  schema: DiscoveryRun,
  owner: 'discovery',
  description: 'Last discovery run: start, duration, what was skipped and where the YAML went.',
});
