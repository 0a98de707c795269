import { autocorrelation, firstInsignificantLag, logReturns, quantile } from '@alphatrader/quant';
import { describe, expect, it } from 'vitest';
import { normals } from '../testing/fixtures';
import { temporalLookback, volatilityRegime, vpinBucketSize } from './parameters';

describe('vpinBucketSize', () => {
  it('takes the k-means cluster of sizes that carries the most volume × trades per bucket', () => {
    // Round lots of 100 carry 60,000 shares; odd lots of 10 carry 3,000; blocks of 1,000 carry 5,000.
    const sizes = [...Array(600).fill(100), ...Array(300).fill(10), ...Array(5).fill(1000)];
    const b = vpinBucketSize(sizes, { clusters: 3, tradesPerBucket: 20, minimum: 50 })!;
    expect(b.dominantSize).toBe(100);
    expect(b.bucketVolume).toBe(2000);
    expect(b.clampedToMinimum).toBe(false);
  });

  it('never goes below the minimum of 50 shares', () => {
    const b = vpinBucketSize([1, 2, 3, 2, 1, 3], { clusters: 3, tradesPerBucket: 5, minimum: 50 })!;
    expect(b.bucketVolume).toBe(50);
    expect(b.clampedToMinimum).toBe(true);
    expect(vpinBucketSize([], { clusters: 3, tradesPerBucket: 5, minimum: 50 })).toBeNull();
  });
});

describe('temporalLookback', () => {
  function prices(returns: number[]): number[] {
    const p = [100];
    for (const r of returns) p.push(p[p.length - 1]! * Math.exp(r));
    return p;
  }

  it('is the first lag whose autocorrelation is inside ±1.96/√n', () => {
    const z = normals(3);
    // AR(1) returns with φ = 0.8: autocorrelation decays as 0.8^k, so the first lags are significant.
    const r: number[] = [0];
    for (let i = 1; i < 500; i++) r.push(0.8 * r[i - 1]! + 0.001 * z());
    const p = prices(r);
    const lag = temporalLookback(p, 60)!;
    const ret = logReturns(p);
    expect(lag).toBe(firstInsignificantLag(ret, 60));
    expect(lag).toBeGreaterThan(3);
    expect(Math.abs(autocorrelation(ret, lag)!)).toBeLessThan(1.96 / Math.sqrt(ret.length));
    expect(Math.abs(autocorrelation(ret, 1)!)).toBeGreaterThan(1.96 / Math.sqrt(ret.length));
  });

  it('gives maxLag when every lag is significant and null for constant prices', () => {
    const trend = Array.from({ length: 200 }, (_, i) => 100 * Math.exp(0.001 * i + 0.0001 * i * i));
    expect(temporalLookback(trend, 5)).toBe(5);
    expect(temporalLookback(Array(50).fill(100), 10)).toBeNull();
  });
});

describe('volatilityRegime', () => {
  it('uses quantiles of the rolling volatilities as thresholds and the last window as current', () => {
    const z = normals(9);
    const r = Array.from({ length: 300 }, (_, i) => (i >= 280 ? 0.004 : 0.001) * z());
    const p = [100];
    for (const x of r) p.push(p[p.length - 1]! * Math.exp(x));
    const v = volatilityRegime(p, { windowBars: 12, barSeconds: 5, low: 0.25, high: 0.75 })!;
    // Brute force: sample standard deviation of every 12-return window, annualised for 5-second bars.
    const ret = logReturns(p);
    const vols: number[] = [];
    for (let i = 12; i <= ret.length; i++) {
      const w = ret.slice(i - 12, i);
      const m = w.reduce((a, x) => a + x, 0) / 12;
      vols.push(Math.sqrt(w.reduce((a, x) => a + (x - m) ** 2, 0) / 11) * Math.sqrt((252 * 23_400) / 5));
    }
    expect(v.lowThreshold).toBeCloseTo(quantile(vols, 0.25), 9);
    expect(v.highThreshold).toBeCloseTo(quantile(vols, 0.75), 9);
    expect(v.current).toBeCloseTo(vols.at(-1)!, 9);
    expect(v.regime).toBe('HIGH');
    expect(
      volatilityRegime(p.slice(0, 10), { windowBars: 12, barSeconds: 5, low: 0.25, high: 0.75 }),
    ).toBeNull();
  });
});
