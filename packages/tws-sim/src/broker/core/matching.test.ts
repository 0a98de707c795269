import { describe, expect, it } from 'vitest';
import { adaptivePrice, adaptivePriority, passiveFill, sweep } from './matching';

const asks = [
  { price: 100.01, size: 200, venue: 'NSDQ' },
  { price: 100.02, size: 300, venue: 'ARCA' },
  { price: 100.05, size: 500, venue: 'BATS' },
];

describe('sweep', () => {
  it('fills a market order across levels, one fill per level, best price first', () => {
    const consumed = new Map<number, number>();
    const fills = sweep({ action: 'BUY', remaining: 600, limit: undefined, levels: asks, consumed });
    expect(fills.map((f) => [f.price, f.qty, f.venue])).toEqual([
      [100.01, 200, 'NSDQ'],
      [100.02, 300, 'ARCA'],
      [100.05, 100, 'BATS'],
    ]);
    expect(fills.every((f) => f.liquidity === 2)).toBe(true);
  });

  it('stops at the limit price and leaves the rest working', () => {
    const fills = sweep({ action: 'BUY', remaining: 1000, limit: 100.02, levels: asks, consumed: new Map() });
    expect(fills.reduce((s, f) => s + f.qty, 0)).toBe(500);
    const sells = sweep({
      action: 'SELL',
      remaining: 100,
      limit: 100.03,
      levels: [{ price: 100.0, size: 500, venue: 'X' }],
      consumed: new Map(),
    });
    expect(sells).toEqual([]);
  });

  it('does not take the same displayed liquidity twice', () => {
    const consumed = new Map<number, number>();
    sweep({ action: 'BUY', remaining: 250, limit: undefined, levels: asks, consumed });
    const again = sweep({ action: 'BUY', remaining: 1000, limit: undefined, levels: asks, consumed });
    expect(again.map((f) => [f.price, f.qty])).toEqual([
      [100.02, 250],
      [100.05, 500],
    ]);
    expect(sweep({ action: 'BUY', remaining: 1, limit: undefined, levels: asks, consumed })).toEqual([]);
  });
});

describe('passiveFill', () => {
  it('a resting buy trades with a print at or below its limit, at its limit', () => {
    expect(passiveFill('BUY', 100, 500, { price: 99.99, size: 300, venue: 'IEX' })).toEqual({
      price: 100,
      qty: 300,
      venue: 'IEX',
      liquidity: 1,
    });
    expect(passiveFill('BUY', 100, 100, { price: 100, size: 300, venue: 'IEX' })?.qty).toBe(100);
    expect(passiveFill('BUY', 100, 100, { price: 100.01, size: 300, venue: 'IEX' })).toBeUndefined();
    expect(passiveFill('SELL', 100, 100, { price: 100.01, size: 300, venue: 'IEX' })?.price).toBe(100);
  });
});

describe('IB Adaptive pricing', () => {
  it('starts inside the spread by priority and walks to the far side, never past the limit', () => {
    expect(adaptivePrice('BUY', 101, 100, 100.2, 'Patient', 0)).toBe(100.05);
    expect(adaptivePrice('BUY', 101, 100, 100.2, 'Normal', 0)).toBe(100.1);
    expect(adaptivePrice('BUY', 101, 100, 100.2, 'Urgent', 0)).toBe(100.15);
    expect(adaptivePrice('BUY', 101, 100, 100.2, 'Urgent', 1_000)).toBe(100.2);
    expect(adaptivePrice('BUY', 100.08, 100, 100.2, 'Urgent', 60_000)).toBe(100.08);
    expect(adaptivePrice('SELL', 99, 100, 100.2, 'Normal', 0)).toBe(100.1);
    expect(adaptivePrice('SELL', 99, 100, 100.2, 'Normal', 6_000)).toBe(100);
  });

  it('reads the priority from the algo parameters', () => {
    expect(adaptivePriority([{ tag: 'adaptivePriority', value: 'Urgent' }])).toBe('Urgent');
    expect(adaptivePriority([])).toBe('Normal');
  });
});
