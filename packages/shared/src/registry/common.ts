// Building blocks of value schemas. Every value is a strict JSON object (unknown fields rejected), numbers
// are numbers (never strings), times are epoch milliseconds named `ts` or `…At`, and units are in the
// field name (`…Ms`, `…Bps`, `…Pct`) or in a `unit` field.
import { z } from 'zod';

/** Epoch milliseconds. */
export const epochMs = z.number().int().nonnegative();
/** A finite number (JSON cannot carry NaN or Infinity, and a computation that produced one is a bug). */
export const finite = z.number().finite();
/** A price in dollars, ≥ 0. */
export const price = z.number().finite().nonnegative();
/** A size or volume (shares or contracts), ≥ 0. */
export const size = z.number().finite().nonnegative();
/** A whole count, ≥ 0. */
export const count = z.number().int().nonnegative();
/** A fraction in [0, 1]. */
export const unitInterval = z.number().min(0).max(1);
/** A signed fraction in [−1, 1] (imbalances, sentiment). */
export const signedUnit = z.number().min(-1).max(1);
/** Confidence of a derived value in [0, 1]. */
export const confidence = unitInterval;
/** Ticker as configured (SPY, SPX, BRK.B). */
export const symbol = z.string().regex(/^[A-Z0-9.\-]{1,12}$/, 'ticker symbol');
/** Calendar date YYYY-MM-DD (US/Eastern trading date unless said otherwise). */
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
/** Wall-clock time HH:MM (US/Eastern). */
export const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM');
/** Compact OCC option id: root, YYMMDD, C|P, strike × 1000 in 8 digits, e.g. SPY251219C00600000. */
export const occId = z.string().regex(/^[A-Z0-9.]{1,6}\d{6}[CP]\d{8}$/, 'compact OCC id');
export const optionRight = z.enum(['C', 'P']);
export const strategyName = z.enum(['0dte', '1dte', '14dte', 'moc', 'swing']);
export const tierName = z.enum(['premium', 'basic', 'free']);
export const orderSide = z.enum(['BUY', 'SELL']);
/** Liquidity grade used by validator rules ('min_liquidity: B'). */
export const liquidityGrade = z.enum(['A', 'B', 'C', 'D']);
/** Age of each input of a derived value, in ms, by input name. */
export const inputAgesMs = z.record(z.string(), z.number().finite().nonnegative());

/** One book level: price, size, venue or market maker (NSDQ, ARCA, …; null when the feed has none). */
export const BookLevel = z.strictObject({
  price,
  size,
  venue: z.string().nullable(),
});
export type BookLevel = z.infer<typeof BookLevel>;

/** An OHLCV bar starting at `ts`. */
export const Bar = z.strictObject({
  ts: epochMs,
  open: price,
  high: price,
  low: price,
  close: price,
  volume: size,
  /** Volume-weighted average price of the bar; null when the source does not give it. */
  vwap: price.nullable(),
  /** Number of trades in the bar; null when unknown. */
  trades: count.nullable(),
});
export type Bar = z.infer<typeof Bar>;

/** Option Greeks as this project states them: theta per calendar day, vega per vol point, rho per 1 %. */
export const Greeks = z.strictObject({
  iv: z.number().finite().positive().nullable(),
  delta: z.number().min(-1).max(1).nullable(),
  gamma: finite.nullable(),
  thetaPerDay: finite.nullable(),
  vegaPerPoint: finite.nullable(),
  rhoPerPct: finite.nullable(),
});
export type Greeks = z.infer<typeof Greeks>;

/** Identity of an option contract. */
export const OptionContractId = z.strictObject({
  occ: occId,
  underlying: symbol,
  expiry: isoDate,
  strike: price,
  right: optionRight,
});
export type OptionContractId = z.infer<typeof OptionContractId>;
