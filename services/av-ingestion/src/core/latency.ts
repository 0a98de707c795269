// Alpha Vantage latency: percentiles over a rolling window of call durations, and the seed's rule
// "if p95 > 2 s for 3 minutes, promote IBKR quotes": a flag raised once the rolling p95 has stayed
// above the threshold for the whole hold time, cleared as soon as it drops back.
import { quantileSorted } from 'simple-statistics';

export interface LatencyStats {
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  samples: number;
  windowSeconds: number;
}

export class LatencyWindow {
  private samples: { at: number; ms: number }[] = [];

  constructor(readonly windowMs = 60_000) {}

  /** One call's duration (a timed-out call counts with the time it took). */
  record(at: number, ms: number): void {
    this.samples.push({ at, ms });
  }

  private prune(now: number): void {
    const cutoff = now - this.windowMs;
    let drop = 0;
    while (drop < this.samples.length && (this.samples[drop] as { at: number }).at <= cutoff) drop++;
    if (drop > 0) this.samples.splice(0, drop);
  }

  /** Percentiles of the calls in the window ending at `now`; null when there were none. */
  stats(now: number): LatencyStats | null {
    this.prune(now);
    if (this.samples.length === 0) return null;
    const sorted = this.samples.map((s) => s.ms).sort((a, b) => a - b);
    return {
      p50Ms: quantileSorted(sorted, 0.5),
      p95Ms: quantileSorted(sorted, 0.95),
      p99Ms: quantileSorted(sorted, 0.99),
      samples: sorted.length,
      windowSeconds: this.windowMs / 1000,
    };
  }
}

export interface PreferIbkrState {
  /** True while downstream should prefer IBKR quotes. */
  degraded: boolean;
  /** Since when p95 has been above the threshold (null while it is not). */
  slowSince: number | null;
  p95Ms: number | null;
}

export class PreferIbkrFlag {
  private slowSince: number | null = null;

  constructor(
    readonly thresholdMs: number,
    readonly holdMs: number,
  ) {}

  /**
   * Feeds the current rolling p95 (null: no calls in the window, which is no evidence either way, so the
   * state is kept).
   */
  update(now: number, p95Ms: number | null): PreferIbkrState {
    if (p95Ms !== null) {
      if (p95Ms > this.thresholdMs) this.slowSince ??= now;
      else this.slowSince = null;
    }
    const degraded = this.slowSince !== null && now - this.slowSince >= this.holdMs;
    return { degraded, slowSince: this.slowSince, p95Ms };
  }
}
