import { describe, expect, it } from 'vitest';
import { Backoff } from './backoff';

describe('Backoff', () => {
  it('doubles up to the cap with jitter between half and all of the step', () => {
    const lo = new Backoff(1000, 8000, () => 0);
    expect([1, 2, 3, 4, 5, 6].map(() => lo.next())).toEqual([500, 1000, 2000, 4000, 4000, 4000]);
    const hi = new Backoff(1000, 8000, () => 1);
    expect([1, 2, 3, 4, 5].map(() => hi.next())).toEqual([1000, 2000, 4000, 8000, 8000]);
  });

  it('spreads clients that fail together', () => {
    let seed = 1;
    const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const delays = Array.from({ length: 50 }, () => {
      const b = new Backoff(1000, 30_000, rnd);
      b.next();
      b.next();
      return b.next();
    });
    expect(new Set(delays).size).toBeGreaterThan(40);
    for (const d of delays) {
      expect(d).toBeGreaterThanOrEqual(2000);
      expect(d).toBeLessThanOrEqual(4000);
    }
  });

  it('starts over after reset', () => {
    const b = new Backoff(100, 1000, () => 1);
    b.next();
    b.next();
    expect(b.attempts).toBe(2);
    b.reset();
    expect(b.next()).toBe(100);
  });

  it('refuses nonsense bounds', () => {
    expect(() => new Backoff(0, 10)).toThrow();
    expect(() => new Backoff(10, 5)).toThrow();
  });
});
