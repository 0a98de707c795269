// REALTIME_OPTIONS and HISTORICAL_OPTIONS: `{ endpoint, message, data: [contract…] }`, every value a string.
// Row fields stay plain strings here so that one bad contract (a "NaN" Greek) does not sink the whole
// chain; the normaliser parses them strictly and reports each bad row with its field.
import { z } from 'zod';

/** Fields every contract carries, in AV's order up to `date`. */
export const avOptionContractBaseSchema = z.object({
  contractID: z.string(),
  symbol: z.string(),
  expiration: z.string(),
  strike: z.string(),
  type: z.string(),
  last: z.string(),
  mark: z.string(),
  bid: z.string(),
  bid_size: z.string(),
  ask: z.string(),
  ask_size: z.string(),
  volume: z.string(),
  open_interest: z.string(),
  date: z.string(),
});

/** The six fields that follow `date` with `require_greeks=true` (and always in HISTORICAL_OPTIONS). */
export const avOptionGreekFieldsSchema = z.object({
  implied_volatility: z.string(),
  delta: z.string(),
  gamma: z.string(),
  theta: z.string(),
  vega: z.string(),
  rho: z.string(),
});

export const AV_OPTION_GREEK_FIELDS = [
  'implied_volatility',
  'delta',
  'gamma',
  'theta',
  'vega',
  'rho',
] as const;

/** A contract with or without the Greek fields (without `require_greeks` they are absent, not null). */
export const avOptionContractSchema = avOptionContractBaseSchema.extend(
  avOptionGreekFieldsSchema.partial().shape,
);
export const avOptionContractWithGreeksSchema = avOptionContractBaseSchema.extend(
  avOptionGreekFieldsSchema.shape,
);

export const avRealtimeOptionsResponseSchema = z.object({
  endpoint: z.string(),
  message: z.string(),
  data: z.array(avOptionContractSchema),
});

/** REALTIME_OPTIONS asked with `require_greeks=true`: every contract must carry the six fields. */
export const avRealtimeOptionsWithGreeksResponseSchema = z.object({
  endpoint: z.string(),
  message: z.string(),
  data: z.array(avOptionContractWithGreeksSchema),
});

/** HISTORICAL_OPTIONS always carries IV and Greeks. */
export const avHistoricalOptionsResponseSchema = avRealtimeOptionsWithGreeksResponseSchema;

export type AvOptionContractRow = z.infer<typeof avOptionContractSchema>;
export type AvOptionContractWithGreeksRow = z.infer<typeof avOptionContractWithGreeksSchema>;
export type AvRealtimeOptionsResponse = z.infer<typeof avRealtimeOptionsResponseSchema>;
export type AvHistoricalOptionsResponse = z.infer<typeof avHistoricalOptionsResponseSchema>;
