// NYSE trading calendar and the New York session clock. A local rule set (weekends, the ten NYSE
// holidays with their Saturday/Sunday observance rules, 13:00 early closes) because the shared market
// clock does not export a calendar yet; swap to it once it does.
import { DateTime } from 'luxon';

export const MARKET_ZONE = 'America/New_York';
const DAY_MS = 86_400_000;

/** Days since 1970-01-01 for a YYYY-MM-DD date (calendar arithmetic only, no time zone). */
export function dayNumber(isoDate: string): number {
  const y = Number(isoDate.slice(0, 4));
  const m = Number(isoDate.slice(5, 7));
  const d = Number(isoDate.slice(8, 10));
  return Math.round(Date.UTC(y, m - 1, d) / DAY_MS);
}

export function isoFromDayNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(isoDate: string): number {
  return new Date(dayNumber(isoDate) * DAY_MS).getUTCDay();
}

export function addDays(isoDate: string, days: number): string {
  return isoFromDayNumber(dayNumber(isoDate) + days);
}

function iso(y: number, m: number, d: number): string {
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** n-th given weekday (0 = Sunday) of a month; n = -1 for the last one. */
export function nthWeekday(year: number, month: number, dow: number, n: number): string {
  if (n > 0) {
    const first = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
    return iso(year, month, 1 + ((dow - first + 7) % 7) + (n - 1) * 7);
  }
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const lastDow = new Date(Date.UTC(year, month - 1, lastDay)).getUTCDay();
  return iso(year, month, lastDay - ((lastDow - dow + 7) % 7));
}

function easterSunday(year: number): string {
  // Anonymous Gregorian algorithm (Meeus/Jones/Butcher).
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return iso(year, month, day);
}

/** Fixed-date holiday moved to Friday when on Saturday and to Monday when on Sunday. */
function observed(isoDate: string): string {
  const dow = weekday(isoDate);
  if (dow === 6) return addDays(isoDate, -1);
  if (dow === 0) return addDays(isoDate, 1);
  return isoDate;
}

const holidayCache = new Map<number, Set<string>>();

export function nyseHolidays(year: number): Set<string> {
  const cached = holidayCache.get(year);
  if (cached) return cached;
  const days = new Set<string>();
  // New Year's Day: a Saturday holiday is not moved back into the previous year.
  const ny = iso(year, 1, 1);
  if (weekday(ny) !== 6) days.add(observed(ny));
  days.add(nthWeekday(year, 1, 1, 3)); // Martin Luther King Jr. Day
  days.add(nthWeekday(year, 2, 1, 3)); // Washington's Birthday
  days.add(addDays(easterSunday(year), -2)); // Good Friday
  days.add(nthWeekday(year, 5, 1, -1)); // Memorial Day
  if (year >= 2022) days.add(observed(iso(year, 6, 19))); // Juneteenth
  days.add(observed(iso(year, 7, 4))); // Independence Day
  days.add(nthWeekday(year, 9, 1, 1)); // Labor Day
  days.add(nthWeekday(year, 11, 4, 4)); // Thanksgiving
  days.add(observed(iso(year, 12, 25))); // Christmas
  holidayCache.set(year, days);
  return days;
}

export function isHoliday(isoDate: string): boolean {
  return nyseHolidays(Number(isoDate.slice(0, 4))).has(isoDate);
}

export function isTradingDay(isoDate: string): boolean {
  const dow = weekday(isoDate);
  return dow !== 0 && dow !== 6 && !isHoliday(isoDate);
}

/** 13:00 closes: the day before Independence Day, the day after Thanksgiving, Christmas Eve. */
export function isEarlyClose(isoDate: string): boolean {
  if (!isTradingDay(isoDate)) return false;
  const y = Number(isoDate.slice(0, 4));
  if (isoDate === addDays(nthWeekday(y, 11, 4, 4), 1)) return true;
  if (isoDate === iso(y, 12, 24)) return true;
  if (isoDate === iso(y, 7, 3)) return true;
  return false;
}

export function nextTradingDay(isoDate: string): string {
  let d = addDays(isoDate, 1);
  while (!isTradingDay(d)) d = addDays(d, 1);
  return d;
}

export function prevTradingDay(isoDate: string): string {
  let d = addDays(isoDate, -1);
  while (!isTradingDay(d)) d = addDays(d, -1);
  return d;
}

/** Epoch ms of a New York wall-clock time on a date. */
export function nyTime(isoDate: string, hour: number, minute = 0): number {
  return DateTime.fromObject(
    {
      year: Number(isoDate.slice(0, 4)),
      month: Number(isoDate.slice(5, 7)),
      day: Number(isoDate.slice(8, 10)),
      hour,
      minute,
    },
    { zone: MARKET_ZONE },
  ).toMillis();
}

/** New York calendar date (YYYY-MM-DD) of an instant. */
export function nyDate(ms: number): string {
  return DateTime.fromMillis(ms, { zone: MARKET_ZONE }).toISODate() ?? '1970-01-01';
}

export interface Session {
  date: string;
  /** 09:30 ET. */
  open: number;
  /** 16:00 ET, or 13:00 on an early-close day. */
  close: number;
}

const sessionCache = new Map<string, Session>();

/** The regular session of a trading day. */
export function sessionOf(isoDate: string): Session {
  let s = sessionCache.get(isoDate);
  if (!s) {
    s = { date: isoDate, open: nyTime(isoDate, 9, 30), close: nyTime(isoDate, isEarlyClose(isoDate) ? 13 : 16) };
    sessionCache.set(isoDate, s);
  }
  return s;
}

/** The session in progress at `ms`, or else the next one to open. */
export function currentOrNextSession(ms: number): Session {
  const date = nyDate(ms);
  if (isTradingDay(date)) {
    const s = sessionOf(date);
    if (ms < s.close) return s;
  }
  return sessionOf(nextTradingDay(date));
}

/** The last session that opened at or before `ms` (possibly still in progress). */
export function lastOpenedSession(ms: number): Session {
  const date = nyDate(ms);
  if (isTradingDay(date)) {
    const s = sessionOf(date);
    if (ms >= s.open) return s;
  }
  return sessionOf(prevTradingDay(date));
}

/** Default simulated start: 09:30 ET of today's session if it has not closed yet, else of the next one. */
export function defaultStartTime(wallMs: number): number {
  return currentOrNextSession(wallMs).open;
}
