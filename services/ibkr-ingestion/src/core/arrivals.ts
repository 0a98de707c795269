// Arrival times of the updates waiting for the next flush, run-length encoded: the updates decoded from
// one socket slice share its arrival time, so a burst of hundreds costs one counter increment each. When
// Redis acknowledges the flush, every update contributes its own tick→Redis latency (not just the oldest
// of the flush), which is what a reader of a key experiences.

/** Arrival times (monotonic ms) and how many updates arrived at each, oldest first. */
export interface Arrivals {
  readonly times: number[];
  readonly counts: number[];
}

/** Distinct arrival times kept between two flushes; beyond it updates join the newest entry (bounded memory). */
const MAX_ENTRIES = 4096;

export class PendingArrivals {
  private times: number[] = [];
  private counts: number[] = [];

  note(at: number): void {
    const n = this.times.length;
    if (n > 0 && (this.times[n - 1] === at || n >= MAX_ENTRIES)) this.counts[n - 1]!++;
    else {
      this.times.push(at);
      this.counts.push(1);
    }
  }

  get empty(): boolean {
    return this.times.length === 0;
  }

  /** Moves the pending arrivals out; null when there are none. */
  take(): Arrivals | null {
    if (this.times.length === 0) return null;
    const out = { times: this.times, counts: this.counts };
    this.times = [];
    this.counts = [];
    return out;
  }

  clear(): void {
    this.times = [];
    this.counts = [];
  }
}
