// A log-bucketed latency histogram: constant memory, O(1) record, percentiles within the bucket
// growth factor (5 %). Covers 10 µs to about 10 minutes; values outside land in the end buckets.

const MIN_MS = 0.01;
const GROWTH = 1.05;
const LOG_GROWTH = Math.log(GROWTH);
const BUCKETS = 380;

export class LatencyHistogram {
  private readonly counts = new Float64Array(BUCKETS);
  private total = 0;
  private maxSeen = 0;

  /** Records `ms` as `n` samples (n updates that waited the same time). */
  record(ms: number, n = 1): void {
    if (!(ms >= 0) || !(n > 0)) return;
    const i = ms <= MIN_MS ? 0 : Math.min(BUCKETS - 1, 1 + Math.floor(Math.log(ms / MIN_MS) / LOG_GROWTH));
    this.counts[i]! += n;
    this.total += n;
    if (ms > this.maxSeen) this.maxSeen = ms;
  }

  get count(): number {
    return this.total;
  }

  get max(): number {
    return this.maxSeen;
  }

  /** The q-quantile (0..1) as the upper edge of its bucket, capped at the largest value seen; 0 when empty. */
  quantile(q: number): number {
    if (this.total === 0) return 0;
    const rank = Math.max(1, Math.ceil(q * this.total));
    let seen = 0;
    for (let i = 0; i < BUCKETS; i++) {
      seen += this.counts[i]!;
      if (seen >= rank) return Math.min(this.maxSeen, i === 0 ? MIN_MS : MIN_MS * GROWTH ** i);
    }
    return this.maxSeen;
  }

  reset(): void {
    this.counts.fill(0);
    this.total = 0;
    this.maxSeen = 0;
  }
}
