// Indicator math for the simulator, aligned with the input: out[i] is the value at input i, or undefined
// during warm-up. Wilder smoothing for RSI and ATR, SMA-seeded EMAs for MACD, population stdev for BBANDS
// (as TA-Lib, which Alpha Vantage's figures follow).

export type Series = (number | undefined)[];

export function sma(x: readonly number[], period: number): Series {
  const out: Series = new Array<number | undefined>(x.length).fill(undefined);
  let sum = 0;
  for (let i = 0; i < x.length; i++) {
    sum += x[i] as number;
    if (i >= period) sum -= x[i - period] as number;
    if (i >= period - 1) out[i] = sum / period;
  }
  return out;
}

/** EMA seeded with the SMA of the first `period` defined values; undefined inputs are skipped. */
export function ema(x: readonly (number | undefined)[], period: number): Series {
  const out: Series = new Array<number | undefined>(x.length).fill(undefined);
  const k = 2 / (period + 1);
  let seen = 0;
  let seedSum = 0;
  let prev: number | undefined;
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (v === undefined) continue;
    if (prev === undefined) {
      seedSum += v;
      seen++;
      if (seen === period) {
        prev = seedSum / period;
        out[i] = prev;
      }
      continue;
    }
    prev = v * k + prev * (1 - k);
    out[i] = prev;
  }
  return out;
}

export function wma(x: readonly number[], period: number): Series {
  const out: Series = new Array<number | undefined>(x.length).fill(undefined);
  const denom = (period * (period + 1)) / 2;
  for (let i = period - 1; i < x.length; i++) {
    let s = 0;
    for (let j = 0; j < period; j++) s += (x[i - j] as number) * (period - j);
    out[i] = s / denom;
  }
  return out;
}

export function rsi(x: readonly number[], period: number): Series {
  const out: Series = new Array<number | undefined>(x.length).fill(undefined);
  if (x.length <= period) return out;
  let gain = 0;
  let loss = 0;
  for (let i = 1; i <= period; i++) {
    const d = (x[i] as number) - (x[i - 1] as number);
    if (d > 0) gain += d;
    else loss -= d;
  }
  gain /= period;
  loss /= period;
  const value = (): number => (loss === 0 ? (gain === 0 ? 50 : 100) : 100 - 100 / (1 + gain / loss));
  out[period] = value();
  for (let i = period + 1; i < x.length; i++) {
    const d = (x[i] as number) - (x[i - 1] as number);
    gain = (gain * (period - 1) + Math.max(d, 0)) / period;
    loss = (loss * (period - 1) + Math.max(-d, 0)) / period;
    out[i] = value();
  }
  return out;
}

export interface MacdPoint {
  macd: number;
  signal: number;
  hist: number;
}

export function macd(
  x: readonly number[],
  fast: number,
  slow: number,
  signal: number,
): (MacdPoint | undefined)[] {
  const f = ema(x, fast);
  const s = ema(x, slow);
  const line: Series = x.map((_, i) => {
    const a = f[i];
    const b = s[i];
    return a === undefined || b === undefined ? undefined : a - b;
  });
  const sig = ema(line, signal);
  return line.map((m, i) => {
    const g = sig[i];
    return m === undefined || g === undefined ? undefined : { macd: m, signal: g, hist: m - g };
  });
}

export interface BandPoint {
  upper: number;
  middle: number;
  lower: number;
}

/** maType 0 = SMA, 1 = EMA, 2 = WMA. */
export function bbands(
  x: readonly number[],
  period: number,
  devUp: number,
  devDown: number,
  maType: 0 | 1 | 2,
): (BandPoint | undefined)[] {
  const mid = maType === 1 ? ema(x, period) : maType === 2 ? wma(x, period) : sma(x, period);
  return x.map((_, i) => {
    const m = mid[i];
    if (m === undefined || i < period - 1) return undefined;
    let mean = 0;
    for (let j = i - period + 1; j <= i; j++) mean += x[j] as number;
    mean /= period;
    let v = 0;
    for (let j = i - period + 1; j <= i; j++) v += ((x[j] as number) - mean) ** 2;
    const sd = Math.sqrt(v / period);
    return { upper: m + devUp * sd, middle: m, lower: m - devDown * sd };
  });
}

export interface Hlc {
  high: number;
  low: number;
  close: number;
}

export function atr(bars: readonly Hlc[], period: number): Series {
  const out: Series = new Array<number | undefined>(bars.length).fill(undefined);
  if (bars.length <= period) return out;
  const tr = (i: number): number => {
    const b = bars[i] as Hlc;
    const pc = (bars[i - 1] as Hlc).close;
    return Math.max(b.high - b.low, Math.abs(b.high - pc), Math.abs(b.low - pc));
  };
  let a = 0;
  for (let i = 1; i <= period; i++) a += tr(i);
  a /= period;
  out[period] = a;
  for (let i = period + 1; i < bars.length; i++) {
    a = (a * (period - 1) + tr(i)) / period;
    out[i] = a;
  }
  return out;
}
