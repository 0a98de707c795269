// Listed expiries up to ~45 calendar days: 0DTE (today, until the close), 1DTE (next trading day),
// weeklies (Fridays) and monthlies (third Friday); a holiday Friday moves to Thursday. Index products
// (SPY, QQQ, IWM, SPX) also list every trading day of the next two weeks, as their dailies do.
import { addDays, monthlyExpiry, weekdayOf } from '@alphatrader/shared';
import { isTradingDay, nyDate, sessionOf } from './calendar';

export const EXPIRY_HORIZON_DAYS = 45;
const DAILY_HORIZON_DAYS = 14;
const DAILY_EXPIRY_SYMBOLS = new Set(['SPY', 'QQQ', 'IWM', 'SPX']);

export type ExpiryKind = 'daily' | 'weekly' | 'monthly';

export function isMonthlyExpiry(isoDate: string): boolean {
  return monthlyExpiry(Number(isoDate.slice(0, 4)), Number(isoDate.slice(5, 7))) === isoDate;
}

export function expiryKind(isoDate: string): ExpiryKind {
  if (isMonthlyExpiry(isoDate)) return 'monthly';
  const dow = weekdayOf(isoDate); // 1 = Monday … 7 = Sunday
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
