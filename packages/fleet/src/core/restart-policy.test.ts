import { describe, expect, it } from 'vitest';
import { initialRestartState, onCrash } from './restart-policy';

const policy = { baseDelayMs: 100, maxDelayMs: 1000, stableAfterMs: 5000 };

describe('restart policy', () => {
  it('doubles the delay for crashes in quick succession, capped', () => {
    let s = initialRestartState();
    const delays: number[] = [];
    for (let i = 0; i < 6; i++) {
      const r = onCrash(s, 10, policy);
      s = r.state;
      delays.push(r.delayMs);
    }
    expect(delays).toEqual([100, 200, 400, 800, 1000, 1000]);
    expect(s.totalRestarts).toBe(6);
  });
  it('resets the backoff after a stable run but keeps counting restarts', () => {
    let s = initialRestartState();
    s = onCrash(s, 10, policy).state;
    s = onCrash(s, 10, policy).state;
    const r = onCrash(s, 6000, policy);
    expect(r.delayMs).toBe(100);
    expect(r.state.totalRestarts).toBe(3);
  });
});
