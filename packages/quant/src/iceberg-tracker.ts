// Incremental hidden (iceberg) order detection for a live feed: the state machine of detectIcebergs applied
// one event at a time, so each print or level update costs O(1) instead of re-scanning a window. Levels
// with no activity for `expireMs` are forgotten (a level that comes back starts afresh).
import type { BookSide, Iceberg, IcebergEvent, IcebergOptions } from './icebergs';
import {
  QuantInputError,
  requireFinite,
  requireInteger,
  requireNonNegative,
  requirePositive,
} from './errors';

export interface IcebergTrackerOptions extends IcebergOptions {
  /** A level with no print or update for this long is dropped (ms). */
  expireMs: number;
}

interface Level {
  side: BookSide;
  price: number;
  displayed: number;
  shownBefore: number;
  pending: number;
  lastTradeTs: number;
  refills: number;
  traded: number;
  maxDisplayed: number;
  firstDisplayedTraded: number | null;
  firstTs: number;
  lastTs: number;
  /** Last event of any kind at the level (for expiry). */
  activeTs: number;
}

/**
 * Feeds events in time order and reports the levels with at least `minRefills` refills. For events that all
 * lie within `expireMs` of each other, detections() equals detectIcebergs over the same events.
 */
export class IcebergTracker {
  private readonly minRefills: number;
  private readonly windowMs: number;
  private readonly minDepletion: number;
  private readonly tick: number;
  private readonly expireMs: number;
  private readonly books: Record<BookSide, Map<number, Level>> = { bid: new Map(), ask: new Map() };
  /** Levels currently at or above minRefills. */
  private readonly hits = new Set<Level>();
  private newestTs = -Infinity;
  private lastSweepTs = -Infinity;

  constructor(opts: IcebergTrackerOptions) {
    this.minRefills = requireInteger('minRefills', opts.minRefills ?? 2, 1);
    this.windowMs = requireNonNegative('refillWindowMs', opts.refillWindowMs ?? 2_000);
    this.minDepletion = requireNonNegative('minDepletion', opts.minDepletion ?? 0.8);
    this.tick = requirePositive('tickSize', opts.tickSize ?? 0.01);
    this.expireMs = requirePositive('expireMs', opts.expireMs);
  }

  /**
   * Adds one event (see detectIcebergs for the refill rule).
   * @throws QuantInputError on a non-finite field, a negative size or an unknown kind or side.
   */
  push(ev: IcebergEvent): void {
    if (ev === null || typeof ev !== 'object') throw new QuantInputError('event must be an object');
    requireFinite('event.ts', ev.ts);
    requirePositive('event.price', ev.price);
    requireNonNegative('event.size', ev.size);
    const ticks = Math.round(ev.price / this.tick);
    if (ev.ts > this.newestTs) this.newestTs = ev.ts;
    if (ev.kind === 'trade') {
      let side: BookSide | null;
      if (ev.side === 'buy') side = 'ask';
      else if (ev.side === 'sell') side = 'bid';
      else if (ev.side === undefined)
        side = this.books.ask.has(ticks) ? 'ask' : this.books.bid.has(ticks) ? 'bid' : null;
      else throw new QuantInputError(`event.side must be 'buy' or 'sell' (got ${String(ev.side)})`);
      if (side === null || ev.size === 0) return;
      const st = this.level(side, ticks, ev.price, ev.ts);
      if (st.pending === 0) st.shownBefore = st.displayed;
      if (st.firstDisplayedTraded === null) {
        st.firstDisplayedTraded = st.displayed;
        st.firstTs = ev.ts;
      }
      st.pending += ev.size;
      st.traded += ev.size;
      st.lastTradeTs = ev.ts;
      st.lastTs = ev.ts;
      st.activeTs = ev.ts;
    } else if (ev.kind === 'level') {
      if (ev.side !== 'bid' && ev.side !== 'ask') {
        throw new QuantInputError(`event.side must be 'bid' or 'ask' (got ${String(ev.side)})`);
      }
      const st = this.level(ev.side, ticks, ev.price, ev.ts);
      if (
        st.pending > 0 &&
        ev.size > 0 &&
        ev.ts - st.lastTradeTs <= this.windowMs &&
        st.pending >= this.minDepletion * st.shownBefore &&
        ev.size > Math.max(0, st.shownBefore - st.pending)
      ) {
        st.refills++;
        st.lastTs = ev.ts;
        if (st.refills >= this.minRefills) this.hits.add(st);
      }
      st.displayed = ev.size;
      if (ev.size > st.maxDisplayed) st.maxDisplayed = ev.size;
      if (ev.size > 0) st.pending = 0;
      st.activeTs = ev.ts;
    } else {
      throw new QuantInputError(`event.kind must be 'trade' or 'level'`);
    }
    // Forget idle levels about once per expiry period (amortised O(1) per event).
    if (this.newestTs - this.lastSweepTs >= this.expireMs) this.expire();
  }

  /** Levels with at least minRefills refills that were active within expireMs of the newest event, by first print. */
  detections(): Iceberg[] {
    const cutoff = this.newestTs - this.expireMs;
    const out: Iceberg[] = [];
    for (const st of this.hits) {
      if (st.activeTs < cutoff) continue;
      out.push({
        side: st.side,
        price: st.price,
        refills: st.refills,
        tradedVolume: st.traded,
        maxDisplayed: st.maxDisplayed,
        hiddenVolume: Math.max(0, st.traded - (st.firstDisplayedTraded ?? 0)),
        firstTs: st.firstTs,
        lastTs: st.lastTs,
      });
    }
    return out.sort((a, b) => a.firstTs - b.firstTs);
  }

  /** Price levels currently tracked (both sides). */
  get levels(): number {
    return this.books.bid.size + this.books.ask.size;
  }

  private level(side: BookSide, ticks: number, price: number, ts: number): Level {
    let st = this.books[side].get(ticks);
    if (st === undefined) {
      st = {
        side,
        price,
        displayed: 0,
        shownBefore: 0,
        pending: 0,
        lastTradeTs: -Infinity,
        refills: 0,
        traded: 0,
        maxDisplayed: 0,
        firstDisplayedTraded: null,
        firstTs: ts,
        lastTs: ts,
        activeTs: ts,
      };
      this.books[side].set(ticks, st);
    }
    return st;
  }

  private expire(): void {
    this.lastSweepTs = this.newestTs;
    const cutoff = this.newestTs - this.expireMs;
    for (const side of ['bid', 'ask'] as const) {
      for (const [ticks, st] of this.books[side]) {
        if (st.activeTs >= cutoff) continue;
        this.books[side].delete(ticks);
        this.hits.delete(st);
      }
    }
  }
}
