// A symbol's session statistics (open, range, volume, VWAP, last print) and the quote built from them
// and its book's inside.
import type { Quote } from './types';
import { round4 } from './bars';
import type { SymbolState } from './state';

/** Folds a print into the day's statistics and the running 5-second bar. */
export function recordTrade(st: SymbolState, price: number, size: number): void {
  if (!st.tradedToday) {
    st.tradedToday = true;
    st.open = st.high = st.low = price;
  }
  st.last = price;
  st.lastSize = size;
  st.volume += size;
  st.pv += price * size;
  if (price > st.high) st.high = price;
  if (price < st.low) st.low = price;
  st.bar5.addTrade(price, size);
}

/** Folds an index level (no volume) into the day's statistics and the running 5-second bar. */
export function recordIndexLevel(st: SymbolState, level: number): void {
  if (!st.tradedToday) {
    st.tradedToday = true;
    st.open = st.high = st.low = level;
  }
  st.last = level;
  if (level > st.high) st.high = level;
  if (level < st.low) st.low = level;
  st.bar5.addPrice(level);
}

/** A new session: yesterday's last becomes the previous close and the day's statistics restart. */
export function startNewDay(st: SymbolState): void {
  st.prevClose = st.last;
  st.open = st.high = st.low = st.last;
  st.refPrice = st.last;
  st.tradedToday = false;
  st.volume = 0;
  st.pv = 0;
  st.lastSize = 0;
}

export function makeQuote(st: SymbolState, ts: number): Quote {
  const b = st.book;
  const hasBook = b !== undefined && b.bids.count > 0 && b.asks.count > 0;
  return {
    symbol: st.symbol,
    ts,
    bid: hasBook ? b.bids.price[0]! / 100 : st.last,
    ask: hasBook ? b.asks.price[0]! / 100 : st.last,
    bidSize: hasBook ? b.bids.size[0]! : 0,
    askSize: hasBook ? b.asks.size[0]! : 0,
    last: st.last,
    lastSize: st.lastSize,
    volume: st.volume,
    vwap: st.volume > 0 ? round4(st.pv / st.volume) : st.last,
    open: st.open,
    high: st.high,
    low: st.low,
    prevClose: st.prevClose,
  };
}

/** Whether the last quote still shows the inside, the last print and the volume. */
export function quoteIsCurrent(st: SymbolState): boolean {
  const q = st.quote;
  const b = st.book;
  if (b) {
    return (
      Math.round(q.bid * 100) === b.bids.price[0] &&
      Math.round(q.ask * 100) === b.asks.price[0] &&
      q.bidSize === b.bids.size[0] &&
      q.askSize === b.asks.size[0] &&
      q.volume === st.volume &&
      q.last === st.last
    );
  }
  return q.last === st.last;
}
