import { describe, expect, it } from 'vitest';
import { QuantInputError } from './errors';
import { normCdf } from './normal';
import { VpinCalculator, vpinSeries, type VpinOptions, type VpinTrade } from './vpin';

describe('vpinSeries: tick rule', () => {
  it('hand-computed example: one 250-share trade spills across three 100-share buckets keeping its label', () => {
    // V = 100, n = 2, reference price 10.00.
    const trades: VpinTrade[] = [
      { price: 10.01, size: 50 }, // uptick → buy 50                       bucket 1: B50
      { price: 10.0, size: 250 }, // downtick → sell 250: 50 closes bucket 1 (B50 S50, |B−S| = 0),
      //                             100 fills bucket 2 (S100 → 100), 100 fills bucket 3 (S100 → 100)
      { price: 10.0, size: 30 }, // zero tick keeps "sell"                 bucket 4: S30
      { price: 10.02, size: 70 }, // uptick → buy 70 closes bucket 4      (B70 S30 → |B−S| = 40)
      { price: 10.02, size: 20 }, // zero tick keeps "buy", bucket 5 stays open
    ];
    const out = vpinSeries(trades, {
      bucketVolume: 100,
      window: 2,
      classification: 'tick',
      initialPrice: 10,
    });
    // One value per closed bucket; null until 2 buckets exist; then Σ|B−S| / (n·V).
    expect(out).toEqual([null, (0 + 100) / 200, (100 + 100) / 200, (100 + 40) / 200]);
  });

  it('a single trade can close many buckets at once', () => {
    const out = vpinSeries([{ price: 10.01, size: 1000 }], {
      bucketVolume: 100,
      window: 3,
      classification: 'tick',
      initialPrice: 10,
    });
    expect(out).toEqual([null, null, 1, 1, 1, 1, 1, 1, 1, 1]);
  });

  it('without initialPrice the first trade has no label: its volume counts half buy, half sell', () => {
    const out = vpinSeries(
      [
        { price: 10, size: 100 },
        { price: 10, size: 100 }, // zero tick: still unknown
        { price: 9.99, size: 100 }, // downtick: sell
      ],
      { bucketVolume: 100, window: 1, classification: 'tick' },
    );
    expect(out).toEqual([0, 0, 1]);
  });

  it('compares prices in integer ticks: float noise is not a tick', () => {
    const out = vpinSeries(
      [
        { price: 0.3, size: 100 }, // uptick from 0.29 → buy
        { price: 0.1 + 0.2, size: 100 }, // 0.30000000000000004: zero tick, keeps buy
      ],
      { bucketVolume: 100, window: 1, classification: 'tick', initialPrice: 0.29 },
    );
    expect(out).toEqual([1, 1]);
  });

  it('ignores zero-size prints for volume but uses their price', () => {
    const out = vpinSeries(
      [
        { price: 10.05, size: 0 },
        { price: 10.05, size: 100 }, // zero tick vs the 10.05 print: label from 10.00 → 10.05 is buy
      ],
      { bucketVolume: 100, window: 1, classification: 'tick', initialPrice: 10 },
    );
    expect(out).toEqual([1]);
  });
});

describe('vpinSeries: bulk volume classification', () => {
  it('per bucket: buy share Φ(ΔP/σ) with σ the sample std of the window’s ΔP in ticks', () => {
    const out = vpinSeries(
      [
        { price: 10.02, size: 100 }, // bucket 1 closes at 10.02: ΔP = +2 ticks vs 10.00
        { price: 10.01, size: 100 }, // bucket 2 closes at 10.01: ΔP = −1 tick
        { price: 10.01, size: 100 }, // bucket 3: ΔP = 0
      ],
      { bucketVolume: 100, window: 2, classification: 'bvc', initialPrice: 10 },
    );
    const sd1 = Math.sqrt(((2 - 0.5) ** 2 + (-1 - 0.5) ** 2) / 1);
    const v2 = (Math.abs(2 * normCdf(2 / sd1) - 1) + Math.abs(2 * normCdf(-1 / sd1) - 1)) / 2;
    const sd2 = Math.sqrt(((-1 + 0.5) ** 2 + (0 + 0.5) ** 2) / 1);
    const v3 = (Math.abs(2 * normCdf(-1 / sd2) - 1) + 0) / 2;
    expect(out).toHaveLength(3);
    expect(out[0]).toBeNull();
    expect(out[1]).toBeCloseTo(v2, 14);
    expect(out[2]).toBeCloseTo(v3, 14);
  });

  it('a window without price change is 0 (no information), never NaN', () => {
    const out = vpinSeries(
      Array.from({ length: 10 }, () => ({ price: 50, size: 100 })),
      { bucketVolume: 100, window: 3, classification: 'bvc' },
    );
    expect(out).toEqual([null, null, 0, 0, 0, 0, 0, 0, 0, 0]);
  });
});

function randomTape(n: number, seed: number): VpinTrade[] {
  let s = seed;
  const rand = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
  let price = 100;
  const out: VpinTrade[] = [];
  for (let i = 0; i < n; i++) {
    price = Math.max(1, price + Math.round((rand() - 0.5) * 6) / 100);
    out.push({ price, size: 1 + Math.floor(rand() ** 3 * 3000) });
  }
  return out;
}

describe('VpinCalculator', () => {
  for (const classification of ['tick', 'bvc'] as const) {
    it(`produces exactly the vpinSeries values trade by trade (${classification})`, () => {
      const trades = randomTape(5000, 11);
      const opts: VpinOptions = { bucketVolume: 1000, window: 50, classification, initialPrice: 100 };
      const series = vpinSeries(trades, opts);
      const calc = new VpinCalculator(opts);
      let buckets = 0;
      for (const t of trades) {
        buckets += calc.push(t);
        expect(calc.bucketCount).toBe(buckets);
        // After each trade the live value is the series value at the last bucket it closed.
        expect(calc.value).toBe(buckets === 0 ? null : series[buckets - 1]);
      }
      expect(calc.bucketCount).toBe(series.length);
      for (const v of series) if (v !== null) expect(v >= 0 && v <= 1).toBe(true);
      expect(series.slice(0, 49).every((v) => v === null)).toBe(true);
      expect(series.slice(49).every((v) => v !== null)).toBe(true);
    });
  }

  it('reports bucket count, confidence vs window and "confident" above 30 buckets (seed 004)', () => {
    const calc = new VpinCalculator({
      bucketVolume: 100,
      window: 50,
      classification: 'tick',
      initialPrice: 10,
    });
    expect(calc.state()).toMatchObject({ value: null, bucketCount: 0, confidence: 0, confident: false });
    calc.push({ price: 10.01, size: 3050 }); // 30 buckets + 50 shares open
    expect(calc.bucketCount).toBe(30);
    expect(calc.confidence).toBeCloseTo(30 / 50, 15);
    expect(calc.confident).toBe(false);
    expect(calc.state().openBucketVolume).toBe(50);
    calc.push({ price: 10.01, size: 50 });
    expect(calc.bucketCount).toBe(31);
    expect(calc.confident).toBe(true);
    expect(calc.value).toBeNull(); // still fewer than 50 buckets: undefined, not a partial average
    calc.pushAll([{ price: 10.02, size: 2000 }]);
    expect(calc.bucketCount).toBe(51);
    expect(calc.confidence).toBe(1);
    expect(calc.value).toBe(1);
  });

  it('rejects invalid options and trades with QuantInputError', () => {
    const ok: VpinOptions = { bucketVolume: 100, window: 2, classification: 'tick' };
    for (const bad of [
      { bucketVolume: 0 },
      { bucketVolume: Number.NaN },
      { window: 0 },
      { window: 1.5 },
      { classification: 'lee-ready' },
      { classification: 'bvc', window: 1 },
      { tickSize: 0 },
      { initialPrice: -1 },
    ]) {
      expect(
        () => new VpinCalculator({ ...ok, ...(bad as Partial<VpinOptions>) }),
        JSON.stringify(bad),
      ).toThrow(QuantInputError);
    }
    const calc = new VpinCalculator(ok);
    expect(() => calc.push({ price: Number.NaN, size: 10 })).toThrow(QuantInputError);
    expect(() => calc.push({ price: 10, size: -5 })).toThrow(QuantInputError);
    expect(() => calc.push({ price: 10, size: Number.POSITIVE_INFINITY })).toThrow(QuantInputError);
    expect(() => vpinSeries(null as unknown as VpinTrade[], ok)).toThrow(QuantInputError);
    expect(vpinSeries([], ok)).toEqual([]);
  });
});

describe('VpinCalculator with a huge print', () => {
  for (const classification of ['tick', 'bvc'] as const) {
    it(`skips buckets that roll out unseen and still matches vpinSeries (${classification})`, () => {
      const trades: VpinTrade[] = [
        ...randomTape(300, 5),
        { price: 101.37, size: 1_234_567 },
        ...randomTape(300, 9).map((t) => ({ ...t, price: t.price + 1.3 })),
      ];
      const opts: VpinOptions = { bucketVolume: 500, window: 20, classification, initialPrice: 100 };
      const series = vpinSeries(trades, opts);
      const calc = new VpinCalculator(opts);
      let buckets = 0;
      for (const t of trades) {
        buckets += calc.push(t);
        expect(calc.value).toBe(buckets === 0 ? null : series[buckets - 1]);
      }
      expect(calc.bucketCount).toBe(series.length);
      expect(series.length).toBeGreaterThan(1_234_567 / 500);
    });
  }

  it('handles a trillion-share print without walking every bucket', () => {
    const calc = new VpinCalculator({
      bucketVolume: 50,
      window: 50,
      classification: 'tick',
      initialPrice: 10,
    });
    expect(calc.push({ price: 10.01, size: 1e12 })).toBe(2e10);
    expect(calc.value).toBe(1);
  });
});
