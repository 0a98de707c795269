// Trade arrivals against the book, with the size mix of a lit US equity tape: odd lots, round lots,
// iceberg executions (a level that refills after each fill), sweeps that walk several levels, and
// blocks (≥ 10,000 shares) printed at the midpoint on the FINRA trade-reporting facility.
import type { TradeKind } from './types';
import type { BookSide, OrderBook } from './book';
import type { Rng } from './rng';

/** Trade venue index for off-exchange block prints; book venues use their VENUES index. */
export const TRF_VENUE = -1;
export const TRF_VENUE_CODE = 'FINRA';

/** Receives each print: price in dollars, venue index (TRF_VENUE for the TRF). */
export type TradeSink = (price: number, size: number, venue: number, buy: boolean, kind: TradeKind) => void;

export interface TradeMix {
  oddLot: number;
  iceberg: number;
  sweep: number;
  block: number;
}

/** Per-arrival kind probabilities; round lots take the rest. Higher-priced names trade more odd lots. */
export function tradeMixFor(price: number): TradeMix {
  return {
    oddLot: price > 400 ? 0.45 : price > 150 ? 0.35 : 0.25,
    iceberg: 0.02,
    sweep: 0.012,
    block: 0.0015,
  };
}

export class TradeGenerator {
  constructor(
    private readonly rng: Rng,
    private readonly mix: TradeMix,
  ) {}

  /** One arrival: an aggressor of the given side takes liquidity (or a block prints off-book). */
  arrival(book: OrderBook, buy: boolean, sink: TradeSink): void {
    const side = buy ? book.asks : book.bids;
    if (side.count < 2) return;
    const u = this.rng.uniform();
    const m = this.mix;
    if (u < m.block) this.block(book, buy, sink);
    else if (u < m.block + m.sweep) this.sweep(side, buy, sink);
    else if (u < m.block + m.sweep + m.iceberg) this.iceberg(side, buy, sink);
    else if (u < m.block + m.sweep + m.iceberg + m.oddLot)
      this.take(side, buy, 1 + Math.floor(this.rng.uniform() ** 2 * 99), 'odd_lot', sink);
    else {
      let size = 100 * (1 + Math.floor(this.rng.exponential(1.6)));
      const top = side.size[0]!;
      if (size > top) size = top >= 100 ? Math.floor(top / 100) * 100 : top;
      this.take(side, buy, size, size >= 100 ? 'round_lot' : 'odd_lot', sink);
    }
  }

  /** Fills at the inside level only; a fully taken level is removed. */
  private take(side: BookSide, buy: boolean, size: number, kind: TradeKind, sink: TradeSink): void {
    const top = side.size[0]!;
    const fill = size < top ? size : top;
    const price = side.price[0]! / 100;
    const venue = side.venue[0]!;
    if (fill === top) side.remove(0);
    else side.update(0, top - fill, venue);
    sink(price, fill, venue, buy, kind);
  }

  /** Takes 2–5 whole levels then part of the next, each fill at a worse price. */
  private sweep(side: BookSide, buy: boolean, sink: TradeSink): void {
    const levels = Math.min(2 + Math.floor(this.rng.uniform() * 4), side.count - 1);
    for (let i = 0; i < levels; i++) {
      sink(side.price[0]! / 100, side.size[0]!, side.venue[0]!, buy, 'sweep');
      side.remove(0);
    }
    const rest = side.size[0]!;
    const part = Math.max(1, Math.floor(rest * this.rng.uniform() * 0.8));
    if (part < rest) {
      sink(side.price[0]! / 100, part, side.venue[0]!, buy, 'sweep');
      side.update(0, rest - part, side.venue[0]!);
    }
  }

  /** Repeated fills of the displayed size at one price; the hidden reserve refills the level each time. */
  private iceberg(side: BookSide, buy: boolean, sink: TradeSink): void {
    const display = side.size[0]!;
    const price = side.price[0]! / 100;
    const venue = side.venue[0]!;
    const fills = 2 + Math.floor(this.rng.uniform() * 5);
    for (let i = 0; i < fills; i++) {
      sink(price, display, venue, buy, 'iceberg');
      side.update(0, display, venue);
    }
    // The aggressor's last child order takes part of the refreshed display.
    const last = Math.max(1, Math.floor(display * this.rng.uniform()));
    if (last < display) {
      sink(price, last, venue, buy, 'iceberg');
      side.update(0, display - last, venue);
    }
  }

  /** A negotiated block at the midpoint (half-cent allowed), not touching the lit book. */
  private block(book: OrderBook, buy: boolean, sink: TradeSink): void {
    const bid = book.bids.price[0]!;
    const ask = book.asks.price[0]!;
    const midCents = Math.round(bid + ask) / 2;
    const size = Math.round((10_000 * (1 + this.rng.exponential(0.7))) / 100) * 100;
    sink(midCents / 100, size, TRF_VENUE, buy, 'block');
  }
}

/** Expected shares per arrival (for synthesised history volumes consistent with the live tape). */
export function expectedArrivalSize(levelSize: number, mix: TradeMix): number {
  const top = levelSize * 0.35;
  const round = Math.min(220, top);
  const rest = 1 - mix.oddLot - mix.iceberg - mix.sweep - mix.block;
  return (
    mix.oddLot * 34 +
    rest * round +
    mix.iceberg * 4.5 * top +
    mix.sweep * 3.5 * levelSize * 0.5 +
    mix.block * 17_000
  );
}
