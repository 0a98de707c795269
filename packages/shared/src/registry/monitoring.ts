// monitoring:* — data quality and feed metrics written by the services themselves.
import { z } from 'zod';
import { count, epochMs, symbol } from './common';
import { defineKey } from './define';

export const InvalidDataCounter = z.strictObject({
  count: z.number().int().nonnegative(),
  lastReason: z.string(),
  lastKey: z.string(),
  ts: epochMs,
});
export type InvalidDataCounter = z.infer<typeof InvalidDataCounter>;

export const StaleFeed = z.strictObject({
  symbol: symbol.nullable(),
  /** Data type that is stale: book, trades, bars, chain, sentiment, … */
  feed: z.string().min(1),
  /** Time of the last good value (epoch ms); null when none was ever received. */
  lastUpdate: epochMs.nullable(),
  ageMs: z.number().nonnegative(),
  thresholdMs: z.number().positive(),
  ts: epochMs,
});
export type StaleFeed = z.infer<typeof StaleFeed>;

export const IbkrError = z.strictObject({
  code: z.number().int(),
  message: z.string(),
  /** Request id the error belongs to; -1 for connection-level messages. */
  reqId: z.number().int(),
  symbol: symbol.nullable(),
  ts: epochMs,
});
export type IbkrError = z.infer<typeof IbkrError>;

export const AvCallStats = z.strictObject({
  /** Calls in the rolling last 60 s, all processes together. */
  callsLastMinute: count,
  budgetPerMinute: count,
  /** Plan limit in calls per minute (75, 150, 300, 600, 1200). */
  planPerMinute: count,
  byFunction: z.record(z.string(), count),
  /** Optional pulls skipped because the budget was short, since start. */
  skipped: count,
  ts: epochMs,
});
export type AvCallStats = z.infer<typeof AvCallStats>;

export const AvErrorCounter = z.strictObject({
  count,
  lastMessage: z.string(),
  lastFunction: z.string(),
  lastSymbol: z.string().nullable(),
  ts: epochMs,
});
export type AvErrorCounter = z.infer<typeof AvErrorCounter>;

export const AvDropCounter = z.strictObject({
  count,
  /** The last dropped contract (OCC id as sent), its symbol, field and offending value. */
  lastContract: z.string(),
  lastSymbol: symbol,
  lastField: z.string(),
  lastValue: z.string().nullable(),
  ts: epochMs,
});
export type AvDropCounter = z.infer<typeof AvDropCounter>;

export const AvErrorEvent = z.strictObject({
  /** rate_limited, premium, sample, invalid, empty, malformed, transient, http. */
  kind: z.string().min(1),
  function: z.string(),
  symbol: z.string().nullable(),
  message: z.string(),
  ts: epochMs,
});
export type AvErrorEvent = z.infer<typeof AvErrorEvent>;

export const AvLatency = z.strictObject({
  p50Ms: z.number().nonnegative(),
  p95Ms: z.number().nonnegative(),
  p99Ms: z.number().nonnegative(),
  samples: count,
  windowSeconds: z.number().positive(),
  ts: epochMs,
});
export type AvLatency = z.infer<typeof AvLatency>;

export const AvDegraded = z.strictObject({
  degraded: z.literal(true),
  reason: z.string(),
  p95Ms: z.number().nonnegative(),
  since: epochMs,
  ts: epochMs,
});
export type AvDegraded = z.infer<typeof AvDegraded>;

export const AvFreshness = z.strictObject({
  lastSuccess: epochMs.nullable(),
  lastAttempt: epochMs,
  ok: z.boolean(),
});
export type AvFreshness = z.infer<typeof AvFreshness>;

export const monitoringDataInvalid = defineKey({
  pattern: 'monitoring:data:invalid',
  type: 'hash',
  ttlSeconds: null,
  schema: InvalidDataCounter,
  owner: 'every service',
  presence: 'event',
  description: 'Rejected values per key family (field = family): count, last reason, last key, time.',
});

export const monitoringDataStale = defineKey({
  pattern: 'monitoring:data:stale',
  type: 'hash',
  ttlSeconds: 300,
  schema: StaleFeed,
  owner: 'every service',
  presence: 'event',
  description:
    'Stale feeds (field = feed:symbol), removed when fresh again; the hash expires 5 min after the last report.',
});

export const monitoringIbkrMetrics = defineKey({
  pattern: 'monitoring:ibkr:metrics',
  type: 'hash',
  ttlSeconds: 60,
  schema: z.number().finite(),
  owner: 'ibkr-ingestion',
  description:
    'IBKR feed metrics, one number per field: messagesPerSecond, lagMs, reconnects, dropped, invalid, subscriptions, ts.',
});

export const monitoringIbkrErrors = defineKey({
  pattern: 'monitoring:ibkr:errors',
  type: 'list',
  ttlSeconds: 86_400,
  cap: 500,
  schema: IbkrError,
  owner: 'ibkr-ingestion',
  presence: 'event',
  description: 'Recent TWS/Gateway errors and notices (code, message, request id), newest first.',
});

export const monitoringAvCalls = defineKey({
  pattern: 'monitoring:api:av:calls',
  type: 'string',
  ttlSeconds: 120,
  schema: AvCallStats,
  owner: 'av-ingestion',
  description: 'Alpha Vantage calls in the rolling minute against the budget and plan, by function.',
});

export const monitoringAvErrors = defineKey({
  pattern: 'monitoring:api:av:errors',
  type: 'hash',
  ttlSeconds: 86_400,
  schema: AvErrorCounter,
  owner: 'av-ingestion',
  presence: 'event',
  description:
    'Alpha Vantage failures by class (field = error kind): count and the last message, function, symbol.',
});

export const monitoringAvErrorLog = defineKey({
  pattern: 'monitoring:api:av:error_log',
  type: 'list',
  ttlSeconds: 86_400,
  cap: 500,
  schema: AvErrorEvent,
  owner: 'av-ingestion',
  presence: 'event',
  description: 'Recent Alpha Vantage failures, newest first (API key never included).',
});

export const monitoringAvLatency = defineKey({
  pattern: 'monitoring:api:av:latency',
  type: 'string',
  ttlSeconds: 300,
  schema: AvLatency,
  owner: 'av-ingestion',
  description: 'Alpha Vantage request latency percentiles over a rolling window.',
});

export const monitoringAvDegraded = defineKey({
  pattern: 'monitoring:api:av:degraded',
  type: 'string',
  ttlSeconds: 60,
  schema: AvDegraded,
  owner: 'av-ingestion',
  presence: 'event',
  description:
    'Present while AV p95 latency > 2 s for 3 min: downstream prefers IBKR quotes. Refreshed while degraded.',
});

export const monitoringAvFreshness = defineKey({
  pattern: 'monitoring:api:av:freshness',
  type: 'hash',
  ttlSeconds: 86_400,
  schema: AvFreshness,
  owner: 'av-ingestion',
  description: 'Last successful and last attempted fetch per data type and symbol (field = type:symbol).',
});

export const monitoringAvDropped = defineKey({
  pattern: 'monitoring:api:av:dropped',
  type: 'hash',
  ttlSeconds: 86_400,
  schema: AvDropCounter,
  owner: 'av-ingestion',
  presence: 'event',
  description:
    'Option contracts dropped by validation, by reason (field = reason: negative_gamma, crossed_quote, bad_occ, …).',
});
