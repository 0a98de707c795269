// signals:* — trade signals from the strategy modules. Seed TTL: signals 60 s (a signal older than a
// minute is not traded); active signals are removed explicitly when their position closes.
import { z } from 'zod';
import { OptionContractId, confidence, count, epochMs, finite, price, strategyName, symbol } from './common';
import { defineKey } from './define';

export const Signal = z.strictObject({
  /** Idempotent id derived from strategy, symbol, contract and time bucket, e.g. SIG-0dte-SPY-…. */
  id: z.string().regex(/^SIG-[A-Za-z0-9_.\-]+$/, 'SIG-… id'),
  strategy: strategyName,
  symbol,
  side: z.enum(['LONG', 'SHORT']),
  contract: OptionContractId.nullable(),
  confidence,
  /** Option prices in dollars per share. */
  entry: price,
  stop: price,
  target: price.nullable(),
  contracts: count,
  /** Features that fed the decision (name → value). */
  features: z.record(z.string(), finite),
  reasons: z.array(z.string()),
  createdAt: epochMs,
  expiresAt: epochMs,
});
export type Signal = z.infer<typeof Signal>;

export const ActiveSignal = Signal.extend({
  status: z.enum(['accepted', 'ordered', 'filled', 'managing']),
  clientOrderId: z.string().nullable(),
  updatedAt: epochMs,
});
export type ActiveSignal = z.infer<typeof ActiveSignal>;

export const SignalCooldown = z.strictObject({ lastSignalId: z.string(), until: epochMs, ts: epochMs });
export type SignalCooldown = z.infer<typeof SignalCooldown>;

export const StrategyPerformance = z.strictObject({
  strategy: strategyName,
  trades: count,
  wins: count,
  losses: count,
  winRate: z.number().min(0).max(1),
  /** Average win / average loss (Kelly's b); null before there is a loss. */
  winLossRatio: z.number().nonnegative().nullable(),
  realizedPnl: finite,
  ts: epochMs,
});
export type StrategyPerformance = z.infer<typeof StrategyPerformance>;

export const signalsPending = defineKey({
  pattern: 'signals:pending',
  type: 'list',
  ttlSeconds: 60,
  cap: 1000,
  schema: Signal,
  owner: 'signals',
  presence: 'event',
  description: 'Queue of new signals for risk and execution (LPUSH newest first; consumers pop the oldest).',
});

export const signalsActive = defineKey({
  pattern: 'signals:active',
  type: 'hash',
  ttlSeconds: null,
  schema: ActiveSignal,
  owner: 'execution',
  presence: 'event',
  description: 'Signals being traded (field = signal id), removed when the position closes.',
});

export const signalById = defineKey({
  pattern: 'signals:{id}',
  type: 'string',
  ttlSeconds: 60,
  schema: Signal,
  owner: 'signals',
  presence: 'event',
  description: 'One signal by id (also the idempotency record: a signal id is written once).',
});

export const signalsCooldown = defineKey({
  pattern: 'signals:cooldown:{strategy}:{symbol}',
  type: 'string',
  ttlSeconds: 30,
  schema: SignalCooldown,
  owner: 'signals',
  presence: 'event',
  description: 'Cooldown after a signal for a strategy and symbol (30 s default).',
});

export const signalsPerformance = defineKey({
  pattern: 'signals:performance',
  type: 'hash',
  ttlSeconds: null,
  schema: StrategyPerformance,
  owner: 'positions',
  presence: 'event',
  description:
    'Realised performance per strategy (field = strategy): win rate and win/loss ratio for Kelly sizing.',
});
