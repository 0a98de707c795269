// NEWS_SENTIMENT. Mixed types: `items`, relevance and ticker scores are strings (possibly "6.3e-05"),
// `overall_sentiment_score` is a JSON number.
import { z } from 'zod';
import { avDecimalString } from '../numbers';

export const AV_SENTIMENT_LABELS = [
  'Bearish',
  'Somewhat-Bearish',
  'Neutral',
  'Somewhat-Bullish',
  'Bullish',
] as const;
export type AvSentimentLabel = (typeof AV_SENTIMENT_LABELS)[number];

export const avNewsTopicSchema = z.object({ topic: z.string(), relevance_score: avDecimalString });

export const avTickerSentimentSchema = z.object({
  ticker: z.string(),
  relevance_score: avDecimalString,
  ticker_sentiment_score: avDecimalString,
  ticker_sentiment_label: z.string(),
});

export const avNewsArticleSchema = z.object({
  title: z.string(),
  url: z.string(),
  time_published: z.string().regex(/^\d{8}T(?:\d{4}|\d{6})$/, 'expected YYYYMMDDTHHMM[SS]'),
  authors: z.array(z.string()),
  summary: z.string(),
  banner_image: z.string().nullable(),
  source: z.string(),
  category_within_source: z.string(),
  source_domain: z.string(),
  topics: z.array(avNewsTopicSchema),
  overall_sentiment_score: z.number(),
  overall_sentiment_label: z.string(),
  ticker_sentiment: z.array(avTickerSentimentSchema),
});

export const avNewsSentimentResponseSchema = z.object({
  items: avDecimalString,
  sentiment_score_definition: z.string(),
  relevance_score_definition: z.string(),
  feed: z.array(avNewsArticleSchema),
});

export type AvNewsArticle = z.infer<typeof avNewsArticleSchema>;
export type AvNewsSentimentResponse = z.infer<typeof avNewsSentimentResponseSchema>;
