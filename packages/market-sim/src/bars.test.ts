import { describe, expect, it } from 'vitest';
import type { Bar, Trade } from './types';
import { createMarketModel } from './model';
import { defaultSymbols } from './symbols';
import { nyTime } from './calendar';

function consistent(b: Bar): boolean {
  return (
    b.high >= Math.max(b.open, b.close) &&
    b.low <= Math.min(b.open, b.close) &&
    b.volume >= 0 &&
    (b.volume === 0 || (b.vwap >= b.low - 1e-9 && b.vwap <= b.high + 1e-9))
  );
}

describe('bars', () => {
  it('builds consistent 5-second bars whose volumes sum to the tape, the minute bars and the session', () => {
    const start = nyTime('2025-09-16', 9, 30);
    const model = createMarketModel({ seed: 5, symbols: ['SPY', 'TSLA'], startTime: start });
    const bars: Bar[] = [];
    const trades: Trade[] = [];
    model.subscribe((e) => {
      if (e.type === 'bar') bars.push(e.bar);
      if (e.type === 'trade') trades.push(e.trade);
    });
    model.step(20 * 60_000);
    const spy = bars.filter((b) => b.symbol === 'SPY');
    expect(spy).toHaveLength(240);
    expect(spy.every(consistent)).toBe(true);
    expect(spy.every((b, i) => b.ts === start + i * 5_000)).toBe(true);
    // 5-second volumes equal the prints inside each bar.
    for (const b of spy) {
      const v = trades
        .filter((t) => t.symbol === 'SPY' && t.ts >= b.ts && t.ts < b.ts + 5_000)
        .reduce((s, t) => s + t.size, 0);
      expect(b.volume).toBe(v);
    }
    // 1-minute bars fold their twelve 5-second bars.
    const minutes = model.intradayBars('SPY', 1, 20);
    expect(minutes[0]!.ts).toBe(start);
    for (const m of minutes) {
      const parts = spy.filter((b) => b.ts >= m.ts && b.ts < m.ts + 60_000);
      expect(parts).toHaveLength(12);
      expect(m.volume).toBe(parts.reduce((s, b) => s + b.volume, 0));
      expect(m.open).toBe(parts[0]!.open);
      expect(m.close).toBe(parts[11]!.close);
      expect(m.high).toBe(Math.max(...parts.map((b) => b.high)));
      expect(m.low).toBe(Math.min(...parts.map((b) => b.low)));
    }
    // 5-minute bars fold their minutes; the session volume is the sum of the session's minutes.
    const five = model.intradayBars('SPY', 5, 4);
    expect(five.map((b) => b.ts)).toEqual([0, 1, 2, 3].map((i) => start + i * 300_000));
    for (const f of five) {
      const parts = minutes.filter((m) => m.ts >= f.ts && m.ts < f.ts + 300_000);
      expect(f.volume).toBe(parts.reduce((s, m) => s + m.volume, 0));
    }
    // The session volume is the tape: the finished minutes plus the prints of the minute in progress.
    const inProgress = trades
      .filter((t) => t.symbol === 'SPY' && t.ts >= start + 20 * 60_000)
      .reduce((s, t) => s + t.size, 0);
    expect(model.quote('SPY')!.volume).toBe(minutes.reduce((s, m) => s + m.volume, 0) + inProgress);
    expect(model.bars5s('SPY', 1000)).toEqual(spy);
  });

  it('has a full synthesised history at start, ending where the live path begins', () => {
    const start = nyTime('2025-09-16', 9, 30);
    const model = createMarketModel({ seed: 9, symbols: defaultSymbols, startTime: start });
    for (const s of [...defaultSymbols, 'SPX']) {
      for (const m of [1, 5, 15, 30, 60] as const) {
        const bars = model.intradayBars(s, m, 100);
        expect(bars, `${s} ${m}m`).toHaveLength(100);
        expect(bars.every(consistent)).toBe(true);
        expect(bars.every((b, i) => i === 0 || b.ts > bars[i - 1]!.ts)).toBe(true);
        expect(bars.at(-1)!.ts).toBeLessThan(start);
      }
      const last = model.intradayBars(s, 1, 1)[0]!;
      expect(Math.abs(last.close / model.quote(s)!.prevClose - 1)).toBeLessThan(0.05);
    }
    // Deterministic: another model with the same seed synthesises the same history.
    const again = createMarketModel({ seed: 9, symbols: defaultSymbols, startTime: start });
    expect(again.intradayBars('NVDA', 15, 100)).toEqual(model.intradayBars('NVDA', 15, 100));
  });

  it("starts mid-session with today's morning as history and the day statistics from it", () => {
    const start = nyTime('2025-09-16', 12, 0);
    const model = createMarketModel({ seed: 2, symbols: ['AAPL'], startTime: start });
    const today = model.intradayBars('AAPL', 1, 1000).filter((b) => b.ts >= nyTime('2025-09-16', 9, 30));
    expect(today).toHaveLength(150);
    const q = model.quote('AAPL')!;
    expect(q.open).toBe(today[0]!.open);
    expect(q.volume).toBe(today.reduce((s, b) => s + b.volume, 0));
    expect(q.high).toBeGreaterThanOrEqual(Math.max(...today.map((b) => b.high)));
    model.step(2 * 60_000);
    const after = model.intradayBars('AAPL', 1, 3);
    expect(after.map((b) => b.ts)).toEqual([nyTime('2025-09-16', 11, 59), start, start + 60_000]);
  });
});
