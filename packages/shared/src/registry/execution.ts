// execution:* — orders, fills and the manual-trading switch. Orders and fills never expire.
import { z } from 'zod';
import { OptionContractId, epochMs, finite, orderSide, price, size } from './common';
import { defineKey } from './define';
import { Signal } from './signals';

export const ExecutionMode = z.strictObject({
  /** 'manual': the trading loop sends no orders and queues signals for a human. */
  mode: z.enum(['auto', 'manual']),
  reason: z.string(),
  by: z.string().min(1),
  ts: epochMs,
});
export type ExecutionMode = z.infer<typeof ExecutionMode>;

export const Order = z.strictObject({
  clientOrderId: z.string().min(1),
  /** IBKR order id; null until placed. */
  brokerOrderId: z.number().int().nullable(),
  signalId: z.string().nullable(),
  contract: OptionContractId,
  side: orderSide,
  qty: size,
  type: z.enum(['LMT', 'MKT', 'STP', 'STP LMT']),
  limitPrice: price.nullable(),
  tif: z.enum(['DAY', 'GTC', 'IOC']),
  status: z.enum([
    'PendingSubmit',
    'PreSubmitted',
    'Submitted',
    'PendingCancel',
    'Cancelled',
    'Filled',
    'Inactive',
    'Rejected',
  ]),
  filled: size,
  remaining: size,
  avgFillPrice: price.nullable(),
  rejectReason: z.string().nullable(),
  createdAt: epochMs,
  updatedAt: epochMs,
});
export type Order = z.infer<typeof Order>;

export const Fill = z.strictObject({
  execId: z.string().min(1),
  clientOrderId: z.string(),
  contract: OptionContractId,
  side: orderSide,
  qty: size,
  price,
  /** Price the order expected (limit or mark at submission), and slippage against it as a fraction. */
  expectedPrice: price.nullable(),
  slippagePct: finite.nullable(),
  commission: z.number().nonnegative().nullable(),
  ts: epochMs,
});
export type Fill = z.infer<typeof Fill>;

export const executionMode = defineKey({
  pattern: 'execution:mode',
  type: 'string',
  ttlSeconds: null,
  schema: ExecutionMode,
  owner: 'operator',
  description: "Manual switch: mode 'manual' stops automated orders and sends signals to the manual queue.",
});

export const executionOrders = defineKey({
  pattern: 'execution:orders',
  type: 'hash',
  ttlSeconds: null,
  schema: Order,
  owner: 'execution',
  presence: 'event',
  description: 'Orders (field = client order id) with broker id, status, fills and reject reason.',
});

export const executionFillsRecent = defineKey({
  pattern: 'execution:fills:recent',
  type: 'list',
  ttlSeconds: null,
  cap: 500,
  schema: Fill,
  owner: 'execution',
  presence: 'event',
  description: 'Recent fills with expected price and slippage, newest first (last 500).',
});

export const executionManualQueue = defineKey({
  pattern: 'execution:manual:queue',
  type: 'list',
  ttlSeconds: null,
  cap: 500,
  schema: Signal,
  owner: 'execution',
  presence: 'event',
  description: 'Signals waiting for manual execution while execution:mode is manual, newest first.',
});
