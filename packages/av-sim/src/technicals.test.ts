import { describe, expect, it } from 'vitest';
import { atr, bbands, ema, macd, rsi, sma } from './technicals';

describe('indicator math', () => {
  it('SMA and EMA (SMA-seeded)', () => {
    expect(sma([1, 2, 3, 4, 5], 3)).toEqual([undefined, undefined, 2, 3, 4]);
    const e = ema([1, 2, 3, 4, 5], 3);
    expect(e.slice(0, 2)).toEqual([undefined, undefined]);
    expect(e[2]).toBe(2);
    expect(e[3]).toBeCloseTo(4 * 0.5 + 2 * 0.5, 12);
    expect(e[4]).toBeCloseTo(5 * 0.5 + 3 * 0.5, 12);
  });

  it('RSI: 100 on a rising series, 0 on a falling one, 50 when gains equal losses', () => {
    const up = Array.from({ length: 20 }, (_, i) => 100 + i);
    expect(rsi(up, 14)[19]).toBe(100);
    expect(rsi(up.slice().reverse(), 14)[19]).toBe(0);
    const zigzag = Array.from({ length: 15 }, (_, i) => (i % 2 === 0 ? 10 : 11));
    expect(rsi(zigzag, 14)[14]).toBeCloseTo(50, 9);
    expect(rsi(up, 14).filter((v) => v !== undefined)).toHaveLength(20 - 14);
  });

  it('Wilder RSI against a hand computation', () => {
    const x = [44, 44.5, 44.25, 44.75, 45.5];
    // period 2: first avg gain (0.5 + 0) / 2 = 0.25, avg loss (0 + 0.25) / 2 = 0.125 → RS 2 → 66.67
    const out = rsi(x, 2);
    expect(out[2]).toBeCloseTo(100 - 100 / 3, 9);
    // next: gain 0.5 → avgG (0.25 + 0.5) / 2 = 0.375, avgL 0.0625 → RS 6
    expect(out[3]).toBeCloseTo(100 - 100 / 7, 9);
  });

  it('MACD: zero on a flat series, hist = macd − signal', () => {
    const flat = new Array<number>(60).fill(50);
    const m = macd(flat, 12, 26, 9);
    expect(m[59]).toEqual({ macd: 0, signal: 0, hist: 0 });
    expect(m.findIndex((p) => p !== undefined)).toBe(26 - 1 + 9 - 1);
    const trend = Array.from({ length: 60 }, (_, i) => 50 + i * 0.5);
    const t = macd(trend, 12, 26, 9)[59]!;
    expect(t.macd).toBeGreaterThan(0);
    expect(t.hist).toBeCloseTo(t.macd - t.signal, 12);
  });

  it('BBANDS: collapses on a constant series; k·σ (population) around the SMA', () => {
    expect(bbands([5, 5, 5, 5], 3, 2, 2, 0)[3]).toEqual({ upper: 5, middle: 5, lower: 5 });
    const b = bbands([1, 2, 3], 3, 2, 1, 0)[2]!;
    const sd = Math.sqrt(2 / 3);
    expect(b.middle).toBe(2);
    expect(b.upper).toBeCloseTo(2 + 2 * sd, 12);
    expect(b.lower).toBeCloseTo(2 - sd, 12);
  });

  it('ATR: true range uses the previous close across gaps; Wilder smoothing', () => {
    const bars = [
      { high: 10, low: 9, close: 9.5 },
      { high: 12, low: 11, close: 11.5 }, // TR = 12 − 9.5 = 2.5
      { high: 11.6, low: 11, close: 11.2 }, // TR = 0.6
      { high: 11.4, low: 10, close: 10.1 }, // TR = 1.4
    ];
    const out = atr(bars, 2);
    expect(out[2]).toBeCloseTo((2.5 + 0.6) / 2, 12);
    expect(out[3]).toBeCloseTo((1.55 * 1 + 1.4) / 2, 12);
  });
});
