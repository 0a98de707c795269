// Per-symbol mutable state of the running model (session statistics, book, bars, tape).
import type { Bar, Quote, Trade } from './types';
import { BarAccumulator } from './bars';
import type { OrderBook } from './book';
import type { SymbolSpec } from './symbols';
import type { HistoryParams } from './history';

export interface SymbolState {
  symbol: string;
  spec: SymbolSpec;
  /** Index into the price paths (SPX follows SPY's path). */
  pathIndex: number;
  /** In the configured list: emits events and answers queries. */
  listed: boolean;
  /** The index (SPX): a level, no book or trades. */
  isIndex: boolean;
  book: OrderBook | undefined;
  spreadBase: number;
  driftScale: number;
  singleName: boolean;

  last: number;
  lastSize: number;
  volume: number;
  pv: number;
  open: number;
  high: number;
  low: number;
  prevClose: number;
  tradedToday: boolean;
  /** Reference for strikes and open interest: the day's opening level. */
  refPrice: number;
  quote: Quote;

  bar5: BarAccumulator;
  barMinute: BarAccumulator;
  bars5s: Bar[];
  /** Completed 1-minute bars, ascending; earlier sessions are prepended lazily. */
  minuteBars: Bar[];
  priorLoaded: boolean;
  /** Close before the first synthesised session of today's history (anchor of the prior history). */
  historyPrevClose: number;
  history: HistoryParams;
  trades: Trade[];
}

export function newAccumulators(): { bar5: BarAccumulator; barMinute: BarAccumulator } {
  return { bar5: new BarAccumulator(), barMinute: new BarAccumulator() };
}
