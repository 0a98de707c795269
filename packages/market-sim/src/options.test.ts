import { describe, expect, it } from 'vitest';
import type { OptionQuote } from './types';
import { createMarketModel } from './model';
import { nyTime } from './calendar';
import { expiryTime } from './expiries';
import { RISK_FREE_RATE } from './option-quote';
import { specFor } from './symbols';
import { occId } from './occ';

const START = nyTime('2025-09-16', 9, 30); // a Tuesday
const YEAR_MS = 365 * 86_400_000;

function model() {
  const m = createMarketModel({ seed: 8, symbols: ['SPY', 'AAPL', 'TSLA', 'VXX'], startTime: START });
  m.step(30 * 60_000);
  return m;
}

describe('option chains', () => {
  it('satisfies put–call parity on model prices and quotes bid ≤ theo ≤ ask with mark = mid', () => {
    const m = model();
    for (const sym of ['SPY', 'AAPL', 'SPX']) {
      const chain = m.optionChain(sym);
      const q = specFor(sym).divYield;
      const byKey = new Map(chain.map((c) => [`${c.expiry}|${c.strike}|${c.right}`, c]));
      let pairs = 0;
      for (const c of chain) {
        if (c.right !== 'C') continue;
        const p = byKey.get(`${c.expiry}|${c.strike}|P`)!;
        const T = (expiryTime(c.expiry) - m.now()) / YEAR_MS;
        const S = c.underlyingPrice;
        const parity = S * Math.exp(-q * T) - c.strike * Math.exp(-RISK_FREE_RATE * T);
        expect(Math.abs(c.theo! - p.theo! - parity)).toBeLessThan(1e-6 * Math.max(1, S));
        pairs++;
      }
      expect(pairs).toBeGreaterThan(100);
      for (const c of chain) {
        expect(c.bid).toBeLessThanOrEqual(c.theo! + 1e-9);
        expect(c.ask).toBeGreaterThanOrEqual(c.theo! - 1e-9);
        expect(c.ask).toBeGreaterThan(c.bid);
        expect(c.mark).toBeCloseTo((c.bid + c.ask) / 2, 9);
      }
    }
  });

  it('has Greeks with the right signs and units', () => {
    const m = model();
    const chain = m.optionChain('SPY');
    const live = chain.filter((c) => c.theo! > 0.05);
    for (const c of live) {
      if (c.right === 'C') {
        expect(c.delta).toBeGreaterThan(0);
        expect(c.delta).toBeLessThanOrEqual(1);
        expect(c.theta).toBeLessThan(0);
        expect(c.rho).toBeGreaterThan(0);
      } else {
        expect(c.delta).toBeLessThan(0);
        expect(c.delta).toBeGreaterThanOrEqual(-1);
        expect(c.rho).toBeLessThan(0);
      }
      expect(c.gamma).toBeGreaterThanOrEqual(0);
      expect(c.vega).toBeGreaterThanOrEqual(0);
    }
    // Vega per vol point and theta per day: an ATM 30-day SPY call has vega ≈ S·√T·0.4/100, theta ≈ -price/(2T·365).
    const S = m.quote('SPY')!.bid;
    const expiry = m.expiries('SPY').find((e) => expiryTime(e) - m.now() > 25 * 86_400_000)!;
    const atm = chain
      .filter((c) => c.expiry === expiry && c.right === 'C')
      .sort((a, b) => Math.abs(a.strike - S) - Math.abs(b.strike - S))[0]!;
    const T = (expiryTime(expiry) - m.now()) / YEAR_MS;
    expect(atm.vega).toBeGreaterThan((S * Math.sqrt(T) * 0.3) / 100);
    expect(atm.vega).toBeLessThan((S * Math.sqrt(T) * 0.45) / 100);
    expect(atm.theta).toBeLessThan(0);
    expect(atm.theta).toBeGreaterThan(-atm.theo!);
  });

  it('spans ±20 % of spot with 1-point SPY, 5-point SPX and 2.5/5-point single-name strikes', () => {
    const m = model();
    for (const [sym, step] of [
      ['SPY', 1],
      ['SPX', 5],
      ['AAPL', 2.5],
      ['TSLA', 5],
    ] as const) {
      const spot = m.quote(sym)!.last;
      const expiry = m.expiries(sym)[0]!;
      const strikes = [...new Set(m.optionChain(sym, [expiry]).map((c) => c.strike))].sort((a, b) => a - b);
      expect(strikes[0]!).toBeLessThanOrEqual(spot * 0.8);
      expect(strikes.at(-1)!).toBeGreaterThanOrEqual(spot * 1.2);
      for (let i = 1; i < strikes.length; i++) expect(strikes[i]! - strikes[i - 1]!).toBeCloseTo(step, 9);
    }
  });

  it('lists 0DTE, 1DTE, weekly and monthly expiries and prices every listed contract by id', () => {
    const m = model();
    const exp = m.expiries('SPY');
    expect(exp.slice(0, 2)).toEqual(['2025-09-16', '2025-09-17']);
    expect(exp).toContain('2025-09-19');
    expect(exp).toContain('2025-10-17');
    const chain = m.optionChain('SPY', ['2025-09-16']);
    expect(chain.every((c) => c.expiry === '2025-09-16')).toBe(true);
    const c = chain[Math.floor(chain.length / 2)]!;
    expect(c.contractId).toBe(occId(c));
    expect(m.optionQuote(c.contractId)).toEqual(c);
    expect(m.optionQuote('SPY250916C09990000')).toBeUndefined();
    expect(m.optionQuote('SPY250920C00600000')).toBeUndefined(); // a Saturday
    expect(m.optionChain('NOPE')).toEqual([]);
  });

  it('shapes implied vol with a put skew (call skew on VXX) and open interest peaking near the money', () => {
    const m = model();
    const monthly = '2025-10-17';
    const ivAt = (sym: string, k: number): number => {
      const chain = m.optionChain(sym, [monthly]).filter((c) => c.right === 'P');
      return chain.sort((a, b) => Math.abs(a.strike - k) - Math.abs(b.strike - k))[0]!.iv;
    };
    const spy = m.quote('SPY')!.last;
    expect(ivAt('SPY', spy * 0.9)).toBeGreaterThan(ivAt('SPY', spy) * 1.15);
    expect(ivAt('SPY', spy * 0.9)).toBeGreaterThan(ivAt('SPY', spy * 1.1));
    const vxx = m.quote('VXX')!.last;
    expect(ivAt('VXX', vxx * 1.15)).toBeGreaterThan(ivAt('VXX', vxx * 0.85));

    const oiByStrike = new Map<number, number>();
    for (const c of m.optionChain('SPY', [monthly]))
      oiByStrike.set(c.strike, (oiByStrike.get(c.strike) ?? 0) + c.openInterest);
    const ranked = [...oiByStrike.entries()].sort((a, b) => b[1] - a[1]);
    const top = ranked.slice(0, 5).map(([k]) => k);
    expect(top.every((k) => Math.abs(k / spy - 1) < 0.08)).toBe(true);
    expect(top.filter((k) => k % 5 === 0).length).toBeGreaterThanOrEqual(3);
    const far = ranked.filter(([k]) => Math.abs(k / spy - 1) > 0.15);
    expect(Math.max(...far.map(([, oi]) => oi))).toBeLessThan(ranked[0]![1] / 5);
  });

  it('computes chains lazily with a cache per simulated second', () => {
    const m = model();
    const a = m.optionChain('SPX');
    expect(a.length).toBeGreaterThan(10_000);
    const b = m.optionChain('SPX');
    expect(b[0]).toBe(a[0]);
    m.step(1_000);
    const c: OptionQuote[] = m.optionChain('SPX');
    expect(c[0]).not.toBe(a[0]);
    expect(c[0]!.ts).toBe(m.now());
  });
});
