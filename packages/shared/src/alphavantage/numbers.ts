// Alpha Vantage sends numbers as JSON strings ("121.7900", "-0.00000", "6.3e-05"). Parse them strictly:
// Number('') is 0 and Number(' 1 ') is 1, so plain Number() would turn a blank field into a fake zero.
import { z } from 'zod';

const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** The number in an AV decimal string, or null when the text is not a finite plain decimal. */
export function parseAvNumber(text: string): number | null {
  if (!DECIMAL.test(text)) return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : null;
}

/** "0.4207%" or "-0.8103%" → 0.4207 / -0.8103 (percent units, not a fraction); null when unparseable. */
export function parseAvPercent(text: string): number | null {
  return text.endsWith('%') ? parseAvNumber(text.slice(0, -1)) : null;
}

/** A JSON string that holds a strict decimal number. */
export const avDecimalString = z.string().regex(DECIMAL, 'expected a decimal number string');

/** A JSON string that holds a percentage with a `%` suffix. */
export const avPercentString = z.string().regex(/^[+-]?(?:\d+\.?\d*|\.\d+)%$/, 'expected a percent string');

/** A date string YYYY-MM-DD that is a real calendar date. */
export function isAvDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (m === null) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}
