// positions:* and pnl:* — the book of record for open positions and P&L. Never expires (no TTL), so the
// volatile-* eviction policy can never drop it.
import { z } from 'zod';
import { OptionContractId, count, epochMs, finite, isoDate, price, strategyName, symbol } from './common';
import { defineKey } from './define';

export const Position = z.strictObject({
  /** Position id, e.g. the OCC id of the contract. */
  id: z.string().min(1),
  symbol,
  contract: OptionContractId.nullable(),
  strategy: strategyName,
  signalId: z.string().nullable(),
  /** Signed quantity in contracts (or shares when contract is null). */
  qty: finite,
  /** Average entry price in dollars per share. */
  entryPrice: price,
  mark: price.nullable(),
  /** High-water mark of the mark since entry, and the current trailing stop. */
  highWaterMark: price,
  stop: price.nullable(),
  unrealizedPnl: finite,
  openedAt: epochMs,
  ts: epochMs,
});
export type Position = z.infer<typeof Position>;

export const ClosedPosition = Position.extend({
  exitPrice: price,
  realizedPnl: finite,
  closeReason: z.enum(['stop', 'target', 'time', 'manual', 'emergency', 'expiry']),
  closedAt: epochMs,
});
export type ClosedPosition = z.infer<typeof ClosedPosition>;

export const BrokerPositions = z.strictObject({
  accountId: z.string(),
  positions: z.array(z.strictObject({ contract: z.string(), qty: finite, avgCost: finite })),
  ts: epochMs,
});
export type BrokerPositions = z.infer<typeof BrokerPositions>;

export const RealizedPnl = z.strictObject({
  /** Dollars realised in the current day, week, month and since inception. */
  day: finite,
  week: finite,
  month: finite,
  total: finite,
  ts: epochMs,
});
export type RealizedPnl = z.infer<typeof RealizedPnl>;

export const UnrealizedPnl = z.strictObject({
  total: finite,
  byPosition: z.record(z.string(), finite),
  ts: epochMs,
});
export type UnrealizedPnl = z.infer<typeof UnrealizedPnl>;

export const DailyPnl = z.strictObject({
  date: isoDate,
  realized: finite,
  unrealized: finite,
  fees: z.number().nonnegative(),
  trades: count,
  wins: count,
  losses: count,
  ts: epochMs,
});
export type DailyPnl = z.infer<typeof DailyPnl>;

export const EquityPoint = z.strictObject({ date: isoDate, equity: finite, ts: epochMs });
export type EquityPoint = z.infer<typeof EquityPoint>;

export const positionsActive = defineKey({
  pattern: 'positions:active',
  type: 'hash',
  ttlSeconds: null,
  schema: Position,
  owner: 'positions',
  presence: 'event',
  description: 'Open positions (field = position id): quantity, entry, mark, high-water mark, stop, P&L.',
});

export const positionsClosed = defineKey({
  pattern: 'positions:closed',
  type: 'list',
  ttlSeconds: null,
  cap: 1000,
  schema: ClosedPosition,
  owner: 'positions',
  presence: 'event',
  description: 'Closed positions with exit, realised P&L and reason, newest first (last 1,000).',
});

export const positionsBroker = defineKey({
  pattern: 'positions:broker',
  type: 'string',
  ttlSeconds: 60,
  schema: BrokerPositions,
  owner: 'execution',
  description: 'Positions as IBKR reports them, for reconciliation with positions:active.',
});

export const pnlRealized = defineKey({
  pattern: 'pnl:realized',
  type: 'string',
  ttlSeconds: null,
  schema: RealizedPnl,
  owner: 'positions',
  description: 'Realised P&L for the day, week, month and in total.',
});

export const pnlUnrealized = defineKey({
  pattern: 'pnl:unrealized',
  type: 'string',
  ttlSeconds: null,
  schema: UnrealizedPnl,
  owner: 'positions',
  description: 'Unrealised P&L at current marks, in total and per position.',
});

export const pnlDaily = defineKey({
  pattern: 'pnl:daily:{date}',
  type: 'string',
  ttlSeconds: null,
  schema: DailyPnl,
  owner: 'positions',
  description: 'P&L of one trading day (param = YYYY-MM-DD): realised, unrealised, fees, wins and losses.',
});

export const pnlEquity = defineKey({
  pattern: 'pnl:equity',
  type: 'list',
  ttlSeconds: null,
  cap: 2000,
  schema: EquityPoint,
  owner: 'positions',
  presence: 'event',
  description: 'End-of-day account equity, newest first: drawdown, Sharpe and the P&L curve.',
});
