// Data-quality gates applied before anything reaches a market key: every rejection carries a reason
// that is counted (monitoring:ibkr:metrics) and logged, and the last good value stays in place.

/** Why a message or a state was kept out of Redis. Field names of the invalid counters. */
export const REJECT_REASONS = [
  'non_finite',
  'non_positive_price',
  'non_positive_size',
  'negative_volume',
  'price_band',
  'out_of_order',
  'future_time',
  'duplicate_bar',
  'bad_bar',
  'crossed_book',
  'locked_book',
  'misordered_book',
  'crossed_quote',
  'locked_quote',
  'bad_depth_position',
  'bad_depth_operation',
  'bad_rtvolume',
  'bad_option_tick',
  'malformed_message',
  'unknown_request',
  /** A value the registry schema refused at write time (a gap in the checks above; logged). */
  'schema',
] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

export const isPositive = (x: number): boolean => x > 0 && Number.isFinite(x);

export type BandVerdict = 'ok' | 'reanchored' | 'rejected';

/**
 * Rejects prices further than `band` (a fraction) from the last accepted price of the symbol. A real gap
 * (a halt reopening, news) would otherwise lock the symbol out forever, so `reanchorCount` out-of-band
 * prices in a row that agree with each other within the band move the reference to them.
 */
export class PriceBand {
  private ref: number | null = null;
  private candidate: number | null = null;
  private candidateCount = 0;

  constructor(
    private readonly band: number,
    private readonly reanchorCount: number,
  ) {}

  get reference(): number | null {
    return this.ref;
  }

  check(price: number): BandVerdict {
    if (this.ref === null || Math.abs(price / this.ref - 1) <= this.band) {
      this.ref = price;
      this.candidate = null;
      this.candidateCount = 0;
      return 'ok';
    }
    if (this.candidate !== null && Math.abs(price / this.candidate - 1) <= this.band) this.candidateCount++;
    else this.candidateCount = 1;
    this.candidate = price;
    if (this.candidateCount >= this.reanchorCount) {
      this.ref = price;
      this.candidate = null;
      this.candidateCount = 0;
      return 'reanchored';
    }
    return 'rejected';
  }

  reset(): void {
    this.ref = null;
    this.candidate = null;
    this.candidateCount = 0;
  }
}

/**
 * Source timestamps of one stream must not go backwards (equal is fine: second-resolution feeds), nor lie
 * far in the future (one bad stamp would otherwise make every later message look out of order). A time
 * is committed only once the message passed every other check.
 */
export class MonotonicClock {
  private last = -Infinity;

  constructor(private readonly futureToleranceMs = 60_000) {}

  get lastTs(): number {
    return this.last;
  }

  /** Why `ts` is unacceptable given market time `now`, or null. */
  verdict(ts: number, now: number): 'out_of_order' | 'future_time' | null {
    if (ts < this.last) return 'out_of_order';
    if (ts > now + this.futureToleranceMs) return 'future_time';
    return null;
  }

  commit(ts: number): void {
    if (ts > this.last) this.last = ts;
  }

  reset(): void {
    this.last = -Infinity;
  }
}

/** Top-of-book sanity: null when fine, else why the state may not be published. */
export function crossedOrLocked(
  bestBid: number | undefined,
  bestAsk: number | undefined,
  kind: 'book' | 'quote',
): RejectReason | null {
  if (bestBid === undefined || bestAsk === undefined) return null;
  if (bestBid > bestAsk) return kind === 'book' ? 'crossed_book' : 'crossed_quote';
  if (bestBid === bestAsk) return kind === 'book' ? 'locked_book' : 'locked_quote';
  return null;
}
