// `function=` → handler, one for each Alpha Vantage function the fleet calls (the shared list).
import { AV_FUNCTIONS, isAvFunction, type AvFunction } from '@alphatrader/shared';
import type { Handler } from './context';
import { cpi, federalFundsRate, realGdp } from './macro';
import { newsSentiment } from './news';
import { historicalOptions, realtimeOptions } from './options';
import { atrEndpoint, bbandsEndpoint, macdEndpoint, rsiEndpoint } from './technicals';
import { globalQuote, timeSeriesIntraday } from './time-series';

/** The simulator serves exactly the functions the fleet calls. */
export const SIM_FUNCTIONS = AV_FUNCTIONS;
export type SimFunction = AvFunction;

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

export const isSimFunction: (fn: string) => fn is SimFunction = isAvFunction;
export type { Answer, RequestContext, Handler } from './context';
