// A 10-level price-aggregated book per side on an integer cent grid. Every change goes through
// insert/update/delete at a position with the semantics of IB's market depth (insert shifts the levels
// below down, delete shifts them up), so a consumer replaying the emitted operations in order holds
// exactly this book. A full side first deletes its last level before an insert, so a replaying
// consumer never needs a truncation rule.
import type { BookLevel } from './types';
import type { Rng } from './rng';

export const VENUES = ['NSDQ', 'ARCA', 'BATS', 'EDGX', 'IEX', 'NYSE', 'MEMX', 'BYX', 'EDGA', 'AMEX'] as const;
export const MAX_LEVELS = 10;

export const BID = 0;
export const ASK = 1;
export type SideIndex = typeof BID | typeof ASK;

export const OP_INSERT = 0;
export const OP_UPDATE = 1;
export const OP_DELETE = 2;
export type DepthOp = typeof OP_INSERT | typeof OP_UPDATE | typeof OP_DELETE;

/** Receives every book change: price in cents, venue as an index into VENUES. */
export type DepthSink = (
  side: SideIndex,
  position: number,
  op: DepthOp,
  price: number,
  size: number,
  venue: number,
) => void;

// Venue shares of displayed liquidity, for Nasdaq-listed names and for the rest.
const VENUE_WEIGHTS_NASDAQ = [30, 10, 10, 10, 5, 3, 8, 4, 3, 1];
const VENUE_WEIGHTS_OTHER = [18, 22, 10, 10, 5, 12, 8, 4, 3, 2];

function cumulative(weights: readonly number[]): number[] {
  let acc = 0;
  return weights.map((w) => (acc += w));
}
const CUM_NASDAQ = cumulative(VENUE_WEIGHTS_NASDAQ);
const CUM_OTHER = cumulative(VENUE_WEIGHTS_OTHER);

export class BookSide {
  readonly price = new Int32Array(MAX_LEVELS);
  readonly size = new Int32Array(MAX_LEVELS);
  readonly venue = new Uint8Array(MAX_LEVELS);
  count = 0;
  /** +1 for bids (higher is better), -1 for asks. */
  readonly dir: 1 | -1;

  constructor(
    readonly side: SideIndex,
    private readonly sink: DepthSink,
  ) {
    this.dir = side === BID ? 1 : -1;
  }

  insert(position: number, price: number, size: number, venue: number): void {
    if (this.count === MAX_LEVELS) this.remove(MAX_LEVELS - 1);
    for (let i = this.count; i > position; i--) {
      this.price[i] = this.price[i - 1]!;
      this.size[i] = this.size[i - 1]!;
      this.venue[i] = this.venue[i - 1]!;
    }
    this.price[position] = price;
    this.size[position] = size;
    this.venue[position] = venue;
    this.count++;
    this.sink(this.side, position, OP_INSERT, price, size, venue);
  }

  update(position: number, size: number, venue: number): void {
    this.size[position] = size;
    this.venue[position] = venue;
    this.sink(this.side, position, OP_UPDATE, this.price[position]!, size, venue);
  }

  remove(position: number): void {
    const price = this.price[position]!;
    const size = this.size[position]!;
    const venue = this.venue[position]!;
    for (let i = position; i < this.count - 1; i++) {
      this.price[i] = this.price[i + 1]!;
      this.size[i] = this.size[i + 1]!;
      this.venue[i] = this.venue[i + 1]!;
    }
    this.count--;
    this.sink(this.side, position, OP_DELETE, price, size, venue);
  }
}

export interface BookParams {
  levelGap: readonly [number, number];
  levelSize: number;
  nasdaq: boolean;
}

export class OrderBook {
  readonly bids: BookSide;
  readonly asks: BookSide;
  /** Multiplies new level sizes per side (thin or thick books in scenarios). */
  readonly depthMult = new Float64Array([1, 1]);
  private readonly venueCum: number[];

  constructor(
    private readonly params: BookParams,
    private readonly rng: Rng,
    sink: DepthSink,
  ) {
    this.bids = new BookSide(BID, sink);
    this.asks = new BookSide(ASK, sink);
    this.venueCum = params.nasdaq ? CUM_NASDAQ : CUM_OTHER;
  }

  randomVenue(): number {
    return this.rng.pickCumulative(this.venueCum);
  }

  private gap(): number {
    const [lo, hi] = this.params.levelGap;
    return lo === hi ? lo : this.rng.int(lo, hi);
  }

  /** A fresh displayed size for a level: round lots, deeper levels larger, some odd remainders. */
  newSize(side: SideIndex, position: number): number {
    const base = this.params.levelSize * (0.35 + 0.12 * position) * this.depthMult[side]!;
    let size = Math.max(1, Math.round((base * Math.exp(0.6 * this.rng.normal())) / 100)) * 100;
    if (this.rng.uniform() < 0.12) size += this.rng.int(1, 99);
    return size;
  }

  /**
   * Moves the inside to the target prices (cents) and refills both sides to 10 levels. All removals
   * happen before any insertion, and targets satisfy bid < ask, so no intermediate state is crossed
   * or locked.
   */
  reconcile(targetBid: number, targetAsk: number): void {
    const b = this.bids;
    const a = this.asks;
    while (b.count > 0 && b.price[0]! > targetBid) b.remove(0);
    while (a.count > 0 && a.price[0]! < targetAsk) a.remove(0);
    this.fillTop(b, targetBid);
    this.fillTop(a, targetAsk);
    this.fillBottom(b);
    this.fillBottom(a);
  }

  /** Restores 10 levels per side after trades took liquidity. */
  refill(): void {
    this.fillBottom(this.bids);
    this.fillBottom(this.asks);
  }

  private fillTop(s: BookSide, target: number): void {
    if (s.count === 0) {
      s.insert(0, target, this.newSize(s.side, 0), this.randomVenue());
      return;
    }
    const top = s.price[0]!;
    if (top === target) return;
    // New levels from the old inside up to the target, inserted best-last so each goes to position 0.
    const dir = s.dir;
    let p = target;
    let k = 0;
    const pending: number[] = [];
    while ((p - top) * dir > 0 && k < MAX_LEVELS) {
      pending.push(p);
      p -= dir * this.gap();
      k++;
    }
    for (let i = pending.length - 1; i >= 0; i--) {
      s.insert(0, pending[i]!, this.newSize(s.side, i), this.randomVenue());
    }
  }

  private fillBottom(s: BookSide): void {
    while (s.count < MAX_LEVELS) {
      const last = s.price[s.count - 1]!;
      const p = last - s.dir * this.gap();
      if (p <= 0) return;
      s.insert(s.count, p, this.newSize(s.side, s.count), this.randomVenue());
    }
  }

  /** A resting-size change at a random level, weighted to the top of the book. */
  randomUpdate(): void {
    const s = this.rng.uniform() < 0.5 ? this.bids : this.asks;
    if (s.count === 0) return;
    let pos = Math.floor(this.rng.exponential(2.5));
    if (pos >= s.count) pos = s.count - 1;
    const cur = s.size[pos]!;
    const r = this.rng.uniform();
    let size: number;
    if (r < 0.45) size = cur + 100 * this.rng.int(1, 5);
    else if (r < 0.85) size = cur - 100 * this.rng.int(1, 4);
    else size = this.newSize(s.side, pos);
    if (size < 1) size = this.rng.int(1, 99) + (this.rng.uniform() < 0.7 ? 100 : 0);
    const venue = this.rng.uniform() < 0.1 ? this.randomVenue() : s.venue[pos]!;
    s.update(pos, size, venue);
  }
}

/** A side's levels in dollars with venue names, best first (the public book snapshot). */
export function bookLevels(side: BookSide): BookLevel[] {
  const out: BookLevel[] = [];
  for (let i = 0; i < side.count; i++) {
    out.push({ price: side.price[i]! / 100, size: side.size[i]!, venue: VENUES[side.venue[i]!] ?? 'NSDQ' });
  }
  return out;
}
