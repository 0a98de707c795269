import { PortfolioAnalytics, type OptionContract, type Position } from '@alphatrader/shared';
import { describe, expect, it } from 'vitest';
import { portfolioAggregates } from './portfolio';

const contract = {
  occ: 'SPY250620C00500000',
  underlying: 'SPY',
  expiry: '2025-06-20',
  strike: 500,
  right: 'C' as const,
};
const position = (over: Partial<Position>): Position => ({
  id: 'p',
  symbol: 'SPY',
  contract,
  strategy: '0dte',
  signalId: null,
  qty: 2,
  entryPrice: 3,
  mark: 4,
  highWaterMark: 4,
  stop: null,
  unrealizedPnl: 200,
  openedAt: 0,
  ts: 0,
  ...over,
});

describe('portfolioAggregates', () => {
  it('sums Greeks × quantity × 100 and values at the marks; stock counts its shares as delta', () => {
    const c = { delta: 0.5, gamma: 0.02, theta: -0.3, vega: 0.1, mark: 4.1 } as OptionContract;
    const p = portfolioAggregates(
      [position({}), position({ id: 's', contract: null, qty: 10, mark: 500 })],
      (s, occ) => (s === 'SPY' && occ === contract.occ ? c : undefined),
      1234,
    );
    expect(PortfolioAnalytics.parse(p)).toEqual({
      delta: 0.5 * 200 + 10,
      gamma: 0.02 * 200,
      thetaPerDay: -0.3 * 200,
      vegaPerPoint: 0.1 * 200,
      positions: 2,
      marketValue: 4 * 200 + 10 * 500,
      confidence: 1,
      ts: 1234,
    });
  });

  it('lowers the confidence for a position whose contract has no Greeks', () => {
    const p = portfolioAggregates([position({}), position({ id: 'q' })], () => undefined, 0);
    expect(p.confidence).toBe(0);
    expect(p.delta).toBe(0);
    expect(portfolioAggregates([], () => undefined, 0).confidence).toBe(1);
  });
});
