// AV time-series keys are US/Eastern wall times with no offset: "2020-05-08 14:05:00", "2017-12-20 14:00"
// (indicator rows drop the seconds) or "2024-06-11" (daily and longer).
import { DateTime } from 'luxon';

const FORMATS = ['yyyy-MM-dd HH:mm:ss', 'yyyy-MM-dd HH:mm', 'yyyy-MM-dd'] as const;

/** Epoch ms of an AV US/Eastern time key, or null when it is not one. */
export function parseAvEasternTime(text: string): number | null {
  for (const format of FORMATS) {
    if (text.length !== format.length) continue;
    const dt = DateTime.fromFormat(text, format, { zone: 'America/New_York' });
    if (dt.isValid) return dt.toMillis();
  }
  return null;
}
