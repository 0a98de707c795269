// Writing market-data ticks for one subscription: initial values, changes of a quote, prints, option
// quotes with model Greeks, and depth rows. Only changed values are written, as TWS does.
import type { Book, OptionQuote, Quote, Trade } from '@alphatrader/market-sim';
import {
  depthL2,
  marketDataType,
  tickOptionComputation,
  tickPrice,
  tickReqParams,
  tickSize,
  tickString,
  type OptionComputation,
} from '../codec/encoder';
import { Tick } from '../codec/ids';
import type { FrameWriter } from '../codec/writer';
import type { DepthSub, MktDataSub } from './subscriptions';

/** Sent first on every market-data request, as TWS does: data type (1 real-time) and tick parameters. */
export function writeRequestPreamble(w: FrameWriter, reqId: number): void {
  marketDataType(w, reqId, 1);
  tickReqParams(w, reqId, 0.01, '9c0001', 3);
}

/** Bid/ask price and size ticks that changed. A price tick carries its size; TWS also sends the size tick. */
export function writeBidAsk(
  w: FrameWriter,
  s: MktDataSub,
  bid: number,
  bidSize: number,
  ask: number,
  askSize: number,
): void {
  if (bid !== s.bid) {
    tickPrice(w, s.hPrice, Tick.BID, bid, bidSize, 1);
    tickSize(w, s.hSize, Tick.BID_SIZE, bidSize);
  } else if (bidSize !== s.bidSize) {
    tickSize(w, s.hSize, Tick.BID_SIZE, bidSize);
  }
  if (ask !== s.ask) {
    tickPrice(w, s.hPrice, Tick.ASK, ask, askSize, 1);
    tickSize(w, s.hSize, Tick.ASK_SIZE, askSize);
  } else if (askSize !== s.askSize) {
    tickSize(w, s.hSize, Tick.ASK_SIZE, askSize);
  }
  s.bid = bid;
  s.bidSize = bidSize;
  s.ask = ask;
  s.askSize = askSize;
}

/** Session statistics of a stock or index quote: volume, high, low (and for an index its level as last). */
export function writeQuoteStats(w: FrameWriter, s: MktDataSub, q: Quote, isIndex: boolean): void {
  if (isIndex && q.last !== s.last) {
    tickPrice(w, s.hPrice, Tick.LAST, q.last, 0);
    s.last = q.last;
  }
  if (!isIndex && q.volume !== s.volume) {
    tickSize(w, s.hSize, Tick.VOLUME, q.volume);
    s.volume = q.volume;
  }
  if (q.high !== s.high && Number.isFinite(q.high)) {
    tickPrice(w, s.hPrice, Tick.HIGH, q.high, 0);
    s.high = q.high;
  }
  if (q.low !== s.low && Number.isFinite(q.low)) {
    tickPrice(w, s.hPrice, Tick.LOW, q.low, 0);
    s.low = q.low;
  }
}

/** Initial values of a stock or index subscription. */
export function writeInitialQuote(w: FrameWriter, s: MktDataSub, q: Quote, isIndex: boolean): void {
  if (!isIndex) {
    writeBidAsk(w, s, q.bid, q.bidSize, q.ask, q.askSize);
    if (q.last > 0) {
      tickPrice(w, s.hPrice, Tick.LAST, q.last, q.lastSize);
      tickString(w, s.hString, Tick.LAST_TIMESTAMP, String(Math.floor(q.ts / 1000)));
      s.last = q.last;
    }
  }
  writeQuoteStats(w, s, q, isIndex);
  tickPrice(w, s.hPrice, Tick.CLOSE, q.prevClose, 0);
  tickPrice(w, s.hPrice, Tick.OPEN, q.open, 0);
}

/** A print: last price (with size), last timestamp and, when asked for (generic tick 233), RTVolume. */
export function writeTrade(w: FrameWriter, s: MktDataSub, t: Trade, totalVolume: number, vwap: number): void {
  tickPrice(w, s.hPrice, Tick.LAST, t.price, t.size);
  tickString(w, s.hString, Tick.LAST_TIMESTAMP, String(Math.floor(t.ts / 1000)));
  s.last = t.price;
  if (s.rtVolume) {
    const single = t.kind !== 'sweep';
    tickString(
      w,
      s.hString,
      Tick.RT_VOLUME,
      `${t.price};${t.size};${t.ts};${totalVolume};${round4(vwap)};${single}`,
    );
  }
}

const round4 = (x: number): number => Math.round(x * 10_000) / 10_000;

/** Option quote ticks plus bid/ask/last/model option computations (ticks 10–13) when anything moved. */
export function writeOptionQuote(w: FrameWriter, s: MktDataSub, q: OptionQuote): void {
  writeBidAsk(w, s, q.bid, q.bidSize, q.ask, q.askSize);
  if (q.last !== s.last && q.last > 0) {
    tickPrice(w, s.hPrice, Tick.LAST, q.last, 1);
    s.last = q.last;
  }
  if (q.volume !== s.volume) {
    tickSize(w, s.hSize, Tick.VOLUME, q.volume);
    s.volume = q.volume;
  }
  const key = `${q.mark}|${q.underlyingPrice}|${q.iv}|${q.bid}|${q.ask}`;
  if (key === s.optKey) return;
  s.optKey = key;
  const base: OptionComputation = {
    iv: q.iv,
    delta: q.delta,
    optPrice: q.mark,
    pvDividend: 0,
    gamma: q.gamma,
    vega: q.vega,
    theta: q.theta,
    undPrice: q.underlyingPrice,
  };
  tickOptionComputation(w, s.hOption, Tick.BID_OPTION, { ...base, optPrice: q.bid });
  tickOptionComputation(w, s.hOption, Tick.ASK_OPTION, { ...base, optPrice: q.ask });
  if (q.last > 0) tickOptionComputation(w, s.hOption, Tick.LAST_OPTION, { ...base, optPrice: q.last });
  tickOptionComputation(w, s.hOption, Tick.MODEL_OPTION, base);
}

/** The whole visible book as inserts (a new subscription, or a rebuild after dropped updates). */
export function writeDepthSnapshot(w: FrameWriter, d: DepthSub, book: Book | undefined): void {
  // Clear what the client holds first (rebuild case), bottom-up so positions stay valid.
  for (const side of [0, 1] as const) {
    for (let p = d.rows[side] - 1; p >= 0; p--) depthL2(w, d.head, p, '', 2, side, 0, 0, d.isSmartDepth);
    d.rows[side] = 0;
  }
  if (!book) return;
  const asks = book.asks.slice(0, d.numRows);
  const bids = book.bids.slice(0, d.numRows);
  asks.forEach((l, i) => depthL2(w, d.head, i, l.venue, 0, 0, l.price, l.size, d.isSmartDepth));
  bids.forEach((l, i) => depthL2(w, d.head, i, l.venue, 0, 1, l.price, l.size, d.isSmartDepth));
  d.rows = [asks.length, bids.length];
}
