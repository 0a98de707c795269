// market:{symbol}:* — live market data from IBKR (and 1-minute bars from Alpha Vantage). Seed TTLs:
// market data 1 s, bars 10 s; derived detections 5 s (calculated metrics).
import { z } from 'zod';
import {
  Bar,
  BookLevel,
  clockTime,
  count,
  epochMs,
  price,
  signedUnit,
  size,
  symbol,
  unitInterval,
} from './common';
import { defineKey } from './define';

export const OrderBook = z.strictObject({
  symbol,
  /** Best first; at most 10 levels. */
  bids: z.array(BookLevel).max(50),
  asks: z.array(BookLevel).max(50),
  smartDepth: z.boolean(),
  /** Time of the last depth message from TWS (epoch ms). */
  sourceTs: epochMs,
  ts: epochMs,
});
export type OrderBook = z.infer<typeof OrderBook>;

export const Trade = z.strictObject({
  price,
  size,
  /** Exchange or venue of the print; null when the feed does not say (RTVolume). */
  venue: z.string().nullable(),
  /** Where the print came from: tick-by-tick AllLast or RTVolume (generic tick 233). */
  source: z.enum(['tick_by_tick', 'rtvolume']),
  ts: epochMs,
});
export type Trade = z.infer<typeof Trade>;

export const LastTrade = z.strictObject({ price, size, ts: epochMs });
export type LastTrade = z.infer<typeof LastTrade>;

export const FiveSecondBar = Bar.extend({ intervalSeconds: z.literal(5) });
export type FiveSecondBar = z.infer<typeof FiveSecondBar>;

export const Ticker = z.strictObject({
  symbol,
  bid: price.nullable(),
  ask: price.nullable(),
  bidSize: size.nullable(),
  askSize: size.nullable(),
  last: price.nullable(),
  /** Session volume in shares. */
  volume: size.nullable(),
  vwap: price.nullable(),
  ts: epochMs,
});
export type Ticker = z.infer<typeof Ticker>;

export const Spread = z.strictObject({
  bid: price,
  ask: price,
  mid: price,
  spread: z.number().nonnegative(),
  spreadBps: z.number().nonnegative(),
  ts: epochMs,
});
export type Spread = z.infer<typeof Spread>;

export const Imbalance = z.strictObject({
  /** Level-1 imbalance (Qbid − Qask)/(Qbid + Qask), range −1..1. */
  level1: signedUnit,
  /** The same mapped to 0..1 ((level1 + 1)/2), the seeds' 0.65/0.35 thresholds apply to it. */
  level1Normalised: unitInterval,
  /** Depth-weighted imbalance over `levels` levels, −1..1; null without a level-2 book. */
  depthWeighted: signedUnit.nullable(),
  levels: count,
  ts: epochMs,
});
export type Imbalance = z.infer<typeof Imbalance>;

export const Sweep = z.strictObject({
  side: z.enum(['buy', 'sell']),
  /** Price levels taken, and distinct venues printed on. */
  levels: count,
  venues: z.array(z.string()),
  totalSize: size,
  notional: z.number().nonnegative(),
  startPrice: price,
  endPrice: price,
  durationMs: z.number().nonnegative(),
  ts: epochMs,
  /** Evidence: prints in the run, what qualified it, prints the tape flagged as intermarket sweeps (F). */
  trades: count.optional(),
  reason: z.enum(['levels', 'venues', 'levels_and_venues']).optional(),
  isoPrints: count.optional(),
});
export type Sweep = z.infer<typeof Sweep>;

export const UnusualVolume = z.strictObject({
  /** Volume in the detection window vs. the baseline for this time of day. */
  volume: size,
  baselineVolume: size,
  ratio: z.number().nonnegative(),
  windowSeconds: z.number().positive(),
  ts: epochMs,
  /** Evidence: the baseline used (this time-of-day slot, or the session while the slot is young), the slot start (HH:MM New York) and the bars behind it. */
  baseline: z.enum(['time_of_day', 'session']).optional(),
  slot: clockTime.optional(),
  samples: count.optional(),
});
export type UnusualVolume = z.infer<typeof UnusualVolume>;

export const L2Snapshot = z.strictObject({
  symbol,
  /** Top 10 levels per side, best first. */
  bids: z.array(BookLevel).max(10),
  asks: z.array(BookLevel).max(10),
  /** TWS timestamp of the book state (epoch ms): downstream drops snapshots older than 5 s. */
  sourceTs: epochMs,
  ts: epochMs,
});
export type L2Snapshot = z.infer<typeof L2Snapshot>;

export const IntradaySeries = z.strictObject({
  symbol,
  interval: z.enum(['1min', '5min', '15min', '30min', '60min']),
  /** Oldest first; AV compact output holds the latest 100. */
  bars: z.array(Bar).max(5000),
  /** AV's "Last Refreshed" as epoch ms. */
  lastRefreshed: epochMs,
  ts: epochMs,
});
export type IntradaySeries = z.infer<typeof IntradaySeries>;

const market = <S extends string>(suffix: S) => `market:{symbol}:${suffix}` as const;

export const marketBook = defineKey({
  pattern: market('book'),
  type: 'string',
  ttlSeconds: 1,
  schema: OrderBook,
  owner: 'ibkr-ingestion',
  description:
    'Level-2 order book (level-2 symbols: SPY, QQQ, IWM): price, size, venue per level, source time.',
});

export const marketTrades = defineKey({
  pattern: market('trades'),
  type: 'list',
  ttlSeconds: 1,
  cap: 1000,
  schema: Trade,
  owner: 'ibkr-ingestion',
  description: 'Recent trades, newest first (last 1,000).',
});

export const marketLast = defineKey({
  pattern: market('last'),
  type: 'string',
  ttlSeconds: 1,
  schema: LastTrade,
  owner: 'ibkr-ingestion',
  description: 'Last trade price and size.',
});

export const marketBars = defineKey({
  pattern: market('bars'),
  type: 'list',
  ttlSeconds: 10,
  cap: 100,
  schema: FiveSecondBar,
  owner: 'ibkr-ingestion',
  description: '5-second OHLCV bars, newest first (last 100).',
});

export const marketTicker = defineKey({
  pattern: market('ticker'),
  type: 'string',
  ttlSeconds: 1,
  schema: Ticker,
  owner: 'ibkr-ingestion',
  description: 'Level-1 quote: bid, ask, sizes, last, session volume, VWAP.',
});

export const marketSpread = defineKey({
  pattern: market('spread'),
  type: 'string',
  ttlSeconds: 1,
  schema: Spread,
  owner: 'ibkr-ingestion',
  description: 'Bid-ask spread in dollars and basis points of the mid.',
});

export const marketImbalance = defineKey({
  pattern: market('imbalance'),
  type: 'string',
  ttlSeconds: 1,
  schema: Imbalance,
  owner: 'ibkr-ingestion',
  description: 'Order book imbalance: level-1 (−1..1 and 0..1) and depth-weighted.',
});

export const marketSweep = defineKey({
  pattern: market('sweep'),
  type: 'string',
  ttlSeconds: 5,
  schema: Sweep,
  owner: 'ibkr-ingestion',
  presence: 'event',
  description: 'Latest sweep (same-side aggressive prints through several levels/venues) with its evidence.',
});

export const marketUnusualVolume = defineKey({
  pattern: market('unusual_volume'),
  type: 'string',
  ttlSeconds: 5,
  schema: UnusualVolume,
  owner: 'ibkr-ingestion',
  presence: 'event',
  description: 'Latest unusual-volume alert: window volume vs. the time-of-day baseline.',
});

export const marketTimestamp = defineKey({
  pattern: market('timestamp'),
  type: 'string',
  ttlSeconds: 3600,
  schema: epochMs,
  owner: 'ibkr-ingestion',
  description: 'Epoch ms of the last market update for the symbol (kept 1 h so staleness can be measured).',
});

export const marketL2Snapshots = defineKey({
  pattern: market('l2snapshots'),
  type: 'list',
  ttlSeconds: 180,
  cap: 30,
  schema: L2Snapshot,
  owner: 'ibkr-ingestion',
  description: 'Rolling 60 s of level-2 snapshots (one every 2 s), newest first; gone 180 s after the last.',
});

export const marketIntraday = defineKey({
  pattern: market('intraday'),
  type: 'string',
  ttlSeconds: 60,
  schema: IntradaySeries,
  owner: 'av-ingestion',
  description: 'Alpha Vantage 1-minute intraday bars (TIME_SERIES_INTRADAY), refreshed every 15 s.',
});
