// Normalised AV series → registry values: 1-minute intraday bars, the latest point of each indicator,
// and macro series. Each returns null when there is nothing to store (empty after normalisation).
import {
  normaliseAtr,
  normaliseBbands,
  normaliseIntradayBars,
  normaliseMacd,
  normaliseMacroSeries,
  normaliseRsi,
  etDate,
  etTime,
  parseAvEasternTime,
  type AtrValue,
  type AvAtrResponse,
  type AvBbandsResponse,
  type AvIntradayResponse,
  type AvMacdResponse,
  type AvMacroResponse,
  type AvRsiResponse,
  type BbandsValue,
  type IntradaySeries,
  type MacdValue,
  type MacroSeries,
  type RsiValue,
} from '@alphatrader/shared';
import { TECHNICAL_PERIODS } from './settings';

type IntradayInterval = IntradaySeries['interval'];
const INTERVALS: readonly string[] = ['1min', '5min', '15min', '30min', '60min'];

export function intradaySeries(symbol: string, data: AvIntradayResponse, ts: number): IntradaySeries | null {
  const n = normaliseIntradayBars(data);
  if (n.bars.length === 0 || !INTERVALS.includes(n.interval)) return null;
  const last = n.bars[n.bars.length - 1]!;
  return {
    symbol,
    interval: n.interval as IntradayInterval,
    bars: n.bars.map((b) => ({
      ts: b.ts,
      open: b.open,
      high: b.high,
      low: b.low,
      close: b.close,
      volume: b.volume,
      vwap: null,
      trades: null,
    })),
    lastRefreshed: parseAvEasternTime(n.lastRefreshed) ?? last.ts,
    ts,
  };
}

/** Time of the newest bar: the input the indicators are computed from. */
export function latestBarTs(series: Pick<IntradaySeries, 'bars'>): number | null {
  return series.bars.length === 0 ? null : Math.max(...series.bars.map((b) => b.ts));
}

export function rsiValue(symbol: string, data: AvRsiResponse, ts: number): RsiValue | null {
  const s = normaliseRsi(data);
  const p = s.rows.at(-1);
  if (p === undefined) return null;
  return { symbol, interval: s.interval, asOf: p.ts, ts, timePeriod: TECHNICAL_PERIODS.RSI, value: p.rsi };
}

export function macdValue(symbol: string, data: AvMacdResponse, ts: number): MacdValue | null {
  const s = normaliseMacd(data);
  const p = s.rows.at(-1);
  if (p === undefined) return null;
  return { symbol, interval: s.interval, asOf: p.ts, ts, macd: p.macd, signal: p.signal, histogram: p.hist };
}

export function bbandsValue(symbol: string, data: AvBbandsResponse, ts: number): BbandsValue | null {
  const s = normaliseBbands(data);
  const p = s.rows.at(-1);
  if (p === undefined) return null;
  return {
    symbol,
    interval: s.interval,
    asOf: p.ts,
    ts,
    timePeriod: TECHNICAL_PERIODS.BBANDS,
    upper: p.upper,
    middle: p.middle,
    lower: p.lower,
  };
}

export function atrValue(symbol: string, data: AvAtrResponse, ts: number): AtrValue | null {
  const s = normaliseAtr(data);
  const p = s.rows.at(-1);
  if (p === undefined) return null;
  return { symbol, interval: s.interval, asOf: p.ts, ts, timePeriod: TECHNICAL_PERIODS.ATR, value: p.atr };
}

/** macro:{series} parameter for a function: REAL_GDP → real_gdp. */
export function macroParam(fn: string): string {
  return fn.toLowerCase();
}

export function macroSeriesValue(data: AvMacroResponse, ts: number): MacroSeries | null {
  const s = normaliseMacroSeries(data);
  if (s.points.length === 0) return null;
  return { name: s.name, interval: s.interval, unit: s.unit, points: s.points, ts };
}

const INTERVAL_MINUTES: Readonly<Record<string, number>> = {
  '1min': 1,
  '5min': 5,
  '15min': 15,
  '30min': 30,
  '60min': 60,
};

/**
 * The start of the indicator bar that contains the newest 1-minute bar: an indicator on `interval`
 * changes only when this moves (a new 5-minute bar, a new day for daily).
 */
export function indicatorInputTs(latestBar: number | null, interval: string): number | null {
  if (latestBar === null) return null;
  const minutes = INTERVAL_MINUTES[interval];
  if (minutes !== undefined) return Math.floor(latestBar / (minutes * 60_000)) * minutes * 60_000;
  return etTime(etDate(latestBar), '00:00');
}

/**
 * Whether an indicator needs a call: no stored value, or its latest point is older than the newest
 * intraday bar (the input changed). Without a known input it is refreshed every cadence.
 */
export function indicatorNeedsRefresh(storedAsOf: number | null, inputTs: number | null): boolean {
  if (storedAsOf === null || inputTs === null) return true;
  return inputTs > storedAsOf;
}
