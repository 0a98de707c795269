// NYSE trading calendar and the New York session clock for the simulation. Trading days, holidays
// and early closes come from the shared market clock (@alphatrader/shared: the exchange's published
// calendar, its standing rules for other years); this file adds the fast date arithmetic and the
// session lookups the tick loop needs.
import {
  isTradingDay as sharedIsTradingDay,
  nextTradingDay as sharedNextTradingDay,
  previousTradingDay,
  sessionFor,
  onOrBeforeTradingDay,
  MARKET_ZONE,
} from '@alphatrader/shared';
import { DateTime } from 'luxon';

export { MARKET_ZONE };
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

const tradingDays = new Map<string, boolean>();

/** Memoised: expiry listings ask about the same few dates many times a second. */
export function isTradingDay(isoDate: string): boolean {
  let v = tradingDays.get(isoDate);
  if (v === undefined) {
    v = sharedIsTradingDay(isoDate);
    if (tradingDays.size > 20_000) tradingDays.clear();
    tradingDays.set(isoDate, v);
  }
  return v;
}

/** 13:00 closes (the day before Independence Day, the day after Thanksgiving, Christmas Eve). */
export function isEarlyClose(isoDate: string): boolean {
  return sessionFor(isoDate)?.earlyClose ?? false;
}

export function nextTradingDay(isoDate: string): string {
  return sharedNextTradingDay(isoDate);
}

export function prevTradingDay(isoDate: string): string {
  return previousTradingDay(isoDate);
}

/** The date itself when it is a trading day, else the trading day before (holiday expiries). */
export function onOrBeforeTrading(isoDate: string): string {
  return onOrBeforeTradingDay(isoDate);
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
    const shared = sessionFor(isoDate);
    if (!shared) throw new Error(`${isoDate} is not a trading day`);
    s = { date: isoDate, open: shared.open, close: shared.close };
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
