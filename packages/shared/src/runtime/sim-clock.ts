// Keeps the simulator's clock state (sim:clock) fresh for a simulated Clock.
import type { Logger } from 'pino';
import { createSimulatedClock, type SimulatedClock } from '../clock/index';
import { simClock, type SimClockState } from '../registry/index';
import type { Store } from '../store/index';

export interface SimClockFollower {
  readonly clock: SimulatedClock;
  refresh(): Promise<void>;
}

export function followSimClock(store: Store, logger: Logger): SimClockFollower {
  let state: SimClockState | null = null;
  let warned = false;
  const ref = simClock.at();
  return {
    clock: createSimulatedClock(() => state),
    async refresh() {
      const read = await store.get(ref);
      if (read.ok) {
        const first = state === null;
        const changed =
          state !== null && (state.scenario !== read.value.scenario || state.speed !== read.value.speed);
        state = read.value;
        if (first || changed) logger.info({ simClock: state }, 'following the simulated clock');
      } else if (state === null && !warned) {
        warned = true;
        logger.warn({ reason: read.error.reason }, 'simulated clock not published yet: using wall time');
      }
    },
  };
}
