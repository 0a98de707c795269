// risk:* — exposure, limits, circuit breakers and trailing-stop presets from the risk service.
import { z } from 'zod';
import { count, epochMs, finite, unitInterval } from './common';
import { defineKey } from './define';

export const Exposure = z.strictObject({
  /** Portfolio Greeks in share-equivalent units (Greek × qty × 100). */
  delta: finite,
  gamma: finite,
  thetaPerDay: finite,
  vegaPerPoint: finite,
  /** Caps a new order may not breach (seed: delta 2,000, gamma 500, theta −400). */
  limits: z.strictObject({ delta: finite, gamma: finite, thetaPerDay: finite }),
  positions: count,
  ts: epochMs,
});
export type Exposure = z.infer<typeof Exposure>;

export const TrailingPresets = z.strictObject({
  /** Initial trail as a fraction below the high-water mark (0.15 = 15 %). */
  trailPct: unitInterval,
  /** Once the peak gain reaches gainPct, the stop is at least entry × (1 + lockPct). */
  tiers: z.array(z.strictObject({ gainPct: z.number().positive(), lockPct: z.number().nonnegative() })),
  /** Peak gain at which the stop moves to breakeven. */
  breakevenTriggerPct: z.number().nonnegative(),
  ts: epochMs,
});
export type TrailingPresets = z.infer<typeof TrailingPresets>;

export const RiskLimitsState = z.strictObject({
  maxPositions: count,
  maxPositionsPerSymbol: count,
  openPositions: count,
  dailyLossLimit: z.number().nonnegative(),
  /** Today's P&L in dollars (realised + unrealised). */
  dailyPnl: finite,
  maxConsecutiveLosses: count,
  consecutiveLosses: count,
  maxDrawdownPct: unitInterval,
  drawdownPct: unitInterval,
  kellyFraction: unitInterval,
  /** False once 75 % of the daily loss limit is used, or any breaker is tripped. */
  newPositionsAllowed: z.boolean(),
  ts: epochMs,
});
export type RiskLimitsState = z.infer<typeof RiskLimitsState>;

export const CircuitBreaker = z.strictObject({
  tripped: z.boolean(),
  reason: z.string().nullable(),
  value: finite.nullable(),
  threshold: finite,
  trippedAt: epochMs.nullable(),
  ts: epochMs,
});
export type CircuitBreaker = z.infer<typeof CircuitBreaker>;

export const ValueAtRisk = z.strictObject({
  confidence: unitInterval,
  /** Positive dollars: loss at the (1 − confidence) quantile, and the mean loss beyond it. */
  var: z.number().nonnegative(),
  expectedShortfall: z.number().nonnegative(),
  method: z.enum(['historical', 'position_volatility']),
  windowDays: count,
  ts: epochMs,
});
export type ValueAtRisk = z.infer<typeof ValueAtRisk>;

export const HighWaterMark = z.strictObject({ equity: finite, at: epochMs, ts: epochMs });
export type HighWaterMark = z.infer<typeof HighWaterMark>;

export const riskExposure = defineKey({
  pattern: 'risk:exposure',
  type: 'string',
  ttlSeconds: 5,
  schema: Exposure,
  owner: 'risk',
  description: 'Portfolio Greeks against their caps; absent (expired) means unknown, and orders are refused.',
});

export const riskTrailing = defineKey({
  pattern: 'risk:trailing',
  type: 'string',
  ttlSeconds: null,
  schema: TrailingPresets,
  owner: 'risk',
  description:
    'Trailing-stop presets: 15 % trail, tiers locking +50/+100/+200 % at +100/+200/+300 %, breakeven trigger.',
});

export const riskLimits = defineKey({
  pattern: 'risk:limits',
  type: 'string',
  ttlSeconds: 60,
  schema: RiskLimitsState,
  owner: 'risk',
  description: 'Risk limits with their current usage: positions, daily loss, consecutive losses, drawdown.',
});

export const riskCircuitBreakers = defineKey({
  pattern: 'risk:circuit_breakers',
  type: 'hash',
  ttlSeconds: null,
  schema: CircuitBreaker,
  owner: 'risk',
  description:
    'Circuit breakers (field = daily_loss, consecutive_losses, volatility, system_errors, drawdown, heartbeat).',
});

export const riskVar = defineKey({
  pattern: 'risk:var',
  type: 'string',
  ttlSeconds: 3600,
  schema: ValueAtRisk,
  owner: 'risk',
  description: '95 % historical-simulation VaR and expected shortfall, updated every 15 min.',
});

export const riskHighWaterMark = defineKey({
  pattern: 'risk:hwm',
  type: 'string',
  ttlSeconds: null,
  schema: HighWaterMark,
  owner: 'risk',
  description: 'Equity high-water mark for the drawdown limit.',
});
