// raw:* and orderflow:* — source payloads kept close to what the APIs sent (seed 004: "store what comes
// from the APIs"), wrapped with the symbol and the time they were received.
import { z } from 'zod';
import { BookLevel, count, epochMs, price, size, symbol } from './common';
import { defineKey } from './define';
import { L2Snapshot } from './market';

/** AV options envelope as received; rows keep AV's strings (normalised rows live in options:{s}:chain). */
export const RawAvOptions = z.strictObject({
  symbol,
  function: z.enum(['REALTIME_OPTIONS', 'HISTORICAL_OPTIONS']),
  requireGreeks: z.boolean(),
  fetchedAt: epochMs,
  response: z.looseObject({
    endpoint: z.string(),
    message: z.string(),
    data: z.array(z.looseObject({ contractID: z.string() })),
  }),
});
export type RawAvOptions = z.infer<typeof RawAvOptions>;

/** Latest IBKR level-1 state as ticks arrived (tick type → value), plus the RTVolume string. */
export const RawIbkrQuote = z.strictObject({
  symbol,
  /** Tick type name (BID, ASK, LAST, BID_SIZE, …) → latest value. */
  ticks: z.record(z.string(), z.number().finite()),
  /** Last RTVolume (tick 48) string "price;size;epochMs;totalVol;vwap;single", or null. */
  rtVolume: z.string().nullable(),
  sourceTs: epochMs,
  ts: epochMs,
});
export type RawIbkrQuote = z.infer<typeof RawIbkrQuote>;

export const DepthDelta = z.strictObject({
  /** Row in the book, 0 = best. */
  position: count,
  operation: z.enum(['insert', 'update', 'delete']),
  side: z.enum(['bid', 'ask']),
  price,
  size,
  venue: BookLevel.shape.venue,
  sourceTs: epochMs,
});
export type DepthDelta = z.infer<typeof DepthDelta>;

export const rawAvOptions = defineKey({
  pattern: 'raw:av:options:{symbol}',
  type: 'string',
  ttlSeconds: 10,
  schema: RawAvOptions,
  owner: 'av-ingestion',
  description:
    'Last successful Alpha Vantage options response for the symbol, as received (never an error or sample).',
});

export const rawIbkrQuote = defineKey({
  pattern: 'raw:ibkr:{symbol}',
  type: 'string',
  ttlSeconds: 1,
  schema: RawIbkrQuote,
  owner: 'ibkr-ingestion',
  description: 'Current IBKR level-1 quote as received: latest value per tick type and the RTVolume string.',
});

export const rawIbkrDepth = defineKey({
  pattern: 'raw:ibkr:depth:{symbol}',
  type: 'string',
  ttlSeconds: 180,
  schema: L2Snapshot,
  owner: 'ibkr-ingestion',
  description: 'Latest level-2 snapshot (top 10 per side, every 2 s) tagged with the TWS source time.',
});

export const orderflowIbkrL2 = defineKey({
  pattern: 'orderflow:ibkr:L2:{symbol}',
  type: 'list',
  ttlSeconds: 180,
  cap: 500,
  schema: DepthDelta,
  owner: 'ibkr-ingestion',
  description: 'Level-2 depth deltas (insert/update/delete per row), newest first, capped at 500.',
});
