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
    /** Out-of-band prints in a row, agreeing with each other, after which the band re-anchors (a real gap). */
    priceBandReanchorCount: int(1, 1000).default(5),
    /** Sweep: distinct price levels or venues taken by same-side prints within sweepWindowMs. */
    sweepMinLevels: int(2, 50).default(3),
    sweepMinVenues: int(2, 50).default(3),
    /** reqCurrentTime every probe interval; no answer within the timeout = dead socket. */
    livenessProbeIntervalMs: positiveMs().default(5_000),
    livenessTimeoutMs: positiveMs().default(5_000),
    /** Error 326 (client id in use): try clientId, clientId + 1, … this many ids, then wrap. */
    clientIdAttempts: int(1, 32).default(5),
    /** Outgoing request rate (IB allows 50/s). */
    maxRequestsPerSecond: int(1, 50).default(45),
    /** A feed with no update for this long during market hours is reported in monitoring:data:stale. */
    staleAfterMs: positiveMs().default(5_000),
    /** While a symbol is fresh, its 1 s snapshot keys are rewritten at least this often (quiet quotes). */
    keepAliveMs: positiveMs().default(500),
    /** monitoring:ibkr:metrics period; ibkr:connected and ibkr:account are refreshed every statusRefreshMs. */
    metricsIntervalMs: positiveMs().default(1_000),
    statusRefreshMs: positiveMs().default(5_000),
    /** Error 10197 (competing live session): retry the subscription after this long. */
    competingSessionRetryMs: positiveMs().default(60_000),
    /** A depth book that lost sync (bad position, invalid row) is re-requested at most this often. */
    depthResyncMinIntervalMs: positiveMs().default(2_000),
    /** Unusual volume: window volume ≥ ratio × the time-of-day baseline (5-second bars). */
    unusualVolume: z
      .strictObject({
        windowSeconds: int(5, 3_600),
        ratio: num(1),
        slotMinutes: int(1, 390),
        minSamples: int(1),
        minVolume: num(0),
      })
      .default({ windowSeconds: 60, ratio: 3, slotMinutes: 30, minSamples: 12, minVolume: 0 }),
    /**
     * V8 old-generation growth factor as (1 + p/100), set at start: bounds RSS under a sustained
     * high allocation rate (V8 otherwise lets the heap grow to 4× its live size). 0 keeps V8's default.
     */
    heapGrowingPercent: int(0, 400).default(70),
    /** Option quotes for ibkr:subscriptions:options: lease poll period and most contracts quoted at once. */
    options: z
      .strictObject({ pollMs: positiveMs(), maxSubscriptions: int(0, 1_000) })
      .default({ pollMs: 1_000, maxSubscriptions: 80 }),
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
    /** Whole chains (the seed's call) or only the 0DTE expiry (`expiration=` today). */
    chainExpiries: z.enum(['all', '0dte']).default('all'),
    /** Strategy watchlist for RSI/MACD/BBANDS/ATR; default: every enabled strategy's symbols. */
    technicalsSymbols: symbolList().optional(),
    technicalsInterval: z.enum(['1min', '5min', '15min', '30min', '60min', 'daily']).default('1min'),
    /** NEWS_SENTIMENT symbols; ETFs and indices are always skipped. Default: every single name. */
    sentimentSymbols: symbolList().optional(),
    /** HISTORICAL_OPTIONS backfill symbols (default: chainSymbols) and trading days kept filled. */
    historicalSymbols: symbolList().optional(),
    historicalDays: int(1, 30).default(5),
    /** Chains, intraday bars and technicals only change in the regular session: idle outside it. */
    sessionOnly: bool().default(true),
    /** Retries of a transient failure (timeout, network, 5xx, burst throttle, truncated body). */
    retries: int(0, 5).default(2),
    /** Calls allowed in any rolling second across processes (burst smoothing); default 2 × budget/60. */
    burstPerSecond: int(1).optional(),
    /** A chain with more than this fraction of contracts failing validation is rejected whole. */
    maxRejectedFraction: fraction().default(0.2),
    /** options:{s}:unusual — volume ≥ minVolume and volume/OI ≥ volumeOiRatio, largest premium first. */
    unusual: z
      .strictObject({ minVolume: int(0), volumeOiRatio: num(0), maxContracts: int(1, 1000) })
      .default({ minVolume: 100, volumeOiRatio: 1, maxContracts: 50 }),
    /** Wall period of the scheduler tick (due jobs are read from the market clock). */
    tickMs: int(10, 5_000).default(100),
  }),
  discovery: section({
    intervalMs: positiveMs(),
    vpinMinBucketShares: int(1),
    correlationLookbackBars: int(2),
    /** k of the 1-D k-means on trade sizes; the bucket is the dominant cluster's centre × tradesPerBucket. */
    vpinSizeClusters: int(1, 10),
    vpinTradesPerBucket: int(1),
    /** Fewest trades / bars a symbol needs before a parameter is derived from them (else skipped). */
    minTrades: int(2),
    minBars: int(4),
    /** Highest autocorrelation lag tested for the temporal lookback. */
    maxLookbackLag: int(1),
    /** Bars per rolling realised-volatility sample, and the percentiles that split LOW/NORMAL/HIGH. */
    volWindowBars: int(2),
    volRegimeQuantiles: z
      .strictObject({ low: fraction(), high: fraction() })
      .refine((q) => q.low < q.high, { message: 'low quantile must be below the high quantile' }),
    /** File name of the discovered parameters under dataDir. */
    yamlFile: text(),
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
    /** Bucket size until discovery has published one for the symbol (seed 004: 1,000 shares). */
    vpinDefaultBucketShares: int(1),
    vpinClassification: z.enum(['tick', 'bvc']),
    /** VPIN at or above `toxic` is labelled toxic, at or below `informed` informed (seed labels). */
    vpinSignal: z.strictObject({ toxic: fraction(), informed: fraction() }),
    /** Trade-pattern component of flow toxicity: score = clamp(Σ weight × ratio, 0, 1) over the last trades. */
    patterns: z.strictObject({
      windowTrades: int(10, 10_000),
      weights: z.strictObject({ oddLot: num(-1, 1), sweep: num(-1, 1), block: num(-1, 1) }),
      roundLot: int(1),
      blockShares: int(1),
      blockNotional: num(1),
      sweepWindowMs: positiveMs(),
      sweepMinLevels: int(2),
    }),
    /** Depth-weighted OBI: one weight per level, best first (the number of weights = levels used). */
    obiDepthWeights: z.array(num(0)).min(1).max(50),
    /** Book updates in the OBI volatility and MOC imbalance windows. */
    obiWindow: int(2, 10_000),
    hiddenOrders: z.strictObject({ minRefills: int(1), refillWindowMs: positiveMs(), windowMs: positiveMs() }),
    /** Inputs older than these produce no output (seed: downstream drops books older than 5 s). */
    staleBookMs: positiveMs(),
    maxQuoteAgeMs: positiveMs(),
    /** Indices have no stock quotes: their spot may come from Alpha Vantage intraday bars this old. */
    maxIndexSpotAgeMs: positiveMs(),
    maxChainAgeMs: positiveMs(),
    /** A chain whose unusable contracts (impossible or no Greeks) carry more open interest than this is rejected. */
    maxBadOpenInterestFraction: fraction(),
    /** GEX is recomputed on a new chain, or when spot moved by this fraction since the last computation. */
    gexSpotMoveFraction: fraction(),
    riskFreeRate: num(-0.1, 1),
    dividendYield: num(0, 1),
    volForecast: z.strictObject({ lambda: fraction(), horizonMinutes: int(1), impliedWeight: fraction() }),
    regime: z.strictObject({
      /** Moving-average length and slope window, in 5-second bars. */
      maBars: int(2),
      /** |t| of the slope at or above which the regime is trending. */
      trendTStat: num(0),
      /** Default lookback (5-second bars) until discovery publishes one. */
      defaultLookbackBars: int(2),
      /** 5-second bars kept in memory per symbol (volatility history, regime, forecast, MOC). */
      historyBars: int(10, 100_000),
    }),
    liquidity: z.strictObject({ maxSpreadBps: num(0), fullDepthNotional: num(1) }),
    moc: z.strictObject({ directionThreshold: fraction(), trendBars: int(1), maxTrend: num(1) }),
    /** The same alert (symbol + kind) is raised at most once per this many ms. */
    alertCooldownMs: int(0),
    /** Period of the analytics:status heartbeat per job. */
    statusIntervalMs: positiveMs(),
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
