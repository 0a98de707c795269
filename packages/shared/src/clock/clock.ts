// Where "now" comes from. Services never call Date.now() for market time: they ask a Clock, which is the
// wall clock in production and follows the market simulator's clock (the sim:clock key) in the demo.
import type { SimClockState } from '../registry/index';

export interface Clock {
  /** Current market time, epoch ms. */
  now(): number;
}

export const systemClock: Clock = Object.freeze({ now: () => Date.now() });

export interface SimulatedClock extends Clock {
  /** Whether a simulator state has been received (before that, now() is wall time). */
  readonly synced: boolean;
  /** The state now() extrapolates from, if any. */
  state(): SimClockState | null;
}

/**
 * A clock that follows the simulator: now = simTime + (wall − wallTime) × speed, from the latest state
 * `readState` returns (the runtime refreshes it from Redis). Without a state it falls back to wall time.
 */
export function createSimulatedClock(
  readState: () => SimClockState | null | undefined,
  wallNow: () => number = Date.now,
): SimulatedClock {
  return {
    now() {
      const s = readState();
      if (s === null || s === undefined) return wallNow();
      return Math.round(s.simTime + (wallNow() - s.wallTime) * s.speed);
    },
    get synced() {
      const s = readState();
      return s !== null && s !== undefined;
    },
    state: () => readState() ?? null,
  };
}
