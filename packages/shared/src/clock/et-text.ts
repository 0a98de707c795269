// New York wall-clock text with no offset, as exchange feeds and Alpha Vantage print times:
// 'YYYY-MM-DD HH:MM:SS', 'YYYY-MM-DD HH:MM' or 'YYYY-MM-DD'. Formatting reads the cached New York day
// (midnight and length), so a series of thousands of rows costs no time-zone arithmetic except on the
// two daylight-saving change days a year.
import { DateTime } from 'luxon';
import { dayInfo, dayInfoAt } from './days';
import { etDateTime, MARKET_ZONE } from './time';

export type EtTextPrecision = 'date' | 'minute' | 'second';

const DAY_MS = 86_400_000;
const FORMATS = ['yyyy-MM-dd HH:mm:ss', 'yyyy-MM-dd HH:mm', 'yyyy-MM-dd'] as const;

const two = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** New York wall clock of an instant: 'YYYY-MM-DD HH:MM:SS' (default), 'YYYY-MM-DD HH:MM' or 'YYYY-MM-DD'. */
export function formatEtDateTime(ts: number, precision: EtTextPrecision = 'second'): string {
  const day = dayInfoAt(ts);
  if (precision === 'date') return day.date;
  let text: string;
  if (day.lengthMs === DAY_MS) {
    // No clock change that day: the wall time is the time since midnight.
    const s = Math.floor((ts - day.startMs) / 1000);
    text = `${day.date} ${two(Math.floor(s / 3600))}:${two(Math.floor(s / 60) % 60)}:${two(s % 60)}`;
  } else {
    text = etDateTime(ts).toFormat('yyyy-MM-dd HH:mm:ss');
  }
  return precision === 'minute' ? text.slice(0, 16) : text;
}

const ET_TEXT = /^(\d{4}-\d{2}-\d{2})(?: ([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?)?$/;

/**
 * Epoch ms of New York wall-clock text in one of the three forms above, or null when it is not one.
 * Ordinary days add the time of day to the cached New York midnight (thousands of AV rows per call);
 * the two daylight-saving change days go through luxon.
 */
export function parseEtDateTime(text: string): number | null {
  const m = ET_TEXT.exec(text);
  if (m === null) return null;
  const date = m[1] as string;
  let day;
  try {
    day = dayInfo(date);
  } catch {
    return null; // not a calendar date (e.g. 2026-02-30)
  }
  const hour = m[2] === undefined ? 0 : Number(m[2]);
  const minute = m[3] === undefined ? 0 : Number(m[3]);
  const second = m[4] === undefined ? 0 : Number(m[4]);
  if (day.lengthMs === DAY_MS) return day.startMs + ((hour * 60 + minute) * 60 + second) * 1000;
  for (const format of FORMATS) {
    if (text.length !== format.length) continue;
    const dt = DateTime.fromFormat(text, format, { zone: MARKET_ZONE });
    if (dt.isValid) return dt.toMillis();
  }
  return null;
}
