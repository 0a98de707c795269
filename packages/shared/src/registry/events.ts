// events:* — change notification streams. Writers append one entry per changed key (coalesced per flush)
// so consumers react within milliseconds with XREAD BLOCK instead of polling; the key itself holds the data.
import { z } from 'zod';
import { epochMs, symbol } from './common';
import { defineKey } from './define';

export const ChangeEvent = z.strictObject({
  symbol: symbol.nullable(),
  /** What changed: book, trades, bars, ticker, depth, option_quote, chain, greeks, vpin, gex, … */
  kind: z.string().regex(/^[a-z0-9_]+$/),
  /** The registry key that now holds the new value. */
  key: z.string().min(1),
  ts: epochMs,
  /** Every kind that changed for the symbol since the writer's previous entry (coalesced writers), `kind` first. */
  changes: z
    .array(z.string().regex(/^[a-z0-9_]+$/))
    .max(32)
    .optional(),
});
export type ChangeEvent = z.infer<typeof ChangeEvent>;

export const eventsMarket = defineKey({
  pattern: 'events:market',
  type: 'stream',
  ttlSeconds: null,
  cap: 10_000,
  schema: ChangeEvent,
  owner: 'ibkr-ingestion',
  description: 'Market data changes (book, trades, bars, quotes, option quotes) for event-driven consumers.',
});

export const eventsOptions = defineKey({
  pattern: 'events:options',
  type: 'stream',
  ttlSeconds: null,
  cap: 10_000,
  schema: ChangeEvent,
  owner: 'av-ingestion',
  description: 'Alpha Vantage data changes (chains, Greeks, sentiment, technicals, bars, macro).',
});

export const eventsAnalytics = defineKey({
  pattern: 'events:analytics',
  type: 'stream',
  ttlSeconds: null,
  cap: 10_000,
  schema: ChangeEvent,
  owner: 'analytics',
  description: 'Analytics outputs that changed, so signal generation reacts without polling.',
});

export const eventsDiscovery = defineKey({
  pattern: 'events:discovery',
  type: 'stream',
  ttlSeconds: null,
  cap: 1000,
  schema: ChangeEvent,
  owner: 'discovery',
  description:
    'Discovered parameters that changed (one entry per run), so analytics reloads them without a restart.',
});
