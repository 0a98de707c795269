// Hidden (iceberg) order detection on a sequence of prints and book-level updates: a price level that keeps
// coming back after it trades through. Pure; prices compared in integer ticks.
import type { TradeSide } from './detectors';
import {
  QuantInputError,
  requireArray,
  requireFinite,
  requireInteger,
  requireNonNegative,
  requirePositive,
} from './errors';

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

interface LevelState {
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
  const minRefills = requireInteger('minRefills', opts.minRefills ?? 2, 1);
  const windowMs = requireNonNegative('refillWindowMs', opts.refillWindowMs ?? 2_000);
  const minDepletion = requireNonNegative('minDepletion', opts.minDepletion ?? 0.8);
  const tick = requirePositive('tickSize', opts.tickSize ?? 0.01);
  const books: Record<BookSide, Map<number, LevelState>> = { bid: new Map(), ask: new Map() };
  const level = (side: BookSide, ticks: number, price: number, ts: number): LevelState => {
    let st = books[side].get(ticks);
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
      };
      books[side].set(ticks, st);
    }
    return st;
  };

  for (let i = 0; i < events.length; i++) {
    const ev = events[i];
    if (ev === null || typeof ev !== 'object') throw new QuantInputError(`events[${i}] must be an object`);
    requireFinite(`events[${i}].ts`, ev.ts);
    requirePositive(`events[${i}].price`, ev.price);
    requireNonNegative(`events[${i}].size`, ev.size);
    const ticks = Math.round(ev.price / tick);
    if (ev.kind === 'trade') {
      let side: BookSide | null;
      if (ev.side === 'buy') side = 'ask';
      else if (ev.side === 'sell') side = 'bid';
      else if (ev.side === undefined)
        side = books.ask.has(ticks) ? 'ask' : books.bid.has(ticks) ? 'bid' : null;
      else throw new QuantInputError(`events[${i}].side must be 'buy' or 'sell' (got ${String(ev.side)})`);
      if (side === null || ev.size === 0) continue;
      const st = level(side, ticks, ev.price, ev.ts);
      if (st.pending === 0) st.shownBefore = st.displayed;
      if (st.firstDisplayedTraded === null) {
        st.firstDisplayedTraded = st.displayed;
        st.firstTs = ev.ts;
      }
      st.pending += ev.size;
      st.traded += ev.size;
      st.lastTradeTs = ev.ts;
      st.lastTs = ev.ts;
    } else if (ev.kind === 'level') {
      if (ev.side !== 'bid' && ev.side !== 'ask') {
        throw new QuantInputError(`events[${i}].side must be 'bid' or 'ask' (got ${String(ev.side)})`);
      }
      const st = level(ev.side, ticks, ev.price, ev.ts);
      if (
        st.pending > 0 &&
        ev.size > 0 &&
        ev.ts - st.lastTradeTs <= windowMs &&
        st.pending >= minDepletion * st.shownBefore &&
        ev.size > Math.max(0, st.shownBefore - st.pending)
      ) {
        st.refills++;
        st.lastTs = ev.ts;
      }
      st.displayed = ev.size;
      if (ev.size > st.maxDisplayed) st.maxDisplayed = ev.size;
      if (ev.size > 0) st.pending = 0;
    } else {
      throw new QuantInputError(`events[${i}].kind must be 'trade' or 'level'`);
    }
  }

  const out: Iceberg[] = [];
  for (const side of ['bid', 'ask'] as const) {
    for (const st of books[side].values()) {
      if (st.refills < minRefills) continue;
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
  }
  return out.sort((a, b) => a.firstTs - b.firstTs);
}
