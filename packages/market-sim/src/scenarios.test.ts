import { describe, expect, it } from 'vitest';
import type { MarketEvent, ScenarioName, Trade } from './types';
import { createMarketModel } from './model';
import { nyTime } from './calendar';

const SYMBOLS = ['SPY', 'QQQ', 'NVDA', 'TSLA', 'VXX'];

function run(
  scenario: ScenarioName,
  seed: number,
  start: number,
  ms: number,
  record = true,
  symbols = SYMBOLS,
) {
  const m = createMarketModel({ seed, symbols, startTime: start, scenario });
  const first = Object.fromEntries(symbols.map((s) => [s, m.quote(s)!.last]));
  const spreads: number[] = [];
  const trades: Trade[] = [];
  if (record) {
    m.subscribe((e: MarketEvent) => {
      if (e.type === 'quote' && e.quote.symbol === 'SPY') spreads.push(e.quote.ask - e.quote.bid);
      if (e.type === 'trade' && e.trade.symbol === 'SPY') trades.push(e.trade);
    });
  }
  m.step(ms);
  const ret = (s: string): number => Math.log(m.quote(s)!.last / first[s]!);
  return { m, ret, spreads, trades };
}

const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('scenarios', () => {
  it('crash: SPY drops about 3 daily sigmas within minutes, tech follows, VXX jumps, spreads and IV widen', () => {
    const start = nyTime('2025-09-16', 11);
    for (const seed of [1, 2, 3]) {
      const normal = run('normal', seed, start, 6 * 60_000);
      const crash = run('crash', seed, start, 6 * 60_000);
      expect(crash.ret('SPY')).toBeLessThan(-0.02);
      expect(crash.ret('SPY')).toBeGreaterThan(-0.06);
      expect(crash.ret('SPY')).toBeLessThan(normal.ret('SPY') - 0.015);
      expect(crash.ret('NVDA')).toBeLessThan(normal.ret('NVDA') - 0.015);
      expect(crash.ret('VXX')).toBeGreaterThan(normal.ret('VXX') + 0.03);
      expect(mean(crash.spreads)).toBeGreaterThan(mean(normal.spreads) * 1.8);
      const atmIv = (m: typeof crash.m): number => {
        const spot = m.quote('SPY')!.last;
        const chain = m.optionChain('SPY', [m.expiries('SPY')[3]!]).filter((c) => c.right === 'P');
        return chain.sort((a, b) => Math.abs(a.strike - spot) - Math.abs(b.strike - spot))[0]!.iv;
      };
      expect(atmIv(crash.m)).toBeGreaterThan(atmIv(normal.m) * 1.5);
      const sells = (t: Trade[]): number => t.filter((x) => x.side === 'sell').length / t.length;
      expect(sells(crash.trades)).toBeGreaterThan(sells(normal.trades) + 0.1);
    }
  });

  it('trends drift the whole market in their direction', () => {
    // The price paths draw from their own stream, so with one seed the runs differ only by the drift.
    const start = nyTime('2025-09-16', 9, 30);
    const hour = 3_600_000;
    const normal = run('normal', 5, start, hour, false, ['SPY', 'QQQ']);
    const up = run('trend_up', 5, start, hour, false, ['SPY', 'QQQ']);
    const down = run('trend_down', 5, start, hour, false, ['SPY', 'QQQ']);
    for (const s of ['SPY', 'QQQ']) {
      expect(up.ret(s)).toBeGreaterThan(normal.ret(s) + 0.003);
      expect(down.ret(s)).toBeLessThan(normal.ret(s) - 0.003);
    }
  });

  it('vol_spike raises realised volatility and implied vol', () => {
    const start = nyTime('2025-09-16', 11);
    const realised = (name: ScenarioName): number => {
      const { m } = run(name, 9, start, 30 * 60_000, false);
      const bars = m.intradayBars('SPY', 1, 30);
      const r = bars.slice(1).map((b, i) => Math.log(b.close / bars[i]!.close));
      return Math.sqrt(mean(r.map((x) => x * x)));
    };
    expect(realised('vol_spike')).toBeGreaterThan(realised('normal') * 1.6);
  });

  it('gamma_squeeze accelerates single names upward and surges near-the-money call volume and OI', () => {
    const start = nyTime('2025-09-16', 11);
    const normal = run('normal', 4, start, 40 * 60_000, false);
    const squeeze = run('gamma_squeeze', 4, start, 40 * 60_000, false);
    expect(squeeze.ret('NVDA')).toBeGreaterThan(normal.ret('NVDA') + 0.03);
    expect(squeeze.ret('TSLA')).toBeGreaterThan(normal.ret('TSLA') + 0.03);
    const nearCalls = (m: typeof normal.m, field: 'volume' | 'openInterest'): number => {
      const spot = m.quote('NVDA')!.last;
      return m
        .optionChain('NVDA')
        .filter((c) => c.right === 'C' && Math.abs(c.strike / spot - 1) < 0.03)
        .reduce((s, c) => s + c[field], 0);
    };
    expect(nearCalls(squeeze.m, 'volume')).toBeGreaterThan(nearCalls(normal.m, 'volume') * 2);
    expect(nearCalls(squeeze.m, 'openInterest')).toBeGreaterThan(nearCalls(normal.m, 'openInterest') * 1.3);
  });

  it('moc_imbalance turns the tape one-sided from 15:50 ET into the close', () => {
    const start = nyTime('2025-09-16', 15, 40);
    const { trades } = run('moc_imbalance', 6, start, 20 * 60_000, true, ['SPY']);
    const from = nyTime('2025-09-16', 15, 50);
    const buyShare = (ts: Trade[]): number => {
      const v = ts.reduce((s, t) => s + t.size, 0);
      return ts.filter((t) => t.side === 'buy').reduce((s, t) => s + t.size, 0) / v;
    };
    const before = trades.filter((t) => t.ts < from && t.kind !== 'block');
    const after = trades.filter((t) => t.ts >= from + 2 * 60_000 && t.kind !== 'block');
    expect(Math.abs(buyShare(before) - 0.5)).toBeLessThan(0.12);
    expect(Math.abs(buyShare(after) - 0.5)).toBeGreaterThan(0.25);
    expect(after.length / 8).toBeGreaterThan(before.length / 10);
    expect(trades.every((t) => t.ts < nyTime('2025-09-16', 16))).toBe(true);
  });

  it('switches at run time with a scenario event and rejects unknown names', () => {
    const m = createMarketModel({ seed: 1, symbols: ['SPY'], startTime: nyTime('2025-09-16', 10) });
    const events: MarketEvent[] = [];
    m.subscribe((e) => {
      if (e.type === 'scenario') events.push(e);
    });
    m.step(1_000);
    m.setScenario('vol_spike');
    expect(m.scenario()).toBe('vol_spike');
    expect(events).toEqual([{ type: 'scenario', ts: m.now(), name: 'vol_spike' }]);
    expect(() => m.setScenario('meltdown' as ScenarioName)).toThrow();
  });
});

describe('real-time driver', () => {
  it('advances simulated time at speed × wall time while started and not after stop', async () => {
    const start = nyTime('2025-09-16', 10);
    const m = createMarketModel({ seed: 1, symbols: ['SPY'], startTime: start, speed: 100 });
    m.start();
    await new Promise((r) => setTimeout(r, 300));
    m.stop();
    const advanced = m.now() - start;
    expect(advanced).toBeGreaterThan(0);
    expect(advanced).toBeLessThan(100 * 5_000);
    await new Promise((r) => setTimeout(r, 120));
    expect(m.now() - start).toBe(advanced);
  });
});
