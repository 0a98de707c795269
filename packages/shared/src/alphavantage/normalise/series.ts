// Intraday bars, the global quote and the four indicators → numbers, oldest first, with epoch ms.
// Input is a body already accepted by the schema (decimal strings are checked there), so a value that
// still fails to parse means the caller skipped validation: that throws.
import { parseEtDateTime } from '../../clock/et-text';
import { parseAvNumber, parseAvPercent } from '../numbers';
import type { AvAtrResponse, AvBbandsResponse, AvMacdResponse, AvRsiResponse } from '../schemas/technicals';
import type { AvGlobalQuoteFields, AvIntradayResponse } from '../schemas/time-series';

function num(text: string, what: string): number {
  const n = parseAvNumber(text);
  if (n === null) throw new TypeError(`not a number at ${what}: ${JSON.stringify(text)}`);
  return n;
}

function time(key: string): number {
  const ts = parseEtDateTime(key);
  if (ts === null) throw new TypeError(`not an AV US/Eastern time key: ${JSON.stringify(key)}`);
  return ts;
}

/** Map entries sorted oldest first (AV sends newest first, but nothing should rely on key order). */
function entriesOldestFirst<T>(map: Record<string, T>): { key: string; ts: number; row: T }[] {
  return Object.entries(map)
    .map(([key, row]) => ({ key, ts: time(key), row }))
    .sort((a, b) => a.ts - b.ts);
}

export interface AvIntradayBar {
  /** AV's key, US/Eastern wall time. */
  time: string;
  /** Epoch ms of `time`. */
  ts: number;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
}

export interface AvIntradaySeries {
  symbol: string;
  interval: string;
  lastRefreshed: string;
  timeZone: string;
  bars: AvIntradayBar[];
}

export function normaliseIntradayBars(data: AvIntradayResponse): AvIntradaySeries {
  const meta = data['Meta Data'];
  return {
    symbol: meta['2. Symbol'],
    interval: meta['4. Interval'],
    lastRefreshed: meta['3. Last Refreshed'],
    timeZone: meta['6. Time Zone'],
    bars: entriesOldestFirst(data['Time Series']).map(({ key, ts, row }) => ({
      time: key,
      ts,
      open: num(row['1. open'], `${key}.open`),
      high: num(row['2. high'], `${key}.high`),
      low: num(row['3. low'], `${key}.low`),
      close: num(row['4. close'], `${key}.close`),
      volume: num(row['5. volume'], `${key}.volume`),
    })),
  };
}

export interface AvGlobalQuote {
  symbol: string;
  open: number;
  high: number;
  low: number;
  price: number;
  volume: number;
  /** YYYY-MM-DD */
  latestTradingDay: string;
  previousClose: number;
  change: number;
  /** In percent units: "0.4207%" → 0.4207. */
  changePercent: number;
}

export function normaliseGlobalQuote(data: { 'Global Quote': AvGlobalQuoteFields }): AvGlobalQuote {
  const q = data['Global Quote'];
  const pct = parseAvPercent(q['10. change percent']);
  if (pct === null) throw new TypeError(`not a percent: ${JSON.stringify(q['10. change percent'])}`);
  return {
    symbol: q['01. symbol'],
    open: num(q['02. open'], 'open'),
    high: num(q['03. high'], 'high'),
    low: num(q['04. low'], 'low'),
    price: num(q['05. price'], 'price'),
    volume: num(q['06. volume'], 'volume'),
    latestTradingDay: q['07. latest trading day'],
    previousClose: num(q['08. previous close'], 'previous close'),
    change: num(q['09. change'], 'change'),
    changePercent: pct,
  };
}

export interface AvIndicatorSeries<R> {
  symbol: string;
  indicator: string;
  interval: string;
  lastRefreshed: string;
  /** Oldest first. */
  rows: ({ time: string; ts: number } & R)[];
}

function indicatorSeries<W, R>(
  meta: { '1: Symbol': string; '2: Indicator': string; '3: Last Refreshed': string; '4: Interval': string },
  map: Record<string, W>,
  read: (row: W, key: string) => R,
): AvIndicatorSeries<R> {
  return {
    symbol: meta['1: Symbol'],
    indicator: meta['2: Indicator'],
    interval: meta['4: Interval'],
    lastRefreshed: meta['3: Last Refreshed'],
    rows: entriesOldestFirst(map).map(({ key, ts, row }) => ({ time: key, ts, ...read(row, key) })),
  };
}

export function normaliseRsi(data: AvRsiResponse): AvIndicatorSeries<{ rsi: number }> {
  return indicatorSeries(data['Meta Data'], data['Technical Analysis: RSI'], (r, k) => ({
    rsi: num(r.RSI, `${k}.RSI`),
  }));
}

export function normaliseMacd(
  data: AvMacdResponse,
): AvIndicatorSeries<{ macd: number; signal: number; hist: number }> {
  return indicatorSeries(data['Meta Data'], data['Technical Analysis: MACD'], (r, k) => ({
    macd: num(r.MACD, `${k}.MACD`),
    signal: num(r.MACD_Signal, `${k}.MACD_Signal`),
    hist: num(r.MACD_Hist, `${k}.MACD_Hist`),
  }));
}

export function normaliseBbands(
  data: AvBbandsResponse,
): AvIndicatorSeries<{ upper: number; middle: number; lower: number }> {
  return indicatorSeries(data['Meta Data'], data['Technical Analysis: BBANDS'], (r, k) => ({
    upper: num(r['Real Upper Band'], `${k}.upper`),
    middle: num(r['Real Middle Band'], `${k}.middle`),
    lower: num(r['Real Lower Band'], `${k}.lower`),
  }));
}

export function normaliseAtr(data: AvAtrResponse): AvIndicatorSeries<{ atr: number }> {
  return indicatorSeries(data['Meta Data'], data['Technical Analysis: ATR'], (r, k) => ({
    atr: num(r.ATR, `${k}.ATR`),
  }));
}
