// Per-day facts (midnight, weekday, holiday note, session) computed once with luxon and cached, so the
// hot helpers (isMarketOpen, inWindow, expiries) cost a map lookup instead of time-zone arithmetic.
import { marketDayNote, type MarketDayNote } from './holidays';
import { parseIsoDate, type IsoDate } from './time';

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

export interface DayInfo {
  readonly date: IsoDate;
  /** Epoch ms of 00:00 New York time. */
  readonly startMs: number;
  /** Length of the day in ms: 24 h, or 23 h / 25 h on a daylight-saving change. */
  readonly lengthMs: number;
  /** 1 = Monday … 7 = Sunday. */
  readonly weekday: number;
  readonly note: MarketDayNote | null;
  readonly tradingDay: boolean;
  readonly session: TradingSession | null;
}

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const MAX_CACHED = 20_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_OF_DAY = /^([01]\d|2[0-3]):([0-5]\d)$/;

const byDate = new Map<IsoDate, DayInfo>();
const byUtcDay = new Map<number, DayInfo>();
const wallTimes = new Map<string, number>();

function remember<K, V>(map: Map<K, V>, key: K, value: V): V {
  if (map.size >= MAX_CACHED) map.clear();
  map.set(key, value);
  return value;
}

/** Calendar arithmetic on 'YYYY-MM-DD' (no time zone involved). */
export function isoAddDays(date: IsoDate, days: number): IsoDate {
  const m = ISO_DATE.exec(date);
  if (m === null) throw new RangeError(`not a calendar date 'YYYY-MM-DD': ${JSON.stringify(date)}`);
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + days)).toISOString().slice(0, 10);
}

function computeWallTime(date: IsoDate, hour: number, minute: number): number {
  return parseIsoDate(date).set({ hour, minute, second: 0, millisecond: 0 }).toMillis();
}

/** Epoch ms of a New York wall-clock time ('HH:MM') on a New York date (cached). */
export function wallTime(date: IsoDate, hhmm: string): number {
  const key = `${date}T${hhmm}`;
  const hit = wallTimes.get(key);
  if (hit !== undefined) return hit;
  const m = TIME_OF_DAY.exec(hhmm);
  if (m === null) throw new RangeError(`not a time of day 'HH:MM': ${JSON.stringify(hhmm)}`);
  return remember(wallTimes, key, computeWallTime(date, Number(m[1]), Number(m[2])));
}

/** Facts of a New York calendar date; throws RangeError for a malformed date. */
export function dayInfo(date: IsoDate): DayInfo {
  const hit = byDate.get(date);
  if (hit !== undefined) return hit;
  const dt = parseIsoDate(date); // validates
  const note = marketDayNote(date);
  const weekday = dt.weekday;
  const tradingDay = weekday <= 5 && note?.kind !== 'holiday';
  const earlyClose = note?.kind === 'early-close';
  const session: TradingSession | null = tradingDay
    ? Object.freeze({
        date,
        open: wallTime(date, REGULAR_OPEN),
        close: wallTime(date, earlyClose ? EARLY_CLOSE : REGULAR_CLOSE),
        earlyClose,
      })
    : null;
  const startMs = dt.toMillis();
  const lengthMs = dt.plus({ days: 1 }).toMillis() - startMs;
  const info: DayInfo = Object.freeze({ date, startMs, lengthMs, weekday, note, tradingDay, session });
  return remember(byDate, date, info);
}

/**
 * Facts of the New York date containing an instant. New York is UTC−4 or UTC−5, so the UTC date of
 * ts − 4 h is the New York date or the day after it; the day's cached midnight decides which.
 */
export function dayInfoAt(ts: number): DayInfo {
  const utcDay = Math.floor((ts - 4 * HOUR_MS) / DAY_MS);
  let info = byUtcDay.get(utcDay);
  if (info === undefined) {
    info = remember(byUtcDay, utcDay, dayInfo(new Date(utcDay * DAY_MS).toISOString().slice(0, 10)));
  }
  return ts >= info.startMs ? info : dayInfo(isoAddDays(info.date, -1));
}
