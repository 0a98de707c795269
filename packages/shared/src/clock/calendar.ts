// The NYSE trading calendar in New York time: trading days, sessions (09:30–16:00, 13:00 on early
// closes), market hours and strategy windows.
import { marketDayNote } from './holidays';
import { addDays, etDate, etTime, weekdayOf, type DateInput, type IsoDate } from './time';

export const REGULAR_OPEN = '09:30';
export const REGULAR_CLOSE = '16:00';
export const EARLY_CLOSE = '13:00';

export interface TradingSession {
  date: IsoDate;
  /** Epoch ms of the opening bell. */
  open: number;
  /** Epoch ms of the closing bell (13:00 ET on early-close days). */
  close: number;
  earlyClose: boolean;
}

/** A window of the trading day in New York time, 'HH:MM', start inclusive, end exclusive. */
export interface TimeWindow {
  start: string;
  end: string;
}

const sessions = new Map<IsoDate, TradingSession | null>();

export function isTradingDay(input: DateInput): boolean {
  const date = etDate(input);
  return weekdayOf(date) <= 5 && marketDayNote(date)?.kind !== 'holiday';
}

/** The regular session of a date, or null when the market does not open that day. */
export function sessionFor(input: DateInput): TradingSession | null {
  const date = etDate(input);
  const cached = sessions.get(date);
  if (cached !== undefined) return cached;
  let session: TradingSession | null = null;
  if (isTradingDay(date)) {
    const earlyClose = marketDayNote(date)?.kind === 'early-close';
    session = Object.freeze({
      date,
      open: etTime(date, REGULAR_OPEN),
      close: etTime(date, earlyClose ? EARLY_CLOSE : REGULAR_CLOSE),
      earlyClose,
    });
  }
  if (sessions.size > 5000) sessions.clear();
  sessions.set(date, session);
  return session;
}

/** Whether the regular session is open at an instant (open inclusive, close exclusive). */
export function isMarketOpen(ts: number): boolean {
  const s = sessionFor(ts);
  return s !== null && ts >= s.open && ts < s.close;
}

/**
 * Whether an instant lies in a strategy window on a trading day: start ≤ t < end, and before the
 * session's close (an early close cuts every window at 13:00).
 */
export function inWindow(ts: number, window: TimeWindow): boolean {
  const s = sessionFor(ts);
  if (s === null) return false;
  const start = etTime(s.date, window.start);
  const end = Math.min(etTime(s.date, window.end), s.close);
  return ts >= start && ts < end;
}

/** The first trading day strictly after the given date. */
export function nextTradingDay(input: DateInput): IsoDate {
  let date = addDays(etDate(input), 1);
  for (let i = 0; i < 30 && !isTradingDay(date); i++) date = addDays(date, 1);
  return date;
}

/** The last trading day strictly before the given date. */
export function previousTradingDay(input: DateInput): IsoDate {
  let date = addDays(etDate(input), -1);
  for (let i = 0; i < 30 && !isTradingDay(date); i++) date = addDays(date, -1);
  return date;
}

/** The given date if it is a trading day, else the previous trading day (expiry moved before a holiday). */
export function onOrBeforeTradingDay(input: DateInput): IsoDate {
  const date = etDate(input);
  return isTradingDay(date) ? date : previousTradingDay(date);
}
