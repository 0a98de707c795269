// Turns a symbol's coalesced state into the values one flush writes: snapshot keys (book, ticker, spread,
// imbalance, last, raw) when they changed or need a keep-alive rewrite, the pending list items (trades,
// bars, depth deltas), the periodic level-2 snapshot, detections, and the kinds that changed for the
// events stream. A crossed or locked state is counted and not published: the last good value stays.
import { orderBookImbalance } from '@alphatrader/quant';
import type {
  DepthDelta,
  FiveSecondBar,
  Imbalance,
  L2Snapshot,
  LastTrade,
  OrderBook,
  RawIbkrQuote,
  Spread,
  Sweep,
  Ticker,
  Trade,
  UnusualVolume,
} from '@alphatrader/shared';
import type { Arrivals } from './arrivals';
import type { Level } from './book';
import { crossedOrLocked } from './quality';
import { Changed, type QualitySink, type SymbolFeed } from './symbol-feed';

export type ChangeKind = 'book' | 'trades' | 'ticker' | 'bars' | 'depth' | 'sweep' | 'unusual_volume';

export interface SymbolWrites {
  symbol: string;
  book?: OrderBook;
  ticker?: Ticker;
  spread?: Spread;
  imbalance?: Imbalance;
  last?: LastTrade;
  raw?: RawIbkrQuote;
  /** Oldest first. */
  trades: Trade[];
  bars: FiveSecondBar[];
  deltas: DepthDelta[];
  snapshot?: L2Snapshot;
  sweep?: Sweep;
  unusual?: UnusualVolume;
  timestamp?: number;
  /** What changed, most significant first; empty for a keep-alive or snapshot-only write. */
  changes: ChangeKind[];
  /** performance.now() of the oldest change in this write; -1 when nothing changed. */
  pendingSince: number;
  /** Arrival times of the changes in this write (null for a keep-alive or snapshot-only write). */
  arrivals: Arrivals | null;
}

export interface WriteTiming {
  l2SnapshotIntervalMs: number;
  keepAliveMs: number;
  staleAfterMs: number;
}

/** Top rows a level-2 snapshot keeps (registry schema). */
const SNAPSHOT_ROWS = 10;
/**
 * raw:ibkr:{s} (a diagnostic view) and market:{s}:timestamp (a staleness marker) are rewritten at most
 * this often (wall ms): two commands fewer per symbol and flush, nothing a reader of them would notice.
 */
export const SLOW_KEYS_MS = 250;

export function collectWrites(
  feed: SymbolFeed,
  clockNow: number,
  wallNow: number,
  timing: WriteTiming,
  sink: QualitySink,
): SymbolWrites | null {
  const changed = feed.changed;
  const fresh = feed.anyAt >= 0 && wallNow - feed.anyAt < timing.staleAfterMs;
  const keepAlive = fresh && (feed.lastWriteAt < 0 || wallNow - feed.lastWriteAt >= timing.keepAliveMs);
  const book = feed.book !== null && feed.depthEnabled && !feed.book.empty ? feed.book : null;
  const depthFresh = feed.depthAt >= 0 && wallNow - feed.depthAt < timing.staleAfterMs;
  const snapshotDue =
    book !== null &&
    depthFresh &&
    (feed.lastSnapshotAt < 0 || wallNow - feed.lastSnapshotAt >= timing.l2SnapshotIntervalMs);
  const sweepPending = feed.sweeps?.pending === true;
  if ((changed & Changed.QUOTE) !== 0) feed.rawPending = true;
  if (changed !== 0) feed.timestampPending = true;
  const rawDue = feed.rawPending && (keepAlive || wallNow - feed.lastRawAt >= SLOW_KEYS_MS);
  const timestampDue = feed.timestampPending && wallNow - feed.lastTimestampAt >= SLOW_KEYS_MS;
  if (changed === 0 && !keepAlive && !snapshotDue && !sweepPending && !rawDue && !timestampDue) return null;

  const w: SymbolWrites = {
    symbol: feed.symbol,
    trades: [],
    bars: [],
    deltas: [],
    changes: [],
    pendingSince: changed !== 0 ? feed.firstPendingAt : -1,
    arrivals: feed.arrivals.take(),
  };
  const symbol = feed.symbol;

  // Level-2 book first: the imbalance below uses it.
  let bids: Level[] | null = null;
  let asks: Level[] | null = null;
  if (book !== null && ((changed & Changed.BOOK) !== 0 || keepAlive || snapshotDue)) {
    const problem = book.problem();
    if (problem !== null) {
      if ((changed & Changed.BOOK) !== 0) sink.reject(problem, symbol);
    } else {
      bids = book.visible('bid');
      asks = book.visible('ask');
      if ((changed & Changed.BOOK) !== 0 || keepAlive) {
        w.book = { symbol, bids, asks, smartDepth: true, sourceTs: feed.depthTs, ts: clockNow };
        if ((changed & Changed.BOOK) !== 0) w.changes.push('book');
      }
      if (snapshotDue) {
        w.snapshot = {
          symbol,
          bids: bids.slice(0, SNAPSHOT_ROWS),
          asks: asks.slice(0, SNAPSHOT_ROWS),
          sourceTs: feed.depthTs,
          ts: clockNow,
        };
        feed.lastSnapshotAt = wallNow;
      }
    }
  }

  const quoteChanged = (changed & Changed.QUOTE) !== 0;
  if (
    (quoteChanged || keepAlive || bids !== null) &&
    (feed.bid !== null || feed.ask !== null || feed.last !== null)
  ) {
    const problem = crossedOrLocked(feed.bid ?? undefined, feed.ask ?? undefined, 'quote');
    if (problem !== null) {
      if (quoteChanged) sink.reject(problem, symbol);
    } else {
      if (quoteChanged || keepAlive) {
        w.ticker = {
          symbol,
          bid: feed.bid,
          ask: feed.ask,
          bidSize: feed.bidSize,
          askSize: feed.askSize,
          last: feed.last,
          volume: feed.volume,
          vwap: feed.vwap,
          ts: feed.quoteTs,
        };
        if (quoteChanged) w.changes.push('ticker');
        if (feed.bid !== null && feed.ask !== null) {
          const mid = (feed.bid + feed.ask) / 2;
          const spread = feed.ask - feed.bid;
          w.spread = {
            bid: feed.bid,
            ask: feed.ask,
            mid,
            spread,
            spreadBps: (spread / mid) * 10_000,
            ts: feed.quoteTs,
          };
        }
      }
      const imbalance = buildImbalance(feed, bids, asks);
      if (imbalance !== null) w.imbalance = imbalance;
    }
  }
  if (rawDue) {
    w.raw = {
      symbol,
      ticks: { ...feed.ticks },
      rtVolume: feed.rtVolume,
      sourceTs: feed.quoteTs,
      ts: clockNow,
    };
    feed.rawPending = false;
    feed.lastRawAt = wallNow;
  }

  if ((changed & Changed.TRADES) !== 0) {
    w.trades = feed.trades.drain();
    if (w.trades.length > 0) w.changes.push('trades');
  }
  if (sweepPending) {
    const sweep = feed.detectSweep(wallNow);
    if (sweep !== null) {
      w.sweep = sweep;
      w.changes.push('sweep');
    }
  }
  if (feed.lastTrade !== null && ((changed & Changed.TRADES) !== 0 || keepAlive))
    w.last = { ...feed.lastTrade };
  if ((changed & Changed.BARS) !== 0) {
    w.bars = feed.bars.drain();
    if (w.bars.length > 0) w.changes.push('bars');
  }
  if ((changed & Changed.DEPTH) !== 0 && feed.depthEnabled) {
    w.deltas = feed.deltas.drain();
    if (w.deltas.length > 0) w.changes.push('depth');
  }
  if ((changed & Changed.UNUSUAL) !== 0 && feed.pendingUnusual !== null) {
    w.unusual = feed.pendingUnusual;
    feed.pendingUnusual = null;
    w.changes.push('unusual_volume');
  }
  if (timestampDue) {
    w.timestamp = feed.updatedTs;
    feed.timestampPending = false;
    feed.lastTimestampAt = wallNow;
  }
  if (w.ticker !== undefined || w.book !== undefined) feed.lastWriteAt = wallNow;
  feed.changed = 0;
  feed.firstPendingAt = -1;
  return w;
}

function buildImbalance(feed: SymbolFeed, bids: Level[] | null, asks: Level[] | null): Imbalance | null {
  const b = feed.bidSize;
  const a = feed.askSize;
  if (b === null || a === null || b + a <= 0) return null;
  const level1 = (b - a) / (b + a);
  const levels = feed.book?.rows ?? 0;
  const depthWeighted =
    bids !== null && asks !== null && (bids.length > 0 || asks.length > 0)
      ? orderBookImbalance({ bids, asks }, { levels })
      : null;
  return {
    level1,
    level1Normalised: (level1 + 1) / 2,
    depthWeighted,
    levels: depthWeighted === null ? 0 : levels,
    ts: Math.max(feed.quoteTs, depthWeighted === null ? 0 : feed.depthTs),
  };
}
