// THE key registry: the only file that spells Redis key strings. Every key the fleet reads or writes
// is an entry here with its type, TTL, cap, schema, owner and description; docs/redis-keys.md is
// generated from it.
import { z } from 'zod';
import { defineKey } from './define';

const epochMs = z.number().int().nonnegative();

// ---------------------------------------------------------------- system
export const HaltFlag = z.strictObject({
  halted: z.literal(true),
  reason: z.string().min(1),
  by: z.string().min(1),
  ts: epochMs,
});
export type HaltFlag = z.infer<typeof HaltFlag>;

export const Heartbeat = z.strictObject({
  service: z.string(),
  ts: epochMs,
  pid: z.number().int().positive(),
  version: z.string(),
  status: z.enum(['starting', 'running', 'degraded', 'stopping']),
  uptimeSeconds: z.number().nonnegative(),
  lastError: z.string().nullable(),
  halted: z.boolean(),
});
export type Heartbeat = z.infer<typeof Heartbeat>;

export const SimClockState = z.strictObject({
  /** Simulated market time (epoch ms) at `wallTime`. */
  simTime: epochMs,
  /** Wall-clock time (epoch ms) at which simTime was sampled. */
  wallTime: epochMs,
  /** Simulated seconds per wall second. */
  speed: z.number().positive(),
  scenario: z.string(),
  seed: z.number().int(),
});
export type SimClockState = z.infer<typeof SimClockState>;

export const InvalidDataCounter = z.strictObject({
  count: z.number().int().nonnegative(),
  lastReason: z.string(),
  lastKey: z.string(),
  ts: epochMs,
});
export type InvalidDataCounter = z.infer<typeof InvalidDataCounter>;

export const systemHalt = defineKey({
  pattern: 'system:halt',
  type: 'string',
  ttlSeconds: null,
  schema: HaltFlag,
  owner: 'operator',
  description:
    'Halt flag: when present, no service sends a new order. Set by the operator CLI, risk or the overseer.',
});

export const moduleHeartbeat = defineKey({
  pattern: 'module:heartbeat:{service}',
  type: 'string',
  ttlSeconds: 15,
  schema: Heartbeat,
  owner: 'every service',
  description: 'Liveness of one service, refreshed every 5 s; expires 15 s after the service stops.',
});

export const simClock = defineKey({
  pattern: 'sim:clock',
  type: 'string',
  ttlSeconds: 10,
  schema: SimClockState,
  owner: 'market-sim',
  description: 'Simulated market clock (demo and tests): every service in simulated mode follows it.',
});

export const monitoringDataInvalid = defineKey({
  pattern: 'monitoring:data:invalid',
  type: 'hash',
  ttlSeconds: null,
  schema: InvalidDataCounter,
  owner: 'every service',
  description: 'Rejected values per key family (field = family): count, last reason, last key, time.',
});
