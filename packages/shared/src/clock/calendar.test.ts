import { describe, expect, it } from 'vitest';
import {
  inWindow,
  isMarketOpen,
  isTradingDay,
  nextTradingDay,
  previousTradingDay,
  sessionFor,
} from './calendar';
import { etDate, etTime } from './calendar';
import { etParts } from './time';

// Instants written in UTC so the expectations do not depend on the code under test.
const utc = (iso: string) => Date.parse(iso);

describe('sessions across daylight-saving changes', () => {
  it('opens at 09:30 New York time on both sides of the March 2026 change (8 March)', () => {
    expect(sessionFor('2026-03-06')).toMatchObject({
      open: utc('2026-03-06T14:30:00Z'),
      close: utc('2026-03-06T21:00:00Z'),
    });
    expect(sessionFor('2026-03-09')).toMatchObject({
      open: utc('2026-03-09T13:30:00Z'),
      close: utc('2026-03-09T20:00:00Z'),
    });
    expect(sessionFor('2026-03-08')).toBeNull(); // the change happens on a Sunday
  });

  it('opens at 09:30 New York time on both sides of the November 2025 change (2 November)', () => {
    expect(sessionFor('2025-10-31')!.open).toBe(utc('2025-10-31T13:30:00Z'));
    expect(sessionFor('2025-11-03')!.open).toBe(utc('2025-11-03T14:30:00Z'));
  });

  it('reads wall-clock parts in EST and EDT around the jump', () => {
    expect(etParts(utc('2026-03-08T06:59:59Z'))).toMatchObject({
      date: '2026-03-08',
      time: '01:59:59',
      zone: 'EST',
      offsetMinutes: -300,
    });
    expect(etParts(utc('2026-03-08T07:00:00Z'))).toMatchObject({
      date: '2026-03-08',
      time: '03:00:00',
      zone: 'EDT',
      offsetMinutes: -240,
    });
    expect(etParts(utc('2026-01-02T04:59:00Z'))).toMatchObject({
      date: '2026-01-01',
      hour: 23,
      minute: 59,
      weekday: 4,
    });
  });

  it('places market hours by New York time, not UTC', () => {
    expect(isMarketOpen(utc('2026-03-09T13:29:59Z'))).toBe(false);
    expect(isMarketOpen(utc('2026-03-09T13:30:00Z'))).toBe(true);
    expect(isMarketOpen(utc('2026-03-06T13:30:00Z'))).toBe(false); // 08:30 EST
    expect(isMarketOpen(utc('2026-03-09T19:59:59Z'))).toBe(true);
    expect(isMarketOpen(utc('2026-03-09T20:00:00Z'))).toBe(false);
  });
});

describe('New York date of an instant (cached day boundaries)', () => {
  it('turns at New York midnight in winter, summer and on both change days', () => {
    expect(etDate(utc('2026-01-02T04:59:59Z'))).toBe('2026-01-01');
    expect(etDate(utc('2026-01-02T05:00:00Z'))).toBe('2026-01-02');
    expect(etDate(utc('2026-07-02T03:59:59Z'))).toBe('2026-07-01');
    expect(etDate(utc('2026-07-02T04:00:00Z'))).toBe('2026-07-02');
    expect(etDate(utc('2026-03-08T04:59:59Z'))).toBe('2026-03-07');
    expect(etDate(utc('2026-03-08T05:00:00Z'))).toBe('2026-03-08');
    expect(etDate(utc('2026-11-01T03:59:59Z'))).toBe('2026-10-31');
    expect(etDate(utc('2026-11-01T04:00:00Z'))).toBe('2026-11-01');
  });

  it('agrees with luxon’s zone conversion for instants spread over 2025–2027', () => {
    const from = utc('2025-01-01T00:00:00Z');
    const span = utc('2028-01-01T00:00:00Z') - from;
    let seed = 12345;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 5000; i++) {
      const ts = from + Math.floor(rand() * span);
      expect(etDate(ts), new Date(ts).toISOString()).toBe(etParts(ts).date);
    }
  });
});

describe('holidays and early closes', () => {
  it('knows the full closures, including the unscheduled one of 9 January 2025', () => {
    for (const d of [
      '2025-01-09',
      '2025-04-18',
      '2026-07-03',
      '2026-11-26',
      '2027-06-18',
      '2027-07-05',
      '2027-12-24',
    ]) {
      expect(isTradingDay(d), d).toBe(false);
      expect(sessionFor(d), d).toBeNull();
    }
    expect(isMarketOpen(utc('2025-01-09T17:00:00Z'))).toBe(false);
    expect(isTradingDay('2025-01-08')).toBe(true);
    expect(isTradingDay('2026-07-06')).toBe(true);
  });

  it('closes at 13:00 on early-close days', () => {
    const s = sessionFor('2025-11-28')!;
    expect(s.earlyClose).toBe(true);
    expect(s.close).toBe(utc('2025-11-28T18:00:00Z'));
    expect(isMarketOpen(utc('2025-11-28T17:59:59Z'))).toBe(true);
    expect(isMarketOpen(utc('2025-11-28T18:30:00Z'))).toBe(false);
    expect(sessionFor('2026-12-24')!.close).toBe(etTime('2026-12-24', '13:00'));
    expect(sessionFor('2025-07-03')!.earlyClose).toBe(true);
    expect(sessionFor('2025-07-02')!.earlyClose).toBe(false);
  });

  it('skips weekends and holidays when stepping between trading days', () => {
    expect(nextTradingDay('2026-07-02')).toBe('2026-07-06');
    expect(nextTradingDay('2025-01-08')).toBe('2025-01-10');
    expect(nextTradingDay('2027-12-23')).toBe('2027-12-27');
    expect(previousTradingDay('2026-07-06')).toBe('2026-07-02');
    expect(previousTradingDay('2025-04-21')).toBe('2025-04-17');
    expect(nextTradingDay(utc('2026-11-21T15:00:00Z'))).toBe('2026-11-23');
  });

  it('rejects malformed dates', () => {
    expect(() => isTradingDay('2026-02-30')).toThrow(RangeError);
    expect(() => sessionFor('26-1-5')).toThrow(RangeError);
  });
});

describe('strategy windows', () => {
  const zeroDte = { start: '09:45', end: '15:00' };
  const moc = { start: '15:30', end: '15:50' };
  const fourteenDte = { start: '09:30', end: '16:00' };

  it('includes the start and excludes the end, in New York time', () => {
    expect(inWindow(etTime('2026-03-09', '09:45') - 1, zeroDte)).toBe(false);
    expect(inWindow(etTime('2026-03-09', '09:45'), zeroDte)).toBe(true);
    expect(inWindow(etTime('2026-03-09', '15:00') - 1, zeroDte)).toBe(true);
    expect(inWindow(etTime('2026-03-09', '15:00'), zeroDte)).toBe(false);
    expect(inWindow(etTime('2026-03-09', '15:40'), moc)).toBe(true);
    expect(inWindow(etTime('2026-03-09', '15:50'), moc)).toBe(false);
  });

  it('is closed on weekends and holidays', () => {
    expect(inWindow(etTime('2026-03-07', '10:00'), zeroDte)).toBe(false);
    expect(inWindow(etTime('2026-04-03', '10:00'), zeroDte)).toBe(false);
  });

  it('ends every window at an early close', () => {
    expect(inWindow(etTime('2025-11-28', '12:59'), fourteenDte)).toBe(true);
    expect(inWindow(etTime('2025-11-28', '13:00'), fourteenDte)).toBe(false);
    expect(inWindow(etTime('2025-11-28', '15:40'), moc)).toBe(false);
  });
});
