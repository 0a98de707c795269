import { describe, expect, it } from 'vitest';
import { orderBookImbalance, weightedMid, type BookInput } from './book';
import { QuantInputError } from './errors';

const book: BookInput = {
  bids: [
    { price: 10.0, size: 300 },
    { price: 9.99, size: 200 },
    { price: 9.98, size: 1000 },
  ],
  asks: [
    { price: 10.01, size: 100 },
    { price: 10.02, size: 600 },
  ],
};

describe('orderBookImbalance', () => {
  it('level 1: (Q_bid − Q_ask)/(Q_bid + Q_ask)', () => {
    expect(orderBookImbalance(book)).toBeCloseTo((300 - 100) / 400, 15);
    expect(orderBookImbalance(book, { levels: 1 })).toBeCloseTo(0.5, 15);
  });

  it('depth-weighted: Σwᵢ(Bᵢ − Aᵢ)/Σwᵢ(Bᵢ + Aᵢ), a missing level counts as 0', () => {
    // Equal weights over 3 levels: (300−100 + 200−600 + 1000−0) / (400 + 800 + 1000)
    expect(orderBookImbalance(book, { levels: 3 })).toBeCloseTo(800 / 2200, 15);
    // Weights 1, 0.5, 0.25
    const num = 1 * 200 + 0.5 * -400 + 0.25 * 1000;
    const den = 1 * 400 + 0.5 * 800 + 0.25 * 1000;
    expect(orderBookImbalance(book, { levels: 3, weights: [1, 0.5, 0.25] })).toBeCloseTo(num / den, 15);
    // Levels beyond both sides add nothing.
    expect(orderBookImbalance(book, { levels: 10 })).toBeCloseTo(800 / 2200, 15);
  });

  it('stays in [−1, 1]: one-sided books are ±1, an empty book is 0', () => {
    expect(orderBookImbalance({ bids: [{ price: 10, size: 5 }], asks: [] })).toBe(1);
    expect(orderBookImbalance({ bids: [], asks: [{ price: 10, size: 5 }] })).toBe(-1);
    expect(orderBookImbalance({ bids: [], asks: [] })).toBe(0);
    expect(orderBookImbalance({ bids: [{ price: 10, size: 0 }], asks: [{ price: 10.01, size: 0 }] })).toBe(0);
    expect(orderBookImbalance(book, { levels: 2, weights: [0, 0] })).toBe(0);
  });

  it('rejects bad sizes, levels and weights with QuantInputError', () => {
    const nan: BookInput = { bids: [{ price: 10, size: Number.NaN }], asks: [] };
    expect(() => orderBookImbalance(nan)).toThrow(QuantInputError);
    expect(() => orderBookImbalance({ bids: [{ price: 10, size: -1 }], asks: [] })).toThrow(QuantInputError);
    expect(() => orderBookImbalance(book, { levels: 0 })).toThrow(QuantInputError);
    expect(() => orderBookImbalance(book, { levels: 3, weights: [1, 1] })).toThrow(QuantInputError);
    expect(() => orderBookImbalance(book, { levels: 2, weights: [1, -1] })).toThrow(QuantInputError);
    expect(() => orderBookImbalance({ bids: null, asks: [] } as unknown as BookInput)).toThrow(
      QuantInputError,
    );
  });
});

describe('weightedMid', () => {
  it('(P_bid·Q_ask + P_ask·Q_bid)/(Q_bid + Q_ask): leans to the side with less size', () => {
    expect(weightedMid(book)).toBeCloseTo((10.0 * 100 + 10.01 * 300) / 400, 12);
    const heavyAsk: BookInput = { bids: [{ price: 10, size: 100 }], asks: [{ price: 10.1, size: 300 }] };
    expect(weightedMid(heavyAsk)).toBeCloseTo(10.025, 12);
  });

  it('null when a side is empty; the plain mid when both top sizes are 0', () => {
    expect(weightedMid({ bids: [], asks: [{ price: 10, size: 1 }] })).toBeNull();
    expect(weightedMid({ bids: [{ price: 10, size: 1 }], asks: [] })).toBeNull();
    expect(weightedMid({ bids: [{ price: 10, size: 0 }], asks: [{ price: 10.1, size: 0 }] })).toBeCloseTo(
      10.05,
      12,
    );
  });

  it('rejects a non-finite price', () => {
    expect(() =>
      weightedMid({ bids: [{ price: Number.NaN, size: 1 }], asks: [{ price: 10, size: 1 }] }),
    ).toThrow(QuantInputError);
  });
});
