import { describe, expect, it } from 'vitest';
import { imbalances, levelChanges, liquidity, priceLevels, quoteLevels } from './book';

const row = (price: number, size: number, venue: string | null = null) => ({ price, size, venue });

describe('priceLevels', () => {
  it('merges smart-depth rows at one price and keeps best first', () => {
    const r = priceLevels({
      bids: [row(10, 100, 'ARCA'), row(10, 50, 'NSDQ'), row(9.99, 10)],
      asks: [row(10.01, 5)],
    });
    expect(r).toEqual({
      bids: [
        { price: 10, size: 150 },
        { price: 9.99, size: 10 },
      ],
      asks: [{ price: 10.01, size: 5 }],
    });
  });

  it('rejects crossed, locked and unordered books', () => {
    expect(priceLevels({ bids: [row(10.01, 1)], asks: [row(10.01, 1)] })).toHaveProperty('problem');
    expect(priceLevels({ bids: [row(9.9, 1), row(10, 1)], asks: [] })).toHaveProperty('problem');
    expect(priceLevels({ bids: [], asks: [row(10, 1), row(9.99, 1)] })).toHaveProperty('problem');
    expect(priceLevels({ bids: [row(0, 1)], asks: [] })).toHaveProperty('problem');
  });
});

describe('quoteLevels', () => {
  it('needs both sides and no cross', () => {
    const t = {
      symbol: 'AAPL',
      bid: 10,
      ask: 10.02,
      bidSize: 3,
      askSize: 1,
      last: null,
      volume: null,
      vwap: null,
      ts: 0,
    };
    expect(quoteLevels(t)).toEqual({ bids: [{ price: 10, size: 3 }], asks: [{ price: 10.02, size: 1 }] });
    expect(quoteLevels({ ...t, ask: 9 })).toHaveProperty('problem');
    expect(quoteLevels({ ...t, bid: null })).toHaveProperty('problem');
  });
});

describe('imbalances and liquidity', () => {
  const book = {
    bids: [
      { price: 10, size: 300 },
      { price: 9.99, size: 100 },
    ],
    asks: [
      { price: 10.01, size: 100 },
      { price: 10.02, size: 100 },
    ],
  };

  it('level 1 = (300 − 100)/400, depth-weighted with weights 1 and 0.5 = (200 + 0)/(400 + 100)', () => {
    const i = imbalances(book, [1, 0.5]);
    expect(i.level1).toBeCloseTo(0.5, 12);
    expect(i.depthWeighted!).toBeCloseTo(200 / 500, 12);
    expect(i.weightedMid!).toBeCloseTo((10 * 100 + 10.01 * 300) / 400, 12);
    expect(imbalances(book, null).depthWeighted).toBeNull();
  });

  it('scores a tight deep book A and a wide thin one D', () => {
    const deep = { bids: [{ price: 100, size: 60_000 }], asks: [{ price: 100.01, size: 60_000 }] };
    expect(liquidity(deep, { maxSpreadBps: 20, fullDepthNotional: 5e6 })!.grade).toBe('A');
    const thin = { bids: [{ price: 100, size: 1 }], asks: [{ price: 101, size: 1 }] };
    const l = liquidity(thin, { maxSpreadBps: 20, fullDepthNotional: 5e6 })!;
    expect(l.spreadBps).toBeCloseTo((1 / 100.5) * 10_000, 9);
    expect(l.grade).toBe('D');
    expect(liquidity({ bids: [], asks: [] }, { maxSpreadBps: 20, fullDepthNotional: 5e6 })).toBeNull();
  });
});

describe('levelChanges', () => {
  it('reports changed, vanished and traded levels only', () => {
    const prev = {
      bids: [
        { price: 10, size: 100 },
        { price: 9.99, size: 50 },
      ],
      asks: [{ price: 10.01, size: 10 }],
    };
    const next = {
      bids: [
        { price: 10, size: 100 },
        { price: 9.98, size: 5 },
      ],
      asks: [{ price: 10.01, size: 20 }],
    };
    const ev = levelChanges(prev, next, 7);
    expect(ev).toEqual([
      { kind: 'level', ts: 7, side: 'bid', price: 9.98, size: 5 },
      { kind: 'level', ts: 7, side: 'bid', price: 9.99, size: 0 },
      { kind: 'level', ts: 7, side: 'ask', price: 10.01, size: 20 },
    ]);
    expect(levelChanges(prev, next, 7, new Set([10]))).toContainEqual({
      kind: 'level',
      ts: 7,
      side: 'bid',
      price: 10,
      size: 100,
    });
  });
});
