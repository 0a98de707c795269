// Correlation matrix of returns across symbols on common bar timestamps. Symbols whose bars are of another
// interval than the majority, too short once aligned, or constant are left out with a reason.
import { correlationMatrix } from '@alphatrader/quant';

export interface BarSeries {
  /** Bar length in seconds. */
  barSeconds: number;
  /** Oldest first. */
  bars: readonly { ts: number; close: number }[];
}

export interface Correlation {
  symbols: string[];
  matrix: number[][];
  /** Returns per symbol behind each coefficient. */
  sampleBars: number;
  barSeconds: number;
}

export function correlationOf(
  series: ReadonlyMap<string, BarSeries>,
  opts: { lookbackBars: number; minBars: number },
): { value: Correlation | null; skipped: Record<string, string> } {
  const skipped: Record<string, string> = {};
  // The bar interval most symbols have (ties: the longer bars, which cover more time).
  const byInterval = new Map<number, string[]>();
  for (const [s, x] of series) byInterval.set(x.barSeconds, [...(byInterval.get(x.barSeconds) ?? []), s]);
  const [barSeconds, chosen] = [...byInterval].sort(
    (a, b) => b[1].length - a[1].length || b[0] - a[0],
  )[0] ?? [0, []];
  for (const [s, x] of series) {
    if (x.barSeconds !== barSeconds)
      skipped[s] = `${x.barSeconds}-second bars while most symbols have ${barSeconds}-second bars`;
  }

  let members = [...chosen];
  for (;;) {
    if (members.length < 2)
      return {
        value: null,
        skipped: {
          ...skipped,
          ...Object.fromEntries(members.map((s) => [s, 'no other symbol to correlate with'])),
        },
      };
    const common = commonTimestamps(members.map((s) => series.get(s)!));
    if (common.length >= opts.minBars + 1) {
      const ts = common.slice(-(opts.lookbackBars + 1));
      const returns: Record<string, number[]> = {};
      for (const s of members) returns[s] = returnsAt(series.get(s)!, ts);
      const m = correlationMatrix(returns);
      const constant = m.symbols.filter((_, i) => m.matrix[i]![i] === null);
      if (constant.length === 0) {
        return {
          value: {
            symbols: m.symbols,
            matrix: m.matrix as number[][],
            sampleBars: m.observations,
            barSeconds,
          },
          skipped,
        };
      }
      for (const s of constant) skipped[s] = 'constant prices: no correlation';
      members = members.filter((s) => !constant.includes(s));
      continue;
    }
    // Too few common bars: drop the symbol with the fewest bars and try again.
    const shortest = members.reduce((a, b) =>
      series.get(a)!.bars.length <= series.get(b)!.bars.length ? a : b,
    );
    skipped[shortest] = `too few bars in common with the other symbols (need ${opts.minBars + 1})`;
    members = members.filter((s) => s !== shortest);
  }
}

function commonTimestamps(list: readonly BarSeries[]): number[] {
  let common = new Set(list[0]!.bars.map((b) => b.ts));
  for (const x of list.slice(1)) {
    const here = new Set(x.bars.map((b) => b.ts));
    common = new Set([...common].filter((t) => here.has(t)));
  }
  return [...common].sort((a, b) => a - b);
}

function returnsAt(x: BarSeries, ts: readonly number[]): number[] {
  const close = new Map(x.bars.map((b) => [b.ts, b.close]));
  const out: number[] = [];
  for (let i = 1; i < ts.length; i++) out.push(Math.log(close.get(ts[i]!)! / close.get(ts[i - 1]!)!));
  return out;
}
