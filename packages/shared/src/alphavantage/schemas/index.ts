// One production schema per function, keyed by the `function=` name.
import type { z } from 'zod';
import type { AvFunction } from '../functions';
import { avMacroResponseSchema } from './macro';
import { avNewsSentimentResponseSchema } from './news';
import { avHistoricalOptionsResponseSchema, avRealtimeOptionsResponseSchema } from './options';
import {
  avAtrResponseSchema,
  avBbandsResponseSchema,
  avMacdResponseSchema,
  avRsiResponseSchema,
} from './technicals';
import { avGlobalQuoteResponseSchema, avIntradayResponseSchema } from './time-series';

export const avResponseSchemas = {
  REALTIME_OPTIONS: avRealtimeOptionsResponseSchema,
  HISTORICAL_OPTIONS: avHistoricalOptionsResponseSchema,
  TIME_SERIES_INTRADAY: avIntradayResponseSchema,
  GLOBAL_QUOTE: avGlobalQuoteResponseSchema,
  RSI: avRsiResponseSchema,
  MACD: avMacdResponseSchema,
  BBANDS: avBbandsResponseSchema,
  ATR: avAtrResponseSchema,
  NEWS_SENTIMENT: avNewsSentimentResponseSchema,
  REAL_GDP: avMacroResponseSchema,
  CPI: avMacroResponseSchema,
  FEDERAL_FUNDS_RATE: avMacroResponseSchema,
} as const satisfies Record<AvFunction, z.ZodType>;

/** What the schema of function F yields. */
export type AvParsedResponse<F extends AvFunction> = z.output<(typeof avResponseSchemas)[F]>;
