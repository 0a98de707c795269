import { describe, expect, it } from 'vitest';
import { UnusualVolumeDetector } from './unusual-volume';

// 2026-01-05 is a Monday; 15:00 UTC = 10:00 New York (EST).
const TEN_AM = Date.UTC(2026, 0, 5, 15, 0, 0);
const settings = { windowSeconds: 15, ratio: 3, slotMinutes: 30, minSamples: 12, minVolume: 0 };

describe('UnusualVolumeDetector', () => {
  it('needs a baseline before judging, then flags a window far above it with its evidence', () => {
    const d = new UnusualVolumeDetector(settings);
    let ts = TEN_AM;
    for (let i = 0; i < 20; i++, ts += 5000) expect(d.onBar(ts, 1000)).toBeNull();
    expect(d.onBar(ts, 1000)).toBeNull();
    ts += 5000;
    expect(d.onBar(ts, 6000)).toBeNull(); // window 1000 + 1000 + 6000 = 8,000 < 3 × 3,000
    ts += 5000;
    const hit = d.onBar(ts, 8000);
    expect(hit).toMatchObject({ volume: 15_000, windowSeconds: 15, baseline: 'time_of_day', slot: '10:00' });
    expect(hit!.baselineVolume).toBeGreaterThan(3000);
    expect(hit!.ratio).toBeCloseTo(15_000 / hit!.baselineVolume, 9);
    expect(hit!.ratio).toBeGreaterThanOrEqual(3);
    expect(hit!.ts).toBe(ts + 5000);
  });

  it('uses the session baseline while the time-of-day slot is young', () => {
    const d = new UnusualVolumeDetector(settings);
    let ts = TEN_AM + 25 * 60_000; // 10:25, the 10:00 slot
    for (let i = 0; i < 20; i++, ts += 5000) d.onBar(ts, 1000);
    // Now 10:26:40 → 10:30 slot after a few bars: new slot with no samples.
    ts = TEN_AM + 30 * 60_000;
    d.onBar(ts, 5000);
    d.onBar(ts + 5000, 5000);
    const hit = d.onBar(ts + 10_000, 5000);
    expect(hit).toMatchObject({ baseline: 'session', slot: '10:30' });
  });

  it('respects minVolume', () => {
    const d = new UnusualVolumeDetector({ ...settings, minVolume: 1_000_000 });
    let ts = TEN_AM;
    for (let i = 0; i < 20; i++, ts += 5000) d.onBar(ts, 1000);
    for (let i = 0; i < 3; i++, ts += 5000) expect(d.onBar(ts, 100_000)).toBeNull();
  });
});
