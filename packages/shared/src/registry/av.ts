// sentiment:*, technicals:*, macro:*, ratelimit:* — Alpha Vantage data other than options. Seed TTLs:
// sentiment 300 s, technicals 60 s.
import { z } from 'zod';
import { count, epochMs, finite, isoDate, signedUnit, symbol } from './common';
import { defineKey } from './define';

export const SentimentLabel = z.enum([
  'Bearish',
  'Somewhat-Bearish',
  'Neutral',
  'Somewhat-Bullish',
  'Bullish',
]);
export type SentimentLabel = z.infer<typeof SentimentLabel>;

export const SentimentScore = z.strictObject({
  symbol,
  /** Relevance-weighted mean of the ticker sentiment scores, −1..1. */
  score: signedUnit,
  label: SentimentLabel,
  articles: count,
  distribution: z.strictObject({
    bullish: count,
    somewhatBullish: count,
    neutral: count,
    somewhatBearish: count,
    bearish: count,
  }),
  ts: epochMs,
});
export type SentimentScore = z.infer<typeof SentimentScore>;

export const NewsArticle = z.strictObject({
  title: z.string(),
  url: z.string(),
  publishedAt: epochMs,
  authors: z.array(z.string()),
  summary: z.string(),
  source: z.string(),
  topics: z.array(z.strictObject({ topic: z.string(), relevance: z.number().min(0).max(1) })),
  overallScore: finite,
  overallLabel: z.string(),
  /** This symbol's entry in the article's ticker_sentiment. */
  tickerScore: finite,
  tickerRelevance: z.number().min(0).max(1),
  tickerLabel: z.string(),
});
export type NewsArticle = z.infer<typeof NewsArticle>;

export const SentimentArticles = z.strictObject({
  symbol,
  articles: z.array(NewsArticle).max(1000),
  ts: epochMs,
});
export type SentimentArticles = z.infer<typeof SentimentArticles>;

const indicatorBase = {
  symbol,
  interval: z.string(),
  /** Time of the latest point (epoch ms, from AV's US/Eastern keys). */
  asOf: epochMs,
  ts: epochMs,
};

export const RsiValue = z.strictObject({
  ...indicatorBase,
  timePeriod: count,
  value: z.number().min(0).max(100),
});
export type RsiValue = z.infer<typeof RsiValue>;
export const MacdValue = z.strictObject({
  ...indicatorBase,
  macd: finite,
  signal: finite,
  histogram: finite,
});
export type MacdValue = z.infer<typeof MacdValue>;
export const BbandsValue = z.strictObject({
  ...indicatorBase,
  timePeriod: count,
  upper: finite,
  middle: finite,
  lower: finite,
});
export type BbandsValue = z.infer<typeof BbandsValue>;
export const AtrValue = z.strictObject({
  ...indicatorBase,
  timePeriod: count,
  value: z.number().nonnegative(),
});
export type AtrValue = z.infer<typeof AtrValue>;

export const MacroSeries = z.strictObject({
  name: z.string(),
  interval: z.string(),
  unit: z.string(),
  /** Oldest first; value null where AV reports a missing observation ("."). */
  points: z.array(z.strictObject({ date: isoDate, value: finite.nullable() })),
  ts: epochMs,
});
export type MacroSeries = z.infer<typeof MacroSeries>;

export const sentimentScore = defineKey({
  pattern: 'sentiment:{symbol}:score',
  type: 'string',
  ttlSeconds: 300,
  schema: SentimentScore,
  owner: 'av-ingestion',
  description:
    'News sentiment for a single name (ETFs and indices skipped): score −1..1, label, distribution.',
});

export const sentimentArticles = defineKey({
  pattern: 'sentiment:{symbol}:articles',
  type: 'string',
  ttlSeconds: 300,
  schema: SentimentArticles,
  owner: 'av-ingestion',
  description: 'Recent news articles for the symbol with topics and ticker sentiment.',
});

const technicals = <S extends string>(suffix: S) => `technicals:{symbol}:${suffix}` as const;

export const technicalsRsi = defineKey({
  pattern: technicals('rsi'),
  type: 'string',
  ttlSeconds: 60,
  schema: RsiValue,
  owner: 'av-ingestion',
  description: 'Latest RSI (0..100).',
});

export const technicalsMacd = defineKey({
  pattern: technicals('macd'),
  type: 'string',
  ttlSeconds: 60,
  schema: MacdValue,
  owner: 'av-ingestion',
  description: 'Latest MACD, signal line and histogram.',
});

export const technicalsBbands = defineKey({
  pattern: technicals('bbands'),
  type: 'string',
  ttlSeconds: 60,
  schema: BbandsValue,
  owner: 'av-ingestion',
  description: 'Latest Bollinger Bands (upper, middle, lower).',
});

export const technicalsAtr = defineKey({
  pattern: technicals('atr'),
  type: 'string',
  ttlSeconds: 60,
  schema: AtrValue,
  owner: 'av-ingestion',
  description: 'Latest Average True Range in dollars.',
});

export const macroSeries = defineKey({
  pattern: 'macro:{series}',
  type: 'string',
  ttlSeconds: 86_400,
  schema: MacroSeries,
  owner: 'av-ingestion',
  description: 'Macro series (param: real_gdp, cpi, federal_funds_rate), refreshed every 5 min.',
});

export const avRateLimit = defineKey({
  pattern: 'ratelimit:av:calls',
  type: 'zset',
  ttlSeconds: 120,
  cap: 5000,
  schema: z.string().min(1),
  owner: 'av-ingestion',
  description:
    'Alpha Vantage calls of the rolling minute shared by all processes (member = call id, score = epoch ms).',
});

export const avHistoricalRateLimit = defineKey({
  pattern: 'ratelimit:av:historical',
  type: 'zset',
  ttlSeconds: 120,
  cap: 5000,
  schema: z.string().min(1),
  owner: 'av-ingestion',
  presence: 'event',
  description:
    'HISTORICAL_OPTIONS backfill calls of the rolling minute (throttled to 300/min), also counted in ratelimit:av:calls.',
});
