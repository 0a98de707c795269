// Multi-timeframe bars (1, 5, 15, 30, 60 minutes) built from 5-second bars. A bar starts on a multiple of
// its length in epoch time, which for these lengths is also a whole ET minute, quarter, half hour or hour
// (New York is a whole number of hours from UTC). The last bar may still be forming.
import type { Bar, FiveSecondBar } from '@alphatrader/shared';
import { TIMEFRAMES, type Timeframe } from './types';

const MINUTES: Record<Timeframe, number> = { '1m': 1, '5m': 5, '15m': 15, '30m': 30, '60m': 60 };

/** Whether a 5-second bar is internally consistent (low ≤ open, close ≤ high; positive prices). */
export function barProblem(b: FiveSecondBar): string | null {
  if (!(b.low > 0)) return `bar low ${b.low} is not positive`;
  if (b.high < b.low) return `bar high ${b.high} below low ${b.low}`;
  for (const [name, v] of [
    ['open', b.open],
    ['close', b.close],
  ] as const) {
    if (v < b.low || v > b.high) return `bar ${name} ${v} outside [${b.low}, ${b.high}]`;
  }
  return null;
}

interface Building extends Bar {
  /** Σ vwap × volume of the parts, while every part has a vwap. */
  pv: number | null;
}

export class MultiTimeframeBars {
  private readonly series = new Map<Timeframe, Building[]>();

  constructor(private readonly maxBars: number) {
    for (const tf of TIMEFRAMES) this.series.set(tf, []);
  }

  /** Adds 5-second bars in time order (a bar older than the forming bar of a timeframe is ignored there). */
  add(bars: readonly FiveSecondBar[]): void {
    for (const b of bars) {
      for (const tf of TIMEFRAMES) this.addTo(tf, b);
    }
  }

  /** Bars of one timeframe, oldest first. */
  bars(tf: Timeframe): Bar[] {
    return (this.series.get(tf) ?? []).map(({ pv: _pv, ...bar }) => bar);
  }

  private addTo(tf: Timeframe, b: FiveSecondBar): void {
    const list = this.series.get(tf)!;
    const len = MINUTES[tf] * 60_000;
    const start = Math.floor(b.ts / len) * len;
    const cur = list[list.length - 1];
    const pv = b.vwap === null ? null : b.vwap * b.volume;
    if (cur !== undefined && cur.ts === start) {
      cur.high = Math.max(cur.high, b.high);
      cur.low = Math.min(cur.low, b.low);
      cur.close = b.close;
      cur.volume += b.volume;
      cur.pv = cur.pv === null || pv === null ? null : cur.pv + pv;
      cur.vwap = cur.pv === null || cur.volume === 0 ? null : cur.pv / cur.volume;
      cur.trades = cur.trades === null || b.trades === null ? null : cur.trades + b.trades;
      return;
    }
    if (cur !== undefined && start < cur.ts) return;
    list.push({
      ts: start,
      open: b.open,
      high: b.high,
      low: b.low,
      close: b.close,
      volume: b.volume,
      vwap: b.vwap,
      trades: b.trades,
      pv,
    });
    if (list.length > this.maxBars) list.splice(0, list.length - this.maxBars);
  }
}
