import { describe, expect, it } from 'vitest';
import { IbkrOptionQuote } from '@alphatrader/shared';
import { OptionFeed, optionContract, planOptionSubscriptions } from './options';
import { Tick } from './ticks';

describe('optionContract', () => {
  it('turns an OCC id into a TWS contract', () => {
    expect(optionContract('SPY260116C00600000')).toEqual({
      occ: 'SPY260116C00600000',
      underlying: 'SPY',
      tradingClass: 'SPY',
      expiry: '2026-01-16',
      lastTradeDate: '20260116',
      strike: 600,
      right: 'C',
    });
    expect(optionContract('SPXW260116P05900000')).toMatchObject({
      underlying: 'SPX',
      tradingClass: 'SPXW',
      strike: 5900,
    });
    expect(optionContract('nonsense')).toBeNull();
  });
});

describe('planOptionSubscriptions', () => {
  const now = 1000;
  it('adds live leases, cancels expired and removed ones', () => {
    const plan = planOptionSubscriptions(
      new Set(['A', 'B']),
      [
        { occ: 'A', expiresAt: 2000 },
        { occ: 'B', expiresAt: 500 },
        { occ: 'C', expiresAt: 3000 },
      ],
      now,
      10,
    );
    expect(plan).toEqual({ add: ['C'], remove: ['B'], skipped: 0 });
  });

  it('keeps current subscriptions first and fills the rest by latest expiry within the budget', () => {
    const plan = planOptionSubscriptions(
      new Set(['A']),
      [
        { occ: 'A', expiresAt: 1500 },
        { occ: 'B', expiresAt: 9000 },
        { occ: 'C', expiresAt: 5000 },
        { occ: 'D', expiresAt: 7000 },
      ],
      now,
      3,
    );
    expect(plan).toEqual({ add: ['B', 'D'], remove: [], skipped: 1 });
  });
});

describe('OptionFeed', () => {
  it('builds a valid quote with mark and model Greeks; sentinels become null', () => {
    const f = new OptionFeed(optionContract('SPY260116C00600000')!);
    expect(f.onTickPrice(Tick.BID, 4.1, 10, 1)).toBe(true);
    f.onTickPrice(Tick.ASK, 4.3, 11, 1);
    f.onTickSize(Tick.BID_SIZE, 12, 12, 1);
    f.onOptionComputation(Tick.MODEL_OPTION, 0.18, 0.52, 0.03, 0.21, -0.35, 600.5, 13, 1);
    f.onOptionComputation(Tick.BID_OPTION, 9, 9, 9, 9, 9, 9, 14, 1);
    const q = IbkrOptionQuote.parse(f.quote(20));
    expect(q.mark).toBeCloseTo(4.2, 12);
    expect(q).toMatchObject({
      bid: 4.1,
      ask: 4.3,
      bidSize: 12,
      iv: 0.18,
      delta: 0.52,
      thetaPerDay: -0.35,
      vegaPerPoint: 0.21,
      underlyingPrice: 600.5,
      sourceTs: 13,
      ts: 20,
    });
    f.onOptionComputation(Tick.MODEL_OPTION, -1, -2, undefined, Number.NaN, 1.7976931348623157e308, 0, 15, 1);
    expect(f.quote(21)).toMatchObject({
      iv: null,
      delta: null,
      gamma: null,
      vegaPerPoint: null,
      thetaPerDay: null,
      underlyingPrice: null,
    });
  });

  it('treats -1 as no quote, rejects garbage and does not publish a crossed market', () => {
    const f = new OptionFeed(optionContract('SPY260116P00590000')!);
    f.onTickPrice(Tick.BID, -1, 1, 1);
    f.onTickPrice(Tick.LAST, 2.5, 1, 1);
    expect(f.quote(2)).toMatchObject({ bid: null, mark: 2.5 });
    expect(f.onTickPrice(Tick.ASK, -7, 1, 1)).toBe(false);
    expect(f.onTickSize(Tick.ASK_SIZE, -1, 1, 1)).toBe(false);
    f.onTickPrice(Tick.BID, 3, 1, 1);
    f.onTickPrice(Tick.ASK, 2, 1, 1);
    expect(f.quote(3)).toBeNull();
  });
});
