import { describe, expect, it } from 'vitest';
import { PendingArrivals } from './arrivals';
import { LatencyHistogram } from './histogram';

describe('PendingArrivals', () => {
  it('run-length encodes updates that share an arrival time and hands them over once', () => {
    const a = new PendingArrivals();
    expect(a.take()).toBeNull();
    for (const t of [10, 10, 10, 12, 12, 15]) a.note(t);
    expect(a.empty).toBe(false);
    expect(a.take()).toEqual({ times: [10, 12, 15], counts: [3, 2, 1] });
    expect(a.empty).toBe(true);
    expect(a.take()).toBeNull();
  });

  it('stays bounded when nothing takes the arrivals: later updates join the newest entry', () => {
    const a = new PendingArrivals();
    for (let t = 0; t < 10_000; t++) a.note(t);
    const out = a.take()!;
    expect(out.times).toHaveLength(4096);
    expect(out.counts.reduce((x, y) => x + y, 0)).toBe(10_000);
    expect(out.counts.at(-1)).toBe(10_000 - 4095);
  });
});

describe('LatencyHistogram weights', () => {
  it('counts a weighted value as that many samples', () => {
    const h = new LatencyHistogram();
    h.record(1, 98);
    h.record(50, 2);
    expect(h.count).toBe(100);
    expect(h.quantile(0.98)).toBeLessThan(1.1);
    expect(h.quantile(0.99)).toBeGreaterThan(45);
    expect(h.max).toBe(50);
  });
});
