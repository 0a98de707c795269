// system:*, module:*, sim:* — fleet control and liveness.
import { z } from 'zod';
import { count, epochMs } from './common';
import { defineKey } from './define';

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

export const SimControl = z.strictObject({
  /** Scenario to switch to (normal, trending_up, crash, …); null keeps the current one. */
  scenario: z.string().min(1).nullable(),
  /** New simulated speed; null keeps the current one. */
  speed: z.number().positive().nullable(),
  by: z.string().min(1),
  ts: epochMs,
});
export type SimControl = z.infer<typeof SimControl>;

export const ServiceHealth = z.strictObject({
  state: z.enum(['up', 'degraded', 'down']),
  /** Age of the last heartbeat in ms; null when none was ever seen. */
  heartbeatAgeMs: z.number().nonnegative().nullable(),
  reason: z.string().nullable(),
});
export type ServiceHealth = z.infer<typeof ServiceHealth>;

export const SystemHealth = z.strictObject({
  state: z.enum(['ok', 'degraded', 'down']),
  services: z.record(z.string(), ServiceHealth),
  /** Stale feeds as `family:symbol` → age in ms. */
  staleFeeds: z.record(z.string(), z.number().nonnegative()),
  halted: z.boolean(),
  reasons: z.array(z.string()),
  checks: count,
  ts: epochMs,
});
export type SystemHealth = z.infer<typeof SystemHealth>;

export const systemHalt = defineKey({
  pattern: 'system:halt',
  type: 'string',
  ttlSeconds: null,
  schema: HaltFlag,
  owner: 'operator',
  presence: 'event',
  description:
    'Halt flag: when present, no service sends a new order. Set by the operator CLI, risk or the overseer.',
});

export const systemHealthMain = defineKey({
  pattern: 'system:health:main',
  type: 'string',
  ttlSeconds: 30,
  schema: SystemHealth,
  owner: 'monitor',
  description: 'Fleet health from the monitor: overall state, per-service state, stale feeds and reasons.',
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

export const simControl = defineKey({
  pattern: 'sim:control',
  type: 'string',
  ttlSeconds: 60,
  schema: SimControl,
  owner: 'operator',
  presence: 'event',
  description: 'Run-time request to the market simulator: switch scenario and/or speed.',
});
