// TIME_SERIES_INTRADAY and GLOBAL_QUOTE. Dot-numbered keys ("1. open"), decimal strings, maps newest first.
import { z } from 'zod';
import { avDecimalString, avPercentString } from '../numbers';

/**
 * Renames the one top-level key that starts with `prefix` to `canonical`, so that dynamic key names
 * (`Time Series (5min)`, `Global Quote - DATA DELAYED BY 15 MINUTES`) validate against one schema.
 */
function renamePrefixedKey(prefix: string, canonical: string) {
  return (value: unknown): unknown => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
    const record = value as Record<string, unknown>;
    if (canonical in record) return value;
    const key = Object.keys(record).find((k) => k.startsWith(prefix));
    if (key === undefined) return value;
    const { [key]: moved, ...rest } = record;
    return { ...rest, [canonical]: moved };
  };
}

export const avIntradayMetaSchema = z.looseObject({
  '1. Information': z.string(),
  '2. Symbol': z.string(),
  '3. Last Refreshed': z.string(),
  '4. Interval': z.string(),
  '5. Output Size': z.string(),
  '6. Time Zone': z.string(),
});

export const avOhlcvBarSchema = z.object({
  '1. open': avDecimalString,
  '2. high': avDecimalString,
  '3. low': avDecimalString,
  '4. close': avDecimalString,
  '5. volume': avDecimalString,
});

/**
 * TIME_SERIES_INTRADAY. The wire key is `Time Series (<interval>)`; after parsing it is `Time Series`
 * (the interval stays in `Meta Data`'s `4. Interval`).
 */
export const avIntradayResponseSchema = z.preprocess(
  renamePrefixedKey('Time Series (', 'Time Series'),
  z.object({
    'Meta Data': avIntradayMetaSchema,
    'Time Series': z.record(z.string(), avOhlcvBarSchema),
  }),
);

export const avGlobalQuoteFieldsSchema = z.object({
  '01. symbol': z.string(),
  '02. open': avDecimalString,
  '03. high': avDecimalString,
  '04. low': avDecimalString,
  '05. price': avDecimalString,
  '06. volume': avDecimalString,
  '07. latest trading day': z.string(),
  '08. previous close': avDecimalString,
  '09. change': avDecimalString,
  '10. change percent': avPercentString,
});

/**
 * GLOBAL_QUOTE. An unknown symbol gives `{"Global Quote": {}}`; the delayed entitlement renames the key
 * to `Global Quote - DATA DELAYED BY 15 MINUTES` (parsed as `Global Quote`).
 */
export const avGlobalQuoteResponseSchema = z.preprocess(
  renamePrefixedKey('Global Quote', 'Global Quote'),
  z.object({
    'Global Quote': z.union([avGlobalQuoteFieldsSchema, z.strictObject({})]),
  }),
);

export type AvIntradayResponse = z.infer<typeof avIntradayResponseSchema>;
export type AvOhlcvBar = z.infer<typeof avOhlcvBarSchema>;
export type AvGlobalQuoteResponse = z.infer<typeof avGlobalQuoteResponseSchema>;
export type AvGlobalQuoteFields = z.infer<typeof avGlobalQuoteFieldsSchema>;
