// Incremental hidden (iceberg) order detection for a live feed: the state machine of detectIcebergs applied
// one event at a time, so each print or level update costs O(1) instead of re-scanning a window. Levels
// with no activity for `expireMs` are forgotten (a level that comes back starts afresh).
import type { Iceberg, IcebergEvent, IcebergOptions } from './icebergs';
import { requirePositive } from './errors';
import { icebergOf, icebergRule, IcebergLevels, type LevelState } from './iceberg-levels';

export interface IcebergTrackerOptions extends IcebergOptions {
  /** A level with no print or update for this long is dropped (ms). */
  expireMs: number;
}

/**
 * Feeds events in time order and reports the levels with at least `minRefills` refills. For events that all
 * lie within `expireMs` of each other, detections() equals detectIcebergs over the same events.
 */
export class IcebergTracker {
  private readonly minRefills: number;
  private readonly expireMs: number;
  private readonly state: IcebergLevels;
  /** Levels currently at or above minRefills. */
  private readonly hits = new Set<LevelState>();
  private newestTs = -Infinity;
  private lastSweepTs = -Infinity;

  constructor(opts: IcebergTrackerOptions) {
    const rule = icebergRule(opts);
    this.minRefills = rule.minRefills;
    this.state = new IcebergLevels(rule);
    this.expireMs = requirePositive('expireMs', opts.expireMs);
  }

  /**
   * Adds one event (see detectIcebergs for the refill rule).
   * @throws QuantInputError on a non-finite field, a negative size or an unknown kind or side.
   */
  push(ev: IcebergEvent): void {
    const ticks = this.state.ticksOf(ev, 'event');
    if (ev.ts > this.newestTs) this.newestTs = ev.ts;
    const st = this.state.apply(ev, ticks, 'event');
    if (st !== null && st.refills >= this.minRefills) this.hits.add(st);
    // Forget idle levels about once per expiry period (amortised O(1) per event).
    if (this.newestTs - this.lastSweepTs >= this.expireMs) this.expire();
  }

  /** Levels with at least minRefills refills that were active within expireMs of the newest event, by first print. */
  detections(): Iceberg[] {
    const cutoff = this.newestTs - this.expireMs;
    const out: Iceberg[] = [];
    for (const st of this.hits) if (st.activeTs >= cutoff) out.push(icebergOf(st));
    return out.sort((a, b) => a.firstTs - b.firstTs);
  }

  /** Price levels currently tracked (both sides). */
  get levels(): number {
    return this.state.books.bid.size + this.state.books.ask.size;
  }

  private expire(): void {
    this.lastSweepTs = this.newestTs;
    const cutoff = this.newestTs - this.expireMs;
    for (const side of ['bid', 'ask'] as const) {
      const book = this.state.books[side];
      for (const [ticks, st] of book) {
        if (st.activeTs >= cutoff) continue;
        book.delete(ticks);
        this.hits.delete(st);
      }
    }
  }
}
