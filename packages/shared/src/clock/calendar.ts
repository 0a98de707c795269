// The NYSE trading calendar in New York time: trading days, sessions (09:30–16:00, 13:00 on early
// closes), market hours and strategy windows.
import { dayInfo, dayInfoAt, isoAddDays, wallTime, type DayInfo, type TradingSession } from './days';
import type { DateInput, IsoDate } from './time';

export { REGULAR_OPEN, REGULAR_CLOSE, EARLY_CLOSE, type TradingSession } from './days';

/** A window of the trading day in New York time, 'HH:MM', start inclusive, end exclusive. */
export interface TimeWindow {
  start: string;
  end: string;
}

function infoOf(input: DateInput): DayInfo {
  return typeof input === 'number' ? dayInfoAt(input) : dayInfo(input);
}

/** New York calendar date of an instant, or the (validated) date itself. */
export function etDate(input: DateInput): IsoDate {
  return infoOf(input).date;
}

/** Epoch ms of a New York wall-clock time ('HH:MM') on a New York date. */
export function etTime(date: IsoDate, hhmm: string): number {
  dayInfo(date); // validates the date
  return wallTime(date, hhmm);
}

/** Calendar days added to a date. */
export function addDays(date: IsoDate, days: number): IsoDate {
  return isoAddDays(dayInfo(date).date, days);
}

/** ISO weekday of a date: 1 = Monday … 7 = Sunday. */
export function weekdayOf(date: IsoDate): number {
  return dayInfo(date).weekday;
}

export function isTradingDay(input: DateInput): boolean {
  return infoOf(input).tradingDay;
}

/** The regular session of a date, or null when the market does not open that day. */
export function sessionFor(input: DateInput): TradingSession | null {
  return infoOf(input).session;
}

/** Whether the regular session is open at an instant (open inclusive, close exclusive). */
export function isMarketOpen(ts: number): boolean {
  const s = dayInfoAt(ts).session;
  return s !== null && ts >= s.open && ts < s.close;
}

/**
 * Whether an instant lies in a strategy window on a trading day: start ≤ t < end, and before the
 * session's close (an early close cuts every window at 13:00).
 */
export function inWindow(ts: number, window: TimeWindow): boolean {
  const s = dayInfoAt(ts).session;
  if (s === null) return false;
  const start = wallTime(s.date, window.start);
  const end = Math.min(wallTime(s.date, window.end), s.close);
  return ts >= start && ts < end;
}

/** The first trading day strictly after the given date. */
export function nextTradingDay(input: DateInput): IsoDate {
  let date = isoAddDays(etDate(input), 1);
  for (let i = 0; i < 30 && !dayInfo(date).tradingDay; i++) date = isoAddDays(date, 1);
  return date;
}

/** The last trading day strictly before the given date. */
export function previousTradingDay(input: DateInput): IsoDate {
  let date = isoAddDays(etDate(input), -1);
  for (let i = 0; i < 30 && !dayInfo(date).tradingDay; i++) date = isoAddDays(date, -1);
  return date;
}

/** The given date if it is a trading day, else the previous trading day (expiry moved before a holiday). */
export function onOrBeforeTradingDay(input: DateInput): IsoDate {
  const info = infoOf(input);
  return info.tradingDay ? info.date : previousTradingDay(info.date);
}
