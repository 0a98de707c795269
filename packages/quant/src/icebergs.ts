// Hidden (iceberg) order detection on a sequence of prints and book-level updates: a price level that keeps
// coming back after it trades through. Pure; prices compared in integer ticks.
import type { TradeSide } from './detectors';
import { requireArray } from './errors';
import { icebergOf, icebergRule, IcebergLevels } from './iceberg-levels';

export type BookSide = 'bid' | 'ask';

/** A print, or the displayed size at one price level of the book after an update (0 = level gone). */
export type IcebergEvent =
  | { kind: 'trade'; ts: number; price: number; size: number; side?: TradeSide }
  | { kind: 'level'; ts: number; side: BookSide; price: number; size: number };

export interface IcebergOptions {
  /** Refills at one level that make an iceberg (default 2). */
  minRefills?: number;
  /** Longest gap between the last print at a level and its refill (ms, default 2,000). */
  refillWindowMs?: number;
  /** Share of the displayed size that must trade before a size increase counts as a refill (default 0.8). */
  minDepletion?: number;
  /** Tick size for price comparison ($, default 0.01). */
  tickSize?: number;
}

export interface Iceberg {
  side: BookSide;
  price: number;
  /** Times the level was replenished after being (nearly) traded through. */
  refills: number;
  /** Shares printed at this level. */
  tradedVolume: number;
  /** Largest size ever displayed at this level. */
  maxDisplayed: number;
  /** Estimate of hidden shares: traded volume beyond what was displayed when trading at the level began. */
  hiddenVolume: number;
  firstTs: number;
  lastTs: number;
}

/**
 * Hidden (iceberg) orders: a price level that keeps coming back after it trades through. A refill is a level
 * update showing more size than should remain (displayed before the prints − printed since) within
 * `refillWindowMs` of the last print, after at least `minDepletion` of the displayed size printed; an
 * update to 0 in between (level emptied) keeps the pending prints. A print hits the ask when its side is
 * 'buy', the bid when 'sell'; without a side it hits whichever side shows that price. Reports levels with
 * at least `minRefills` refills, ordered by first print.
 * @throws QuantInputError on an event with a non-finite field, a negative size or an unknown kind or side.
 */
export function detectIcebergs(events: readonly IcebergEvent[], opts: IcebergOptions = {}): Iceberg[] {
  requireArray('events', events);
  const rule = icebergRule(opts);
  const levels = new IcebergLevels(rule);
  for (let i = 0; i < events.length; i++) {
    const ev = events[i] as IcebergEvent;
    levels.apply(ev, levels.ticksOf(ev, `events[${i}]`), `events[${i}]`);
  }
  const out: Iceberg[] = [];
  for (const side of ['bid', 'ask'] as const) {
    for (const st of levels.books[side].values()) if (st.refills >= rule.minRefills) out.push(icebergOf(st));
  }
  return out.sort((a, b) => a.firstTs - b.firstTs);
}
