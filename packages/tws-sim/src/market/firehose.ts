// Firehose: synthetic market data for every live subscription as fast as each connection takes it,
// to measure the server's encode-and-send path when the model alone cannot produce enough events.
// Depth messages only update rows the client holds; stopping marks depth for a rebuild.
import type { MarketModel } from '@alphatrader/market-sim';
import { depthL2, tickByTickLast, tickPrice, tickSize } from '../codec/encoder';
import { Tick, TickByTickType } from '../codec/ids';
import type { MarketFeed } from './feed';

export interface FirehoseOptions {
  /** Messages written per subscription per round (a round is one event-loop turn). */
  perSubscription?: number;
}

export class Firehose {
  private running = false;
  // Kept apart: clearImmediate() on a Timeout (or the reverse) corrupts Node's timer lists.
  private immediate: NodeJS.Immediate | undefined;
  private timeout: NodeJS.Timeout | undefined;
  private seq = 0;
  private perSub = 64;

  constructor(
    private readonly feed: MarketFeed,
    private readonly model: MarketModel,
  ) {}

  get active(): boolean {
    return this.running;
  }

  start(opts: FirehoseOptions = {}): void {
    this.perSub = Math.max(1, opts.perSubscription ?? 64);
    if (this.running) return;
    this.running = true;
    this.schedule(false);
  }

  stop(): void {
    if (!this.running) return;
    this.running = false;
    if (this.immediate) clearImmediate(this.immediate);
    if (this.timeout) clearTimeout(this.timeout);
    this.immediate = undefined;
    this.timeout = undefined;
    for (const r of this.feed.allRoutes()) for (const d of r.depth) d.resync = true;
  }

  private schedule(idle: boolean): void {
    // When every connection is congested, back off a millisecond instead of spinning.
    if (idle) {
      this.immediate = undefined;
      this.timeout = setTimeout(() => this.round(), 1);
    } else {
      this.timeout = undefined;
      this.immediate = setImmediate(() => this.round());
    }
  }

  private round(): void {
    if (!this.running) return;
    const n = this.perSub;
    let wrote = false;
    for (const r of this.feed.allRoutes()) {
      const q = this.model.quote(r.symbol);
      if (!q) continue;
      for (const s of r.mkt) {
        if (!s.session.canStream()) continue;
        const w = s.session.w;
        for (let i = 0; i < n; i++) {
          const k = this.seq++;
          if ((k & 3) === 0) tickPrice(w, s.hPrice, Tick.BID, q.bid, q.bidSize + (k % 7) * 100, 1);
          else if ((k & 3) === 1) tickSize(w, s.hSize, Tick.BID_SIZE, q.bidSize + (k % 5) * 100);
          else if ((k & 3) === 2) tickSize(w, s.hSize, Tick.ASK_SIZE, q.askSize + (k % 5) * 100);
          else tickSize(w, s.hSize, Tick.VOLUME, q.volume + k);
        }
        s.session.touched();
        wrote = true;
      }
      for (const d of r.depth) {
        if (!d.session.canStream()) continue;
        const w = d.session.w;
        const book = this.model.book(r.symbol);
        if (!book) continue;
        for (let i = 0; i < n; i++) {
          const k = this.seq++;
          const side = k & 1;
          const levels = side === 1 ? book.bids : book.asks;
          const rows = d.rows[side as 0 | 1];
          if (rows === 0) continue;
          const p = k % rows;
          const l = levels[p];
          if (!l) continue;
          depthL2(w, d.head, p, l.venue, 1, side, l.price, l.size + (k % 9) * 100, d.isSmartDepth);
        }
        d.session.touched();
        wrote = true;
      }
      for (const t of r.tbtTrades) {
        if (!t.session.canStream() || t.type === TickByTickType.BidAsk) continue;
        const w = t.session.w;
        const sec = Math.floor(q.ts / 1000);
        for (let i = 0; i < n; i++) {
          const k = this.seq++;
          tickByTickLast(w, t.head, sec, q.last, 100 + (k % 10) * 100, 'NSDQ', '');
        }
        t.session.touched();
        wrote = true;
      }
    }
    this.schedule(!wrote);
  }
}
