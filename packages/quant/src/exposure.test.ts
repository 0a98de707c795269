import { describe, expect, it } from 'vitest';
import { QuantInputError } from './errors';
import { deltaExposure, gammaExposure, type GammaContract } from './exposure';

describe('gammaExposure', () => {
  it('reports $ per 1 % move (Γ·OI·100·S²·0.01), not the 100× larger Γ·OI·100·S² (factor-100 trap)', () => {
    const S = 400;
    const gex = gammaExposure([{ strike: 400, right: 'C', gamma: 0.05, openInterest: 1000 }], S);
    // 0.05 · 1000 · 100 · 400² · 0.01 = 8,000,000 $ per 1 % move
    expect(gex.total).toBeCloseTo(8_000_000, 6);
    expect(gex.unit).toBe('usd_per_1pct');
    expect(gex.total).not.toBeCloseTo(0.05 * 1000 * 100 * S * S, 0);
    expect(gex.total * 100).toBeCloseTo(0.05 * 1000 * 100 * S * S, 4);
    // $ per $1 move: Γ·OI·100·S = 2,000,000
    expect(gex.totalPerDollar).toBeCloseTo(2_000_000, 6);
  });

  it('is dealer-signed: calls +, puts −; net = Σ calls − Σ |puts|; per-strike profile ascending', () => {
    const chain: GammaContract[] = [
      { strike: 105, right: 'C', gamma: 0.02, openInterest: 500, expiry: '2025-09-19' },
      { strike: 95, right: 'P', gamma: 0.03, openInterest: 800, expiry: '2025-09-19' },
      { strike: 100, right: 'C', gamma: 0.04, openInterest: 300, expiry: '2025-10-17' },
      { strike: 100, right: 'P', gamma: 0.04, openInterest: 100, expiry: '2025-10-17' },
    ];
    const S = 100;
    const k = 100 * S * S * 0.01;
    const gex = gammaExposure(chain, S);
    expect(gex.byStrike.map((s) => s.strike)).toEqual([95, 100, 105]);
    const at = (strike: number) => gex.byStrike.find((s) => s.strike === strike)!;
    expect(at(95)).toEqual({ strike: 95, call: 0, put: -0.03 * 800 * k, net: -0.03 * 800 * k });
    expect(at(100).call).toBeCloseTo(0.04 * 300 * k, 9);
    expect(at(100).put).toBeCloseTo(-0.04 * 100 * k, 9);
    expect(at(100).net).toBeCloseTo(0.04 * 200 * k, 9);
    const calls = (0.02 * 500 + 0.04 * 300) * k;
    const puts = (0.03 * 800 + 0.04 * 100) * k;
    expect(gex.total).toBeCloseTo(calls - puts, 6);
    expect(gex.byExpiry).toEqual([
      {
        expiry: '2025-09-19',
        call: 0.02 * 500 * k,
        put: -0.03 * 800 * k,
        net: (0.02 * 500 - 0.03 * 800) * k,
      },
      expect.objectContaining({ expiry: '2025-10-17' }),
    ]);
    expect(gex.callWall).toBe(100); // 0.04·300 = 12 > 0.02·500 = 10
    expect(gex.putWall).toBe(95);
    expect(gex.contractsUsed).toBe(4);
  });

  it('excludes ghost strikes with open interest below the minimum (default 5) from totals and walls', () => {
    const chain: GammaContract[] = [
      { strike: 100, right: 'C', gamma: 0.01, openInterest: 1000 },
      { strike: 120, right: 'C', gamma: 5, openInterest: 4 }, // would dominate if counted
      { strike: 80, right: 'P', gamma: 0.01, openInterest: 100 },
    ];
    const gex = gammaExposure(chain, 100);
    expect(gex.callWall).toBe(100);
    expect(gex.byStrike.map((s) => s.strike)).toEqual([80, 100]);
    expect(gex.ghostsExcluded).toBe(1);
    expect(gex.total).toBeCloseTo((0.01 * 1000 - 0.01 * 100) * 100 * 100, 6);
    const all = gammaExposure(chain, 100, { minOpenInterest: 0 });
    expect(all.callWall).toBe(120);
    expect(all.ghostsExcluded).toBe(0);
  });

  it('groups contracts without an expiry under null, listed last', () => {
    const gex = gammaExposure(
      [
        { strike: 100, right: 'C', gamma: 0.01, openInterest: 10 },
        { strike: 100, right: 'C', gamma: 0.01, openInterest: 10, expiry: '2025-01-17' },
      ],
      100,
    );
    expect(gex.byExpiry.map((e) => e.expiry)).toEqual(['2025-01-17', null]);
  });

  it('absurd magnitudes that overflow throw instead of returning Infinity or NaN', () => {
    const huge: GammaContract[] = [
      { strike: 100, right: 'C', gamma: 1e300, openInterest: 1e300 },
      { strike: 100, right: 'P', gamma: 1e300, openInterest: 1e300 },
    ];
    expect(() => gammaExposure(huge, 100)).toThrow(QuantInputError);
    expect(() => deltaExposure([{ right: 'C', delta: 1, openInterest: 1e307 }], 1e300)).toThrow(
      QuantInputError,
    );
  });

  it('an empty chain gives zero totals and no walls', () => {
    expect(gammaExposure([], 500)).toMatchObject({
      total: 0,
      totalPerDollar: 0,
      byStrike: [],
      callWall: null,
      putWall: null,
    });
  });

  it.each([
    ['NaN gamma', [{ strike: 100, right: 'C', gamma: Number.NaN, openInterest: 10 }], 100],
    ['negative gamma', [{ strike: 100, right: 'C', gamma: -0.1, openInterest: 10 }], 100],
    ['Infinity open interest', [{ strike: 100, right: 'C', gamma: 0.1, openInterest: Infinity }], 100],
    ['negative open interest', [{ strike: 100, right: 'P', gamma: 0.1, openInterest: -1 }], 100],
    ['zero strike', [{ strike: 0, right: 'P', gamma: 0.1, openInterest: 10 }], 100],
    ['bad right', [{ strike: 100, right: 'X', gamma: 0.1, openInterest: 10 }], 100],
    ['NaN spot', [], Number.NaN],
    ['zero spot', [], 0],
  ])('throws QuantInputError on %s', (_name, chain, spot) => {
    expect(() => gammaExposure(chain as GammaContract[], spot)).toThrow(QuantInputError);
  });
});

describe('deltaExposure', () => {
  it('is Σ Δ·OI·100·S with signed delta (puts negative), in $ of delta notional', () => {
    const dex = deltaExposure(
      [
        { right: 'C', delta: 0.5, openInterest: 1000 },
        { right: 'C', delta: 0.25, openInterest: 400 },
        { right: 'P', delta: -0.4, openInterest: 2000 },
        { right: 'P', delta: -0.9, openInterest: 3 }, // ghost
      ],
      200,
    );
    expect(dex.calls).toBeCloseTo((0.5 * 1000 + 0.25 * 400) * 100 * 200, 6);
    expect(dex.puts).toBeCloseTo(-0.4 * 2000 * 100 * 200, 6);
    expect(dex.total).toBeCloseTo(dex.calls + dex.puts, 6);
    expect(dex.unit).toBe('usd_delta_notional');
  });

  it('empty → zeros; invalid → QuantInputError', () => {
    expect(deltaExposure([], 100)).toMatchObject({ total: 0, calls: 0, puts: 0 });
    expect(() => deltaExposure([{ right: 'C', delta: Number.NaN, openInterest: 10 }], 100)).toThrow(
      QuantInputError,
    );
    expect(() => deltaExposure([{ right: 'C', delta: 1.5, openInterest: 10 }], 100)).toThrow(QuantInputError);
    expect(() => deltaExposure([{ right: 'C', delta: 0.5, openInterest: -10 }], 100)).toThrow(
      QuantInputError,
    );
    expect(() => deltaExposure([], Number.POSITIVE_INFINITY)).toThrow(QuantInputError);
  });
});
