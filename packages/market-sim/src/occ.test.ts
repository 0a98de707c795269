import { describe, expect, it } from 'vitest';
import { occId, parseOccId } from './occ';
import { expiryKind, listExpiries } from './expiries';
import { nyTime } from './calendar';

describe('OCC ids', () => {
  it('builds compact ids with the strike in thousandths over 8 digits', () => {
    expect(occId({ underlying: 'SPY', expiry: '2025-09-19', right: 'C', strike: 650 })).toBe(
      'SPY250919C00650000',
    );
    expect(occId({ underlying: 'AAPL', expiry: '2025-10-17', right: 'P', strike: 232.5 })).toBe(
      'AAPL251017P00232500',
    );
    expect(occId({ underlying: 'SPX', expiry: '2025-09-16', right: 'P', strike: 6005 })).toBe(
      'SPXW250916P06005000',
    );
  });

  it('parses what it builds', () => {
    const parts = { underlying: 'SPX', expiry: '2025-09-16', right: 'C' as const, strike: 5995 };
    expect(parseOccId(occId(parts))).toEqual({ ...parts, root: 'SPXW' });
    expect(parseOccId('SPY 250919C00650000')).toBeUndefined();
    expect(parseOccId('SPY   250919C00650000')).toBeUndefined(); // ids are compact
    expect(parseOccId('SPY251319C00650000')).toBeUndefined(); // month 13
    expect(parseOccId('SPY250919X00650000')).toBeUndefined();
  });
});

describe('expiries', () => {
  it('lists 0DTE, 1DTE, weeklies and monthlies within ~45 days on a normal trading day', () => {
    const now = nyTime('2025-09-16', 10); // a Tuesday
    const single = listExpiries('AAPL', now);
    expect(single.slice(0, 2)).toEqual(['2025-09-16', '2025-09-17']);
    expect(single).toContain('2025-09-19'); // third Friday: monthly
    expect(single).toContain('2025-09-26'); // weekly
    expect(single).toContain('2025-10-17'); // next monthly
    expect(expiryKind('2025-09-19')).toBe('monthly');
    expect(expiryKind('2025-09-26')).toBe('weekly');
    expect(single.every((d) => Date.parse(d) - Date.parse('2025-09-16') <= 45 * 86_400_000)).toBe(true);
    expect(single).not.toContain('2025-09-18'); // single names have no Thursday dailies
    const spy = listExpiries('SPY', now);
    expect(spy).toContain('2025-09-18');
    expect(spy).toContain('2025-09-22');
  });

  it('drops the 0DTE after the close and never lists weekends or holidays', () => {
    const after = listExpiries('SPY', nyTime('2025-09-16', 16, 5));
    expect(after[0]).toBe('2025-09-17');
    const thanksgiving = listExpiries('SPY', nyTime('2025-11-20', 10));
    expect(thanksgiving).not.toContain('2025-11-27');
    expect(thanksgiving.some((d) => [0, 6].includes(new Date(d).getUTCDay()))).toBe(false);
  });

  it('moves a holiday Friday expiry to Thursday', () => {
    // Good Friday 2026-04-03: the weekly expires on Thursday 2026-04-02.
    const list = listExpiries('AAPL', nyTime('2026-03-30', 10));
    expect(list).toContain('2026-04-02');
    expect(list).not.toContain('2026-04-03');
  });
});
