// Follows the system:halt flag. A flag that is present but unreadable counts as a halt (an operator
// meant to stop trading); while Redis is unreachable the last known state stands.
import type { Logger } from 'pino';
import { systemHalt, type HaltFlag } from '../registry/index';
import type { Store } from '../store/index';

export interface HaltState {
  /** True while system:halt is set: send no new order. */
  isHalted(): boolean;
  /** The flag as set (who, why, when), or null. */
  current(): HaltFlag | null;
  /** Called on every change; returns an unsubscribe function. */
  subscribe(listener: (flag: HaltFlag | null) => void): () => void;
}

export interface HaltWatcher extends HaltState {
  /** Reads the flag once; the runtime calls it on a timer. */
  refresh(): Promise<void>;
}

export function createHaltWatcher(store: Store, logger: Logger, now: () => number = Date.now): HaltWatcher {
  let flag: HaltFlag | null = null;
  const listeners = new Set<(flag: HaltFlag | null) => void>();
  const ref = systemHalt.at();

  const update = (next: HaltFlag | null) => {
    if (JSON.stringify(next) === JSON.stringify(flag)) return;
    const was = flag;
    flag = next;
    if (next !== null) logger.warn({ halt: next }, 'trading halted: no new orders');
    else if (was !== null) logger.info({ previous: was }, 'halt cleared');
    for (const l of listeners) {
      try {
        l(next);
      } catch (err) {
        logger.error({ err }, 'halt listener failed');
      }
    }
  };

  return {
    isHalted: () => flag !== null,
    current: () => flag,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async refresh() {
      const read = await store.get(ref);
      if (read.ok) update(read.value);
      else if (read.error.kind === 'missing') update(null);
      else if (read.error.kind === 'invalid') {
        // Keep the first time we saw it, so repeated reads do not look like new halts.
        const ts = flag?.by === 'runtime' ? flag.ts : now();
        update({ halted: true, reason: `unreadable halt flag: ${read.error.reason}`, by: 'runtime', ts });
      }
      // 'unavailable': Redis is down; keep the last known state.
    },
  };
}
