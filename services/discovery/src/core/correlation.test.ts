import { describe, expect, it } from 'vitest';
import { correlationOf, type BarSeries } from './correlation';

const series = (closes: number[], barSeconds = 5, t0 = 0): BarSeries => ({
  barSeconds,
  bars: closes.map((close, i) => ({ ts: t0 + i * barSeconds * 1000, close })),
});

describe('correlationOf', () => {
  const up = [100, 101, 100.5, 102, 101, 103, 102.5, 104];
  const opts = { lookbackBars: 100, minBars: 5 };

  it('correlates returns on common timestamps: identical moves 1, mirrored moves −1', () => {
    const mirrored = up.map((p) => 10_000 / p);
    const r = correlationOf(
      new Map([
        ['A', series(up)],
        ['B', series(up.map((p) => p * 2))],
        ['C', series(mirrored)],
      ]),
      opts,
    );
    expect(r.value!.symbols).toEqual(['A', 'B', 'C']);
    expect(r.value!.matrix[0]![1]).toBeCloseTo(1, 12);
    expect(r.value!.matrix[0]![2]).toBeCloseTo(-1, 12);
    expect(r.value!.sampleBars).toBe(up.length - 1);
    expect(r.skipped).toEqual({});
  });

  it('leaves out other bar intervals, constant series and series too short to align', () => {
    const r = correlationOf(
      new Map([
        ['A', series(up)],
        ['B', series(up.map((p) => p + 1))],
        ['M', series(up, 60)],
        ['F', series(Array<number>(8).fill(50))],
        ['S', series(up.slice(0, 3))],
      ]),
      opts,
    );
    expect(r.value!.symbols).toEqual(['A', 'B']);
    expect(Object.keys(r.skipped).sort()).toEqual(['F', 'M', 'S']);
  });

  it('needs two symbols', () => {
    expect(correlationOf(new Map([['A', series(up)]]), opts).value).toBeNull();
  });
});
