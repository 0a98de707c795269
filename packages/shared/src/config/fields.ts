// Field builders for the config schema. Values substituted from the environment arrive as strings,
// so numeric and boolean fields accept their canonical string forms ('4002', 'true') as well.
import { z } from 'zod';

const NUMERIC = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

const toNumber = (v: unknown): unknown => (typeof v === 'string' && NUMERIC.test(v.trim()) ? Number(v) : v);
const toBoolean = (v: unknown): unknown => (v === 'true' ? true : v === 'false' ? false : v);
const emptyToUndefined = (v: unknown): unknown => (v === '' || v === null ? undefined : v);

export const int = (min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER) =>
  z.preprocess(toNumber, z.number().int().min(min).max(max));

export const num = (min = -Infinity, max = Infinity) => z.preprocess(toNumber, z.number().min(min).max(max));

export const bool = () => z.preprocess(toBoolean, z.boolean());

/** A fraction 0..1 (0.10 = 10 %). */
export const fraction = () => num(0, 1);

export const port = () => int(0, 65535);

export const positiveMs = () => int(1);

/** Optional text: an empty value (e.g. `${SECRET:-}` with SECRET unset) becomes undefined. */
export const optText = () => z.preprocess(emptyToUndefined, z.string().optional());

export const text = () => z.string().min(1);

/** 'HH:MM', 24-hour, America/New_York. */
export const timeOfDay = () =>
  z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "expected a time of day 'HH:MM' (24-hour)");

/** A window of the trading day, start inclusive, end exclusive. */
export const window = () =>
  z.strictObject({ start: timeOfDay(), end: timeOfDay() }).refine((w) => w.start < w.end, {
    message: 'window start must be before its end',
  });

export const symbol = () => z.string().regex(/^[A-Z][A-Z0-9.]{0,9}$/, 'expected an upper-case ticker symbol');

export const symbolList = () =>
  z
    .array(symbol())
    .refine((list) => new Set(list).size === list.length, { message: 'symbols must be unique' });

export const hostPort = () => z.strictObject({ host: text(), port: port() });
