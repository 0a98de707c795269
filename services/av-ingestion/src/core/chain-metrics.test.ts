import { describe, expect, it } from 'vitest';
import type { OptionContract } from '@alphatrader/shared';
import { greeksByStrike, openInterestHistory, optionsFlow, unusualActivity } from './chain-metrics';

function c(over: Partial<OptionContract> & Pick<OptionContract, 'strike' | 'right'>): OptionContract {
  const exp = over.expiry ?? '2025-11-21';
  const occ = `SPY${exp.slice(2).replaceAll('-', '')}${over.right}${String(over.strike * 1000).padStart(8, '0')}`;
  return {
    occ,
    underlying: 'SPY',
    expiry: exp,
    bid: 1,
    ask: 1.2,
    last: 1.1,
    mark: 1.1,
    bidSize: 10,
    askSize: 10,
    volume: 0,
    openInterest: 0,
    iv: 0.2,
    delta: over.right === 'C' ? 0.5 : -0.5,
    gamma: 0.05,
    theta: -0.1,
    vega: 0.2,
    rho: 0.01,
    ...over,
  };
}

describe('optionsFlow', () => {
  it('sums put/call volume and premium (volume × mark × 100) and their ratios', () => {
    const f = optionsFlow(
      'SPY',
      [
        c({ strike: 600, right: 'C', volume: 100, mark: 2 }),
        c({ strike: 610, right: 'C', volume: 300, mark: 1 }),
        c({ strike: 590, right: 'P', volume: 200, mark: 3 }),
      ],
      1,
    );
    expect(f).toMatchObject({ callVolume: 400, putVolume: 200, callPremium: 50_000, putPremium: 60_000 });
    expect(f.putCallVolumeRatio).toBeCloseTo(0.5, 12);
    expect(f.putCallPremiumRatio).toBeCloseTo(1.2, 12);
  });

  it('has no ratio without call volume', () => {
    const f = optionsFlow('SPY', [c({ strike: 590, right: 'P', volume: 5 })], 1);
    expect(f.putCallVolumeRatio).toBeNull();
    expect(f.putCallPremiumRatio).toBeNull();
  });
});

describe('unusualActivity', () => {
  const settings = { minVolume: 100, volumeOiRatio: 1, maxContracts: 2 };
  it('flags volume at or above open interest (and the minimum volume), largest premium first, capped', () => {
    const u = unusualActivity(
      'SPY',
      [
        c({ strike: 600, right: 'C', volume: 500, openInterest: 100, mark: 1 }), // 5×, $50k
        c({ strike: 601, right: 'C', volume: 150, openInterest: 100, mark: 10 }), // 1.5×, $150k
        c({ strike: 602, right: 'C', volume: 90, openInterest: 10, mark: 50 }), // below min volume
        c({ strike: 603, right: 'C', volume: 300, openInterest: 1000, mark: 9 }), // 0.3×
        c({ strike: 604, right: 'P', volume: 120, openInterest: 0, mark: 0.1 }), // new interest: 120×, $1.2k
      ],
      settings,
      7,
    );
    expect(u.contracts.map((x) => x.occ)).toEqual(['SPY251121C00601000', 'SPY251121C00600000']);
    expect(u.contracts[0]).toMatchObject({
      volume: 150,
      openInterest: 100,
      volumeOiRatio: 1.5,
      premium: 150_000,
    });
    expect(u.contracts[0]!.reason).toContain('1.50×');
    expect(u.threshold).toBe(1);
  });
});

describe('greeksByStrike', () => {
  it('groups by expiry and strike, ascending, with call and put side by side', () => {
    const g = greeksByStrike(
      'SPY',
      [
        c({ strike: 610, right: 'P', expiry: '2025-11-24' }),
        c({ strike: 600, right: 'P' }),
        c({ strike: 600, right: 'C', delta: 0.6 }),
        c({ strike: 590, right: 'C' }),
      ],
      3,
    );
    expect(g.expiries.map((e) => e.expiry)).toEqual(['2025-11-21', '2025-11-24']);
    expect(g.expiries[0]!.strikes.map((s) => s.strike)).toEqual([590, 600]);
    expect(g.expiries[0]!.strikes[0]!.put).toBeNull();
    expect(g.expiries[0]!.strikes[1]!.call).toMatchObject({
      delta: 0.6,
      thetaPerDay: -0.1,
      vegaPerPoint: 0.2,
      rhoPerPct: 0.01,
    });
  });
});

describe('openInterestHistory', () => {
  it('sums open interest by expiry and right', () => {
    const h = openInterestHistory(
      'SPY',
      '2025-11-21',
      [
        c({ strike: 600, right: 'C', openInterest: 10 }),
        c({ strike: 600, right: 'P', openInterest: 7 }),
        c({ strike: 600, right: 'C', openInterest: 5, expiry: '2025-11-24' }),
      ],
      1,
    );
    expect(h).toMatchObject({ callOpenInterest: 15, putOpenInterest: 7, contracts: 3 });
    expect(h.byExpiry).toEqual([
      { expiry: '2025-11-21', callOpenInterest: 10, putOpenInterest: 7 },
      { expiry: '2025-11-24', callOpenInterest: 5, putOpenInterest: 0 },
    ]);
  });
});
