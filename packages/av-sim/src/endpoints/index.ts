// `function=` → handler.
import type { Handler } from './context';
import { cpi, federalFundsRate, realGdp } from './macro';
import { newsSentiment } from './news';
import { historicalOptions, realtimeOptions } from './options';
import { atrEndpoint, bbandsEndpoint, macdEndpoint, rsiEndpoint } from './technicals';
import { globalQuote, timeSeriesIntraday } from './time-series';

export const SIM_FUNCTIONS = [
  'REALTIME_OPTIONS',
  'HISTORICAL_OPTIONS',
  'TIME_SERIES_INTRADAY',
  'GLOBAL_QUOTE',
  'RSI',
  'MACD',
  'BBANDS',
  'ATR',
  'NEWS_SENTIMENT',
  'REAL_GDP',
  'CPI',
  'FEDERAL_FUNDS_RATE',
] as const;
export type SimFunction = (typeof SIM_FUNCTIONS)[number];

export const handlers: Readonly<Record<SimFunction, Handler>> = {
  REALTIME_OPTIONS: realtimeOptions,
  HISTORICAL_OPTIONS: historicalOptions,
  TIME_SERIES_INTRADAY: timeSeriesIntraday,
  GLOBAL_QUOTE: globalQuote,
  RSI: rsiEndpoint,
  MACD: macdEndpoint,
  BBANDS: bbandsEndpoint,
  ATR: atrEndpoint,
  NEWS_SENTIMENT: newsSentiment,
  REAL_GDP: realGdp,
  CPI: cpi,
  FEDERAL_FUNDS_RATE: federalFundsRate,
};

export function isSimFunction(fn: string): fn is SimFunction {
  return Object.hasOwn(handlers, fn);
}

export const OPTIONS_FUNCTIONS: ReadonlySet<string> = new Set(['REALTIME_OPTIONS', 'HISTORICAL_OPTIONS']);
export type { Answer, RequestContext, Handler } from './context';
