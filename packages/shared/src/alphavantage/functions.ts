// The Alpha Vantage functions the fleet calls (the `function=` query parameter).
export const AV_FUNCTIONS = [
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
export type AvFunction = (typeof AV_FUNCTIONS)[number];

export const AV_OPTIONS_FUNCTIONS = ['REALTIME_OPTIONS', 'HISTORICAL_OPTIONS'] as const;
export type AvOptionsFunction = (typeof AV_OPTIONS_FUNCTIONS)[number];

export const AV_TECHNICAL_FUNCTIONS = ['RSI', 'MACD', 'BBANDS', 'ATR'] as const;
export type AvTechnicalFunction = (typeof AV_TECHNICAL_FUNCTIONS)[number];

export const AV_MACRO_FUNCTIONS = ['REAL_GDP', 'CPI', 'FEDERAL_FUNDS_RATE'] as const;
export type AvMacroFunction = (typeof AV_MACRO_FUNCTIONS)[number];

/** Intervals of TIME_SERIES_INTRADAY (and the intraday intervals of the indicators). */
export const AV_INTRADAY_INTERVALS = ['1min', '5min', '15min', '30min', '60min'] as const;
export type AvIntradayInterval = (typeof AV_INTRADAY_INTERVALS)[number];

/** Bar width in minutes of each intraday interval. */
export const AV_INTRADAY_MINUTES = {
  '1min': 1,
  '5min': 5,
  '15min': 15,
  '30min': 30,
  '60min': 60,
} as const satisfies Record<AvIntradayInterval, number>;

export function isAvFunction(value: string): value is AvFunction {
  return (AV_FUNCTIONS as readonly string[]).includes(value);
}

export function isAvOptionsFunction(value: string): value is AvOptionsFunction {
  return (AV_OPTIONS_FUNCTIONS as readonly string[]).includes(value);
}

export function isAvIntradayInterval(value: string | undefined): value is AvIntradayInterval {
  return value !== undefined && (AV_INTRADAY_INTERVALS as readonly string[]).includes(value);
}
