import { describe, expect, it } from 'vitest';
import { easterSunday, marketDayNote, publishedCalendar, ruleCalendar } from './holidays';
import { toIsoDate } from './time';

const kinds = (table: Readonly<Record<string, { kind: string }>>) =>
  Object.fromEntries(Object.entries(table).map(([d, n]) => [d, n.kind]));

describe('NYSE calendar', () => {
  it('has the published 2025 list: 11 holidays (with 9 January) and 3 early closes', () => {
    const t = kinds(publishedCalendar(2025)!);
    expect(
      Object.entries(t)
        .filter(([, k]) => k === 'holiday')
        .map(([d]) => d),
    ).toEqual([
      '2025-01-01',
      '2025-01-09',
      '2025-01-20',
      '2025-02-17',
      '2025-04-18',
      '2025-05-26',
      '2025-06-19',
      '2025-07-04',
      '2025-09-01',
      '2025-11-27',
      '2025-12-25',
    ]);
    expect(
      Object.entries(t)
        .filter(([, k]) => k === 'early-close')
        .map(([d]) => d),
    ).toEqual(['2025-07-03', '2025-11-28', '2025-12-24']);
  });

  it('standing rules reproduce the published 2025–2027 calendars except one-off closures', () => {
    const published2025 = kinds(publishedCalendar(2025)!);
    delete published2025['2025-01-09'];
    expect(kinds(ruleCalendar(2025))).toEqual(published2025);
    expect(kinds(ruleCalendar(2026))).toEqual(kinds(publishedCalendar(2026)!));
    expect(kinds(ruleCalendar(2027))).toEqual(kinds(publishedCalendar(2027)!));
  });

  it('standing rules match published years outside the table (2024 and 2028)', () => {
    expect(kinds(ruleCalendar(2024))).toEqual({
      '2024-01-01': 'holiday',
      '2024-01-15': 'holiday',
      '2024-02-19': 'holiday',
      '2024-03-29': 'holiday',
      '2024-05-27': 'holiday',
      '2024-06-19': 'holiday',
      '2024-07-03': 'early-close',
      '2024-07-04': 'holiday',
      '2024-09-02': 'holiday',
      '2024-11-28': 'holiday',
      '2024-11-29': 'early-close',
      '2024-12-24': 'early-close',
      '2024-12-25': 'holiday',
    });
    // 2028: New Year's Day is a Saturday and is not observed.
    const y2028 = kinds(ruleCalendar(2028));
    expect(Object.keys(y2028).filter((d) => y2028[d] === 'holiday')).toEqual([
      '2028-01-17',
      '2028-02-21',
      '2028-04-14',
      '2028-05-29',
      '2028-06-19',
      '2028-07-04',
      '2028-09-04',
      '2028-11-23',
      '2028-12-25',
    ]);
    expect(y2028['2028-07-03']).toBe('early-close');
    expect(marketDayNote('2028-11-24')?.kind).toBe('early-close');
  });

  it('computes Easter Sunday', () => {
    expect(['2025', '2026', '2027', '2028'].map((y) => toIsoDate(easterSunday(Number(y))))).toEqual([
      '2025-04-20',
      '2026-04-05',
      '2027-03-28',
      '2028-04-16',
    ]);
  });
});
