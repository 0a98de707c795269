// options:{symbol}:* — normalised option chains from Alpha Vantage and the exposures computed from them.
// Seed TTL: options data 10 s.
import { z } from 'zod';
import { Greeks, OptionContractId, count, epochMs, finite, isoDate, price, size, symbol } from './common';
import { defineKey } from './define';

export const OptionContract = OptionContractId.extend({
  bid: price,
  ask: price,
  last: price,
  mark: price,
  bidSize: size,
  askSize: size,
  volume: size,
  openInterest: size,
  /** IV and Greeks (AV: gamma per $1 move, theta per day, vega per vol point); null without require_greeks. */
  iv: z.number().finite().positive().nullable(),
  delta: z.number().min(-1).max(1).nullable(),
  gamma: finite.nullable(),
  theta: finite.nullable(),
  vega: finite.nullable(),
  rho: finite.nullable(),
});
export type OptionContract = z.infer<typeof OptionContract>;

export const OptionChain = z.strictObject({
  symbol,
  source: z.enum(['av', 'ibkr']),
  /** AV snapshot date of the rows. */
  date: isoDate,
  contracts: z.array(OptionContract),
  /** Rows dropped by validation (bad numbers, |delta| > 1, bid > ask, …). */
  rejected: count,
  fetchedAt: epochMs,
  ts: epochMs,
});
export type OptionChain = z.infer<typeof OptionChain>;

export const GreeksByStrike = z.strictObject({
  symbol,
  expiries: z.array(
    z.strictObject({
      expiry: isoDate,
      strikes: z.array(z.strictObject({ strike: price, call: Greeks.nullable(), put: Greeks.nullable() })),
    }),
  ),
  ts: epochMs,
});
export type GreeksByStrike = z.infer<typeof GreeksByStrike>;

export const GammaExposure = z.strictObject({
  symbol,
  spot: price,
  /** Net dealer-signed GEX in $ per 1 % move (calls +, puts −). */
  total: finite,
  /** The same in $ per $1 move. */
  totalPerDollar: finite,
  unit: z.literal('usd_per_1pct'),
  callWall: price.nullable(),
  putWall: price.nullable(),
  /** Gamma flip from the re-priced profile (sticky strike); null when the profile never changes sign. */
  zeroGamma: price.nullable(),
  /** Contracts used (open interest ≥ the ghost-strike minimum). */
  contracts: count,
  ts: epochMs,
});
export type GammaExposure = z.infer<typeof GammaExposure>;

export const DeltaExposure = z.strictObject({
  symbol,
  spot: price,
  /** Σ Δ·OI·100·S with signed Black–Scholes delta (puts negative), in dollars. */
  total: finite,
  calls: finite,
  puts: finite,
  unit: z.literal('usd'),
  ts: epochMs,
});
export type DeltaExposure = z.infer<typeof DeltaExposure>;

export const UnusualOptions = z.strictObject({
  symbol,
  contracts: z.array(
    z.strictObject({
      occ: OptionContractId.shape.occ,
      volume: size,
      openInterest: size,
      volumeOiRatio: z.number().nonnegative(),
      /** volume × mark × 100, dollars. */
      premium: z.number().nonnegative(),
      reason: z.string(),
    }),
  ),
  /** volume / open interest above which a contract is flagged. */
  threshold: z.number().positive(),
  ts: epochMs,
});
export type UnusualOptions = z.infer<typeof UnusualOptions>;

export const OptionsFlow = z.strictObject({
  symbol,
  callVolume: size,
  putVolume: size,
  /** put / call; null when there is no call volume. */
  putCallVolumeRatio: z.number().nonnegative().nullable(),
  /** Dollars traded (volume × mark × 100). */
  callPremium: z.number().nonnegative(),
  putPremium: z.number().nonnegative(),
  putCallPremiumRatio: z.number().nonnegative().nullable(),
  ts: epochMs,
});
export type OptionsFlow = z.infer<typeof OptionsFlow>;

export const OpenInterestHistory = z.strictObject({
  symbol,
  date: isoDate,
  callOpenInterest: size,
  putOpenInterest: size,
  byExpiry: z.array(z.strictObject({ expiry: isoDate, callOpenInterest: size, putOpenInterest: size })),
  contracts: count,
  ts: epochMs,
});
export type OpenInterestHistory = z.infer<typeof OpenInterestHistory>;

const options = <S extends string>(suffix: S) => `options:{symbol}:${suffix}` as const;

export const optionsChain = defineKey({
  pattern: options('chain'),
  type: 'string',
  ttlSeconds: 10,
  schema: OptionChain,
  owner: 'av-ingestion',
  description: 'Normalised options chain: every contract with numbers, OCC id parsed, IV and Greeks.',
});

export const optionsGreeks = defineKey({
  pattern: options('greeks'),
  type: 'string',
  ttlSeconds: 10,
  schema: GreeksByStrike,
  owner: 'av-ingestion',
  description: 'Greeks by expiry, strike and right.',
});

export const optionsGex = defineKey({
  pattern: options('gex'),
  type: 'string',
  ttlSeconds: 10,
  schema: GammaExposure,
  owner: 'analytics',
  description: 'Dealer gamma exposure ($ per 1 % move), call/put walls and zero-gamma level.',
});

export const optionsDex = defineKey({
  pattern: options('dex'),
  type: 'string',
  ttlSeconds: 10,
  schema: DeltaExposure,
  owner: 'analytics',
  description: 'Delta exposure in dollars (signed delta × OI × 100 × spot), calls and puts.',
});

export const optionsUnusual = defineKey({
  pattern: options('unusual'),
  type: 'string',
  ttlSeconds: 10,
  schema: UnusualOptions,
  owner: 'av-ingestion',
  description: 'Contracts with unusual volume against open interest, with the evidence.',
});

export const optionsFlow = defineKey({
  pattern: options('flow'),
  type: 'string',
  ttlSeconds: 10,
  schema: OptionsFlow,
  owner: 'av-ingestion',
  description: 'Options flow: put/call volume and premium ratios.',
});

export const optionsOiHistory = defineKey({
  pattern: 'options:{symbol}:oi:{date}',
  type: 'string',
  ttlSeconds: 30 * 86_400,
  schema: OpenInterestHistory,
  owner: 'av-ingestion',
  presence: 'event',
  description:
    'Open interest by expiry for one past session (HISTORICAL_OPTIONS backfill after 16:30 ET), kept 30 days.',
});
