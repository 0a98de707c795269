// TIME_SERIES_INTRADAY from the model's bars (same path as the quotes) and GLOBAL_QUOTE from its quote.
import type { Bar } from '@alphatrader/market-sim';
import { AV_INTRADAY_MINUTES, etDate, formatEtDateTime, isAvIntradayInterval } from '@alphatrader/shared';
import { whole } from '../format';
import { csvLines, invalidCall, modelSymbol, type Answer, type RequestContext } from './context';

/** Everything the model keeps for a full-size answer. */
const FULL_COUNT = 100_000;
const COMPACT_COUNT = 100;

const px = (n: number): string => n.toFixed(4);
const vol = whole;

export function timeSeriesIntraday(ctx: RequestContext): Answer {
  const symbol = ctx.params['symbol'];
  const interval = ctx.params['interval'];
  if (symbol === undefined || symbol === '' || !isAvIntradayInterval(interval))
    return invalidCall('TIME_SERIES_INTRADAY');
  const sym = modelSymbol(symbol);
  if (ctx.model.quote(sym) === undefined) return invalidCall('TIME_SERIES_INTRADAY');
  const outputsize = ctx.params['outputsize'] === 'full' ? 'full' : 'compact';
  let bars: Bar[] = ctx.empty
    ? []
    : ctx.model.intradayBars(
        sym,
        AV_INTRADAY_MINUTES[interval],
        outputsize === 'full' ? FULL_COUNT : COMPACT_COUNT,
      );
  const month = ctx.params['month'];
  if (month !== undefined && month !== '') bars = bars.filter((b) => etDate(b.ts).startsWith(month));

  const series: Record<string, Record<string, string>> = {};
  const csvRows: string[][] = [];
  for (let i = bars.length - 1; i >= 0; i--) {
    const b = bars[i] as Bar;
    const key = formatEtDateTime(b.ts);
    const row = {
      '1. open': px(b.open),
      '2. high': px(b.high),
      '3. low': px(b.low),
      '4. close': px(b.close),
      '5. volume': vol(b.volume),
    };
    series[key] = row;
    if (ctx.csv)
      csvRows.push([key, row['1. open'], row['2. high'], row['3. low'], row['4. close'], row['5. volume']]);
  }
  const last = bars[bars.length - 1];
  const body = {
    'Meta Data': {
      '1. Information': `Intraday (${interval}) open, high, low, close prices and volume`,
      '2. Symbol': symbol,
      '3. Last Refreshed': formatEtDateTime(last?.ts ?? ctx.model.now()),
      '4. Interval': interval,
      '5. Output Size': outputsize === 'full' ? 'Full size' : 'Compact',
      '6. Time Zone': 'US/Eastern',
    },
    [`Time Series (${interval})`]: series,
  };
  return ctx.csv
    ? { body, csv: csvLines(['timestamp', 'open', 'high', 'low', 'close', 'volume'], csvRows) }
    : { body };
}

export function globalQuote(ctx: RequestContext): Answer {
  const symbol = ctx.params['symbol'];
  if (symbol === undefined || symbol === '') return invalidCall('GLOBAL_QUOTE');
  const q = ctx.empty ? undefined : ctx.model.quote(modelSymbol(symbol));
  if (q === undefined) return { body: { 'Global Quote': {} } };
  const change = q.last - q.prevClose;
  const pct = q.prevClose > 0 ? (change / q.prevClose) * 100 : 0;
  const fields = {
    '01. symbol': symbol,
    '02. open': px(q.open),
    '03. high': px(q.high),
    '04. low': px(q.low),
    '05. price': px(q.last),
    '06. volume': vol(q.volume),
    '07. latest trading day': etDate(q.ts),
    '08. previous close': px(q.prevClose),
    '09. change': px(change),
    '10. change percent': `${pct.toFixed(4)}%`,
  };
  const body = { 'Global Quote': fields };
  if (!ctx.csv) return { body };
  const header = [
    'symbol',
    'open',
    'high',
    'low',
    'price',
    'volume',
    'latestDay',
    'previousClose',
    'change',
    'changePercent',
  ];
  return { body, csv: csvLines(header, [Object.values(fields)]) };
}
