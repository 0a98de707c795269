// The iceberg state machine shared by the batch detector (detectIcebergs) and the live tracker
// (IcebergTracker): per-price-level bookkeeping of displayed size, prints since the last display and
// refills, one event at a time.
import type { BookSide, Iceberg, IcebergEvent, IcebergOptions } from './icebergs';
import {
  QuantInputError,
  requireFinite,
  requireInteger,
  requireNonNegative,
  requirePositive,
} from './errors';

export interface IcebergRule {
  minRefills: number;
  windowMs: number;
  minDepletion: number;
  tick: number;
}

/** The validated refill rule of the options, with their defaults. */
export function icebergRule(opts: IcebergOptions): IcebergRule {
  return {
    minRefills: requireInteger('minRefills', opts.minRefills ?? 2, 1),
    windowMs: requireNonNegative('refillWindowMs', opts.refillWindowMs ?? 2_000),
    minDepletion: requireNonNegative('minDepletion', opts.minDepletion ?? 0.8),
    tick: requirePositive('tickSize', opts.tickSize ?? 0.01),
  };
}

export interface LevelState {
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
  /** Last event of any kind at the level. */
  activeTs: number;
}

export class IcebergLevels {
  readonly books: Record<BookSide, Map<number, LevelState>> = { bid: new Map(), ask: new Map() };

  constructor(private readonly rule: IcebergRule) {}

  /**
   * Checks an event's common fields and returns its price in ticks; `name` says which event in errors.
   * @throws QuantInputError on a non-object, a non-finite time or price, or a negative size.
   */
  ticksOf(ev: IcebergEvent, name: string): number {
    if (ev === null || typeof ev !== 'object') throw new QuantInputError(`${name} must be an object`);
    requireFinite(`${name}.ts`, ev.ts);
    requirePositive(`${name}.price`, ev.price);
    requireNonNegative(`${name}.size`, ev.size);
    return Math.round(ev.price / this.rule.tick);
  }

  /**
   * Applies a checked event at its price level: a print adds to the level's pending prints, a level update
   * may count as a refill (see detectIcebergs). Returns the level touched, or null for a print of no size or
   * at a price no side shows.
   * @throws QuantInputError on an unknown kind or side.
   */
  apply(ev: IcebergEvent, ticks: number, name: string): LevelState | null {
    if (ev.kind === 'trade') {
      let side: BookSide | null;
      if (ev.side === 'buy') side = 'ask';
      else if (ev.side === 'sell') side = 'bid';
      else if (ev.side === undefined)
        side = this.books.ask.has(ticks) ? 'ask' : this.books.bid.has(ticks) ? 'bid' : null;
      else throw new QuantInputError(`${name}.side must be 'buy' or 'sell' (got ${String(ev.side)})`);
      if (side === null || ev.size === 0) return null;
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
      return st;
    }
    if (ev.kind === 'level') {
      if (ev.side !== 'bid' && ev.side !== 'ask') {
        throw new QuantInputError(`${name}.side must be 'bid' or 'ask' (got ${String(ev.side)})`);
      }
      const { windowMs, minDepletion } = this.rule;
      const st = this.level(ev.side, ticks, ev.price, ev.ts);
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
      st.activeTs = ev.ts;
      return st;
    }
    throw new QuantInputError(`${name}.kind must be 'trade' or 'level'`);
  }

  private level(side: BookSide, ticks: number, price: number, ts: number): LevelState {
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
}

/** The report of a level. */
export function icebergOf(st: LevelState): Iceberg {
  return {
    side: st.side,
    price: st.price,
    refills: st.refills,
    tradedVolume: st.traded,
    maxDisplayed: st.maxDisplayed,
    hiddenVolume: Math.max(0, st.traded - (st.firstDisplayedTraded ?? 0)),
    firstTs: st.firstTs,
    lastTs: st.lastTs,
  };
}
