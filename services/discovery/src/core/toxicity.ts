// Flow toxicity of one symbol from its recent tape and depth snapshots, with the same blend analytics
// publishes live: VPIN, trade patterns (odd lots, sweeps, blocks) and the dispersion of the book imbalance.
import {
  flowToxicity,
  orderBookImbalance,
  sampleStdDev,
  tradePatternScore,
  tradePatterns,
  vpinSeries,
  type TapeTrade,
} from '@alphatrader/quant';
import type { L2Snapshot, Trade } from '@alphatrader/shared';
import type { DiscoverySettings } from './settings';

export interface SymbolToxicity {
  score: number;
  vpin: number | null;
  patternScore: number;
  obiVolatility: number | null;
  oddLotRatio: number;
  sweepRatio: number;
  blockRatio: number;
}

/** Aggressor sides by the tick rule (no quotes in the stored tape); a zero tick keeps the previous side. */
export function tickRuleTape(trades: readonly Trade[]): TapeTrade[] {
  let side: 'buy' | 'sell' = 'buy';
  let last: number | null = null;
  return trades.map((t) => {
    if (last !== null && t.price > last) side = 'buy';
    else if (last !== null && t.price < last) side = 'sell';
    last = t.price;
    return { ts: t.ts, price: t.price, size: t.size, side, venue: t.venue ?? undefined };
  });
}

/** Sample standard deviation of the depth-weighted imbalance across snapshots, capped at 1; null below 2. */
export function obiVolatility(snapshots: readonly L2Snapshot[], weights: readonly number[]): number | null {
  if (snapshots.length < 2) return null;
  const values = snapshots.map((s) => orderBookImbalance(s, { levels: weights.length, weights }));
  const sd = sampleStdDev(values);
  return sd === null ? null : Math.min(1, sd);
}

/** Trades oldest first. Null without any print. */
export function symbolToxicity(
  trades: readonly Trade[],
  snapshots: readonly L2Snapshot[],
  bucketVolume: number,
  s: Pick<
    DiscoverySettings,
    'patterns' | 'toxicityWeights' | 'vpinWindowBuckets' | 'vpinClassification' | 'obiDepthWeights'
  >,
): SymbolToxicity | null {
  const priced = trades.filter((t) => t.price > 0);
  if (priced.length === 0) return null;
  const p = s.patterns;
  const ratios = tradePatterns(tickRuleTape(priced), {
    sizes: { roundLot: p.roundLot, blockShares: p.blockShares, blockNotional: p.blockNotional },
    sweeps: { windowMs: p.sweepWindowMs, minLevels: p.sweepMinLevels },
  });
  const patternScore = tradePatternScore(ratios, p.weights);
  const series = vpinSeries(priced, {
    bucketVolume,
    window: s.vpinWindowBuckets,
    classification: s.vpinClassification,
  });
  const vpin = series.length === 0 ? null : series[series.length - 1]!;
  const obiVol = obiVolatility(snapshots, s.obiDepthWeights);
  const blend = flowToxicity({ vpin, patterns: patternScore, obiVolatility: obiVol }, s.toxicityWeights);
  return {
    score: blend?.score ?? patternScore,
    vpin,
    patternScore,
    obiVolatility: obiVol,
    oddLotRatio: ratios.oddLot,
    sweepRatio: ratios.sweep,
    blockRatio: ratios.block,
  };
}
