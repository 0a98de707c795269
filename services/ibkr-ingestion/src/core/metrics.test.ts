import { describe, expect, it } from 'vitest';
import { LatencyHistogram } from './histogram';
import { FeedMetrics } from './metrics';

describe('LatencyHistogram', () => {
  it('gives percentiles within the bucket width', () => {
    const h = new LatencyHistogram();
    for (let i = 1; i <= 1000; i++) h.record(i / 10); // 0.1 … 100 ms
    expect(h.count).toBe(1000);
    expect(h.quantile(0.5)).toBeGreaterThanOrEqual(50);
    expect(h.quantile(0.5)).toBeLessThan(50 * 1.06);
    expect(h.quantile(0.99)).toBeGreaterThanOrEqual(99);
    expect(h.quantile(0.99)).toBeLessThanOrEqual(100);
    expect(h.max).toBe(100);
    h.reset();
    expect(h.quantile(0.99)).toBe(0);
  });

  it('ignores nonsense samples', () => {
    const h = new LatencyHistogram();
    h.record(Number.NaN);
    h.record(-1);
    expect(h.count).toBe(0);
  });
});

describe('FeedMetrics', () => {
  it('publishes rates over the interval, totals since start, and per-reason counters', () => {
    const m = new FeedMetrics(0);
    m.messages = 5000;
    m.reject('crossed_book');
    m.reject('crossed_book');
    m.reject('price_band');
    m.drop('trades', 7);
    m.lag(100);
    m.lag(300);
    m.flushed(12);
    // 99 updates arrived at t=10 and one at t=7; Redis acknowledged them all at t=11.
    m.delivered(11, { times: [7, 10], counts: [1, 99] });
    const s = m.snapshot(2000, 1_767_000_000_000);
    expect(s).toMatchObject({
      messagesPerSecond: 2500,
      messages: 5000,
      lagMs: 200,
      lagMaxMs: 300,
      invalid: 3,
      invalid_crossed_book: 2,
      invalid_price_band: 1,
      dropped: 7,
      dropped_trades: 7,
      flushes: 1,
      commands: 12,
      ts: 1_767_000_000_000,
    });
    expect(s.latencyP50Ms).toBeCloseTo(1, 1);
    expect(s.latencyP99Ms).toBeLessThan(1.1);
    expect(s.latencyMaxMs).toBe(4);
    expect(s.latencyOldestP99Ms).toBe(4);
    m.messages = 6000;
    const next = m.snapshot(3000, 1);
    expect(next.messagesPerSecond).toBe(1000);
    expect(next.lagMs).toBe(0);
    expect(next.latencyP99Ms).toBe(0);
    expect(next.invalid).toBe(3);
  });
});
