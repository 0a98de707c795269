import { describe, expect, it } from 'vitest';
import { QuantInputError } from './errors';
import { IcebergTracker } from './iceberg-tracker';
import { detectIcebergs, type IcebergEvent } from './icebergs';

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

/** Deterministic LCG in [0, 1). */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** A random tape and book around a few prices, some levels refilling like icebergs. */
function randomEvents(seed: number, n: number): IcebergEvent[] {
  const rand = rng(seed);
  const out: IcebergEvent[] = [];
  let ts = 0;
  for (let i = 0; i < n; i++) {
    ts += Math.floor(rand() * 300);
    const price = 10 + Math.floor(rand() * 5) / 100;
    const side = rand() < 0.5 ? 'bid' : 'ask';
    if (rand() < 0.5) {
      const s = rand();
      out.push(
        trade(ts, price, 50 + Math.floor(rand() * 4) * 50, s < 0.4 ? 'buy' : s < 0.8 ? 'sell' : undefined),
      );
    } else {
      out.push(lvl(ts, side, price, rand() < 0.1 ? 0 : 50 + Math.floor(rand() * 4) * 50));
    }
  }
  return out;
}

describe('IcebergTracker', () => {
  it('reports what detectIcebergs reports for the same events (random tapes)', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const events = randomEvents(seed, 400);
      for (const minRefills of [1, 2, 3]) {
        const t = new IcebergTracker({ minRefills, expireMs: 1e9 });
        for (const e of events) t.push(e);
        expect(t.detections()).toEqual(detectIcebergs(events, { minRefills }));
      }
    }
  });

  it('finds the worked example: an ask refilled three times', () => {
    const t = new IcebergTracker({ expireMs: 60_000 });
    for (const e of [
      lvl(0, 'ask', 10.05, 100),
      trade(100, 10.05, 100, 'buy'),
      lvl(150, 'ask', 10.05, 100),
      trade(300, 10.05, 100, 'buy'),
      lvl(320, 'ask', 10.05, 0),
      lvl(400, 'ask', 10.05, 100),
      trade(600, 10.05, 100),
      lvl(700, 'ask', 10.05, 100),
    ])
      t.push(e);
    expect(t.detections()).toEqual([
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
  });

  it('forgets levels idle for longer than expireMs', () => {
    const t = new IcebergTracker({ minRefills: 1, expireMs: 1_000 });
    t.push(lvl(0, 'bid', 9.95, 100));
    t.push(trade(10, 9.95, 100, 'sell'));
    t.push(lvl(20, 'bid', 9.95, 100));
    expect(t.detections()).toHaveLength(1);
    t.push(lvl(5_000, 'ask', 10.1, 10));
    expect(t.detections()).toEqual([]);
    expect(t.levels).toBe(1);
  });

  it('rejects malformed events', () => {
    const t = new IcebergTracker({ expireMs: 1_000 });
    expect(() => t.push(trade(Number.NaN, 10, 1))).toThrow(QuantInputError);
    expect(() => t.push({ kind: 'level', ts: 0, side: 'up', price: 10, size: 1 } as never)).toThrow(
      QuantInputError,
    );
    expect(() => new IcebergTracker({ expireMs: 0 })).toThrow(QuantInputError);
  });
});
