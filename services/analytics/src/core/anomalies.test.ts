import { describe, expect, it } from 'vitest';
import { AlertCooldown, GexShiftDetector } from './anomalies';

describe('GexShiftDetector', () => {
  const d = () => new GexShiftDetector({ threshold: 0.2, windowMs: 300_000 });

  it('fires when |GEX| moves more than 20 % against a value within 5 minutes, once', () => {
    const g = d();
    expect(g.observe(0, 1e9)).toBeNull();
    expect(g.observe(60_000, 1.15e9)).toBeNull();
    const shift = g.observe(120_000, 1.25e9);
    expect(shift).not.toBeNull();
    expect(shift!.change).toBeCloseTo(0.25, 12);
    expect(shift!.from).toBe(1e9);
    expect(g.observe(130_000, 1.26e9)).toBeNull();
  });

  it('compares magnitudes (a sign flip of the same size is no shift) and forgets values older than the window', () => {
    const g = d();
    g.observe(0, 1e9);
    expect(g.observe(1_000, -1e9)).toBeNull();
    expect(g.observe(400_000, 2e9)).toBeNull();
    expect(g.observe(401_000, 1e9)!.change).toBeCloseTo(0.5, 12);
  });
});

describe('AlertCooldown', () => {
  it('lets the same symbol and kind through once per cooldown, others independently', () => {
    const c = new AlertCooldown(1_000);
    expect(c.allow('SPY', 'stale_book', 0)).toBe(true);
    expect(c.allow('SPY', 'stale_book', 500)).toBe(false);
    expect(c.allow('QQQ', 'stale_book', 500)).toBe(true);
    expect(c.allow('SPY', 'anomaly:gex', 500)).toBe(true);
    expect(c.allow('SPY', 'stale_book', 1_000)).toBe(true);
  });
});
