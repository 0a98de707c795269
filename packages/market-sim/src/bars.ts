// Bar building: 5-second bars from the tape, 1-minute bars from the 5-second bars, and 5/15/30/60-minute
// bars aggregated on demand from the minute bars (buckets aligned to the New York clock, whose offset
// from UTC is whole hours, so epoch-aligned buckets are wall-clock aligned).
import type { Bar } from './types';

export const BAR_5S_MS = 5_000;
export const MINUTE_MS = 60_000;

export class BarAccumulator {
  start = 0;
  open = 0;
  high = 0;
  low = 0;
  close = 0;
  volume = 0;
  pv = 0;
  count = 0;
  /** Any price folded in since the reset. */
  touched = false;

  /** Starts a new bar; with no activity it is flat at `price`. */
  reset(start: number, price: number): void {
    this.start = start;
    this.open = this.high = this.low = this.close = price;
    this.volume = 0;
    this.pv = 0;
    this.count = 0;
    this.touched = false;
  }

  /** A price observation without volume (an index level). */
  addPrice(price: number): void {
    if (!this.touched) {
      this.open = this.high = this.low = price;
      this.touched = true;
    } else {
      if (price > this.high) this.high = price;
      if (price < this.low) this.low = price;
    }
    this.close = price;
  }

  addTrade(price: number, size: number): void {
    this.addPrice(price);
    this.volume += size;
    this.pv += price * size;
    this.count++;
  }

  /** Folds a finished sub-bar (e.g. a 5-second bar into its minute). */
  addBar(bar: Bar): void {
    if (!this.touched) {
      this.open = bar.open;
      this.high = bar.high;
      this.low = bar.low;
      this.touched = true;
    } else {
      if (bar.high > this.high) this.high = bar.high;
      if (bar.low < this.low) this.low = bar.low;
    }
    this.close = bar.close;
    this.volume += bar.volume;
    this.pv += bar.vwap * bar.volume;
    this.count += bar.count;
  }

  toBar(symbol: string): Bar {
    return {
      symbol,
      ts: this.start,
      open: this.open,
      high: this.high,
      low: this.low,
      close: this.close,
      volume: this.volume,
      vwap: this.volume > 0 ? round4(this.pv / this.volume) : this.close,
      count: this.count,
    };
  }
}

export function round4(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}

export function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

/** Merges consecutive bars into one (ts = bucket start). */
export function mergeBars(symbol: string, ts: number, bars: readonly Bar[], from: number, to: number): Bar {
  const first = bars[from]!;
  let high = first.high;
  let low = first.low;
  let volume = 0;
  let pv = 0;
  let count = 0;
  for (let i = from; i < to; i++) {
    const b = bars[i]!;
    if (b.high > high) high = b.high;
    if (b.low < low) low = b.low;
    volume += b.volume;
    pv += b.vwap * b.volume;
    count += b.count;
  }
  const close = bars[to - 1]!.close;
  return {
    symbol,
    ts,
    open: first.open,
    high,
    low,
    close,
    volume,
    vwap: volume > 0 ? round4(pv / volume) : close,
    count,
  };
}

/**
 * The last `count` bars of `minutes`-minute buckets from ascending minute bars. The newest bucket is
 * dropped unless `lastComplete(bucketStart, bucketEnd)` says it is finished.
 */
export function aggregateMinuteBars(
  symbol: string,
  minuteBars: readonly Bar[],
  minutes: number,
  count: number,
  lastComplete: (bucketStart: number, bucketEnd: number) => boolean,
): Bar[] {
  const width = minutes * MINUTE_MS;
  const out: Bar[] = [];
  let end = minuteBars.length;
  let first = true;
  while (end > 0 && out.length < count) {
    const bucket = Math.floor(minuteBars[end - 1]!.ts / width) * width;
    let start = end - 1;
    while (start > 0 && minuteBars[start - 1]!.ts >= bucket) start--;
    if (!first || lastComplete(bucket, bucket + width))
      out.push(mergeBars(symbol, bucket, minuteBars, start, end));
    first = false;
    end = start;
  }
  return out.reverse();
}
