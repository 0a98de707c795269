// explainer:*, archive:*, overseer:*, monitors:*, validator:*, scheduler:* — the system that watches the
// system: why trades fired or were rejected, what the overseer decided, and the rules it checks.
import { z } from 'zod';
import { clockTime, confidence, count, epochMs, finite, liquidityGrade, strategyName } from './common';
import { defineKey } from './define';

const DAY = 86_400;

export const TradeExplanation = z.strictObject({
  id: z.string().min(1),
  triggeredBy: z.array(z.string()),
  confidence,
  riskFactors: z.array(z.string()),
  ts: epochMs,
});
export type TradeExplanation = z.infer<typeof TradeExplanation>;

export const RejectExplanation = z.strictObject({
  id: z.string().min(1),
  stage: z.enum(['validator', 'risk', 'execution']),
  rejectedBecause: z.string().min(1),
  details: z.string(),
  ts: epochMs,
});
export type RejectExplanation = z.infer<typeof RejectExplanation>;

export const SignalExplanation = z.strictObject({
  signalId: z.string().min(1),
  /** Readable narrative of how analytics led to the signal. */
  summary: z.string(),
  factors: z.array(z.strictObject({ name: z.string(), value: finite.nullable(), effect: z.string() })),
  ts: epochMs,
});
export type SignalExplanation = z.infer<typeof SignalExplanation>;

export const ArchiveEntry = z.strictObject({
  /** File in cold storage and its integrity data. */
  path: z.string().min(1),
  bytes: count,
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  ts: epochMs,
});
export type ArchiveEntry = z.infer<typeof ArchiveEntry>;

export const OverseerEvent = z.strictObject({
  /** stale_data, impossible_greeks, high_slippage, ibkr_disconnected, … */
  kind: z.string().min(1),
  message: z.string(),
  value: finite.nullable(),
  threshold: finite.nullable(),
  ts: epochMs,
});
export type OverseerEvent = z.infer<typeof OverseerEvent>;

export const MonitorReport = z.strictObject({
  area: z.enum(['analytics', 'execution', 'data', 'signals']),
  status: z.enum(['ok', 'review', 'warning', 'critical']),
  checks: z.array(
    z.strictObject({
      name: z.string(),
      ok: z.boolean(),
      value: finite.nullable(),
      threshold: finite.nullable(),
      detail: z.string().nullable(),
    }),
  ),
  ts: epochMs,
});
export type MonitorReport = z.infer<typeof MonitorReport>;

export const ValidatorRules = z.strictObject({
  strategy: strategyName,
  maxContracts: count.nullable(),
  maxDelta: finite.nullable(),
  minLiquidity: liquidityGrade.nullable(),
  maxPositions: count.nullable(),
  correlationLimit: z.number().min(0).max(1).nullable(),
  timeWindow: z.strictObject({ start: clockTime, end: clockTime }).nullable(),
  /** Dollars. */
  maxNotional: z.number().nonnegative().nullable(),
  ts: epochMs,
});
export type ValidatorRules = z.infer<typeof ValidatorRules>;

export const ScheduledJob = z.strictObject({
  lastRunAt: epochMs.nullable(),
  nextRunAt: epochMs.nullable(),
  lastStatus: z.enum(['ok', 'failed', 'skipped', 'running']).nullable(),
  lastError: z.string().nullable(),
  durationMs: z.number().nonnegative().nullable(),
  ts: epochMs,
});
export type ScheduledJob = z.infer<typeof ScheduledJob>;

export const explainerTrades = defineKey({
  pattern: 'explainer:trades',
  type: 'list',
  ttlSeconds: 30 * DAY,
  cap: 1000,
  schema: TradeExplanation,
  owner: 'signals',
  presence: 'event',
  description: 'Why trades triggered (inputs, confidence, risk factors), newest first.',
});

export const explainerRejects = defineKey({
  pattern: 'explainer:rejects',
  type: 'list',
  ttlSeconds: 30 * DAY,
  cap: 1000,
  schema: RejectExplanation,
  owner: 'risk',
  presence: 'event',
  description: 'Why signals were rejected (stage, reason, details), newest first.',
});

export const explainerSignal = defineKey({
  pattern: 'explainer:signal:{id}',
  type: 'string',
  ttlSeconds: 30 * DAY,
  schema: SignalExplanation,
  owner: 'monitor',
  presence: 'event',
  description: 'Narrative explanation of one signal, kept 30 days.',
});

export const explainerTradeByDate = defineKey({
  pattern: 'explainer:trades:{date}:{id}',
  type: 'string',
  ttlSeconds: 30 * DAY,
  schema: TradeExplanation,
  owner: 'signals',
  presence: 'event',
  description:
    'Trade explanation bucketed by day (param date = YYYY-MM-DD) for archiving; expires after 30 days.',
});

export const archiveIndex = defineKey({
  pattern: 'archive:index:{date}',
  type: 'hash',
  ttlSeconds: null,
  schema: ArchiveEntry,
  owner: 'scheduler',
  presence: 'event',
  description: 'Nightly archive of one day (field = archived dataset): cold-storage path, size, checksum.',
});

export const overseerHalt = defineKey({
  pattern: 'overseer:halt',
  type: 'string',
  ttlSeconds: null,
  schema: OverseerEvent,
  owner: 'monitor',
  presence: 'event',
  description: 'Why the overseer halted trading (it also sets system:halt); cleared by the operator.',
});

export const overseerAlert = defineKey({
  pattern: 'overseer:alert',
  type: 'string',
  ttlSeconds: 3600,
  schema: OverseerEvent,
  owner: 'monitor',
  presence: 'event',
  description: 'Latest critical anomaly (e.g. impossible Greeks) that halted signals for a symbol.',
});

export const overseerWarning = defineKey({
  pattern: 'overseer:warning',
  type: 'string',
  ttlSeconds: 3600,
  schema: OverseerEvent,
  owner: 'monitor',
  presence: 'event',
  description: 'Latest warning (slippage > 2 %, unusual volume, regime uncertainty > 50 %).',
});

export const monitorsArea = defineKey({
  pattern: 'monitors:{area}',
  type: 'string',
  ttlSeconds: 10,
  schema: MonitorReport,
  owner: 'monitor',
  description: 'Overseer checks for one area (analytics, execution, data, signals), refreshed every second.',
});

export const validatorRules = defineKey({
  pattern: 'validator:rules:{strategy}',
  type: 'string',
  ttlSeconds: null,
  schema: ValidatorRules,
  owner: 'risk',
  description:
    'Pre-trade validation rules of one strategy (max contracts, delta, liquidity, window, notional).',
});

export const schedulerJobs = defineKey({
  pattern: 'scheduler:jobs',
  type: 'hash',
  ttlSeconds: null,
  schema: ScheduledJob,
  owner: 'scheduler',
  description: 'Scheduled tasks (field = job name): last and next run, status, error, duration.',
});
