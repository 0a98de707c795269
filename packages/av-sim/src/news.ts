// Deterministic news synthesis for NEWS_SENTIMENT. Each (ticker, UTC hour) slot holds zero or one article
// decided by a hash of the model seed, so articles already published never change and new ones appear
// as simulated time passes. An article's sentiment follows the symbol's move from the previous close to
// the last 1-minute bar before it was published, plus noise.
import type { Bar, MarketModel } from '@alphatrader/market-sim';
import { hash32, pick, unitStream } from './hash';

const HOUR_MS = 3_600_000;
const LOOKBACK_HOURS = 7 * 24;

export const NEWS_TOPICS: Readonly<Record<string, string>> = {
  blockchain: 'Blockchain',
  earnings: 'Earnings',
  ipo: 'IPO',
  mergers_and_acquisitions: 'Mergers & Acquisitions',
  financial_markets: 'Financial Markets',
  economy_fiscal: 'Economy - Fiscal',
  economy_monetary: 'Economy - Monetary',
  economy_macro: 'Economy - Macro',
  energy_transportation: 'Energy & Transportation',
  finance: 'Finance',
  life_sciences: 'Life Sciences',
  manufacturing: 'Manufacturing',
  real_estate: 'Real Estate & Construction',
  retail_wholesale: 'Retail & Wholesale',
  technology: 'Technology',
};

/** Exchange-traded funds: valid tickers, but the feed has no articles tagged to them. */
export const ETF_SYMBOLS: ReadonlySet<string> = new Set([
  'SPY',
  'QQQ',
  'IWM',
  'DIA',
  'VOO',
  'VTI',
  'IVV',
  'VXX',
  'UVXY',
  'SQQQ',
  'TQQQ',
  'XLK',
  'XLF',
  'XLE',
  'XLV',
  'XLY',
  'XLI',
  'XLP',
  'XLU',
  'XLB',
  'XLC',
  'XLRE',
  'SMH',
  'ARKK',
  'GLD',
  'SLV',
  'TLT',
  'HYG',
  'EEM',
  'EFA',
]);

/** Indices are not tickers of the news API: asking for one is an invalid input. */
export const INDEX_SYMBOLS: ReadonlySet<string> = new Set([
  'SPX',
  'NDX',
  'RUT',
  'VIX',
  'DJI',
  'DJX',
  'XSP',
  'OEX',
]);

const SOURCES = [
  { source: 'Market Wire (sim)', domain: 'marketwire.avsim.local', category: 'Markets' },
  { source: 'Street Desk (sim)', domain: 'streetdesk.avsim.local', category: 'Trading' },
  { source: 'Options Journal (sim)', domain: 'optionsjournal.avsim.local', category: 'Options' },
  { source: 'Tech Ledger (sim)', domain: 'techledger.avsim.local', category: 'Technology' },
] as const;
const AUTHORS = ['A. Rivera', 'J. Chen', 'M. Okafor', 'S. Lindqvist', 'P. Nair', 'R. Alvarez'];
const UP = ['rallies', 'climbs', 'extends gains', 'jumps', 'edges higher'];
const DOWN = ['slides', 'drops', 'extends losses', 'falls', 'edges lower'];
const FLAT = ['trades flat', 'holds steady', 'churns', 'drifts'];
const ANGLES = [
  'as options traders position for the close',
  'ahead of key macro data',
  'on heavy call volume',
  'as analysts revisit price targets',
  'amid sector rotation',
  'after an upbeat industry report',
];

export interface SynthArticle {
  ts: number;
  primary: string;
  tickers: { ticker: string; relevance: number; score: number }[];
  overall: number;
  topics: { topic: string; relevance: number }[];
  title: string;
  summary: string;
  url: string;
  authors: string[];
  bannerImage: string | null;
  source: string;
  domain: string;
  category: string;
}

/** Close of the last 1-minute bar that ended at or before ts, or undefined. */
function closeAt(bars: readonly Bar[], ts: number): number | undefined {
  let lo = 0;
  let hi = bars.length - 1;
  let found: Bar | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const b = bars[mid] as Bar;
    if (b.ts + 60_000 <= ts) {
      found = b;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found?.close;
}

function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}

/** Article probability per hour: busier in US market hours (UTC 12–21). */
function slotChance(hourTs: number): number {
  const h = new Date(hourTs).getUTCHours();
  return h >= 12 && h <= 21 ? 0.55 : 0.12;
}

/** Every article about `primary` published in the lookback window up to `now`, oldest first. */
export function articlesFor(model: MarketModel, primary: string, now: number): SynthArticle[] {
  const quote = model.quote(primary);
  const bars = model.intradayBars(primary, 1, 100_000);
  const others = model.symbols.filter((s) => s !== primary && !ETF_SYMBOLS.has(s));
  const topicNames = Object.values(NEWS_TOPICS);
  const out: SynthArticle[] = [];
  const lastHour = Math.floor(now / HOUR_MS);
  for (let hour = lastHour - LOOKBACK_HOURS; hour <= lastHour; hour++) {
    const u = unitStream(`${model.seed}:news:${primary}:${hour}`);
    if (u() >= slotChance(hour * HOUR_MS)) continue;
    const ts = hour * HOUR_MS + Math.floor(u() * HOUR_MS);
    if (ts > now) continue;
    const close = closeAt(bars, ts);
    const move =
      quote !== undefined && close !== undefined && quote.prevClose > 0 ? close / quote.prevClose - 1 : 0;
    const score = clamp(move * 25 + (u() - 0.5) * 0.5, -0.9, 0.9);
    const tickers = [{ ticker: primary, relevance: 0.55 + u() * 0.4, score }];
    const mentions = Math.floor(u() * 3);
    for (let i = 0; i < mentions && others.length > 0; i++) {
      const t = pick(others, u());
      if (!tickers.some((x) => x.ticker === t))
        tickers.push({ ticker: t, relevance: 0.05 + u() * 0.3, score: (u() - 0.5) * 0.4 });
    }
    const topics = [{ topic: 'Financial Markets', relevance: 0.3 + u() * 0.6 }];
    const extra = pick(topicNames, u());
    if (extra !== 'Financial Markets') topics.push({ topic: extra, relevance: u() });
    const src = pick(SOURCES, u());
    const verb = score > 0.15 ? pick(UP, u()) : score < -0.15 ? pick(DOWN, u()) : pick(FLAT, u());
    const title = `${primary} ${verb} ${pick(ANGLES, u())}`;
    const id = hash32(`${model.seed}:${primary}:${hour}`).toString(16);
    out.push({
      ts,
      primary,
      tickers,
      overall: clamp(score * 0.8 + (u() - 0.5) * 0.1, -1, 1),
      topics,
      title,
      summary: `${title}. Shares moved ${(move * 100).toFixed(2)}% from the previous close at the time of writing.`,
      url: `https://${src.domain}/news/${primary.toLowerCase()}-${id}`,
      authors: u() < 0.15 ? [] : [pick(AUTHORS, u())],
      bannerImage: u() < 0.2 ? null : `https://${src.domain}/img/${id}.jpg`,
      source: src.source,
      domain: src.domain,
      category: src.category,
    });
  }
  return out;
}
