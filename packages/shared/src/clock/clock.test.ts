import { describe, expect, it } from 'vitest';
import { createSimulatedClock, systemClock } from './clock';
import type { SimClockState } from '../registry/index';

describe('clocks', () => {
  it('systemClock is the wall clock', () => {
    const before = Date.now();
    const now = systemClock.now();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });

  it('a simulated clock extrapolates simTime at the simulator speed', () => {
    let wall = 1_000_000;
    let state: SimClockState | null = null;
    const clock = createSimulatedClock(
      () => state,
      () => wall,
    );
    expect(clock.synced).toBe(false);
    expect(clock.now()).toBe(wall); // no state yet: wall time

    state = { simTime: 5_000_000, wallTime: 1_000_000, speed: 10, scenario: 'normal', seed: 7 };
    expect(clock.synced).toBe(true);
    expect(clock.now()).toBe(5_000_000);
    wall += 1500;
    expect(clock.now()).toBe(5_015_000);

    state = { ...state, simTime: 9_000_000, wallTime: wall, speed: 1 };
    wall += 200;
    expect(clock.now()).toBe(9_000_200);
    expect(clock.state()).toEqual(state);
  });
});
