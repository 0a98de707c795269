// One config section per fleet service. Every section carries the runtime fields (enabled, port,
// heartbeatIntervalMs); the rest are the service's own knobs. Secrets are optional here and required
// by refinements in schema.ts only when the service that needs them is enabled.
import { z } from 'zod';
import { bool, fraction, int, num, optText, port, positiveMs, symbolList, text, timeOfDay } from './fields';

export const serviceBaseShape = {
  /** Whether the demo runner / compose starts this service. */
  enabled: bool(),
  /** Port of /healthz and /metrics; 0 = any free port (tests). */
  port: port(),
  /** Heartbeat refresh period; the heartbeat key lives 3 × this. */
  heartbeatIntervalMs: int(50, 60_000),
};

export const ServiceBase = z.strictObject(serviceBaseShape);
export type ServiceBase = z.infer<typeof ServiceBase>;

const section = <T extends z.ZodRawShape>(shape: T) => z.strictObject({ ...serviceBaseShape, ...shape });

const backoff = z.strictObject({ initialDelayMs: positiveMs(), maxDelayMs: positiveMs() });

export const ServiceSections = z.strictObject({
  'ibkr-ingestion': section({
    depthLevels: int(1, 50),
    l2SnapshotIntervalMs: positiveMs(),
    flushIntervalMs: positiveMs(),
    silentSocketTimeoutMs: positiveMs(),
    reconnect: backoff,
    priceBand: fraction(),
    sweepWindowMs: positiveMs(),
  }),
  'av-ingestion': section({
    chainSymbols: symbolList(),
    chainIntervalMs: positiveMs(),
    chainStaggerMs: int(0),
    intradaySymbols: symbolList(),
    intradayIntervalMs: positiveMs(),
    technicalsIntervalMs: positiveMs(),
    sentimentIntervalMs: positiveMs(),
    macroIntervalMs: positiveMs(),
    historicalAfter: timeOfDay(),
    historicalCallsPerMinute: int(1),
  }),
  discovery: section({
    intervalMs: positiveMs(),
    vpinMinBucketShares: int(1),
    correlationLookbackBars: int(2),
  }),
  analytics: section({
    toxicityWeights: z
      .strictObject({ vpin: fraction(), patterns: fraction(), obiVolatility: fraction() })
      .refine((w) => Math.abs(w.vpin + w.patterns + w.obiVolatility - 1) < 1e-9, {
        message: 'toxicity weights must sum to 1',
      }),
    vpinWindowBuckets: int(1),
    gexShiftAlert: fraction(),
    gexShiftWindowMs: positiveMs(),
    minOpenInterest: int(0),
  }),
  signals: section({ evaluateIntervalMs: positiveMs(), minConfidence: fraction() }),
  risk: section({ checkIntervalMs: positiveMs() }),
  execution: section({
    orderType: z.enum(['LMT', 'MKT']),
    adaptive: bool(),
    intradayTif: z.enum(['DAY', 'GTC', 'IOC']),
    swingTif: z.enum(['DAY', 'GTC', 'IOC']),
  }),
  positions: section({ markIntervalMs: positiveMs(), reconcileIntervalMs: positiveMs() }),
  distributor: section({ popTimeoutSeconds: num(0.01, 60) }),
  'discord-bot': section({
    botToken: optText(),
    webhooks: z.strictObject({ premium: optText(), basic: optText(), free: optText() }),
  }),
  'telegram-bot': section({
    botToken: optText(),
    chats: z.strictObject({ premium: optText(), basic: optText() }),
  }),
  'twitter-bot': section({
    apiKey: optText(),
    apiSecret: optText(),
    accessToken: optText(),
    accessSecret: optText(),
  }),
  dashboard: section({ uiPort: port(), refreshMs: positiveMs() }),
  'morning-analysis': section({
    openaiApiKey: optText(),
    model: text(),
    premarketAt: timeOfDay(),
    intradayAt: timeOfDay(),
    closeAt: timeOfDay(),
  }),
  scheduler: section({
    historicalBackfillAt: timeOfDay(),
    /** ISO weekday 1 = Monday … 7 = Sunday. */
    weeklyBackfill: z.strictObject({ weekday: int(1, 7), at: timeOfDay() }),
  }),
  monitor: section({
    publishIntervalMs: positiveMs(),
    heartbeatStaleMs: positiveMs(),
    haltOnDataAgeMs: positiveMs(),
    slippageWarn: fraction(),
  }),
});
export type ServiceSections = z.infer<typeof ServiceSections>;

/** Names of the fleet services that have a config section. */
export type ConfiguredServiceName = keyof ServiceSections;
export const CONFIGURED_SERVICE_NAMES = Object.keys(ServiceSections.shape) as ConfiguredServiceName[];
