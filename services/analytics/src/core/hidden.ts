// Hidden (iceberg) orders of one symbol: prints and book level changes fed, in arrival order, to the quant
// package's incremental refill tracker (O(1) per event); levels idle for the window are forgotten.
import { IcebergTracker, type IcebergEvent } from '@alphatrader/quant';
import type { HiddenOrders } from '@alphatrader/shared';

export interface HiddenTrackerOptions {
  minRefills: number;
  refillWindowMs: number;
  /** A level with no print or update for this long is forgotten. */
  windowMs: number;
}

export type Detection = HiddenOrders['detections'][number];

export class HiddenTracker {
  private readonly tracker: IcebergTracker;
  private events = 0;

  constructor(opts: HiddenTrackerOptions) {
    this.tracker = new IcebergTracker({
      minRefills: opts.minRefills,
      refillWindowMs: opts.refillWindowMs,
      expireMs: opts.windowMs,
    });
  }

  add(events: readonly IcebergEvent[]): void {
    for (const e of events) this.tracker.push(e);
    this.events += events.length;
  }

  /** Events seen so far (the evidence behind the detections). */
  get size(): number {
    return this.events;
  }

  detect(): Detection[] {
    return this.tracker.detections().map((i) => ({
      side: i.side,
      price: i.price,
      refills: i.refills,
      hiddenSize: i.hiddenVolume,
      firstSeen: Math.max(0, Math.round(i.firstTs)),
      lastSeen: Math.max(0, Math.round(i.lastTs)),
    }));
  }
}
