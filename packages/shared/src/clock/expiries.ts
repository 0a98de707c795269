// Option expiries seen from an instant (0DTE, 1DTE, weekly, monthly) and time to an expiry's close in
// years, as the pricing models take it.
import { nextTradingDay, onOrBeforeTradingDay, sessionFor } from './calendar';
import { addDays, etDate, etTime, parseIsoDate, toIsoDate, weekdayOf, type IsoDate } from './time';

export interface Expiries {
  /** Today, when today is a trading day and its close is still ahead; else null. */
  zeroDte: IsoDate | null;
  /** The next trading day after today. */
  oneDte: IsoDate;
  /** The nearest weekly expiry not yet closed: Friday, or the trading day before a Friday holiday. */
  weekly: IsoDate;
  /** The nearest monthly expiry not yet closed: the third Friday, or the trading day before it if a holiday. */
  monthly: IsoDate;
}

const MS_PER_YEAR = 365 * 24 * 3600 * 1000;

/** Epoch ms of an expiry's close: the session close (early-close aware), 16:00 ET if no session. */
export function expiryClose(expiry: IsoDate): number {
  return sessionFor(expiry)?.close ?? etTime(expiry, '16:00');
}

function weeklyExpiryOfWeek(anyDayOfWeek: IsoDate): IsoDate {
  const friday = addDays(anyDayOfWeek, 5 - weekdayOf(anyDayOfWeek));
  return onOrBeforeTradingDay(friday);
}

function monthlyExpiryOf(year: number, month: number): IsoDate {
  const first = parseIsoDate(`${year}-${String(month).padStart(2, '0')}-01`);
  const thirdFriday = first.plus({ days: ((5 - first.weekday + 7) % 7) + 14 });
  return onOrBeforeTradingDay(toIsoDate(thirdFriday));
}

export function expiries(ts: number): Expiries {
  const today = etDate(ts);
  const session = sessionFor(today);
  const live = (d: IsoDate) => d > today || (d === today && ts < expiryClose(d));

  let weekly = weeklyExpiryOfWeek(today);
  for (let i = 0; i < 3 && !live(weekly); i++)
    weekly = weeklyExpiryOfWeek(addDays(weekly, 7 - weekdayOf(weekly) + 1));

  const dt = parseIsoDate(today);
  let monthly = monthlyExpiryOf(dt.year, dt.month);
  if (!live(monthly)) {
    const next = dt.startOf('month').plus({ months: 1 });
    monthly = monthlyExpiryOf(next.year, next.month);
  }

  return {
    zeroDte: session !== null && ts < session.close ? today : null,
    oneDte: nextTradingDay(today),
    weekly,
    monthly,
  };
}

/** Calendar time from `ts` to the expiry's close in 365-day years (early-close aware); 0 once closed. */
export function yearsToClose(ts: number, expiry: IsoDate): number {
  return Math.max(0, expiryClose(expiry) - ts) / MS_PER_YEAR;
}
