// Reconnect delays: capped exponential backoff with a little jitter, so a fleet that lost Redis does not
// reconnect in lockstep when it comes back.

export interface BackoffOptions {
  baseMs: number;
  maxMs: number;
  /** Fraction of the delay added at random (0 = none); the result never exceeds maxMs. */
  jitter?: number;
  random?: () => number;
}

/** Delay before reconnect attempt `attempt` (1-based): baseMs, 2×, 4× … capped at maxMs. */
export function backoffDelay(attempt: number, opts: BackoffOptions): number {
  const n = Math.max(1, Math.floor(attempt));
  const exp = Math.min(opts.maxMs, opts.baseMs * 2 ** Math.min(n - 1, 30));
  const jitter = (opts.jitter ?? 0.1) * exp * (opts.random ?? Math.random)();
  return Math.round(Math.min(opts.maxMs, exp + jitter));
}
