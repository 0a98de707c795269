// Routes market-model events to the subscriptions of every connection, per symbol.
import type { DepthUpdate, MarketEvent, MarketModel, Quote, Trade } from '@alphatrader/market-sim';
import {
  depthL2,
  realTimeBar,
  tickByTickBidAsk,
  tickByTickLast,
  tickByTickMidPoint,
  tickSnapshotEnd,
} from '../codec/encoder';
import { TickByTickType } from '../codec/ids';
import type { Session } from '../session';
import type { BarSub, DepthSub, MktDataSub, TbtSub } from './subscriptions';
import {
  writeBidAsk,
  writeDepthSnapshot,
  writeInitialQuote,
  writeOptionQuote,
  writeQuoteStats,
  writeRequestPreamble,
  writeTrade,
} from './ticks';

export interface Route {
  symbol: string;
  mkt: MktDataSub[];
  depth: DepthSub[];
  bars: BarSub[];
  tbtTrades: TbtSub[];
  tbtQuotes: TbtSub[];
  /** Running session volume and price×volume between quotes (for RTVolume). */
  volume: number;
  pv: number;
}

export interface FeedFaults {
  isSymbolStopped(symbol: string): boolean;
}

const remove = <T>(list: T[], item: T): void => {
  const i = list.indexOf(item);
  if (i >= 0) list.splice(i, 1);
};

/** Sale-condition codes on the tape: intermarket sweep, odd lot (under 100 shares). */
function specialConditions(t: Trade): string {
  if (t.kind === 'sweep') return 'F';
  if (t.size < 100) return 'I';
  return '';
}

export class MarketFeed {
  private readonly routes = new Map<string, Route>();
  private readonly optionSubs = new Set<MktDataSub>();
  private unsubscribe: (() => void) | undefined;

  constructor(
    private readonly model: MarketModel,
    private readonly faults: FeedFaults,
  ) {}

  start(listener?: (ev: MarketEvent) => void, onError?: (err: unknown) => void): void {
    this.unsubscribe = this.model.subscribe((ev) => {
      try {
        this.onEvent(ev);
        listener?.(ev);
      } catch (err) {
        onError?.(err);
      }
    });
  }

  stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }

  /** Read-only view for the firehose generator. */
  allRoutes(): IterableIterator<Route> {
    return this.routes.values();
  }

  // ---- subscriptions ---------------------------------------------------------------------------

  /** Sends the initial values; keeps streaming unless it is a snapshot. */
  addMktData(sub: MktDataSub, snapshot: boolean): void {
    const w = sub.session.w;
    const c = sub.contract;
    writeRequestPreamble(w, sub.reqId);
    if (c.optionId) {
      const q = this.model.optionQuote(c.optionId);
      if (q) writeOptionQuote(w, sub, q);
      if (!snapshot) this.optionSubs.add(sub);
    } else {
      const q = this.model.quote(c.symbol);
      if (q) writeInitialQuote(w, sub, q, c.secType === 'IND');
      if (!snapshot) this.route(c.symbol).mkt.push(sub);
    }
    if (snapshot) tickSnapshotEnd(w, sub.reqId);
    sub.session.touched();
  }

  removeMktData(sub: MktDataSub): void {
    if (sub.contract.optionId) this.optionSubs.delete(sub);
    else remove(this.route(sub.contract.symbol).mkt, sub);
  }

  addDepth(sub: DepthSub): void {
    writeDepthSnapshot(sub.session.w, sub, this.model.book(sub.symbol));
    this.route(sub.symbol).depth.push(sub);
    sub.session.touched();
  }

  removeDepth(sub: DepthSub): void {
    remove(this.route(sub.symbol).depth, sub);
  }

  addBars(sub: BarSub): void {
    this.route(sub.symbol).bars.push(sub);
  }

  removeBars(sub: BarSub): void {
    remove(this.route(sub.symbol).bars, sub);
  }

  addTbt(sub: TbtSub): void {
    const r = this.route(sub.symbol);
    if (sub.type === TickByTickType.BidAsk || sub.type === TickByTickType.MidPoint) r.tbtQuotes.push(sub);
    else r.tbtTrades.push(sub);
  }

  removeTbt(sub: TbtSub): void {
    const r = this.route(sub.symbol);
    remove(r.tbtQuotes, sub);
    remove(r.tbtTrades, sub);
  }

  /** Drops every subscription of a connection (disconnect, or 1101 "data lost"). */
  removeSession(s: Session): void {
    for (const sub of s.mktData.values()) this.removeMktData(sub);
    for (const sub of s.depth.values()) this.removeDepth(sub);
    for (const sub of s.bars.values()) this.removeBars(sub);
    for (const sub of s.tbt.values()) this.removeTbt(sub);
    s.mktData.clear();
    s.depth.clear();
    s.bars.clear();
    s.tbt.clear();
  }

  // ---- events ----------------------------------------------------------------------------------

  onEvent(ev: MarketEvent): void {
    switch (ev.type) {
      case 'quote':
        this.onQuote(ev.quote);
        break;
      case 'trade':
        this.onTrade(ev.trade);
        break;
      case 'depth':
        this.onDepth(ev.update);
        break;
      case 'bar': {
        const r = this.routes.get(ev.bar.symbol);
        if (!r || r.bars.length === 0 || this.faults.isSymbolStopped(r.symbol)) return;
        const b = ev.bar;
        for (const s of r.bars) {
          if (!s.session.canStream()) {
            s.session.countDropped(1);
            continue;
          }
          realTimeBar(
            s.session.w,
            s.head,
            Math.floor(b.ts / 1000),
            b.open,
            b.high,
            b.low,
            b.close,
            b.volume,
            b.vwap,
            b.count,
          );
          s.session.touched();
        }
        break;
      }
      case 'scenario':
        break;
    }
  }

  /** Periodic: option subscriptions have no events of their own. */
  refreshOptions(): void {
    for (const s of this.optionSubs) {
      if (this.faults.isSymbolStopped(s.contract.symbol)) continue;
      if (!s.session.canStream()) {
        s.session.countDropped(1);
        continue;
      }
      const q = this.model.optionQuote(s.contract.optionId ?? '');
      if (!q) continue;
      writeOptionQuote(s.session.w, s, q);
      s.session.touched();
    }
  }

  private route(symbol: string): Route {
    let r = this.routes.get(symbol);
    if (!r) {
      const q = this.model.quote(symbol);
      r = {
        symbol,
        mkt: [],
        depth: [],
        bars: [],
        tbtTrades: [],
        tbtQuotes: [],
        volume: q?.volume ?? 0,
        pv: q ? q.vwap * q.volume : 0,
      };
      this.routes.set(symbol, r);
    }
    return r;
  }

  private onQuote(q: Quote): void {
    const r = this.routes.get(q.symbol);
    if (!r) return;
    r.volume = q.volume;
    r.pv = q.vwap * q.volume;
    if ((r.mkt.length === 0 && r.tbtQuotes.length === 0) || this.faults.isSymbolStopped(r.symbol)) return;
    for (const s of r.mkt) {
      const session = s.session;
      if (!session.canStream()) {
        session.countDropped(1);
        continue;
      }
      const isIndex = s.contract.secType === 'IND';
      if (!isIndex) writeBidAsk(session.w, s, q.bid, q.bidSize, q.ask, q.askSize);
      writeQuoteStats(session.w, s, q, isIndex);
      session.touched();
    }
    const timeSec = Math.floor(q.ts / 1000);
    for (const s of r.tbtQuotes) {
      const session = s.session;
      if (
        s.bid === q.bid &&
        s.ask === q.ask &&
        (s.type === TickByTickType.MidPoint || (s.bidSize === q.bidSize && s.askSize === q.askSize))
      ) {
        continue;
      }
      s.bid = q.bid;
      s.ask = q.ask;
      s.bidSize = q.bidSize;
      s.askSize = q.askSize;
      if (!session.canStream()) {
        session.countDropped(1);
        continue;
      }
      if (s.type === TickByTickType.BidAsk)
        tickByTickBidAsk(session.w, s.head, timeSec, q.bid, q.ask, q.bidSize, q.askSize);
      else tickByTickMidPoint(session.w, s.head, timeSec, (q.bid + q.ask) / 2);
      session.touched();
    }
  }

  private onTrade(t: Trade): void {
    const r = this.routes.get(t.symbol);
    if (!r) return;
    r.volume += t.size;
    r.pv += t.price * t.size;
    if ((r.mkt.length === 0 && r.tbtTrades.length === 0) || this.faults.isSymbolStopped(r.symbol)) return;
    const vwap = r.volume > 0 ? r.pv / r.volume : t.price;
    for (const s of r.mkt) {
      if (!s.session.canStream()) {
        s.session.countDropped(1);
        continue;
      }
      writeTrade(s.session.w, s, t, r.volume, vwap);
      s.session.touched();
    }
    if (r.tbtTrades.length === 0) return;
    const timeSec = Math.floor(t.ts / 1000);
    const cond = specialConditions(t);
    for (const s of r.tbtTrades) {
      // "Last" leaves out odd lots (under 100 shares), as TWS's Last does; "AllLast" has every print.
      if (s.type === TickByTickType.Last && t.size < 100) continue;
      if (!s.session.canStream()) {
        s.session.countDropped(1);
        continue;
      }
      tickByTickLast(s.session.w, s.head, timeSec, t.price, t.size, t.venue, cond);
      s.session.touched();
    }
  }

  private onDepth(u: DepthUpdate): void {
    const r = this.routes.get(u.symbol);
    if (!r || r.depth.length === 0 || this.faults.isSymbolStopped(r.symbol)) return;
    const side = u.side === 'bid' ? 1 : 0;
    const op = u.operation === 'insert' ? 0 : u.operation === 'update' ? 1 : 2;
    for (const d of r.depth) {
      const session = d.session;
      if (!session.canStream()) {
        session.countDropped(1);
        d.resync = true;
        continue;
      }
      const w = session.w;
      if (d.resync) {
        d.resync = false;
        writeDepthSnapshot(w, d, this.model.book(d.symbol));
        session.touched();
        continue;
      }
      const n = d.numRows;
      const p = u.position;
      if (op === 1) {
        if (p < d.rows[side]) depthL2(w, d.head, p, u.venue, 1, side, u.price, u.size, d.isSmartDepth);
      } else if (op === 0) {
        if (p >= n) continue;
        depthL2(w, d.head, p, u.venue, 0, side, u.price, u.size, d.isSmartDepth);
        if (++d.rows[side] > n) {
          // The row pushed below the visible depth leaves the client's book.
          depthL2(w, d.head, n, '', 2, side, 0, 0, d.isSmartDepth);
          d.rows[side] = n;
        }
      } else {
        if (p >= d.rows[side]) continue;
        depthL2(w, d.head, p, u.venue, 2, side, u.price, u.size, d.isSmartDepth);
        d.rows[side]--;
        if (n < 10) this.backfillRow(d, side);
      }
      session.touched();
    }
  }

  /** After a delete in a truncated view, the next row of the model's book comes into view. */
  private backfillRow(d: DepthSub, side: 0 | 1): void {
    const book = this.model.book(d.symbol);
    const levels = side === 1 ? book?.bids : book?.asks;
    const pos = d.rows[side];
    const level = levels?.[pos];
    if (!level || pos >= d.numRows) return;
    depthL2(d.session.w, d.head, pos, level.venue, 0, side, level.price, level.size, d.isSmartDepth);
    d.rows[side]++;
  }
}
