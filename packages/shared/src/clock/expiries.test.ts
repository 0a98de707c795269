import { describe, expect, it } from 'vitest';
import { expiries, yearsToClose } from './expiries';
import { etTime } from './calendar';

const HOUR = 3600_000;
const YEAR = 365 * 24 * HOUR;

describe('expiries', () => {
  it('on a regular Wednesday before a Good Friday week: weekly moves to Thursday', () => {
    expect(expiries(etTime('2026-04-01', '10:00'))).toEqual({
      zeroDte: '2026-04-01',
      oneDte: '2026-04-02',
      weekly: '2026-04-02',
      monthly: '2026-04-17',
    });
  });

  it('moves a monthly expiry off a holiday third Friday and rolls after the close', () => {
    expect(expiries(etTime('2025-04-17', '10:00'))).toEqual({
      zeroDte: '2025-04-17',
      oneDte: '2025-04-21',
      weekly: '2025-04-17',
      monthly: '2025-04-17',
    });
    expect(expiries(etTime('2025-04-17', '16:00'))).toEqual({
      zeroDte: null,
      oneDte: '2025-04-21',
      weekly: '2025-04-25',
      monthly: '2025-05-16',
    });
    expect(expiries(etTime('2026-06-10', '12:00')).monthly).toBe('2026-06-18'); // Juneteenth on the third Friday
  });

  it('has no 0DTE on a holiday or a weekend', () => {
    expect(expiries(etTime('2025-04-18', '11:00')).zeroDte).toBeNull();
    expect(expiries(etTime('2026-11-21', '11:00'))).toEqual({
      zeroDte: null,
      oneDte: '2026-11-23',
      weekly: '2026-11-27',
      monthly: '2026-12-18',
    });
  });

  it('keeps an early-close day as 0DTE only until 13:00', () => {
    expect(expiries(etTime('2026-11-27', '12:59')).zeroDte).toBe('2026-11-27');
    expect(expiries(etTime('2026-11-27', '13:00')).zeroDte).toBeNull();
    expect(expiries(etTime('2026-11-27', '13:00')).weekly).toBe('2026-12-04');
  });
});

describe('yearsToClose', () => {
  it('measures calendar time to 16:00 ET in 365-day years', () => {
    expect(yearsToClose(etTime('2026-03-10', '10:00'), '2026-03-10')).toBeCloseTo((6 * HOUR) / YEAR, 15);
    expect(yearsToClose(etTime('2026-03-10', '16:00'), '2026-03-11')).toBeCloseTo((24 * HOUR) / YEAR, 15);
  });

  it('counts the hour lost to daylight saving', () => {
    // Friday 16:00 EST to Monday 16:00 EDT is 71 hours.
    expect(yearsToClose(etTime('2026-03-06', '16:00'), '2026-03-09')).toBeCloseTo((71 * HOUR) / YEAR, 15);
  });

  it('stops at 13:00 on early closes and is zero once the expiry closed', () => {
    expect(yearsToClose(etTime('2026-11-27', '12:00'), '2026-11-27')).toBeCloseTo(HOUR / YEAR, 15);
    expect(yearsToClose(etTime('2026-11-27', '14:00'), '2026-11-27')).toBe(0);
  });
});
