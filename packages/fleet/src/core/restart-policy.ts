// Restart policy of the supervisor, like compose's `restart: unless-stopped` with backoff: a process
// that crashes is restarted after a delay that doubles with each crash in quick succession and resets
// once the process has stayed up for `stableAfterMs`.

export interface RestartPolicy {
  baseDelayMs: number;
  maxDelayMs: number;
  /** A run at least this long counts as healthy and resets the backoff. */
  stableAfterMs: number;
}

export const DEFAULT_RESTART_POLICY: RestartPolicy = {
  baseDelayMs: 500,
  maxDelayMs: 30_000,
  stableAfterMs: 60_000,
};

export interface RestartState {
  /** Crashes since the last stable run. */
  consecutiveCrashes: number;
  /** All restarts since the supervisor started. */
  totalRestarts: number;
}

export function initialRestartState(): RestartState {
  return { consecutiveCrashes: 0, totalRestarts: 0 };
}

/** State after a crash of a run that lasted `runMs`, and how long to wait before restarting. */
export function onCrash(
  state: RestartState,
  runMs: number,
  policy: RestartPolicy = DEFAULT_RESTART_POLICY,
): { state: RestartState; delayMs: number } {
  const consecutive = runMs >= policy.stableAfterMs ? 1 : state.consecutiveCrashes + 1;
  const delayMs = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (consecutive - 1));
  return { state: { consecutiveCrashes: consecutive, totalRestarts: state.totalRestarts + 1 }, delayMs };
}
