// NYSE trading calendar and the New York session clock for the simulation. Everything comes from the
// shared market clock (@alphatrader/shared: the exchange's published calendar, its standing rules for
// other years, cached per day); this file keeps the simulator's names and adds the session lookups the
// tick loop needs.
import {
  etDate,
  etTime,
  isTradingDay,
  nextTradingDay,
  previousTradingDay,
  sessionFor,
  MARKET_ZONE,
} from '@alphatrader/shared';

export { MARKET_ZONE, isTradingDay, nextTradingDay, previousTradingDay as prevTradingDay };

/** 13:00 closes (the day before Independence Day, the day after Thanksgiving, Christmas Eve). */
export function isEarlyClose(isoDate: string): boolean {
  return sessionFor(isoDate)?.earlyClose ?? false;
}

const two = (n: number): string => String(n).padStart(2, '0');

/** Epoch ms of a New York wall-clock time on a date. */
export function nyTime(isoDate: string, hour: number, minute = 0): number {
  return etTime(isoDate, `${two(hour)}:${two(minute)}`);
}

/** New York calendar date (YYYY-MM-DD) of an instant. */
export function nyDate(ms: number): string {
  return etDate(ms);
}

export interface Session {
  date: string;
  /** 09:30 ET. */
  open: number;
  /** 16:00 ET, or 13:00 on an early-close day. */
  close: number;
}

/** The regular session of a trading day. */
export function sessionOf(isoDate: string): Session {
  const s = sessionFor(isoDate);
  if (!s) throw new Error(`${isoDate} is not a trading day`);
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
  return sessionOf(previousTradingDay(date));
}

/** Default simulated start: 09:30 ET of today's session if it has not closed yet, else of the next one. */
export function defaultStartTime(wallMs: number): number {
  return currentOrNextSession(wallMs).open;
}
