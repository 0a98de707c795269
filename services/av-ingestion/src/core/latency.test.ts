import { describe, expect, it } from 'vitest';
import { LatencyWindow, PreferIbkrFlag } from './latency';

describe('LatencyWindow', () => {
  it('gives p50/p95/p99 of the calls in the rolling window only', () => {
    const w = new LatencyWindow(60_000);
    w.record(0, 5_000); // leaves the window before t = 60 000
    for (let i = 1; i <= 100; i++) w.record(1_000 + i, i * 10);
    const s = w.stats(60_500)!;
    expect(s.samples).toBe(100);
    // simple-statistics interpolates between neighbouring samples.
    expect(s.p50Ms).toBeGreaterThanOrEqual(500);
    expect(s.p50Ms).toBeLessThanOrEqual(510);
    expect(s.p95Ms).toBeGreaterThanOrEqual(950);
    expect(s.p95Ms).toBeLessThanOrEqual(960);
    expect(s.p99Ms).toBeGreaterThanOrEqual(990);
    expect(s.p99Ms).toBeLessThanOrEqual(1000);
    expect(w.stats(200_000)).toBeNull();
  });
});

describe('PreferIbkrFlag (p95 > 2 s for 3 minutes)', () => {
  it('raises only after p95 stayed above the threshold for the whole hold time, clears when it recovers', () => {
    const f = new PreferIbkrFlag(2_000, 180_000);
    expect(f.update(0, 2_500).degraded).toBe(false);
    expect(f.update(100_000, 3_000).degraded).toBe(false);
    expect(f.update(179_999, 2_100).degraded).toBe(false);
    expect(f.update(180_000, 2_100)).toMatchObject({ degraded: true, slowSince: 0 });
    expect(f.update(190_000, null).degraded).toBe(true); // no calls: no evidence, state kept
    expect(f.update(200_000, 1_500)).toMatchObject({ degraded: false, slowSince: null });
  });

  it('restarts the hold time when p95 dips below the threshold in between', () => {
    const f = new PreferIbkrFlag(2_000, 180_000);
    f.update(0, 2_500);
    f.update(100_000, 2_000); // not above: resets
    f.update(110_000, 2_500);
    expect(f.update(250_000, 2_500).degraded).toBe(false);
    expect(f.update(290_000, 2_500).degraded).toBe(true);
  });
});
