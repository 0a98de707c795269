import { describe, expect, it } from 'vitest';
import { executionCommission, orderCommission } from './commission';
import { applyFill, unrealizedPnl } from './positions';

describe('position accounting', () => {
  it('opens, adds, reduces and closes a long with IB-style average cost', () => {
    let p = { qty: 0, avgCost: 0, realizedPnl: 0 };
    p = applyFill(p, 1, 100, 10, 1, 1).next;
    expect(p).toEqual({ qty: 100, avgCost: 10.01, realizedPnl: 0 });
    p = applyFill(p, 1, 100, 12, 1, 1).next;
    expect(p.qty).toBe(200);
    expect(p.avgCost).toBeCloseTo(11.01, 10);
    const r = applyFill(p, -1, 50, 13, 1, 1);
    expect(r.closing).toBe(true);
    expect(r.realized).toBeCloseTo(50 * (13 - 11.01) - 1, 10);
    expect(r.next.qty).toBe(150);
    expect(r.next.avgCost).toBeCloseTo(11.01, 10);
    const c = applyFill(r.next, -1, 150, 11, 1, 1);
    expect(c.next.qty).toBe(0);
    expect(c.next.realizedPnl).toBeCloseTo(r.realized + 150 * (11 - 11.01) - 1, 10);
  });

  it('handles option multipliers, shorts and flips', () => {
    const short = applyFill({ qty: 0, avgCost: 0, realizedPnl: 0 }, -1, 2, 3.2, 100, 1.3).next;
    expect(short.qty).toBe(-2);
    expect(short.avgCost).toBeCloseTo((640 - 1.3) / 2, 10);
    expect(unrealizedPnl(short, 3, 100)).toBeCloseTo((300 - short.avgCost) * -2, 10);
    const flip = applyFill(short, 1, 5, 3, 100, 0);
    expect(flip.next.qty).toBe(3);
    expect(flip.next.avgCost).toBeCloseTo(300, 10);
    expect(flip.realized).toBeCloseTo(2 * (short.avgCost - 300), 10);
  });
});

describe('IBKR Pro fixed commissions', () => {
  it('stocks: $0.005/share, $1 minimum, 1 % cap', () => {
    expect(orderCommission('STK', 100, 10_000, 100)).toBe(1);
    expect(orderCommission('STK', 1000, 100_000, 100)).toBe(5);
    expect(orderCommission('STK', 100, 25, 0.25)).toBe(0.25);
  });

  it('options: $0.65/contract above $0.10 premium, $1 minimum', () => {
    expect(orderCommission('OPT', 1, 320, 3.2)).toBe(1);
    expect(orderCommission('OPT', 10, 3200, 3.2)).toBeCloseTo(6.5, 10);
    expect(orderCommission('OPT', 10, 80, 0.08)).toBe(5);
  });

  it('charges the minimum on the first execution and the rest per share afterwards', () => {
    const first = executionCommission('STK', { qty: 0, value: 0 }, { qty: 100, value: 10_000 });
    const second = executionCommission('STK', { qty: 100, value: 10_000 }, { qty: 1000, value: 100_000 });
    expect(first).toBe(1);
    expect(second).toBe(4);
  });
});
