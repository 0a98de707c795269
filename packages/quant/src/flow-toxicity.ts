// Flow toxicity: the trade-pattern score of a tape and the blend of VPIN, trade patterns and order-book
// imbalance volatility (seed: 70 % / 25 % / 5 %) that analytics publishes live and discovery per symbol.
// Every component and the score are fractions in [0, 1].
import {
  detectSweeps,
  tradeSizeProfile,
  type SweepOptions,
  type TapeTrade,
  type TradeSizeOptions,
} from './detectors';
import { QuantInputError, isFiniteNumber, requireArray, requireFinite } from './errors';

export interface PatternRatios {
  /** Share of prints below a round lot. */
  oddLot: number;
  /** Share of prints that belong to a sweep. */
  sweep: number;
  /** Share of prints that are blocks. */
  block: number;
}

/** Signed weight per pattern (seed: odd lot 0.70, sweep 0.90, block −0.50: blocks count as benign). */
export type PatternWeights = PatternRatios;

export interface TradePatterns extends PatternRatios {
  /** Prints the ratios are taken over. */
  trades: number;
}

export interface TradePatternOptions {
  sizes?: TradeSizeOptions;
  sweeps?: SweepOptions;
}

/**
 * Shares of prints that are odd lots, blocks (see classifyTradeSize) and part of a sweep (see detectSweeps),
 * each in [0, 1]; all 0 for an empty tape. Trades must be in time order and carry their aggressor side.
 * @throws QuantInputError on a trade with a non-finite field, a negative size or an unknown side.
 */
export function tradePatterns(trades: readonly TapeTrade[], opts: TradePatternOptions = {}): TradePatterns {
  requireArray('trades', trades);
  const n = trades.length;
  const sweeps = detectSweeps(trades, opts.sweeps);
  if (n === 0) return { oddLot: 0, sweep: 0, block: 0, trades: 0 };
  const profile = tradeSizeProfile(trades, opts.sizes);
  let inSweeps = 0;
  for (const s of sweeps) inSweeps += s.trades;
  return {
    oddLot: profile.oddLotRatio,
    sweep: Math.min(1, inSweeps / n),
    block: profile.blockRatio,
    trades: n,
  };
}

/**
 * Trade-pattern score in [0, 1]: Σ weight × ratio over odd lots, sweeps and blocks, clamped to [0, 1].
 * @throws QuantInputError on a ratio outside [0, 1] or a non-finite weight.
 */
export function tradePatternScore(ratios: PatternRatios, weights: PatternWeights): number {
  let score = 0;
  for (const k of ['oddLot', 'sweep', 'block'] as const) {
    const r = ratios?.[k];
    if (!(isFiniteNumber(r) && r >= 0 && r <= 1)) {
      throw new QuantInputError(`ratios.${k} must be in [0, 1] (got ${String(r)})`);
    }
    score += requireFinite(`weights.${k}`, weights?.[k]) * r;
  }
  return score < 0 ? 0 : score > 1 ? 1 : score;
}

export interface ToxicityComponents {
  /** VPIN in [0, 1]; null while undefined (fewer buckets than the window). */
  vpin: number | null;
  /** Trade-pattern score in [0, 1]; null without prints. */
  patterns: number | null;
  /** Standard deviation of the order-book imbalance in [0, 1]; null without a book history. */
  obiVolatility: number | null;
}

export interface ToxicityWeights {
  vpin: number;
  patterns: number;
  obiVolatility: number;
}

export interface FlowToxicity {
  /** Σ weight × component over the components that exist, in [0, 1]. */
  score: number;
  /** The weights applied: the given ones renormalised to sum to 1 over the existing components, 0 for the others. */
  weights: ToxicityWeights;
}

/**
 * Blended flow toxicity Σ wᵢ·cᵢ / Σ wᵢ over the components that are not null (a missing component does
 * not count as 0, it drops out and the others are renormalised). Null when no weighted component exists.
 * @throws QuantInputError on a component outside [0, 1] or a negative or non-finite weight.
 */
export function flowToxicity(components: ToxicityComponents, weights: ToxicityWeights): FlowToxicity | null {
  const keys = ['vpin', 'patterns', 'obiVolatility'] as const;
  let total = 0;
  for (const k of keys) {
    const w = requireFinite(`weights.${k}`, weights?.[k]);
    if (w < 0) throw new QuantInputError(`weights.${k} must not be negative (got ${w})`);
    const c = components?.[k];
    if (c === null) continue;
    if (!(isFiniteNumber(c) && c >= 0 && c <= 1)) {
      throw new QuantInputError(`components.${k} must be in [0, 1] or null (got ${String(c)})`);
    }
    total += w;
  }
  if (!(total > 0)) return null;
  const applied: ToxicityWeights = { vpin: 0, patterns: 0, obiVolatility: 0 };
  let score = 0;
  for (const k of keys) {
    const c = components[k];
    if (c === null) continue;
    applied[k] = weights[k] / total;
    score += applied[k] * c;
  }
  return { score: score > 1 ? 1 : score, weights: applied };
}
