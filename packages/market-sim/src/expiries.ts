// Listed expiries up to ~45 calendar days: 0DTE (today, until the close), 1DTE (next trading day),
// weeklies (Fridays) and monthlies (third Friday); a holiday Friday moves to Thursday. Index products
// (SPY, QQQ, IWM, SPX) also list every trading day of the next two weeks, as their dailies do.
import { addDays, isTradingDay, nthWeekday, nyDate, prevTradingDay, sessionOf, weekday } from './calendar';

export const EXPIRY_HORIZON_DAYS = 45;
const DAILY_HORIZON_DAYS = 14;
const DAILY_EXPIRY_SYMBOLS = new Set(['SPY', 'QQQ', 'IWM', 'SPX']);

export type ExpiryKind = 'daily' | 'weekly' | 'monthly';

/** A Friday expiry (or the Thursday before it when the Friday is a holiday). */
function fridayExpiry(friday: string): string {
  return isTradingDay(friday) ? friday : prevTradingDay(friday);
}

export function isMonthlyExpiry(isoDate: string): boolean {
  const y = Number(isoDate.slice(0, 4));
  const m = Number(isoDate.slice(5, 7));
  return fridayExpiry(nthWeekday(y, m, 5, 3)) === isoDate;
}

export function expiryKind(isoDate: string): ExpiryKind {
  if (isMonthlyExpiry(isoDate)) return 'monthly';
  const dow = weekday(isoDate);
  if (dow === 5 || (dow === 4 && !isTradingDay(addDays(isoDate, 1)))) return 'weekly';
  return 'daily';
}

/** Expiry instant: the close of that session (16:00 ET, 13:00 on early-close days). */
export function expiryTime(isoDate: string): number {
  return sessionOf(isoDate).close;
}

export function listExpiries(symbol: string, now: number): string[] {
  const today = nyDate(now);
  const out = new Set<string>();
  const dailies = DAILY_EXPIRY_SYMBOLS.has(symbol);
  let firstTwo = 0;
  for (let i = 0; i <= EXPIRY_HORIZON_DAYS; i++) {
    const d = addDays(today, i);
    if (!isTradingDay(d) || expiryTime(d) <= now) continue;
    // The first two live trading days are the 0DTE/1DTE (1DTE/2DTE after today's close).
    if (firstTwo < 2) {
      out.add(d);
      firstTwo++;
      continue;
    }
    if (dailies && i <= DAILY_HORIZON_DAYS) out.add(d);
    else if (expiryKind(d) !== 'daily') out.add(d);
  }
  return [...out].sort();
}
