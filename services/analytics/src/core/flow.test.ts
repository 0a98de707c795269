import { sampleStdDev } from '@alphatrader/quant';
import { describe, expect, it } from 'vitest';
import { ObiWindow, Ring, SideClassifier } from './flow';

describe('Ring', () => {
  it('keeps the last capacity items, oldest first', () => {
    const r = new Ring<number>(3);
    for (let i = 1; i <= 5; i++) r.push(i);
    expect(r.toArray()).toEqual([3, 4, 5]);
    expect(r.tail(2)).toEqual([4, 5]);
    expect(r.tail(9)).toEqual([3, 4, 5]);
    expect(r.oldest()).toBe(3);
    expect(r.last()).toBe(5);
    expect(new Ring<number>(2).tail(1)).toEqual([]);
  });
});

describe('ObiWindow', () => {
  it('keeps the sample standard deviation of the window with running sums', () => {
    const w = new ObiWindow(50);
    const values: number[] = [];
    for (let i = 0; i < 237; i++) {
      const v = Math.sin(i * 0.7) * 0.8;
      values.push(v);
      w.push(v);
      if (i >= 1) expect(w.volatility()!).toBeCloseTo(sampleStdDev(values.slice(-50))!, 12);
    }
    expect(w.mean()!).toBeCloseTo(values.slice(-50).reduce((a, v) => a + v, 0) / 50, 12);
    expect(new ObiWindow(5).volatility()).toBeNull();
  });
});

describe('SideClassifier', () => {
  it('uses the quote (Lee–Ready) and falls back to the tick rule at the mid', () => {
    const c = new SideClassifier();
    const q = { bid: 10, ask: 10.02 };
    expect(c.classify(10.02, q)).toBe('buy');
    expect(c.classify(10, q)).toBe('sell');
    expect(c.classify(10.015, q)).toBe('buy');
    expect(c.classify(10.01, q)).toBe('sell'); // at the mid, a down-tick from 10.015
    expect(c.classify(10.01, q)).toBe('sell'); // zero tick keeps the side
    expect(c.classify(10.03, null)).toBe('buy');
  });
});
