// Hidden (iceberg) orders of one symbol: the recent prints and book level changes, in time order, run
// through the quant package's refill detector.
import { detectIcebergs, type IcebergEvent } from '@alphatrader/quant';
import type { HiddenOrders } from '@alphatrader/shared';

export interface HiddenTrackerOptions {
  minRefills: number;
  refillWindowMs: number;
  /** Events older than this (relative to the newest) are dropped. */
  windowMs: number;
  /** Hard bound on the events kept, whatever their age. */
  maxEvents: number;
}

export type Detection = HiddenOrders['detections'][number];

export class HiddenTracker {
  private events: IcebergEvent[] = [];
  private start = 0;

  constructor(private readonly opts: HiddenTrackerOptions) {}

  add(events: readonly IcebergEvent[]): void {
    for (const e of events) this.events.push(e);
    this.prune();
  }

  get size(): number {
    return this.events.length - this.start;
  }

  /** Newest event time, or null when empty. */
  get lastTs(): number | null {
    const last = this.events[this.events.length - 1];
    return last === undefined ? null : last.ts;
  }

  detect(): Detection[] {
    const window = this.start === 0 ? this.events : this.events.slice(this.start);
    return detectIcebergs(window, {
      minRefills: this.opts.minRefills,
      refillWindowMs: this.opts.refillWindowMs,
    }).map((i) => ({
      side: i.side,
      price: i.price,
      refills: i.refills,
      hiddenSize: i.hiddenVolume,
      firstSeen: Math.max(0, Math.round(i.firstTs)),
      lastSeen: Math.max(0, Math.round(i.lastTs)),
    }));
  }

  private prune(): void {
    const newest = this.events[this.events.length - 1]?.ts;
    if (newest === undefined) return;
    const cutoff = newest - this.opts.windowMs;
    while (this.start < this.events.length && this.events[this.start]!.ts < cutoff) this.start++;
    const excess = this.events.length - this.start - this.opts.maxEvents;
    if (excess > 0) this.start += excess;
    // Compact once the dropped prefix dominates, so pruning stays amortised O(1).
    if (this.start > 1024 && this.start * 2 > this.events.length) {
      this.events = this.events.slice(this.start);
      this.start = 0;
    }
  }
}
