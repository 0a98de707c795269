import { describe, expect, it } from 'vitest';
import { cholesky, correlationMatrix, PricePaths } from './paths';
import { defaultSymbols, specFor } from './symbols';
import { Rng } from './rng';

const specs = defaultSymbols.map((s) => specFor(s));

function sampleCorrelations(steps: number): number[][] {
  const paths = new PricePaths(specs, new Rng(123));
  const n = specs.length;
  const drift = new Float64Array(n);
  const sums = Array.from({ length: n }, () => new Float64Array(n));
  const prev = Float64Array.from(paths.logPrice);
  for (let k = 0; k < steps; k++) {
    paths.step({ dtMs: 60_000, volMult: 1, jumpMult: 0, drift });
    const r = paths.logPrice.map((x, i) => x - prev[i]!);
    prev.set(paths.logPrice);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) sums[i]![j]! += r[i]! * r[j]!;
  }
  return sums.map((row, i) => Array.from(row, (v, j) => v / Math.sqrt(sums[i]![i]! * sums[j]![j]!)));
}

describe('correlated price paths', () => {
  it('factorises the correlation matrix exactly', () => {
    const c = correlationMatrix(specs);
    const l = cholesky(c);
    for (let i = 0; i < c.length; i++)
      for (let j = 0; j < c.length; j++) {
        let s = 0;
        for (let k = 0; k < c.length; k++) s += l[i]![k]! * l[j]![k]!;
        expect(s).toBeCloseTo(c[i]![j]!, 12);
      }
    expect(() =>
      cholesky([
        [1, 2],
        [2, 1],
      ]),
    ).toThrow();
  });

  it('moves index ETFs together, tech names together and VXX against SPY', () => {
    const corr = sampleCorrelations(20_000);
    const idx = (s: string): number => defaultSymbols.indexOf(s);
    const rho = (a: string, b: string): number => corr[idx(a)]![idx(b)]!;
    expect(rho('SPY', 'QQQ')).toBeGreaterThan(0.85);
    expect(rho('SPY', 'IWM')).toBeGreaterThan(0.75);
    expect(rho('AAPL', 'MSFT')).toBeGreaterThan(0.6);
    expect(rho('NVDA', 'AMD')).toBeGreaterThan(0.6);
    expect(rho('NVDA', 'QQQ')).toBeGreaterThan(rho('NVDA', 'IWM'));
    expect(rho('SPY', 'VXX')).toBeLessThan(-0.6);
    expect(rho('TSLA', 'SPY')).toBeLessThan(rho('QQQ', 'SPY'));
  });

  it("scales moves with each symbol's volatility", () => {
    const paths = new PricePaths(specs, new Rng(5));
    const drift = new Float64Array(specs.length);
    const sq = new Float64Array(specs.length);
    for (let k = 0; k < 10_000; k++) {
      const before = Float64Array.from(paths.logPrice);
      paths.step({ dtMs: 60_000, volMult: 1, jumpMult: 0, drift });
      paths.logPrice.forEach((x, i) => (sq[i]! += (x - before[i]!) ** 2));
    }
    const annualised = (s: string): number =>
      Math.sqrt((sq[defaultSymbols.indexOf(s)]! / 10_000) * 252 * 390);
    expect(annualised('SPY')).toBeCloseTo(specFor('SPY').vol, 1);
    expect(annualised('TSLA')).toBeCloseTo(specFor('TSLA').vol, 1);
  });
});
