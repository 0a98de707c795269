// RSI, MACD, BBANDS, ATR computed from the model's bars for the asked interval (daily/weekly/monthly are
// aggregated from its 60-minute bars). Colon-numbered meta with JSON-number periods, 4-decimal rows,
// newest first; intraday row keys carry no seconds.
import type { Bar } from '@alphatrader/market-sim';
import {
  addDays,
  AV_INTRADAY_MINUTES,
  etDate,
  formatEtDateTime,
  isAvIntradayInterval,
  weekdayOf,
} from '@alphatrader/shared';
import { atr, bbands, macd, rsi } from '../technicals';
import { csvLines, invalidCall, modelSymbol, positiveInt, type Answer, type RequestContext } from './context';

const LONG_INTERVALS = ['daily', 'weekly', 'monthly'] as const;
type LongInterval = (typeof LONG_INTERVALS)[number];
const SERIES_TYPES = ['close', 'open', 'high', 'low'] as const;
type SeriesType = (typeof SERIES_TYPES)[number];
const FULL_COUNT = 100_000;

interface Input {
  symbol: string;
  interval: string;
  intraday: boolean;
  bars: Bar[];
}

/** Groups bars into one bar per period key (ET date, week or month), oldest first. */
function aggregate(bars: readonly Bar[], keyOf: (ts: number) => string): Bar[] {
  const out: Bar[] = [];
  let key: string | undefined;
  for (const b of bars) {
    const k = keyOf(b.ts);
    const cur = out[out.length - 1];
    if (k !== key || cur === undefined) {
      out.push({ ...b });
      key = k;
      continue;
    }
    cur.high = Math.max(cur.high, b.high);
    cur.low = Math.min(cur.low, b.low);
    cur.close = b.close;
    cur.volume += b.volume;
    cur.count += b.count;
    cur.ts = b.ts;
  }
  return out;
}

/** The Monday of the New York week. */
function weekKey(ts: number): string {
  const date = etDate(ts);
  return addDays(date, 1 - weekdayOf(date));
}

function loadInput(ctx: RequestContext): Input | undefined {
  const symbol = ctx.params['symbol'];
  const interval = ctx.params['interval'];
  if (symbol === undefined || symbol === '' || interval === undefined) return undefined;
  const sym = modelSymbol(symbol);
  if (ctx.model.quote(sym) === undefined) return undefined;
  if (isAvIntradayInterval(interval)) {
    const bars = ctx.empty ? [] : ctx.model.intradayBars(sym, AV_INTRADAY_MINUTES[interval], FULL_COUNT);
    return { symbol, interval, intraday: true, bars };
  }
  if (!(LONG_INTERVALS as readonly string[]).includes(interval)) return undefined;
  const hourly = ctx.empty ? [] : ctx.model.intradayBars(sym, 60, FULL_COUNT);
  const keyOf: Record<LongInterval, (ts: number) => string> = {
    daily: etDate,
    weekly: weekKey,
    monthly: (ts) => etDate(ts).slice(0, 7),
  };
  return { symbol, interval, intraday: false, bars: aggregate(hourly, keyOf[interval as LongInterval]) };
}

function seriesOf(bars: readonly Bar[], type: SeriesType): number[] {
  return bars.map((b) => b[type]);
}

const f4 = (n: number): string => n.toFixed(4);

/** Builds the meta, the newest-first row map and the CSV for one indicator. */
function respond<P>(
  ctx: RequestContext,
  input: Input,
  fn: string,
  meta: { '2: Indicator': string } & Record<string, string | number>,
  points: readonly (P | undefined)[],
  toRow: (p: P) => Record<string, string>,
  csvHeader: readonly string[],
): Answer {
  const rows: Record<string, Record<string, string>> = {};
  const csvRows: string[][] = [];
  for (let i = points.length - 1; i >= 0; i--) {
    const p = points[i];
    if (p === undefined) continue;
    const ts = (input.bars[i] as Bar).ts;
    const key = input.intraday ? formatEtDateTime(ts, 'minute') : etDate(ts);
    const row = toRow(p);
    rows[key] = row;
    if (ctx.csv) csvRows.push([key, ...csvHeader.slice(1).map((h) => row[h] ?? '')]);
  }
  const last = input.bars[input.bars.length - 1];
  const lastTs = last?.ts ?? ctx.model.now();
  const { '2: Indicator': indicator, ...extra } = meta;
  const body = {
    'Meta Data': {
      '1: Symbol': input.symbol,
      '2: Indicator': indicator,
      '3: Last Refreshed': input.intraday ? formatEtDateTime(lastTs) : etDate(lastTs),
      '4: Interval': input.interval,
      ...extra,
    },
    [`Technical Analysis: ${fn}`]: rows,
  };
  return ctx.csv ? { body, csv: csvLines(csvHeader, csvRows) } : { body };
}

function seriesType(ctx: RequestContext): SeriesType | undefined {
  const t = ctx.params['series_type'];
  return (SERIES_TYPES as readonly string[]).includes(t ?? '') ? (t as SeriesType) : undefined;
}

function optionalInt(value: string | undefined, fallback: number): number | undefined {
  return value === undefined || value === '' ? fallback : positiveInt(value);
}

function optionalNumber(value: string | undefined, fallback: number): number | undefined {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  return /^\d+(\.\d+)?$/.test(value) && Number.isFinite(n) ? n : undefined;
}

export function rsiEndpoint(ctx: RequestContext): Answer {
  const input = loadInput(ctx);
  const period = positiveInt(ctx.params['time_period']);
  const type = seriesType(ctx);
  if (input === undefined || period === undefined || type === undefined) return invalidCall('RSI');
  const meta = {
    '2: Indicator': 'Relative Strength Index (RSI)',
    '5: Time Period': period,
    '6: Series Type': type,
    '7: Time Zone': 'US/Eastern Time',
  };
  const points = rsi(seriesOf(input.bars, type), period);
  return respond(ctx, input, 'RSI', meta, points, (v) => ({ RSI: f4(v) }), ['time', 'RSI']);
}

export function macdEndpoint(ctx: RequestContext): Answer {
  const input = loadInput(ctx);
  const type = seriesType(ctx);
  const fast = optionalInt(ctx.params['fastperiod'], 12);
  const slow = optionalInt(ctx.params['slowperiod'], 26);
  const signal = optionalInt(ctx.params['signalperiod'], 9);
  if (
    input === undefined ||
    type === undefined ||
    fast === undefined ||
    slow === undefined ||
    signal === undefined
  ) {
    return invalidCall('MACD');
  }
  const meta = {
    '2: Indicator': 'Moving Average Convergence/Divergence (MACD)',
    '5.1: Fast Period': fast,
    '5.2: Slow Period': slow,
    '5.3: Signal Period': signal,
    '6: Series Type': type,
    '7: Time Zone': 'US/Eastern',
  };
  const points = macd(seriesOf(input.bars, type), fast, slow, signal);
  const toRow = (p: { macd: number; signal: number; hist: number }) => ({
    MACD: f4(p.macd),
    MACD_Hist: f4(p.hist),
    MACD_Signal: f4(p.signal),
  });
  return respond(ctx, input, 'MACD', meta, points, toRow, ['time', 'MACD', 'MACD_Hist', 'MACD_Signal']);
}

export function bbandsEndpoint(ctx: RequestContext): Answer {
  const input = loadInput(ctx);
  const period = positiveInt(ctx.params['time_period']);
  const type = seriesType(ctx);
  const up = optionalNumber(ctx.params['nbdevup'], 2);
  const down = optionalNumber(ctx.params['nbdevdn'], 2);
  const maType = optionalNumber(ctx.params['matype'], 0);
  if (
    input === undefined ||
    period === undefined ||
    type === undefined ||
    up === undefined ||
    down === undefined ||
    (maType !== 0 && maType !== 1 && maType !== 2)
  ) {
    return invalidCall('BBANDS');
  }
  const meta = {
    '2: Indicator': 'Bollinger Bands (BBANDS)',
    '5: Time Period': period,
    '6.1: Deviation multiplier for upper band': up,
    '6.2: Deviation multiplier for lower band': down,
    '6.3: MA Type': maType,
    '7: Series Type': type,
    '8: Time Zone': 'US/Eastern Time',
  };
  const points = bbands(seriesOf(input.bars, type), period, up, down, maType);
  const toRow = (p: { upper: number; middle: number; lower: number }) => ({
    'Real Lower Band': f4(p.lower),
    'Real Upper Band': f4(p.upper),
    'Real Middle Band': f4(p.middle),
  });
  const header = ['time', 'Real Lower Band', 'Real Middle Band', 'Real Upper Band'];
  return respond(ctx, input, 'BBANDS', meta, points, toRow, header);
}

export function atrEndpoint(ctx: RequestContext): Answer {
  const input = loadInput(ctx);
  const period = positiveInt(ctx.params['time_period']);
  if (input === undefined || period === undefined) return invalidCall('ATR');
  const meta = {
    '2: Indicator': 'Average True Range (ATR)',
    '5: Time Period': period,
    '6: Time Zone': 'US/Eastern Time',
  };
  return respond(ctx, input, 'ATR', meta, atr(input.bars, period), (v) => ({ ATR: f4(v) }), ['time', 'ATR']);
}
