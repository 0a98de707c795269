// Trade-flow pattern detectors on the tape: sweeps and trade-size classes (icebergs: icebergs.ts).
// Pure functions over arrays in time order; every hit carries the evidence it was based on. Prices are
// compared in integer ticks (round(price / tickSize)) so float noise cannot create or hide a level.
import {
  QuantInputError,
  requireArray,
  requireFinite,
  requireInteger,
  requireNonNegative,
  requirePositive,
} from './errors';

export type TradeSide = 'buy' | 'sell';

export interface TapeTrade {
  /** Epoch milliseconds. */
  ts: number;
  /** Price ($). */
  price: number;
  /** Shares. */
  size: number;
  /** Aggressor side: 'buy' lifted an offer, 'sell' hit a bid. */
  side: TradeSide;
  /** Venue / exchange code (e.g. ARCA, NSDQ). */
  venue?: string;
}

export interface SweepOptions {
  /** Longest time from the first to the last print of one sweep (ms, default 500). */
  windowMs?: number;
  /** Distinct price levels that make a sweep (default 3). */
  minLevels?: number;
  /** Distinct venues that make a sweep (default 3). */
  minVenues?: number;
  /** Fewest prints in a sweep (default 2). */
  minTrades?: number;
  /** Tick size for price comparison ($, default 0.01). */
  tickSize?: number;
}

export interface Sweep {
  side: TradeSide;
  startTs: number;
  endTs: number;
  /** Index of the first and last print in the input array. */
  startIndex: number;
  endIndex: number;
  trades: number;
  /** Distinct price levels taken. */
  levels: number;
  /** Distinct venues hit (prints without a venue are not counted). */
  venues: string[];
  /** Price of the first and of the last (worst) print ($). */
  firstPrice: number;
  lastPrice: number;
  /** Total shares and $ notional (Σ price·size). */
  shares: number;
  notional: number;
  /** What qualified it: enough levels, enough venues, or both. */
  reason: 'levels' | 'venues' | 'levels_and_venues';
}

/** A sweep being built: the report's fields, plus the last price level and the venues as a set. */
interface SweepRun extends Omit<Sweep, 'venues' | 'reason'> {
  lastTicks: number;
  venues: Set<string>;
}

/**
 * Sweeps: runs of same-side aggressive prints within `windowMs` of the run's first print, each at the same
 * or a worse price than the one before (higher for buys, lower for sells), that take at least `minLevels`
 * distinct price levels or hit at least `minVenues` venues. Prints of the other side do not interrupt a
 * run; a price improvement or the end of the window ends it. Trades must be in time order.
 * @throws QuantInputError on a trade with a non-finite field, a negative size or an unknown side.
 */
export function detectSweeps(trades: readonly TapeTrade[], opts: SweepOptions = {}): Sweep[] {
  requireArray('trades', trades);
  const windowMs = requireNonNegative('windowMs', opts.windowMs ?? 500);
  const minLevels = requireInteger('minLevels', opts.minLevels ?? 3, 1);
  const minVenues = requireInteger('minVenues', opts.minVenues ?? 3, 1);
  const minTrades = requireInteger('minTrades', opts.minTrades ?? 2, 1);
  const tick = requirePositive('tickSize', opts.tickSize ?? 0.01);

  const out: Sweep[] = [];
  const runs: Record<TradeSide, SweepRun | null> = { buy: null, sell: null };
  const finish = (run: SweepRun | null): void => {
    if (run === null || run.trades < minTrades) return;
    const byLevels = run.levels >= minLevels;
    const byVenues = run.venues.size >= minVenues;
    if (!byLevels && !byVenues) return;
    const { venues, lastTicks: _lastTicks, ...rest } = run;
    out.push({
      ...rest,
      venues: [...venues].sort(),
      reason: byLevels && byVenues ? 'levels_and_venues' : byLevels ? 'levels' : 'venues',
    });
  };

  for (let i = 0; i < trades.length; i++) {
    const t = validateTrade(trades[i], i);
    const ticks = Math.round(t.price / tick);
    const run = runs[t.side];
    const worseOrSame = run !== null && (t.side === 'buy' ? ticks >= run.lastTicks : ticks <= run.lastTicks);
    if (run !== null && worseOrSame && t.ts - run.startTs <= windowMs) {
      if (ticks !== run.lastTicks) run.levels++;
      run.lastTicks = ticks;
      run.endTs = t.ts;
      run.endIndex = i;
      run.trades++;
      run.lastPrice = t.price;
      run.shares += t.size;
      run.notional += t.price * t.size;
      if (t.venue) run.venues.add(t.venue);
      continue;
    }
    finish(run);
    runs[t.side] = {
      side: t.side,
      startTs: t.ts,
      endTs: t.ts,
      startIndex: i,
      endIndex: i,
      trades: 1,
      levels: 1,
      lastTicks: ticks,
      venues: new Set(t.venue ? [t.venue] : []),
      firstPrice: t.price,
      lastPrice: t.price,
      shares: t.size,
      notional: t.price * t.size,
    };
  }
  finish(runs.buy);
  finish(runs.sell);
  return out.sort((a, b) => a.startIndex - b.startIndex);
}

function validateTrade(t: TapeTrade | undefined, i: number): TapeTrade {
  if (t === null || typeof t !== 'object') throw new QuantInputError(`trades[${i}] must be an object`);
  requireFinite(`trades[${i}].ts`, t.ts);
  requirePositive(`trades[${i}].price`, t.price);
  requireNonNegative(`trades[${i}].size`, t.size);
  if (t.side !== 'buy' && t.side !== 'sell') {
    throw new QuantInputError(`trades[${i}].side must be 'buy' or 'sell' (got ${String(t.side)})`);
  }
  return t;
}

export type TradeSizeClass = 'odd_lot' | 'round_lot' | 'block';

export interface TradeSizeOptions {
  /** Shares in a round lot (default 100; the SEC's 2025 tiers lower it for high-priced stocks). */
  roundLot?: number;
  /** Shares at or above which a print is a block (default 10,000). */
  blockShares?: number;
  /** $ notional at or above which a print is a block (default 200,000). */
  blockNotional?: number;
}

/**
 * Size class of one print: 'block' when size ≥ blockShares or price·size ≥ blockNotional (checked first),
 * else 'odd_lot' when size < roundLot, else 'round_lot'.
 * @throws QuantInputError on a non-finite or negative price or size, or non-positive thresholds.
 */
export function classifyTradeSize(
  trade: { price: number; size: number },
  opts: TradeSizeOptions = {},
): TradeSizeClass {
  if (trade === null || typeof trade !== 'object') throw new QuantInputError('trade must be an object');
  requireNonNegative('price', trade.price);
  requireNonNegative('size', trade.size);
  const roundLot = requirePositive('roundLot', opts.roundLot ?? 100);
  const blockShares = requirePositive('blockShares', opts.blockShares ?? 10_000);
  const blockNotional = requirePositive('blockNotional', opts.blockNotional ?? 200_000);
  if (trade.size >= blockShares || trade.price * trade.size >= blockNotional) return 'block';
  return trade.size < roundLot ? 'odd_lot' : 'round_lot';
}

export interface TradeSizeProfile {
  /** Prints per class. */
  counts: Record<TradeSizeClass, number>;
  /** Shares per class. */
  volume: Record<TradeSizeClass, number>;
  /** Fractions of all prints in [0, 1] (0 when there are none). */
  oddLotRatio: number;
  blockRatio: number;
  /** Fraction of all shares traded in blocks (0 when no shares). */
  blockVolumeShare: number;
}

/** Counts and volume by size class over a set of prints (see classifyTradeSize). */
export function tradeSizeProfile(
  trades: readonly { price: number; size: number }[],
  opts: TradeSizeOptions = {},
): TradeSizeProfile {
  requireArray('trades', trades);
  const counts = { odd_lot: 0, round_lot: 0, block: 0 };
  const volume = { odd_lot: 0, round_lot: 0, block: 0 };
  let shares = 0;
  for (const t of trades) {
    const cls = classifyTradeSize(t, opts);
    counts[cls]++;
    volume[cls] += t.size;
    shares += t.size;
  }
  const n = trades.length;
  return {
    counts,
    volume,
    oddLotRatio: n === 0 ? 0 : counts.odd_lot / n,
    blockRatio: n === 0 ? 0 : counts.block / n,
    blockVolumeShare: shares === 0 ? 0 : volume.block / shares,
  };
}
