// The strict schema of config/config.yaml. Unknown keys are rejected at every level; cross-field rules
// (symbol lists, secrets of enabled services, live trading) are checked once the shape is valid.
import { z } from 'zod';
import {
  bool,
  fraction,
  hostPort,
  int,
  num,
  optText,
  positiveMs,
  symbolList,
  text,
  timeOfDay,
  window,
} from './fields';
import { ServiceBase, ServiceSections } from './service-sections';

/** Marks a config issue that is only a missing secret (see LoadConfigOptions.requireSecrets). */
export const SECRET_ISSUE = 'atpSecret';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const strategyBase = { enabled: bool(), window: window(), symbols: symbolList() };

const Strategies = z.strictObject({
  '0dte': z.strictObject({
    ...strategyBase,
    maxContractsPerSymbol: int(1),
    maxRiskPerTrade: fraction(),
    maxDailyRisk: fraction(),
  }),
  '1dte': z.strictObject({
    ...strategyBase,
    maxPositionsPerSymbol: int(1),
    maxMarginUtilisation: fraction(),
  }),
  '14dte': z.strictObject({ ...strategyBase }),
  moc: z.strictObject({ ...strategyBase, maxNotionalFractionOfEquity: fraction(), timeStop: timeOfDay() }),
});
export type StrategyId = keyof z.infer<typeof Strategies>;

const Risk = z.strictObject({
  maxPositions: int(1),
  maxPositionsPerSymbol: int(1),
  dailyLossLimitUsd: num(0),
  maxConsecutiveLosses: int(1),
  maxDrawdown: fraction(),
  kellyFraction: fraction(),
  exposureCaps: z.strictObject({ maxDelta: num(0), maxGamma: num(0), minTheta: num(-Infinity, 0) }),
  trailingStop: z.strictObject({
    initial: fraction(),
    locks: z.array(z.strictObject({ atProfit: num(0), lockProfit: num(0) })),
  }),
  staleData: z.strictObject({ maxFeedAgeMs: positiveMs(), maxAnalyticsAgeMs: positiveMs() }),
});

const Redis = z.strictObject({
  mode: z.enum(['standalone', 'sentinel', 'cluster']),
  /** Standalone: redis:// or rediss:// URL (credentials in it are allowed but prefer username/password). */
  url: optText(),
  host: optText(),
  port: int(1, 65535).optional(),
  username: optText(),
  password: optText(),
  db: int(0, 15),
  tls: z.strictObject({
    enabled: bool(),
    caFile: optText(),
    certFile: optText(),
    keyFile: optText(),
    rejectUnauthorized: bool(),
  }),
  sentinel: z.strictObject({ name: text(), nodes: z.array(hostPort()), password: optText() }),
  cluster: z.strictObject({ nodes: z.array(hostPort()) }),
  connectTimeoutMs: positiveMs(),
  maxRetriesPerRequest: int(0).nullable(),
  retry: z.strictObject({ baseDelayMs: positiveMs(), maxDelayMs: positiveMs() }),
});
export type RedisConfig = z.infer<typeof Redis>;

/** The shape of the file without the cross-field rules (see AppConfigSchema). */
export const AppConfigShape = z.strictObject({
  trading: z.strictObject({ mode: z.enum(['paper', 'live']) }),
  dataDir: text(),
  log: z.strictObject({ level: z.enum(LOG_LEVELS), pretty: bool() }),
  clock: z.strictObject({ mode: z.enum(['real', 'simulated']), refreshMs: positiveMs() }),
  runtime: z.strictObject({
    httpHost: text(),
    shutdownTimeoutMs: positiveMs(),
    haltPollMs: positiveMs(),
    startupTimeoutMs: positiveMs(),
  }),
  symbols: z.strictObject({
    level2: symbolList(),
    standard: symbolList(),
    index: symbolList(),
    etfs: symbolList(),
  }),
  strategies: Strategies,
  risk: Risk,
  ibkr: z.strictObject({
    host: text(),
    port: int(1, 65535),
    clientId: int(0),
    account: optText(),
    connectTimeoutMs: positiveMs(),
  }),
  alphaVantage: z.strictObject({
    baseUrl: z.url({ protocol: /^https?$/ }),
    apiKey: optText(),
    planCallsPerMinute: int(1),
    budgetCallsPerMinute: int(1),
    timeoutMs: positiveMs(),
    slowP95Ms: positiveMs(),
    slowWindowMs: positiveMs(),
  }),
  distribution: z.strictObject({
    tiers: z.strictObject({
      premium: z.strictObject({ delaySeconds: int(0), detail: z.literal('full') }),
      basic: z.strictObject({ delaySeconds: int(0), detail: z.enum(['full', 'rounded']) }),
      free: z.strictObject({ delaySeconds: int(0), detail: z.enum(['rounded', 'teaser']) }),
    }),
  }),
  redis: Redis,
  services: ServiceSections,
  extraServices: z.record(z.string().regex(/^[a-z0-9][a-z0-9_.-]*$/), ServiceBase),
});

export const AppConfigSchema = AppConfigShape.superRefine((cfg, ctx) => {
  const issue = (path: Array<string | number>, message: string) =>
    ctx.addIssue({ code: 'custom', path, message });
  // A missing secret is tagged so that tools which use none (the operator CLI) can load the file.
  const secretIssue = (path: Array<string | number>, message: string) =>
    ctx.addIssue({ code: 'custom', path, message, params: { [SECRET_ISSUE]: true } });

  // Symbols: one list per symbol, ETFs among the traded symbols, service and strategy lists known.
  const { level2, standard, index, etfs } = cfg.symbols;
  const seen = new Set<string>();
  for (const [list, name] of [
    [level2, 'level2'],
    [standard, 'standard'],
    [index, 'index'],
  ] as const) {
    list.forEach((s, i) => {
      if (seen.has(s)) issue(['symbols', name, i], `${s} appears in more than one symbol list`);
      seen.add(s);
    });
  }
  etfs.forEach((s, i) => {
    if (!level2.includes(s) && !standard.includes(s))
      issue(['symbols', 'etfs', i], `${s} is not a traded symbol`);
  });
  const known = (list: readonly string[], path: Array<string | number>) =>
    list.forEach((s, i) => {
      if (!seen.has(s))
        issue([...path, i], `${s} is not in symbols.level2, symbols.standard or symbols.index`);
    });
  for (const [id, strategy] of Object.entries(cfg.strategies))
    known(strategy.symbols, ['strategies', id, 'symbols']);
  known(cfg.services['av-ingestion'].chainSymbols, ['services', 'av-ingestion', 'chainSymbols']);
  known(cfg.services['av-ingestion'].intradaySymbols, ['services', 'av-ingestion', 'intradaySymbols']);

  // Budget within the plan.
  if (cfg.alphaVantage.budgetCallsPerMinute > cfg.alphaVantage.planCallsPerMinute) {
    issue(['alphaVantage', 'budgetCallsPerMinute'], 'budget exceeds the plan’s calls per minute');
  }

  // Tier delays grow from premium to free.
  const t = cfg.distribution.tiers;
  if (!(t.premium.delaySeconds <= t.basic.delaySeconds && t.basic.delaySeconds <= t.free.delaySeconds)) {
    issue(['distribution', 'tiers'], 'delays must not decrease from premium to basic to free');
  }

  // Live trading is never implied.
  if (cfg.trading.mode === 'live' && cfg.ibkr.account === undefined) {
    issue(['ibkr', 'account'], 'live trading requires an explicit account (IBKR_ACCOUNT)');
  }

  // Secrets are required only where they are used.
  const av = cfg.alphaVantage;
  if (
    cfg.services['av-ingestion'].enabled &&
    av.apiKey === undefined &&
    /(^|\.)alphavantage\.co$/i.test(hostOf(av.baseUrl))
  ) {
    secretIssue(
      ['alphaVantage', 'apiKey'],
      'ALPHAVANTAGE_API_KEY is required to call the real Alpha Vantage API',
    );
  }
  const discord = cfg.services['discord-bot'];
  if (
    discord.enabled &&
    discord.botToken === undefined &&
    Object.values(discord.webhooks).every((w) => w === undefined)
  ) {
    secretIssue(
      ['services', 'discord-bot'],
      'enabled but neither DISCORD_BOT_TOKEN nor a DISCORD_WEBHOOK_* is set',
    );
  }
  const telegram = cfg.services['telegram-bot'];
  if (telegram.enabled && telegram.botToken === undefined) {
    secretIssue(['services', 'telegram-bot', 'botToken'], 'enabled but TELEGRAM_BOT_TOKEN is not set');
  }
  const twitter = cfg.services['twitter-bot'];
  if (twitter.enabled) {
    for (const field of ['apiKey', 'apiSecret', 'accessToken', 'accessSecret'] as const) {
      if (twitter[field] === undefined)
        secretIssue(['services', 'twitter-bot', field], 'enabled but the credential is not set');
    }
  }
  const morning = cfg.services['morning-analysis'];
  if (morning.enabled && morning.openaiApiKey === undefined) {
    secretIssue(['services', 'morning-analysis', 'openaiApiKey'], 'enabled but OPENAI_API_KEY is not set');
  }

  // Redis topology has what it needs.
  const r = cfg.redis;
  if (r.mode === 'standalone' && r.url === undefined && r.host === undefined) {
    issue(['redis', 'url'], 'standalone mode needs redis.url or redis.host');
  }
  if (r.mode === 'sentinel' && r.sentinel.nodes.length === 0)
    issue(['redis', 'sentinel', 'nodes'], 'sentinel mode needs at least one node');
  if (r.mode === 'cluster' && r.cluster.nodes.length === 0)
    issue(['redis', 'cluster', 'nodes'], 'cluster mode needs at least one node');
  if (r.retry.baseDelayMs > r.retry.maxDelayMs) issue(['redis', 'retry'], 'baseDelayMs exceeds maxDelayMs');

  // Service ports are distinct (0 = ephemeral is exempt), names do not collide.
  const ports = new Map<number, string>();
  const all: Array<[string, { port: number }, Array<string | number>]> = [
    ...Object.entries(cfg.services).map(([n, s]): [string, { port: number }, Array<string | number>] => [
      n,
      s,
      ['services', n, 'port'],
    ]),
    ...Object.entries(cfg.extraServices).map(([n, s]): [string, { port: number }, Array<string | number>] => [
      n,
      s,
      ['extraServices', n, 'port'],
    ]),
  ];
  for (const [name, s, path] of all) {
    if (s.port === 0) continue;
    const other = ports.get(s.port);
    if (other !== undefined) issue(path, `port ${s.port} is also used by ${other}`);
    else ports.set(s.port, name);
  }
  for (const name of Object.keys(cfg.extraServices)) {
    if (name in cfg.services)
      issue(['extraServices', name], 'name of a fleet service: configure it under services');
  }
});

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

export type AppConfig = z.infer<typeof AppConfigSchema>;
