import { describe, expect, it } from 'vitest';
import { backoffDelay } from './backoff';

describe('backoffDelay', () => {
  it('doubles from the base delay and stops at the cap', () => {
    const delays = Array.from({ length: 10 }, (_, i) =>
      backoffDelay(i + 1, { baseMs: 50, maxMs: 5000, jitter: 0 }),
    );
    expect(delays).toEqual([50, 100, 200, 400, 800, 1600, 3200, 5000, 5000, 5000]);
    expect(backoffDelay(10_000, { baseMs: 50, maxMs: 5000, jitter: 0 })).toBe(5000);
  });

  it('adds bounded jitter and never exceeds the cap', () => {
    expect(backoffDelay(3, { baseMs: 50, maxMs: 5000, jitter: 0.1, random: () => 0.999 })).toBe(220);
    expect(backoffDelay(3, { baseMs: 50, maxMs: 5000, jitter: 0.1, random: () => 0 })).toBe(200);
    expect(backoffDelay(20, { baseMs: 50, maxMs: 5000, jitter: 0.5, random: () => 1 })).toBe(5000);
  });
});
