// NEWS_SENTIMENT → numbers. `time_published` carries no zone; AV's own captures (a Benzinga market-close
// story stamped 20:45) show it is UTC, so publishedAt reads it as UTC.
import { parseAvNumber } from '../numbers';
import type { AvNewsSentimentResponse } from '../schemas/news';

export interface AvTickerSentiment {
  ticker: string;
  relevance: number;
  score: number;
  label: string;
}

export interface AvNewsItem {
  title: string;
  url: string;
  /** AV's `time_published` as sent. */
  timePublished: string;
  /** Epoch ms, reading `time_published` as UTC. */
  publishedAt: number;
  authors: string[];
  summary: string;
  source: string;
  sourceDomain: string;
  topics: { topic: string; relevance: number }[];
  overallScore: number;
  overallLabel: string;
  tickers: AvTickerSentiment[];
}

function num(text: string): number {
  const n = parseAvNumber(text);
  if (n === null) throw new TypeError(`not a number: ${JSON.stringify(text)}`);
  return n;
}

/** "20220701T204549" or "20220701T2045" → epoch ms (UTC). */
export function parseAvNewsTime(text: string): number | null {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})?$/.exec(text);
  if (m === null) return null;
  const [y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0] = m
    .slice(1)
    .map((p) => (p === undefined ? 0 : Number(p)));
  const ts = Date.UTC(y, mo - 1, d, h, mi, s);
  return Number.isFinite(ts) ? ts : null;
}

/** Label for a sentiment score, by AV's published thresholds. */
export function avSentimentLabel(score: number): string {
  if (score <= -0.35) return 'Bearish';
  if (score <= -0.15) return 'Somewhat-Bearish';
  if (score < 0.15) return 'Neutral';
  if (score < 0.35) return 'Somewhat-Bullish';
  return 'Bullish';
}

export function normaliseNewsSentiment(data: AvNewsSentimentResponse): AvNewsItem[] {
  return data.feed.map((a) => {
    const publishedAt = parseAvNewsTime(a.time_published);
    if (publishedAt === null) throw new TypeError(`bad time_published: ${a.time_published}`);
    return {
      title: a.title,
      url: a.url,
      timePublished: a.time_published,
      publishedAt,
      authors: a.authors,
      summary: a.summary,
      source: a.source,
      sourceDomain: a.source_domain,
      topics: a.topics.map((t) => ({ topic: t.topic, relevance: num(t.relevance_score) })),
      overallScore: a.overall_sentiment_score,
      overallLabel: a.overall_sentiment_label,
      tickers: a.ticker_sentiment.map((t) => ({
        ticker: t.ticker,
        relevance: num(t.relevance_score),
        score: num(t.ticker_sentiment_score),
        label: t.ticker_sentiment_label,
      })),
    };
  });
}
