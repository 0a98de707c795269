// NYSE full holidays and 13:00 early closes. 2025–2027 come from the exchange's published calendar
// (NYSE Group, "2025, 2026 and 2027 Holiday and Early Closings Calendar"), including the unscheduled
// closure of 9 January 2025. Other years follow the exchange's standing rules (NYSE Rule 7.2), which
// reproduce the published years apart from such one-off closures.
import { DateTime } from 'luxon';
import { MARKET_ZONE, toIsoDate, type IsoDate } from './time';

export type MarketDayKind = 'holiday' | 'early-close';

export interface MarketDayNote {
  kind: MarketDayKind;
  name: string;
}

/** Years whose calendar is the exchange's published list rather than the rules. */
export const PUBLISHED_YEARS = [2025, 2026, 2027] as const;

type Table = Readonly<Record<IsoDate, MarketDayNote>>;
const H = (name: string): MarketDayNote => ({ kind: 'holiday', name });
const E = (name: string): MarketDayNote => ({ kind: 'early-close', name });

const PUBLISHED: Table = Object.freeze({
  // 2025
  '2025-01-01': H("New Year's Day"),
  '2025-01-09': H('National Day of Mourning for President Jimmy Carter'),
  '2025-01-20': H('Martin Luther King, Jr. Day'),
  '2025-02-17': H("Washington's Birthday"),
  '2025-04-18': H('Good Friday'),
  '2025-05-26': H('Memorial Day'),
  '2025-06-19': H('Juneteenth National Independence Day'),
  '2025-07-03': E('Day before Independence Day'),
  '2025-07-04': H('Independence Day'),
  '2025-09-01': H('Labor Day'),
  '2025-11-27': H('Thanksgiving Day'),
  '2025-11-28': E('Day after Thanksgiving'),
  '2025-12-24': E('Christmas Eve'),
  '2025-12-25': H('Christmas Day'),
  // 2026
  '2026-01-01': H("New Year's Day"),
  '2026-01-19': H('Martin Luther King, Jr. Day'),
  '2026-02-16': H("Washington's Birthday"),
  '2026-04-03': H('Good Friday'),
  '2026-05-25': H('Memorial Day'),
  '2026-06-19': H('Juneteenth National Independence Day'),
  '2026-07-03': H('Independence Day (observed)'),
  '2026-09-07': H('Labor Day'),
  '2026-11-26': H('Thanksgiving Day'),
  '2026-11-27': E('Day after Thanksgiving'),
  '2026-12-24': E('Christmas Eve'),
  '2026-12-25': H('Christmas Day'),
  // 2027
  '2027-01-01': H("New Year's Day"),
  '2027-01-18': H('Martin Luther King, Jr. Day'),
  '2027-02-15': H("Washington's Birthday"),
  '2027-03-26': H('Good Friday'),
  '2027-05-31': H('Memorial Day'),
  '2027-06-18': H('Juneteenth National Independence Day (observed)'),
  '2027-07-05': H('Independence Day (observed)'),
  '2027-09-06': H('Labor Day'),
  '2027-11-25': H('Thanksgiving Day'),
  '2027-11-26': E('Day after Thanksgiving'),
  '2027-12-24': H('Christmas Day (observed)'),
});

const day = (year: number, month: number, d: number) =>
  DateTime.fromObject({ year, month, day: d }, { zone: MARKET_ZONE });

/** n-th (1-based) given ISO weekday of a month; n = -1 for the last. */
function nthWeekday(year: number, month: number, weekday: number, n: number): DateTime {
  if (n > 0) {
    const first = day(year, month, 1);
    return first.plus({ days: ((weekday - first.weekday + 7) % 7) + 7 * (n - 1) });
  }
  const last = day(year, month, 1).endOf('month').startOf('day');
  return last.minus({ days: (last.weekday - weekday + 7) % 7 });
}

/** Gregorian Easter Sunday (anonymous algorithm, Meeus/Jones/Butcher). */
export function easterSunday(year: number): DateTime {
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
  const dayOfMonth = ((h + l - 7 * m + 114) % 31) + 1;
  return day(year, month, dayOfMonth);
}

/** Saturday holidays move to Friday, Sunday holidays to Monday. */
function observed(dt: DateTime): DateTime {
  if (dt.weekday === 6) return dt.minus({ days: 1 });
  if (dt.weekday === 7) return dt.plus({ days: 1 });
  return dt;
}

/** The calendar of one year from the standing rules. */
export function ruleCalendar(year: number): Table {
  const out: Record<IsoDate, MarketDayNote> = {};
  const add = (dt: DateTime, note: MarketDayNote) => {
    if (dt.year === year) out[toIsoDate(dt)] = note;
  };
  const newYear = day(year, 1, 1);
  // A Saturday New Year's Day is not observed on the preceding Friday (NYSE Rule 7.2).
  if (newYear.weekday !== 6) add(observed(newYear), H("New Year's Day"));
  add(nthWeekday(year, 1, 1, 3), H('Martin Luther King, Jr. Day'));
  add(nthWeekday(year, 2, 1, 3), H("Washington's Birthday"));
  add(easterSunday(year).minus({ days: 2 }), H('Good Friday'));
  add(nthWeekday(year, 5, 1, -1), H('Memorial Day'));
  if (year >= 2022) add(observed(day(year, 6, 19)), H('Juneteenth National Independence Day'));
  add(observed(day(year, 7, 4)), H('Independence Day'));
  add(nthWeekday(year, 9, 1, 1), H('Labor Day'));
  const thanksgiving = nthWeekday(year, 11, 4, 4);
  add(thanksgiving, H('Thanksgiving Day'));
  add(observed(day(year, 12, 25)), H('Christmas Day'));
  // Early closes: 3 July and 24 December when they fall Monday–Thursday, and the day after Thanksgiving.
  const jul3 = day(year, 7, 3);
  if (jul3.weekday <= 4) add(jul3, E('Day before Independence Day'));
  add(thanksgiving.plus({ days: 1 }), E('Day after Thanksgiving'));
  const dec24 = day(year, 12, 24);
  if (dec24.weekday <= 4) add(dec24, E('Christmas Eve'));
  return Object.freeze(out);
}

const ruleCache = new Map<number, Table>();

/** Holiday or early close on a New York date, or null for a regular weekday/weekend. */
export function marketDayNote(date: IsoDate): MarketDayNote | null {
  const year = Number(date.slice(0, 4));
  if ((PUBLISHED_YEARS as readonly number[]).includes(year)) return PUBLISHED[date] ?? null;
  let table = ruleCache.get(year);
  if (table === undefined) {
    table = ruleCalendar(year);
    ruleCache.set(year, table);
  }
  return table[date] ?? null;
}

/** The published table of one year (tests, docs); undefined outside PUBLISHED_YEARS. */
export function publishedCalendar(year: number): Table | undefined {
  if (!(PUBLISHED_YEARS as readonly number[]).includes(year)) return undefined;
  return Object.freeze(
    Object.fromEntries(Object.entries(PUBLISHED).filter(([d]) => d.startsWith(`${year}-`))),
  );
}
