// A symbol's 1-minute history: today's minutes up to the start are synthesised when the model is built
// (they set the day's open, range and volume); earlier sessions are prepended on first use. The index
// (SPX) takes SPY's history scaled to its level.
import type { Bar } from './types';
import { MINUTE_MS, round2 } from './bars';
import { prevTradingDay, sessionOf, type Session } from './calendar';
import { gapBack, synthesizeMinutes } from './history';
import { deriveSeed, Rng } from './rng';
import type { SymbolState } from './state';
import { SPX_PER_SPY } from './symbols';

export interface HistoryContext {
  seed: number;
  /** The session whose minutes up to the start are today's synthesised history. */
  anchor: Session;
  /** SPY's state, which the index follows (built before the index). */
  spy: () => SymbolState;
}

/** Today's (anchor session's) history up to `start` at `price`, and the day's statistics it sets. */
export function loadTodayHistory(st: SymbolState, ctx: HistoryContext, start: number, price: number): void {
  if (st.isIndex) {
    const spy = ctx.spy();
    st.minuteBars = spy.minuteBars.map((b) => scaleBar(b, 'SPX', SPX_PER_SPY));
    st.historyPrevClose = round2(spy.historyPrevClose * SPX_PER_SPY);
  } else {
    const end = Math.min(Math.floor(start / MINUTE_MS) * MINUTE_MS, ctx.anchor.close);
    const rng = new Rng(deriveSeed(ctx.seed, `history-today:${st.spec.symbol}`));
    const { bars, firstOpen } = synthesizeMinutes(st.history, [{ session: ctx.anchor, end }], price, rng);
    st.minuteBars = bars;
    st.historyPrevClose = round2(gapBack(firstOpen, st.spec.vol, rng));
  }
  st.prevClose = st.historyPrevClose;
  if (st.minuteBars.length > 0) {
    const first = st.minuteBars[0]!;
    st.open = first.open;
    st.refPrice = first.open;
    st.tradedToday = true;
    st.high = -Infinity;
    st.low = Infinity;
    for (const b of st.minuteBars) {
      if (b.high > st.high) st.high = b.high;
      if (b.low < st.low) st.low = b.low;
      st.volume += b.volume;
      st.pv += b.vwap * b.volume;
    }
    st.high = Math.max(st.high, price);
    st.low = Math.min(st.low, price);
  }
}

/** Prepends `historyDays` synthesised sessions before today's history, once per symbol. */
export function loadPriorHistory(st: SymbolState, ctx: HistoryContext, historyDays: number): void {
  if (st.priorLoaded) return;
  st.priorLoaded = true;
  if (historyDays <= 0) return;
  if (st.isIndex) {
    const spy = ctx.spy();
    loadPriorHistory(spy, ctx, historyDays);
    const spyPrior = spy.minuteBars.filter((b) => b.ts < ctx.anchor.open);
    st.minuteBars = [...spyPrior.map((b) => scaleBar(b, 'SPX', SPX_PER_SPY)), ...st.minuteBars];
    return;
  }
  const sessions: { session: Session; end: number }[] = [];
  let d = ctx.anchor.date;
  for (let i = 0; i < historyDays; i++) {
    d = prevTradingDay(d);
    const s = sessionOf(d);
    sessions.unshift({ session: s, end: s.close });
  }
  const rng = new Rng(deriveSeed(ctx.seed, `history-prior:${st.symbol}`));
  const { bars } = synthesizeMinutes(st.history, sessions, st.historyPrevClose, rng);
  st.minuteBars = [...bars, ...st.minuteBars];
}

function scaleBar(b: Bar, symbol: string, k: number): Bar {
  return {
    symbol,
    ts: b.ts,
    open: round2(b.open * k),
    high: round2(b.high * k),
    low: round2(b.low * k),
    close: round2(b.close * k),
    volume: 0,
    vwap: round2(b.close * k),
    count: 0,
  };
}
