// A symbol's state when the model is built: its spec, path loading, starting level and today's history.
import type { Quote } from './types';
import type { BookParams } from './book';
import { round2 } from './bars';
import { loadTodayHistory, type HistoryContext } from './symbol-history';
import { newAccumulators, type SymbolState } from './state';
import { SPX_PER_SPY, specFor, type SymbolSpec } from './symbols';
import { expectedArrivalSize, tradeMixFor } from './trades';

const SQRT_252 = Math.sqrt(252);

export interface SetupContext extends HistoryContext {
  /** Each path's correlation to the market factor. */
  corrToMarket: ArrayLike<number>;
}

export function newSymbolState(
  spec: SymbolSpec,
  pathIndex: number,
  listed: boolean,
  isIndex: boolean,
  ctx: SetupContext,
  start: number,
): SymbolState {
  const price = isIndex ? round2(specFor('SPY').price * SPX_PER_SPY) : spec.price;
  const mix = tradeMixFor(spec.price);
  const arrival = expectedArrivalSize(spec.levelSize, mix);
  const history = {
    symbol: spec.symbol,
    vol: spec.vol,
    dailyVolume: spec.tradesPerSec * 23_400 * arrival,
    avgTradeSize: Math.max(1, arrival / 1.15),
  };
  const st: SymbolState = {
    symbol: spec.symbol,
    spec,
    pathIndex,
    listed,
    isIndex,
    book: undefined,
    spreadBase: spec.spreadTicks[0],
    driftScale: (spec.vol / SQRT_252) * (ctx.corrToMarket[pathIndex] ?? 0),
    singleName: spec.tier === 'mega' || spec.tier === 'other',
    last: price,
    lastSize: 0,
    volume: 0,
    pv: 0,
    open: price,
    high: price,
    low: price,
    prevClose: price,
    tradedToday: false,
    refPrice: price,
    quote: undefined as unknown as Quote,
    ...newAccumulators(),
    bars5s: [],
    minuteBars: [],
    priorLoaded: false,
    historyPrevClose: price,
    history,
    trades: [],
  };
  loadTodayHistory(st, ctx, start, price);
  return st;
}

/** The book's parameters from a symbol's spec. */
export function bookParamsOf(spec: SymbolSpec): BookParams {
  return { levelGap: spec.levelGap, levelSize: spec.levelSize, nasdaq: spec.nasdaq };
}
