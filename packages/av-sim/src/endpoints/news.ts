// NEWS_SENTIMENT (JSON only). Tickers are ANDed over the synthesized feed of the model's single names.
// As the real API: an index or unknown ticker is an invalid input (`Information: Invalid inputs…`);
// an ETF is a valid ticker with no tagged articles (`items: "0"`, empty feed).
import { avSentimentLabel, parseAvNewsTime } from '@alphatrader/shared';
import { articlesFor, ETF_SYMBOLS, INDEX_SYMBOLS, NEWS_TOPICS, type SynthArticle } from '../news';
import { avMessages } from '../messages';
import type { Answer, RequestContext } from './context';

const SCORE_DEFINITION =
  'x <= -0.35: Bearish; -0.35 < x <= -0.15: Somewhat-Bearish; -0.15 < x < 0.15: Neutral; 0.15 <= x < 0.35: Somewhat_Bullish; x >= 0.35: Bullish';
const RELEVANCE_DEFINITION = '0 < x <= 1, with a higher score indicating higher relevance.';

/** UTC YYYYMMDDTHHMMSS. */
function stamp(ts: number): string {
  return new Date(ts).toISOString().replace(/[-:]/g, '').slice(0, 15);
}

/** A time_from / time_to value, YYYYMMDDTHHMM (UTC) → epoch ms; undefined when absent, null when malformed. */
function parseStamp(text: string | undefined): number | undefined | null {
  if (text === undefined || text === '') return undefined;
  return text.length === 'YYYYMMDDTHHMM'.length ? parseAvNewsTime(text) : null;
}

const f6 = (n: number): string => n.toFixed(6);

function render(a: SynthArticle): Record<string, unknown> {
  return {
    title: a.title,
    url: a.url,
    time_published: stamp(a.ts),
    authors: a.authors,
    summary: a.summary,
    banner_image: a.bannerImage,
    source: a.source,
    category_within_source: a.category,
    source_domain: a.domain,
    topics: a.topics.map((t) => ({ topic: t.topic, relevance_score: f6(t.relevance) })),
    overall_sentiment_score: Number(a.overall.toFixed(6)),
    overall_sentiment_label: avSentimentLabel(a.overall),
    ticker_sentiment: a.tickers.map((t) => ({
      ticker: t.ticker,
      relevance_score: f6(t.relevance),
      ticker_sentiment_score: f6(t.score),
      ticker_sentiment_label: avSentimentLabel(t.score),
    })),
  };
}

function envelope(feed: Record<string, unknown>[]): Answer {
  return {
    body: {
      items: String(feed.length),
      sentiment_score_definition: SCORE_DEFINITION,
      relevance_score_definition: RELEVANCE_DEFINITION,
      feed,
    },
  };
}

const invalidInputs = (): Answer => ({ body: { Information: avMessages.newsInvalidInputs } });

export function newsSentiment(ctx: RequestContext): Answer {
  const model = ctx.model;
  const tickers = (ctx.params['tickers'] ?? '')
    .split(',')
    .map((t) => t.trim().toUpperCase())
    .filter((t) => t !== '');
  const known = new Set(model.symbols);
  if (tickers.some((t) => INDEX_SYMBOLS.has(t) || (!known.has(t) && !ETF_SYMBOLS.has(t))))
    return invalidInputs();

  const topicIds = (ctx.params['topics'] ?? '')
    .split(',')
    .map((t) => t.trim())
    .filter((t) => t !== '');
  if (topicIds.some((t) => NEWS_TOPICS[t] === undefined)) return invalidInputs();
  const topics = topicIds.map((t) => NEWS_TOPICS[t] as string);

  const from = parseStamp(ctx.params['time_from']);
  const to = parseStamp(ctx.params['time_to']);
  const limitText = ctx.params['limit'];
  const limit = limitText === undefined || limitText === '' ? 50 : Number(limitText);
  const sort = (ctx.params['sort'] ?? 'LATEST').toUpperCase();
  if (
    from === null ||
    to === null ||
    !Number.isInteger(limit) ||
    limit < 1 ||
    !['LATEST', 'EARLIEST', 'RELEVANCE'].includes(sort)
  ) {
    return invalidInputs();
  }
  if (ctx.empty || tickers.some((t) => ETF_SYMBOLS.has(t))) return envelope([]);

  const now = model.now();
  const primaries = model.symbols.filter((s) => !ETF_SYMBOLS.has(s) && !INDEX_SYMBOLS.has(s));
  let articles = primaries.flatMap((s) => articlesFor(model, s, now));
  articles = articles.filter(
    (a) =>
      tickers.every((t) => a.tickers.some((x) => x.ticker === t)) &&
      topics.every((t) => a.topics.some((x) => x.topic === t)) &&
      (from === undefined || a.ts >= from) &&
      (to === undefined || a.ts <= to),
  );
  const relevance = (a: SynthArticle): number =>
    tickers.length === 0
      ? (a.tickers[0]?.relevance ?? 0)
      : Math.min(...tickers.map((t) => a.tickers.find((x) => x.ticker === t)?.relevance ?? 0));
  if (sort === 'EARLIEST') articles.sort((a, b) => a.ts - b.ts);
  else if (sort === 'RELEVANCE') articles.sort((a, b) => relevance(b) - relevance(a) || b.ts - a.ts);
  else articles.sort((a, b) => b.ts - a.ts);
  return envelope(articles.slice(0, Math.min(limit, 1000)).map(render));
}
