// Taking the changed inputs of one symbol into its state: deduplication by version, validation (stale or
// impossible input → alert, outputs deleted, last good state dropped), and feeding the trackers.
import type { IcebergEvent } from '@alphatrader/quant';
import type {
  FiveSecondBar,
  IntradaySeries,
  OptionChain,
  OrderBook,
  Ticker,
  Trade,
} from '@alphatrader/shared';
import { barProblem } from './bars';
import { levelChanges, midPrice, priceLevels, quoteLevels, type SidedBook } from './book';
import { atmImpliedVol } from './gex';
import type { SymbolState } from './symbol-state';
import type { Input } from './types';
import { ageMs, type UpdateContext } from './update-context';

const BOOK_OUTPUTS = ['obi', 'liquidity', 'hidden', 'moc_pred'] as const;
const GEX_OUTPUTS = ['gex', 'dex', 'gex_profile', 'greeks'] as const;

/**
 * An absent key (expired: the feed paused, or nothing was ever written) withdraws the outputs quietly; the
 * stale-book sweep flags a feed that stops during market hours. A value the schema rejected is flagged.
 */
function rejectInput(ctx: UpdateContext, what: string, input: Extract<Input<unknown>, { ok: false }>): void {
  if (input.reason === 'invalid') ctx.alert('invalid_input', `${what} rejected: ${input.detail}`);
}

/** Returns whether a new valid book was taken. */
export function ingestBook(st: SymbolState, input: Input<OrderBook>, ctx: UpdateContext): boolean {
  if (!input.ok) {
    rejectInput(ctx, 'order book', input);
    dropBook(st, ctx);
    return false;
  }
  const b = input.value;
  const version = `${b.sourceTs}:${b.ts}`;
  if (version === st.bookVersion) return false;
  st.bookVersion = version;
  const age = ageMs(ctx.now, b.sourceTs);
  if (age > st.settings.staleBookMs) {
    ctx.alert(
      'stale_book',
      `order book is ${age} ms old (limit ${st.settings.staleBookMs} ms): no output`,
      age,
    );
    dropBook(st, ctx);
    return false;
  }
  const levels = priceLevels(b);
  if ('problem' in levels) {
    ctx.alert('impossible_value', `order book: ${levels.problem}`);
    dropBook(st, ctx);
    return false;
  }
  st.hidden.add(levelChanges(st.prevLevels, levels, b.sourceTs, st.tradedPrices));
  st.tradedPrices.clear();
  st.prevLevels = levels;
  st.book = { levels, sourceTs: b.sourceTs };
  setSpotFromLevels(st, levels, b.sourceTs, 'book');
  return true;
}

function dropBook(st: SymbolState, ctx: UpdateContext): void {
  st.book = null;
  st.liquidity = null;
  ctx.clear(...BOOK_OUTPUTS);
}

/** Returns whether a new valid quote was taken. */
export function ingestTicker(st: SymbolState, input: Input<Ticker>, ctx: UpdateContext): boolean {
  const ownsOutputs = st.kind === 'standard';
  if (!input.ok) {
    rejectInput(ctx, 'quote', input);
    st.quote = null;
    if (ownsOutputs) {
      st.liquidity = null;
      ctx.clear(...BOOK_OUTPUTS);
    }
    return false;
  }
  const t = input.value;
  const version = String(t.ts);
  if (version === st.tickerVersion) return false;
  st.tickerVersion = version;
  const age = ageMs(ctx.now, t.ts);
  if (age > st.settings.maxQuoteAgeMs) {
    ctx.alert(
      'stale_quote',
      `quote is ${age} ms old (limit ${st.settings.maxQuoteAgeMs} ms): no output`,
      age,
    );
    st.quote = null;
    if (ownsOutputs) ctx.clear(...BOOK_OUTPUTS);
    return false;
  }
  const levels = quoteLevels(t);
  if ('problem' in levels && t.bid !== null && t.ask !== null) {
    ctx.alert('impossible_value', `quote: ${levels.problem}`);
    st.quote = null;
    if (ownsOutputs) ctx.clear(...BOOK_OUTPUTS);
    return false;
  }
  const usable = 'problem' in levels ? null : levels;
  st.quote = { levels: usable, last: t.last, ts: t.ts };
  // Level-2 symbols take their spot from the book; the quote only fills in while no book is valid.
  if (st.kind !== 'level2' || st.book === null) {
    if (usable !== null) setSpotFromLevels(st, usable, t.ts, 'ticker');
    else if (t.last !== null && t.last > 0) st.spot = { price: t.last, ts: t.ts, source: 'last' };
  }
  return true;
}

/** Index spot from Alpha Vantage intraday bars (indices have no stock quotes). Returns whether it changed. */
export function ingestIntraday(st: SymbolState, input: Input<IntradaySeries>): boolean {
  if (!input.ok) return false;
  const s = input.value;
  const version = String(s.lastRefreshed);
  if (version === st.intradayVersion) return false;
  st.intradayVersion = version;
  const last = s.bars[s.bars.length - 1];
  if (last === undefined || !(last.close > 0)) return false;
  // Only when nothing better exists: a live quote always wins over a minute bar.
  if (st.spot === null || st.spot.source === 'intraday') {
    st.spot = { price: last.close, ts: s.lastRefreshed, source: 'intraday' };
    return true;
  }
  return false;
}

function setSpotFromLevels(st: SymbolState, levels: SidedBook, ts: number, source: 'book' | 'ticker'): void {
  const mid = midPrice(levels);
  if (mid !== null) st.spot = { price: mid, ts, source };
}

/** Feeds new trades (oldest first) to VPIN, the tape and the hidden-order detector; returns how many were taken. */
export function ingestTrades(st: SymbolState, trades: readonly Trade[], ctx: UpdateContext): number {
  let rejected = 0;
  const good: Trade[] = [];
  const hiddenEvents: IcebergEvent[] = [];
  const quote = st.topOfBook();
  for (const t of trades) {
    if (!(t.price > 0)) {
      rejected++;
      continue;
    }
    const side = st.sides.classify(t.price, quote);
    st.tape.push({ ts: t.ts, price: t.price, size: t.size, side, venue: t.venue ?? undefined });
    if (st.kind === 'level2') {
      hiddenEvents.push({ kind: 'trade', ts: t.ts, price: t.price, size: t.size, side });
      st.tradedPrices.add(t.price);
    }
    good.push(t);
    st.lastTradeTs = t.ts;
  }
  st.vpin.push(good);
  st.tradesSincePatterns += good.length;
  if (hiddenEvents.length > 0) st.hidden.add(hiddenEvents);
  if (rejected > 0)
    ctx.alert('impossible_value', `${rejected} trades with a non-positive price ignored`, rejected);
  return good.length;
}

/** Feeds new 5-second bars (oldest first) to the timeframes and the history; returns how many were taken. */
export function ingestBars(st: SymbolState, bars: readonly FiveSecondBar[], ctx: UpdateContext): number {
  const good: FiveSecondBar[] = [];
  for (const b of bars) {
    const problem = barProblem(b);
    if (problem !== null) {
      ctx.alert('impossible_value', `5-second bar at ${b.ts}: ${problem}`);
      continue;
    }
    if (st.lastBarTs !== null && b.ts <= st.lastBarTs) continue;
    good.push(b);
    st.history.push({ ts: b.ts, close: b.close, volume: b.volume });
    st.lastBarTs = b.ts;
  }
  if (good.length > 0) {
    st.timeframes.add(good);
    st.barStats = null;
  }
  return good.length;
}

/** Returns whether a new valid chain was taken. A stale or invalid chain deletes the exposures. */
export function ingestChain(st: SymbolState, input: Input<OptionChain>, ctx: UpdateContext): boolean {
  if (!input.ok) {
    rejectInput(ctx, 'options chain', input);
    dropChain(st, ctx);
    return false;
  }
  const c = input.value;
  const version = `${c.fetchedAt}:${c.ts}`;
  if (version === st.chainVersion) return false;
  st.chainVersion = version;
  const age = ageMs(ctx.now, c.fetchedAt);
  if (age > st.settings.maxChainAgeMs) {
    ctx.alert(
      'stale_chain',
      `options chain is ${age} ms old (limit ${st.settings.maxChainAgeMs} ms): no output`,
      age,
    );
    dropChain(st, ctx);
    return false;
  }
  st.chain = c;
  st.gexSpot = null;
  st.chainIv = st.spot === null ? null : atmImpliedVol(c, st.spot.price, ctx.now);
  return true;
}

function dropChain(st: SymbolState, ctx: UpdateContext): void {
  st.chain = null;
  st.chainIv = null;
  st.gexSpot = null;
  ctx.clear(...GEX_OUTPUTS);
}
