// A periodic task that never overlaps itself, logs its failures instead of crashing, and can be stopped
// with its in-flight run awaited — the shape of almost every service loop.
import type { Logger } from 'pino';

export interface Loop {
  /** Stops scheduling; resolves once a run in progress has finished. */
  stop(): Promise<void>;
  readonly running: boolean;
}

export interface LoopOptions {
  name: string;
  logger?: Logger;
  /** Run once immediately instead of after the first interval. */
  immediate?: boolean;
  /** Stops the loop when aborted. */
  signal?: AbortSignal;
}

export function every(intervalMs: number, fn: () => unknown, opts: LoopOptions): Loop {
  let stopped = false;
  let inFlight: Promise<void> | null = null;
  let timer: NodeJS.Timeout | undefined;

  const tick = () => {
    if (stopped || inFlight !== null) return; // still busy: skip this beat rather than pile up
    inFlight = (async () => {
      try {
        await fn();
      } catch (err) {
        opts.logger?.error({ err, loop: opts.name }, 'loop run failed');
      }
    })().finally(() => {
      inFlight = null;
    });
  };

  timer = setInterval(tick, intervalMs);
  if (opts.immediate === true) tick();

  const loop: Loop = {
    async stop() {
      stopped = true;
      if (timer !== undefined) clearInterval(timer);
      timer = undefined;
      if (inFlight !== null) await inFlight;
    },
    get running() {
      return !stopped;
    },
  };
  opts.signal?.addEventListener('abort', () => void loop.stop(), { once: true });
  return loop;
}
