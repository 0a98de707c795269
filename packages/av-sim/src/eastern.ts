// US/Eastern wall-clock formatting of simulated epoch ms, as AV prints its keys (no offset).
const PARTS = new Intl.DateTimeFormat('en-US', {
  timeZone: 'America/New_York',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

export interface EasternParts {
  year: string;
  month: string;
  day: string;
  hour: string;
  minute: string;
  second: string;
}

export function easternParts(ts: number): EasternParts {
  const p: Record<string, string> = {};
  for (const part of PARTS.formatToParts(ts)) p[part.type] = part.value;
  return {
    year: p['year'] ?? '0000',
    month: p['month'] ?? '00',
    day: p['day'] ?? '00',
    hour: p['hour'] ?? '00',
    minute: p['minute'] ?? '00',
    second: p['second'] ?? '00',
  };
}

/** YYYY-MM-DD in New York. */
export function easternDate(ts: number): string {
  const p = easternParts(ts);
  return `${p.year}-${p.month}-${p.day}`;
}

/** YYYY-MM-DD HH:MM:SS in New York (time-series keys, Last Refreshed). */
export function easternDateTime(ts: number): string {
  const p = easternParts(ts);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
}

/** YYYY-MM-DD HH:MM in New York (intraday indicator row keys carry no seconds). */
export function easternMinute(ts: number): string {
  const p = easternParts(ts);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** The weekday before a YYYY-MM-DD date (the previous session, ignoring holidays). */
export function previousWeekday(isoDate: string): string {
  const d = new Date(`${isoDate}T12:00:00Z`);
  do d.setUTCDate(d.getUTCDate() - 1);
  while (d.getUTCDay() === 0 || d.getUTCDay() === 6);
  return d.toISOString().slice(0, 10);
}
