// NEWS_SENTIMENT for one single name → sentiment:{s}:score (relevance-weighted mean of the articles'
// scores for this ticker, AV's label thresholds, a label distribution) and sentiment:{s}:articles.
import {
  avSentimentLabel,
  NewsArticle,
  SentimentLabel,
  type AvNewsItem,
  type SentimentArticles,
  type SentimentScore,
} from '@alphatrader/shared';

/** Articles kept in sentiment:{s}:articles, newest first. */
export const MAX_ARTICLES = 50;

export interface SentimentResult {
  score: SentimentScore;
  articles: SentimentArticles;
  /** Articles mentioning the symbol that failed the value schema (e.g. relevance > 1). */
  invalid: number;
}

const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));

type Distribution = SentimentScore['distribution'];
const BUCKET: Record<SentimentLabel, keyof Distribution> = {
  Bullish: 'bullish',
  'Somewhat-Bullish': 'somewhatBullish',
  Neutral: 'neutral',
  'Somewhat-Bearish': 'somewhatBearish',
  Bearish: 'bearish',
};

function labelOf(label: string, score: number): SentimentLabel {
  const parsed = SentimentLabel.safeParse(label);
  return parsed.success ? parsed.data : (avSentimentLabel(score) as SentimentLabel);
}

/**
 * Aggregates the feed for `symbol`; null when no article carries a ticker sentiment for it (nothing
 * to replace the last good value with).
 */
export function aggregateSentiment(
  symbol: string,
  items: readonly AvNewsItem[],
  ts: number,
): SentimentResult | null {
  const articles: NewsArticle[] = [];
  let invalid = 0;
  for (const item of items) {
    const t = item.tickers.find((x) => x.ticker.toUpperCase() === symbol);
    if (t === undefined) continue;
    const article = NewsArticle.safeParse({
      title: item.title,
      url: item.url,
      publishedAt: item.publishedAt,
      authors: item.authors,
      summary: item.summary,
      source: item.source,
      topics: item.topics,
      overallScore: item.overallScore,
      overallLabel: item.overallLabel,
      tickerScore: t.score,
      tickerRelevance: t.relevance,
      tickerLabel: t.label,
    });
    if (article.success) articles.push(article.data);
    else invalid += 1;
  }
  if (articles.length === 0) return null;

  let weighted = 0;
  let weights = 0;
  let plain = 0;
  const distribution: Distribution = {
    bullish: 0,
    somewhatBullish: 0,
    neutral: 0,
    somewhatBearish: 0,
    bearish: 0,
  };
  for (const a of articles) {
    weighted += a.tickerRelevance * a.tickerScore;
    weights += a.tickerRelevance;
    plain += a.tickerScore;
    distribution[BUCKET[labelOf(a.tickerLabel, a.tickerScore)]] += 1;
  }
  const score = clamp(weights > 0 ? weighted / weights : plain / articles.length, -1, 1);
  const newestFirst = [...articles].sort((a, b) => b.publishedAt - a.publishedAt).slice(0, MAX_ARTICLES);
  return {
    score: {
      symbol,
      score,
      label: avSentimentLabel(score) as SentimentLabel,
      articles: articles.length,
      distribution,
      ts,
    },
    articles: { symbol, articles: newestFirst, ts },
    invalid,
  };
}
