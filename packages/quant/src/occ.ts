// OCC option symbols (OSI). The last 15 characters are always YYMMDD + C/P + strike×1000 (8 digits), so the
// root is whatever precedes them; an anchored regex means a root containing P or C (SPY) cannot confuse it.
import type { OptionRight } from './bsm';
import { QuantInputError, requirePositive } from './errors';

export interface OccContract {
  /** Underlying root, 1–6 characters A–Z/0–9 (e.g. SPY, SPXW, BRKB1). */
  root: string;
  /** Expiry date, YYYY-MM-DD. */
  expiry: string;
  right: OptionRight;
  /** Strike in $ (the 8-digit field divided by 1000). */
  strike: number;
}

export type OccForm = 'compact' | 'padded';

export interface OccParseOptions {
  /** Accept only this form; either form by default. */
  form?: OccForm;
  /** Accept an all-zero strike field (a placeholder, e.g. to read a root + date prefix); default false. */
  allowZeroStrike?: boolean;
}

// Root, optional space padding, YYMMDD, right, strike×1000.
const OCC_RE = /^([A-Z0-9]{1,6})( *)(\d{2})(\d{2})(\d{2})([CP])(\d{8})$/;

/**
 * Parses an OCC option symbol in its padded 21-character form (`SPY   250919P00650000`, root space-padded
 * to 6) or its compact form (`SPY250919P00650000`). Returns null for anything else: wrong length or
 * padding, lower case, an impossible date, a zero strike (unless allowed), the other form when `form`
 * is given. Years are 20YY.
 */
export function parseOcc(symbol: string, options: OccParseOptions = {}): OccContract | null {
  if (typeof symbol !== 'string') return null;
  const m = OCC_RE.exec(symbol);
  if (m === null) return null;
  const [, root, pad, yy, mm, dd, cp, strikeDigits] = m;
  if (root === undefined || pad === undefined || yy === undefined || mm === undefined || dd === undefined) {
    return null;
  }
  // A 6-character root needs no padding, so it reads the same in both forms.
  if (options.form === 'compact' && pad.length > 0) return null;
  if (options.form === 'padded' && root.length + pad.length !== 6) return null;
  // Padding, when present, must fill the root field to exactly 6 characters (the 21-character form).
  if (pad.length > 0 && root.length + pad.length !== 6) return null;
  const year = 2000 + Number(yy);
  const month = Number(mm);
  const day = Number(dd);
  if (!isValidDate(year, month, day)) return null;
  const strikeMilli = Number(strikeDigits);
  if (!(strikeMilli > 0) && !(options.allowZeroStrike === true && strikeMilli === 0)) return null;
  return { root, expiry: `${year}-${mm}-${dd}`, right: cp as OptionRight, strike: strikeMilli / 1000 };
}

/**
 * Formats an OCC option symbol: `compact` (default, `SPY250919C00650000`) or `padded` 21-character form
 * (`SPY   250919C00650000`). The strike must be a positive multiple of $0.001 below $100,000.
 * @throws QuantInputError on an invalid root, expiry, right or strike.
 */
export function formatOcc(contract: OccContract, form: OccForm = 'compact'): string {
  const { root, expiry, right, strike } = contract;
  if (typeof root !== 'string' || !/^[A-Z0-9]{1,6}$/.test(root)) {
    throw new QuantInputError(`root must be 1-6 characters A-Z or 0-9 (got ${String(root)})`);
  }
  const dm = typeof expiry === 'string' ? /^20(\d{2})-(\d{2})-(\d{2})$/.exec(expiry) : null;
  if (dm === null || !isValidDate(2000 + Number(dm[1]), Number(dm[2]), Number(dm[3]))) {
    throw new QuantInputError(`expiry must be a valid YYYY-MM-DD date in 2000-2099 (got ${String(expiry)})`);
  }
  if (right !== 'C' && right !== 'P')
    throw new QuantInputError(`right must be 'C' or 'P' (got ${String(right)})`);
  requirePositive('strike', strike);
  const milli = Math.round(strike * 1000);
  if (Math.abs(milli - strike * 1000) > 1e-6 * Math.max(1, strike) || milli >= 1e8 || milli < 1) {
    throw new QuantInputError(
      `strike must be a multiple of 0.001 between 0.001 and 99999.999 (got ${strike})`,
    );
  }
  return formatOccUnchecked(contract, form);
}

/**
 * The OCC layout of a contract without any checks: the strike is rounded to $0.001, the expiry is read
 * by position (YYYY-MM-DD). For symbols built from trusted or merely looked-up values, where an id that
 * matches nothing is the right answer to odd input rather than an exception.
 */
export function formatOccUnchecked(
  { root, expiry, right, strike }: OccContract,
  form: OccForm = 'compact',
): string {
  const rootField = form === 'padded' ? root.padEnd(6, ' ') : root;
  const yymmdd = `${expiry.slice(2, 4)}${expiry.slice(5, 7)}${expiry.slice(8, 10)}`;
  return `${rootField}${yymmdd}${right}${String(Math.round(strike * 1000)).padStart(8, '0')}`;
}

function isValidDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}
