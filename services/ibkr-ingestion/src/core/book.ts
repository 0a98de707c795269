// A level-2 book kept exactly as TWS describes it: rows addressed by position, changed by insert
// (rows below shift down), update (in place) and delete (rows below shift up). Rows are validated per
// message; the whole book is checked (crossed, locked, misordered) only when it is published, because
// a burst of row changes can pass through a crossed state that TWS resolves a message later.
import type { RejectReason } from './quality';

export interface Level {
  price: number;
  size: number;
  /** Venue or market maker as TWS names it; null when the feed gives none. */
  venue: string | null;
}

export type DepthOperation = 'insert' | 'update' | 'delete';
export type BookSideName = 'bid' | 'ask';

export interface AppliedDepth {
  position: number;
  operation: DepthOperation;
  side: BookSideName;
  price: number;
  size: number;
  venue: string | null;
  /** When the message was received (market time, ms). */
  sourceTs: number;
}

/** The `ok` result object is reused from call to call (no allocation per row): read it before the next apply. */
export type DepthResult =
  | { ok: true; delta: AppliedDepth }
  /** resync: the book no longer matches TWS's (a structural change was refused); re-request depth. */
  | { ok: false; reason: RejectReason; resync: boolean };

const OPERATIONS: readonly DepthOperation[] = ['insert', 'update', 'delete'];

export class DepthBook {
  readonly bids: Level[] = [];
  readonly asks: Level[] = [];
  /** TWS may hold one row beyond the requested depth for a moment (insert, then delete of the last row). */
  private readonly hardRows: number;
  private readonly applied: { ok: true; delta: AppliedDepth } = {
    ok: true,
    delta: { position: 0, operation: 'update', side: 'bid', price: 0, size: 0, venue: null, sourceTs: 0 },
  };

  private done(
    position: number,
    operation: DepthOperation,
    side: BookSideName,
    price: number,
    size: number,
    venue: string | null,
    sourceTs: number,
  ): DepthResult {
    this.applied.delta = { position, operation, side, price, size, venue, sourceTs };
    return this.applied;
  }

  constructor(readonly rows: number) {
    this.hardRows = rows * 2 + 2;
  }

  /**
   * Applies one depth message. `side` is IB's: 0 ask, 1 bid; `operation` 0 insert, 1 update, 2 delete.
   */
  apply(
    position: number,
    marketMaker: string | undefined,
    operation: number,
    side: number,
    price: number,
    size: number,
    sourceTs = 0,
  ): DepthResult {
    const op = OPERATIONS[operation];
    if (op === undefined || (side !== 0 && side !== 1))
      return { ok: false, reason: 'bad_depth_operation', resync: false };
    const book = side === 1 ? this.bids : this.asks;
    const sideName: BookSideName = side === 1 ? 'bid' : 'ask';
    if (!Number.isInteger(position) || position < 0)
      return { ok: false, reason: 'bad_depth_position', resync: true };
    const venue = marketMaker === undefined || marketMaker === '' ? null : marketMaker;

    if (op === 'delete') {
      if (position >= book.length) return { ok: false, reason: 'bad_depth_position', resync: true };
      const [removed] = book.splice(position, 1);
      const p = price > 0 && Number.isFinite(price) ? price : (removed?.price ?? 0);
      const s = size > 0 && Number.isFinite(size) ? size : (removed?.size ?? 0);
      return this.done(position, op, sideName, p, s, venue ?? removed?.venue ?? null, sourceTs);
    }

    const structural = op === 'insert';
    if (!Number.isFinite(price) || !Number.isFinite(size))
      return { ok: false, reason: 'non_finite', resync: structural };
    if (price <= 0) return { ok: false, reason: 'non_positive_price', resync: structural };
    if (size <= 0) return { ok: false, reason: 'non_positive_size', resync: structural };

    if (op === 'insert') {
      if (position > book.length || position >= this.hardRows)
        return { ok: false, reason: 'bad_depth_position', resync: true };
      book.splice(position, 0, { price, size, venue });
      if (book.length > this.hardRows) book.length = this.hardRows;
    } else {
      const row = book[position];
      if (row === undefined) return { ok: false, reason: 'bad_depth_position', resync: true };
      row.price = price;
      row.size = size;
      row.venue = venue;
    }
    return this.done(position, op, sideName, price, size, venue, sourceTs);
  }

  clear(): void {
    this.bids.length = 0;
    this.asks.length = 0;
  }

  /** Why the visible book may not be published (crossed, locked, rows out of price order), or null. */
  problem(): RejectReason | null {
    const n = this.rows;
    const bid = this.bids[0];
    const ask = this.asks[0];
    if (bid !== undefined && ask !== undefined) {
      if (bid.price > ask.price) return 'crossed_book';
      if (bid.price === ask.price) return 'locked_book';
    }
    for (let i = 1; i < Math.min(n, this.bids.length); i++) {
      if (this.bids[i]!.price > this.bids[i - 1]!.price) return 'misordered_book';
    }
    for (let i = 1; i < Math.min(n, this.asks.length); i++) {
      if (this.asks[i]!.price < this.asks[i - 1]!.price) return 'misordered_book';
    }
    return null;
  }

  /** Copies of the visible rows, best first. */
  visible(side: BookSideName, rows = this.rows): Level[] {
    const book = side === 'bid' ? this.bids : this.asks;
    const n = Math.min(rows, book.length);
    const out = new Array<Level>(n);
    for (let i = 0; i < n; i++) {
      const l = book[i]!;
      out[i] = { price: l.price, size: l.size, venue: l.venue };
    }
    return out;
  }

  get empty(): boolean {
    return this.bids.length === 0 && this.asks.length === 0;
  }
}
