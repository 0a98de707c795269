import { describe, expect, it } from 'vitest';
import { QuantInputError } from './errors';
import { formatOcc, formatOccUnchecked, parseOcc, type OccContract } from './occ';

describe('parseOcc', () => {
  it('parses the padded 21-character form', () => {
    expect(parseOcc('SPY   250919C00650000')).toEqual({
      root: 'SPY',
      expiry: '2025-09-19',
      right: 'C',
      strike: 650,
    });
    expect(parseOcc('SPXW  251231P05800000')).toEqual({
      root: 'SPXW',
      expiry: '2025-12-31',
      right: 'P',
      strike: 5800,
    });
    expect(parseOcc('GOOGL 260116C00190000')).toMatchObject({ root: 'GOOGL', strike: 190 });
    expect(parseOcc('BRKB1 260320C00500000')).toMatchObject({ root: 'BRKB1' });
  });

  it('parses the compact form', () => {
    expect(parseOcc('SPY250919C00650000')).toEqual({
      root: 'SPY',
      expiry: '2025-09-19',
      right: 'C',
      strike: 650,
    });
    expect(parseOcc('QQQ251017P00480500')).toEqual({
      root: 'QQQ',
      expiry: '2025-10-17',
      right: 'P',
      strike: 480.5,
    });
    expect(parseOcc('F260116C00012500')).toMatchObject({ root: 'F', strike: 12.5 });
    expect(parseOcc('NVDA251219C00187500')).toMatchObject({ strike: 187.5 });
  });

  it('reads the right from its fixed position: SPY (which contains a P) calls stay calls, puts stay puts', () => {
    expect(parseOcc('SPY250919C00650000')?.right).toBe('C');
    expect(parseOcc('SPY   250919C00650000')?.right).toBe('C');
    expect(parseOcc('SPY250919P00650000')?.right).toBe('P');
    expect(parseOcc('SPY   250919P00650000')?.right).toBe('P');
    expect(parseOcc('CPB250919P00030000')).toMatchObject({ root: 'CPB', right: 'P', strike: 30 });
    expect(parseOcc('PCAR  250919C00100000')).toMatchObject({ root: 'PCAR', right: 'C' });
  });

  it.each([
    ['empty', ''],
    ['lower case', 'spy250919c00650000'],
    ['padding not to 6', 'SPY  250919C00650000'],
    ['padding too long', 'SPY    250919C00650000'],
    ['root too long', 'ABCDEFG250919C00650000'],
    ['leading space', ' SPY250919C00650000'],
    ['trailing garbage', 'SPY250919C00650000X'],
    ['unknown right', 'SPY250919X00650000'],
    ['short strike', 'SPY250919C0065000'],
    ['month 13', 'SPY251319C00650000'],
    ['30 February', 'SPY250230C00650000'],
    ['day 00', 'SPY250900C00650000'],
    ['zero strike', 'SPY250919C00000000'],
    ['no root', '250919C00650000'],
    ['plain ticker', 'SPY'],
  ])('returns null for %s', (_name, symbol) => {
    expect(parseOcc(symbol)).toBeNull();
  });

  it('returns null for a non-string', () => {
    expect(parseOcc(42 as unknown as string)).toBeNull();
  });

  it('restricts to one form when asked; a 6-character root reads the same in both', () => {
    expect(parseOcc('SPY250919C00650000', { form: 'compact' })).toMatchObject({ root: 'SPY' });
    expect(parseOcc('SPY   250919C00650000', { form: 'compact' })).toBeNull();
    expect(parseOcc('SPY   250919C00650000', { form: 'padded' })).toMatchObject({ root: 'SPY' });
    expect(parseOcc('SPY250919C00650000', { form: 'padded' })).toBeNull();
    expect(parseOcc('BRKB1X250919C00650000', { form: 'compact' })).toMatchObject({ root: 'BRKB1X' });
    expect(parseOcc('BRKB1X250919C00650000', { form: 'padded' })).toMatchObject({ root: 'BRKB1X' });
  });

  it('accepts a zero strike only when allowed, and still checks everything else', () => {
    expect(parseOcc('SPY250919C00000000', { allowZeroStrike: true })).toEqual({
      root: 'SPY',
      expiry: '2025-09-19',
      right: 'C',
      strike: 0,
    });
    expect(parseOcc('SPY251319C00000000', { allowZeroStrike: true })).toBeNull();
    expect(parseOcc('SPY  250919C00000000', { allowZeroStrike: true })).toBeNull();
  });

  it('accepts 29 February only in leap years', () => {
    expect(parseOcc('SPY280229C00650000')?.expiry).toBe('2028-02-29');
    expect(parseOcc('SPY270229C00650000')).toBeNull();
  });
});

describe('formatOcc', () => {
  const c: OccContract = { root: 'SPY', expiry: '2025-09-19', right: 'P', strike: 650 };

  it('formats the compact (default) and padded forms', () => {
    expect(formatOcc(c)).toBe('SPY250919P00650000');
    expect(formatOcc(c, 'compact')).toBe('SPY250919P00650000');
    expect(formatOcc(c, 'padded')).toBe('SPY   250919P00650000');
    expect(formatOcc(c, 'padded')).toHaveLength(21);
    expect(formatOcc({ root: 'GOOGL', expiry: '2026-01-16', right: 'C', strike: 187.5 }, 'padded')).toBe(
      'GOOGL 260116C00187500',
    );
  });

  it('round-trips through parseOcc in both forms, including float-unfriendly strikes', () => {
    for (const strike of [0.5, 1, 12.5, 101.1, 187.5, 650, 5800, 99999.999, 0.1 + 0.2]) {
      for (const form of ['compact', 'padded'] as const) {
        const contract = { root: 'SPXW', expiry: '2027-03-19', right: 'C' as const, strike };
        const parsed = parseOcc(formatOcc(contract, form));
        expect(parsed).not.toBeNull();
        expect(parsed!.strike).toBeCloseTo(strike, 9);
        expect(parsed).toMatchObject({ root: 'SPXW', expiry: '2027-03-19', right: 'C' });
      }
    }
  });

  it('formatOccUnchecked lays out what formatOcc would, and never throws on odd input', () => {
    for (const form of ['compact', 'padded'] as const) {
      expect(formatOccUnchecked(c, form)).toBe(formatOcc(c, form));
    }
    expect(formatOccUnchecked({ ...c, strike: 650.0004 })).toBe('SPY250919P00650000');
    expect(formatOccUnchecked({ ...c, root: 'BRK.B' })).toBe('BRK.B250919P00650000');
    expect(formatOccUnchecked({ ...c, expiry: '2025-13-99' })).toBe('SPY251399P00650000');
  });

  it.each([
    ['lower-case root', { root: 'spy' }],
    ['root too long', { root: 'ABCDEFG' }],
    ['bad expiry', { expiry: '2025-02-30' }],
    ['expiry format', { expiry: '20250919' }],
    ['right', { right: 'X' }],
    ['NaN strike', { strike: Number.NaN }],
    ['negative strike', { strike: -1 }],
    ['sub-mill strike', { strike: 1.0005 }],
    ['too large strike', { strike: 100000 }],
  ])('throws QuantInputError on %s', (_name, patch) => {
    expect(() => formatOcc({ ...c, ...(patch as Partial<OccContract>) })).toThrow(QuantInputError);
  });
});
