import { describe, expect, it } from 'vitest';
import { formatEtDateTime, parseEtDateTime } from './et-text';

// Independent reference: the platform's own time-zone formatter.
const REFERENCE = new Intl.DateTimeFormat('en-US', {
  timeZone: 'America/New_York',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

function reference(ts: number): string {
  const p: Record<string, string> = {};
  for (const part of REFERENCE.formatToParts(ts)) p[part.type] = part.value;
  return `${p['year']}-${p['month']}-${p['day']} ${p['hour']}:${p['minute']}:${p['second']}`;
}

const utc = (iso: string) => Date.parse(iso);

describe('formatEtDateTime', () => {
  it('prints New York wall time with no offset, to the second, minute or date', () => {
    const ts = utc('2025-09-16T13:30:05.750Z');
    expect(formatEtDateTime(ts)).toBe('2025-09-16 09:30:05');
    expect(formatEtDateTime(ts, 'minute')).toBe('2025-09-16 09:30');
    expect(formatEtDateTime(ts, 'date')).toBe('2025-09-16');
    expect(formatEtDateTime(utc('2025-12-16T04:59:59Z'))).toBe('2025-12-15 23:59:59');
    expect(formatEtDateTime(utc('2025-12-16T05:00:00Z'))).toBe('2025-12-16 00:00:00');
  });

  it('matches the platform formatter through both daylight-saving changes', () => {
    for (const day of ['2025-03-09', '2025-11-02', '2026-03-08', '2026-07-15']) {
      const start = utc(`${day}T00:00:00Z`);
      for (let ts = start; ts < start + 36 * 3_600_000; ts += 7 * 60_000 + 13_001) {
        expect(formatEtDateTime(ts), new Date(ts).toISOString()).toBe(reference(ts));
      }
    }
  });
});

describe('parseEtDateTime', () => {
  it('reads the three forms as New York wall time', () => {
    expect(parseEtDateTime('2020-05-08 14:05:00')).toBe(utc('2020-05-08T18:05:00Z'));
    expect(parseEtDateTime('2017-12-20 14:00')).toBe(utc('2017-12-20T19:00:00Z'));
    expect(parseEtDateTime('2024-06-11')).toBe(utc('2024-06-11T04:00:00Z'));
  });

  it('round-trips what formatEtDateTime prints', () => {
    const ts = utc('2026-01-05T15:07:09Z');
    expect(parseEtDateTime(formatEtDateTime(ts))).toBe(ts);
    expect(parseEtDateTime(formatEtDateTime(ts, 'minute'))).toBe(utc('2026-01-05T15:07:00Z'));
  });

  it('returns null for anything else', () => {
    for (const bad of [
      '',
      '2020-05-08T14:05:00',
      '2020-13-08',
      '2020-05-08 14:05:60',
      '2020-5-08',
      '2020-05-08 14',
    ])
      expect(parseEtDateTime(bad), bad).toBeNull();
  });
});
