// One discovery run over every symbol's recent data: pure, so the whole computation can be timed and tested
// without Redis. A parameter that cannot be derived (too little data) is skipped with a reason; the last
// good value in Redis then stays.
import type {
  CorrelationMatrix,
  L2Snapshot,
  LookbackParams,
  ToxicityParams,
  Trade,
  VolRegimeParams,
  VpinBucketParams,
} from '@alphatrader/shared';
import { correlationOf, type BarSeries } from './correlation';
import { temporalLookback, volatilityRegime, vpinBucketSize } from './parameters';
import type { DiscoverySettings } from './settings';
import { symbolToxicity } from './toxicity';

export interface SymbolData {
  /** Recent trades, oldest first. */
  trades: readonly Trade[];
  /** Bar series available for the symbol (e.g. 5-second market bars, 1-minute analytics bars). */
  bars: readonly BarSeries[];
  /** Level-2 snapshots, oldest first (empty for level-1 symbols). */
  snapshots: readonly L2Snapshot[];
}

export interface DiscoveryResult {
  vpinBucket: Record<string, VpinBucketParams>;
  lookback: Record<string, LookbackParams>;
  volRegimes: Record<string, VolRegimeParams>;
  correlation: CorrelationMatrix | null;
  toxicity: Record<string, ToxicityParams>;
  /** Parameter (symbol.parameter, or correlation.symbol) → why it was not derived. */
  skipped: Record<string, string>;
}

export interface DiscoverOptions {
  now: number;
  /** Bucket size to measure toxicity with when none is discovered this run (last published, else default). */
  fallbackBucket: (symbol: string) => number;
}

/** The longest usable series: the one covering the most time with at least minBars + 1 bars. */
export function bestSeries(list: readonly BarSeries[], minBars: number): BarSeries | null {
  let best: BarSeries | null = null;
  for (const s of list) {
    if (s.bars.length < minBars + 1) continue;
    if (best === null || s.bars.length * s.barSeconds > best.bars.length * best.barSeconds) best = s;
  }
  return best;
}

export function discover(
  data: ReadonlyMap<string, SymbolData>,
  s: DiscoverySettings,
  opts: DiscoverOptions,
): DiscoveryResult {
  const ts = opts.now;
  const out: DiscoveryResult = {
    vpinBucket: {},
    lookback: {},
    volRegimes: {},
    correlation: null,
    toxicity: {},
    skipped: {},
  };
  const series = new Map<string, BarSeries>();

  for (const [symbol, d] of data) {
    const sizes = d.trades.map((t) => t.size);
    let bucket = opts.fallbackBucket(symbol);
    if (sizes.length >= s.minTrades) {
      const b = vpinBucketSize(sizes, {
        clusters: s.vpinSizeClusters,
        tradesPerBucket: s.vpinTradesPerBucket,
        minimum: s.vpinMinBucketShares,
      });
      if (b !== null) {
        bucket = b.bucketVolume;
        out.vpinBucket[symbol] = {
          bucketVolume: b.bucketVolume,
          minimum: s.vpinMinBucketShares,
          clampedToMinimum: b.clampedToMinimum,
          sampleTrades: sizes.length,
          ts,
        };
      } else out.skipped[`${symbol}.vpin_bucket`] = 'no trade with a positive size';
    } else out.skipped[`${symbol}.vpin_bucket`] = `${sizes.length} trades (need ${s.minTrades})`;

    const tox = d.trades.length >= s.minTrades ? symbolToxicity(d.trades, d.snapshots, bucket, s) : null;
    if (tox !== null) {
      out.toxicity[symbol] = {
        score: tox.score,
        vpin: tox.vpin,
        oddLotRatio: tox.oddLotRatio,
        sweepRatio: tox.sweepRatio,
        blockRatio: tox.blockRatio,
        ts,
      };
    } else out.skipped[`${symbol}.toxicity`] = `${d.trades.length} trades (need ${s.minTrades})`;

    const bars = bestSeries(d.bars, s.minBars);
    if (bars === null) {
      out.skipped[`${symbol}.lookback`] = `fewer than ${s.minBars + 1} bars`;
      out.skipped[`${symbol}.vol_regimes`] = `fewer than ${s.minBars + 1} bars`;
      continue;
    }
    series.set(symbol, bars);
    const closes = bars.bars.map((b) => b.close);
    const lag = temporalLookback(closes, s.maxLookbackLag);
    if (lag !== null) {
      out.lookback[symbol] = { bars: lag, barSeconds: bars.barSeconds, sampleBars: closes.length, ts };
    } else out.skipped[`${symbol}.lookback`] = 'constant prices';
    const regime = volatilityRegime(closes, {
      windowBars: s.volWindowBars,
      barSeconds: bars.barSeconds,
      low: s.volRegimeQuantiles.low,
      high: s.volRegimeQuantiles.high,
    });
    if (regime !== null) out.volRegimes[symbol] = { ...regime, ts };
    else out.skipped[`${symbol}.vol_regimes`] = `fewer than ${s.volWindowBars + 1} bars`;
  }

  const corr = correlationOf(series, { lookbackBars: s.correlationLookbackBars, minBars: s.minBars });
  for (const [symbol, why] of Object.entries(corr.skipped)) out.skipped[`correlation.${symbol}`] = why;
  if (corr.value !== null) {
    out.correlation = {
      symbols: corr.value.symbols,
      matrix: corr.value.matrix,
      sampleBars: corr.value.sampleBars,
      ts,
    };
  }
  return out;
}
