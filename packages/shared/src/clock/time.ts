// Eastern-time conversions through luxon's IANA zone data: no hand-made DST rules anywhere.
import { DateTime } from 'luxon';

export const MARKET_ZONE = 'America/New_York';

/** A calendar date in New York, 'YYYY-MM-DD'. */
export type IsoDate = string;

/** A date ('YYYY-MM-DD', New York) or an instant (epoch ms, taken on its New York date). */
export type DateInput = IsoDate | number;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function etDateTime(ts: number): DateTime {
  return DateTime.fromMillis(ts, { zone: MARKET_ZONE });
}

/** Parses 'YYYY-MM-DD' as a New York calendar day (midnight); throws RangeError when invalid. */
export function parseIsoDate(date: IsoDate): DateTime {
  const dt = ISO_DATE.test(date) ? DateTime.fromISO(date, { zone: MARKET_ZONE }) : DateTime.invalid('format');
  if (!dt.isValid) throw new RangeError(`not a calendar date 'YYYY-MM-DD': ${JSON.stringify(date)}`);
  return dt;
}

export function toIsoDate(dt: DateTime): IsoDate {
  return dt.toISODate() ?? '';
}

export interface EtParts {
  /** 'YYYY-MM-DD' in New York. */
  date: IsoDate;
  /** 'HH:MM:SS' in New York. */
  time: string;
  hour: number;
  minute: number;
  second: number;
  /** 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** 'EST' or 'EDT'. */
  zone: string;
  /** Offset from UTC in minutes (-300 or -240). */
  offsetMinutes: number;
  /** ISO 8601 with offset, e.g. '2026-03-09T09:30:00.000-04:00'. */
  iso: string;
}

/** New York wall-clock parts of an instant, for display and logs. */
export function etParts(ts: number): EtParts {
  const dt = etDateTime(ts);
  return {
    date: toIsoDate(dt),
    time: dt.toFormat('HH:mm:ss'),
    hour: dt.hour,
    minute: dt.minute,
    second: dt.second,
    weekday: dt.weekday,
    zone: dt.isInDST ? 'EDT' : 'EST',
    offsetMinutes: dt.offset,
    iso: dt.toISO() ?? '',
  };
}
