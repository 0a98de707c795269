import { describe, expect, it } from 'vitest';
import { QuantInputError } from './errors';
import { detectIcebergs, type IcebergEvent } from './icebergs';

describe('detectIcebergs', () => {
  const lvl = (ts: number, side: 'bid' | 'ask', price: number, size: number): IcebergEvent => ({
    kind: 'level',
    ts,
    side,
    price,
    size,
  });
  const trade = (ts: number, price: number, size: number, side?: 'buy' | 'sell'): IcebergEvent => ({
    kind: 'trade',
    ts,
    price,
    size,
    ...(side === undefined ? {} : { side }),
  });

  it('a level that keeps refilling after it trades through is an iceberg, with evidence', () => {
    const events: IcebergEvent[] = [
      lvl(0, 'ask', 10.05, 100),
      trade(100, 10.05, 100, 'buy'),
      lvl(150, 'ask', 10.05, 100), // refill 1
      trade(300, 10.05, 100, 'buy'),
      lvl(320, 'ask', 10.05, 0), // emptied…
      lvl(400, 'ask', 10.05, 100), // …and back: refill 2
      trade(600, 10.05, 100), // no side: matched to the ask showing 10.05
      lvl(700, 'ask', 10.05, 100), // refill 3
    ];
    expect(detectIcebergs(events)).toEqual([
      {
        side: 'ask',
        price: 10.05,
        refills: 3,
        tradedVolume: 300,
        maxDisplayed: 100,
        hiddenVolume: 200,
        firstTs: 100,
        lastTs: 700,
      },
    ]);
    expect(detectIcebergs(events, { minRefills: 4 })).toEqual([]);
  });

  it('ordinary depletion, late refills and partial fills are not refills', () => {
    const events: IcebergEvent[] = [
      lvl(0, 'bid', 9.95, 500),
      trade(10, 9.95, 50, 'sell'),
      lvl(20, 'bid', 9.95, 450), // what should remain: no refill
      trade(30, 9.95, 100, 'sell'),
      lvl(40, 'bid', 9.95, 400), // 100 of 450 traded (< 80 %): a new order joining, not a refill
      trade(50, 9.95, 400, 'sell'),
      lvl(5_000, 'bid', 9.95, 400), // traded through, but back only after 2 s
    ];
    expect(detectIcebergs(events, { minRefills: 1 })).toEqual([]);
    expect(detectIcebergs(events, { minRefills: 1, refillWindowMs: 10_000 })).toMatchObject([
      { side: 'bid', refills: 1 },
    ]);
  });

  it('rejects malformed events', () => {
    expect(() =>
      detectIcebergs([{ kind: 'level', ts: 0, side: 'mid', price: 1, size: 1 } as unknown as IcebergEvent]),
    ).toThrow(QuantInputError);
    expect(() => detectIcebergs([trade(0, Number.NaN, 1, 'buy')])).toThrow(QuantInputError);
    expect(() => detectIcebergs([lvl(0, 'bid', 10, -5)])).toThrow(QuantInputError);
    expect(() =>
      detectIcebergs([{ kind: 'quote', ts: 0, price: 1, size: 1 } as unknown as IcebergEvent]),
    ).toThrow(QuantInputError);
    expect(detectIcebergs([])).toEqual([]);
  });
});
