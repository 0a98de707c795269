import { describe, expect, it } from 'vitest';
import { QuantInputError } from './errors';
import { isStopHit, toCents, trailingStop } from './trailing-stop';

describe('trailingStop', () => {
  it('starts at HWM·(1 − 15 %) in whole cents (half up)', () => {
    // 2.50 · 0.85 = 2.125 → 213 cents
    expect(trailingStop({ entry: 2.5, highWaterMark: 2.5 })).toMatchObject({
      stopCents: 213,
      stop: 2.13,
      source: 'trail',
      tier: null,
      breakeven: false,
      moved: true,
    });
  });

  it('moves to breakeven once the peak gain reaches the trigger (default = trail)', () => {
    // g = 16 %: trail 2.90·0.85 = 2.465 → 247 < entry 250
    expect(trailingStop({ entry: 2.5, highWaterMark: 2.9 })).toMatchObject({
      stopCents: 250,
      source: 'breakeven',
      breakeven: true,
    });
    // g = 14 %: not yet
    expect(trailingStop({ entry: 2.5, highWaterMark: 2.85 })).toMatchObject({
      stopCents: 242,
      breakeven: false,
    });
    // A custom trigger
    expect(trailingStop({ entry: 2.5, highWaterMark: 2.6, breakevenTrigger: 0.04 })).toMatchObject({
      stopCents: 250,
      source: 'breakeven',
    });
  });

  it('locks +50 % at +100 %, +100 % at +200 %, +200 % at +300 %', () => {
    // g = 100 %, trail 50 %: trail 2.50 < tier 3.75
    expect(trailingStop({ entry: 2.5, highWaterMark: 5, trail: 0.5 })).toMatchObject({
      stopCents: 375,
      source: 'tier',
      tier: 1.5,
    });
    // g = 100 %, default trail: 4.25 beats the 3.75 floor
    expect(trailingStop({ entry: 2.5, highWaterMark: 5 })).toMatchObject({
      stopCents: 425,
      source: 'trail',
      tier: 1.5,
    });
    expect(trailingStop({ entry: 2.5, highWaterMark: 7.5, trail: 0.6 })).toMatchObject({
      stopCents: 500,
      tier: 2,
    });
    expect(trailingStop({ entry: 2.5, highWaterMark: 10, trail: 0.8 })).toMatchObject({
      stopCents: 750,
      tier: 3,
    });
    // Just below +100 %: no tier yet.
    expect(trailingStop({ entry: 2.5, highWaterMark: 4.99, trail: 0.5 }).tier).toBeNull();
  });

  it('only ratchets up', () => {
    const r = trailingStop({ entry: 2.5, highWaterMark: 4.2, previousStop: 4.0 });
    expect(r).toMatchObject({ stopCents: 400, source: 'previous', moved: false });
    let stop: number | null = null;
    let hwm = 2.5;
    for (const mark of [2.6, 3.1, 2.8, 5.2, 4.1, 7.9, 6.0, 10.5, 9.0]) {
      hwm = Math.max(hwm, mark);
      const next = trailingStop({ entry: 2.5, highWaterMark: hwm, previousStop: stop });
      if (stop !== null) expect(next.stop).toBeGreaterThanOrEqual(stop);
      expect(next.stopCents).toBeLessThanOrEqual(toCents('hwm', hwm));
      stop = next.stop;
    }
  });

  it('a position that has been green never stops out at a loss', () => {
    for (const hwm of [2.88, 3, 3.5, 4.99, 5, 6, 12]) {
      expect(trailingStop({ entry: 2.5, highWaterMark: hwm }).stopCents).toBeGreaterThanOrEqual(250);
    }
  });

  it('tiers are configuration', () => {
    const r = trailingStop({
      entry: 1,
      highWaterMark: 1.6,
      trail: 0.5,
      tiers: [{ gain: 0.5, lockMultiple: 1.25 }],
    });
    expect(r).toMatchObject({ stopCents: 125, source: 'tier', tier: 1.25 });
  });

  it('works in cents, immune to float noise', () => {
    expect(toCents('x', 0.1 + 0.2)).toBe(30);
    expect(toCents('x', 1.005)).toBe(101);
    expect(toCents('x', 2.675)).toBe(268);
    expect(trailingStop({ entry: 0.1 + 0.2, highWaterMark: 0.3 }).stopCents).toBe(26); // 25.5 → 26
  });

  it('rejects invalid input', () => {
    expect(() => trailingStop({ entry: 0, highWaterMark: 1 })).toThrow(QuantInputError);
    expect(() => trailingStop({ entry: 1, highWaterMark: Number.NaN })).toThrow(QuantInputError);
    expect(() => trailingStop({ entry: 1, highWaterMark: 1, trail: 1 })).toThrow(QuantInputError);
    expect(() => trailingStop({ entry: 1, highWaterMark: 1, trail: -0.1 })).toThrow(QuantInputError);
    expect(() => trailingStop({ entry: 1, highWaterMark: 1, previousStop: -1 })).toThrow(QuantInputError);
    expect(() => trailingStop({ entry: 0.001, highWaterMark: 1 })).toThrow(QuantInputError);
  });
});

describe('isStopHit', () => {
  it('fires when the mark is at or below the stop, compared in cents', () => {
    expect(isStopHit(2.13, 213)).toBe(true);
    expect(isStopHit(2.12, 213)).toBe(true);
    expect(isStopHit(2.14, 213)).toBe(false);
    expect(isStopHit(0.1 + 0.2, 30)).toBe(true);
    expect(() => isStopHit(Number.NaN, 213)).toThrow(QuantInputError);
  });
});
