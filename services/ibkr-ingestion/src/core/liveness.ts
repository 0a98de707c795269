// Our own liveness check, because the client library only notices a closed socket: a reqCurrentTime
// probe every interval must be answered within the timeout, and during market hours a session that
// expects data must not stay silent longer than silentMs. Times are monotonic wall milliseconds.

export type LivenessVerdict = 'ok' | 'probe' | 'probe_timeout' | 'silent_socket';

export interface LivenessOptions {
  probeIntervalMs: number;
  timeoutMs: number;
  silentMs: number;
}

export class LivenessMonitor {
  private lastDataAt = 0;
  private lastProbeAt = 0;
  private outstandingSince: number | null = null;

  constructor(private readonly opts: LivenessOptions) {}

  /** A new session: the clocks start now. */
  sessionStarted(now: number): void {
    this.lastDataAt = now;
    this.lastProbeAt = now;
    this.outstandingSince = null;
  }

  onData(now: number): void {
    this.lastDataAt = now;
  }

  onProbeAnswer(): void {
    this.outstandingSince = null;
  }

  silentFor(now: number): number {
    return now - this.lastDataAt;
  }

  /**
   * Called periodically while a session is up. `expectData`: subscriptions exist and TWS has not said IB
   * is unreachable (1100); `marketOpen` by the market clock. `sendDelayMs`: how long a request issued now
   * waits in our own outgoing rate limiter (a resubscription queues many), which must not count against
   * the gateway's answer.
   */
  check(now: number, marketOpen: boolean, expectData: boolean, sendDelayMs = 0): LivenessVerdict {
    if (this.outstandingSince !== null && now - this.outstandingSince > this.opts.timeoutMs)
      return 'probe_timeout';
    if (expectData && marketOpen && now - this.lastDataAt > this.opts.silentMs) return 'silent_socket';
    if (this.outstandingSince === null && now - this.lastProbeAt >= this.opts.probeIntervalMs) {
      this.outstandingSince = now + Math.max(0, sendDelayMs);
      this.lastProbeAt = now;
      return 'probe';
    }
    return 'ok';
  }
}
