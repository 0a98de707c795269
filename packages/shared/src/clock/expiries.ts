// Option expiries seen from an instant (0DTE, 1DTE, weekly, monthly) and time to an expiry's close in
// years, as the pricing models take it.
import { nextTradingDay, onOrBeforeTradingDay } from './calendar';
import { dayInfo, dayInfoAt, isoAddDays, wallTime } from './days';
import type { IsoDate } from './time';

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
  return dayInfo(expiry).session?.close ?? wallTime(expiry, '16:00');
}

function weeklyExpiryOfWeek(anyDayOfWeek: IsoDate): IsoDate {
  const friday = isoAddDays(anyDayOfWeek, 5 - dayInfo(anyDayOfWeek).weekday);
  return onOrBeforeTradingDay(friday);
}

/** The monthly expiry of a month: its third Friday, or the trading day before it when that is a holiday. */
export function monthlyExpiry(year: number, month: number): IsoDate {
  const first = `${year}-${String(month).padStart(2, '0')}-01`;
  const thirdFriday = isoAddDays(first, ((5 - dayInfo(first).weekday + 7) % 7) + 14);
  return onOrBeforeTradingDay(thirdFriday);
}

interface Candidates {
  oneDte: IsoDate;
  /** This week's and next week's weekly expiry. */
  weekly: readonly [IsoDate, IsoDate];
  /** This month's and next month's monthly expiry. */
  monthly: readonly [IsoDate, IsoDate];
}

const candidatesByDate = new Map<IsoDate, Candidates>();

/** Expiry candidates of a date: the current one, or the next when the current has passed or closed. */
function candidates(today: IsoDate): Candidates {
  const hit = candidatesByDate.get(today);
  if (hit !== undefined) return hit;
  const thisWeek = weeklyExpiryOfWeek(today);
  const nextWeek = weeklyExpiryOfWeek(isoAddDays(today, 8 - dayInfo(today).weekday));
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const c: Candidates = {
    oneDte: nextTradingDay(today),
    weekly: [thisWeek, nextWeek],
    monthly: [
      monthlyExpiry(year, month),
      month === 12 ? monthlyExpiry(year + 1, 1) : monthlyExpiry(year, month + 1),
    ],
  };
  if (candidatesByDate.size > 5000) candidatesByDate.clear();
  candidatesByDate.set(today, c);
  return c;
}

export function expiries(ts: number): Expiries {
  const today = dayInfoAt(ts);
  const c = candidates(today.date);
  // An expiry is live until its own close: later days always, today until the bell.
  const live = (d: IsoDate) => d > today.date || (d === today.date && ts < expiryClose(d));
  return {
    zeroDte: today.session !== null && ts < today.session.close ? today.date : null,
    oneDte: c.oneDte,
    weekly: live(c.weekly[0]) ? c.weekly[0] : c.weekly[1],
    monthly: live(c.monthly[0]) ? c.monthly[0] : c.monthly[1],
  };
}

/** Calendar time from `ts` to the expiry's close in 365-day years (early-close aware); 0 once closed. */
export function yearsToClose(ts: number, expiry: IsoDate): number {
  return Math.max(0, expiryClose(expiry) - ts) / MS_PER_YEAR;
}
