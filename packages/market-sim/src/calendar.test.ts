import { describe, expect, it } from 'vitest';
import {
  currentOrNextSession,
  defaultStartTime,
  isEarlyClose,
  isTradingDay,
  nextTradingDay,
  nyDate,
  nyTime,
  prevTradingDay,
  sessionOf,
} from './calendar';

describe('NYSE calendar', () => {
  it('closes on the NYSE holidays of the shared calendar', () => {
    const holidays2025 = [
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
    ];
    for (const d of holidays2025) expect(isTradingDay(d), d).toBe(false);
    expect(isTradingDay('2026-07-03')).toBe(false); // Independence Day (observed)
    expect(isTradingDay('2026-04-03')).toBe(false); // Good Friday
    expect(isTradingDay('2021-12-31')).toBe(true); // a Saturday New Year's Day is not observed
  });

  it('skips weekends and holidays', () => {
    expect(isTradingDay('2025-09-13')).toBe(false);
    expect(nextTradingDay('2025-09-12')).toBe('2025-09-15');
    expect(nextTradingDay('2025-11-26')).toBe('2025-11-28');
    expect(prevTradingDay('2025-09-02')).toBe('2025-08-29');
  });

  it('knows the 13:00 early closes', () => {
    expect(isEarlyClose('2025-11-28')).toBe(true);
    expect(isEarlyClose('2025-12-24')).toBe(true);
    expect(isEarlyClose('2025-07-03')).toBe(true);
    expect(isEarlyClose('2025-09-16')).toBe(false);
    expect(sessionOf('2025-11-28').close).toBe(Date.parse('2025-11-28T18:00:00Z'));
  });

  it('opens at 09:30 New York time across daylight saving', () => {
    expect(sessionOf('2025-07-15').open).toBe(Date.parse('2025-07-15T13:30:00Z'));
    expect(sessionOf('2025-12-15').open).toBe(Date.parse('2025-12-15T14:30:00Z'));
    expect(nyDate(Date.parse('2025-07-16T02:00:00Z'))).toBe('2025-07-15');
  });

  it('picks the default start: today 09:30 before the close, else the next session', () => {
    expect(defaultStartTime(nyTime('2025-09-16', 12))).toBe(nyTime('2025-09-16', 9, 30));
    expect(defaultStartTime(nyTime('2025-09-16', 7))).toBe(nyTime('2025-09-16', 9, 30));
    expect(defaultStartTime(nyTime('2025-09-16', 16, 30))).toBe(nyTime('2025-09-17', 9, 30));
    expect(defaultStartTime(nyTime('2025-09-13', 22))).toBe(nyTime('2025-09-15', 9, 30));
    expect(currentOrNextSession(nyTime('2025-11-27', 10)).date).toBe('2025-11-28');
  });
});
