// Order-book measures on a depth snapshot (best level first on each side).
import { QuantInputError, requireArray, requireFinite, requireInteger, requireNonNegative } from './errors';

export interface BookLevelInput {
  /** Price ($). */
  price: number;
  /** Displayed size (shares, ≥ 0). */
  size: number;
}

export interface BookInput {
  /** Best (highest) bid first. */
  bids: readonly BookLevelInput[];
  /** Best (lowest) ask first. */
  asks: readonly BookLevelInput[];
}

export interface ObiOptions {
  /** Levels per side to use (1 = top of book). Default 1. */
  levels?: number;
  /** Weight per level (index 0 = best), ≥ 0, at least `levels` long. Default: all 1. */
  weights?: readonly number[];
}

/**
 * Order-book imbalance in [−1, 1] (positive = more bid size). levels = 1: (Q_bid − Q_ask)/(Q_bid + Q_ask)
 * at the top of book; levels = L: Σ wᵢ(Bᵢ − Aᵢ) / Σ wᵢ(Bᵢ + Aᵢ) over the first L levels (a missing level
 * counts as size 0). Returns 0 when the weighted sizes sum to 0 (empty book). For the [0, 1] form used by
 * the seeds take (OBI + 1)/2.
 * @throws QuantInputError on a non-finite or negative size, bad levels or weights.
 */
export function orderBookImbalance(book: BookInput, opts: ObiOptions = {}): number {
  validateBook(book);
  const levels = requireInteger('levels', opts.levels ?? 1, 1);
  const weights = opts.weights;
  if (weights !== undefined) {
    requireArray('weights', weights);
    if (weights.length < levels) {
      throw new QuantInputError(`weights must have at least ${levels} entries`);
    }
    for (let i = 0; i < levels; i++) requireNonNegative(`weights[${i}]`, weights[i]!);
  }
  let num = 0;
  let den = 0;
  for (let i = 0; i < levels; i++) {
    const w = weights === undefined ? 1 : weights[i]!;
    const b = book.bids[i]?.size ?? 0;
    const a = book.asks[i]?.size ?? 0;
    num += w * (b - a);
    den += w * (b + a);
  }
  if (!Number.isFinite(num) || !Number.isFinite(den)) throw new QuantInputError('book sizes overflow');
  if (den === 0) return 0;
  const obi = num / den;
  return obi > 1 ? 1 : obi < -1 ? -1 : obi;
}

/**
 * Size-weighted mid ($): (P_bid·Q_ask + P_ask·Q_bid)/(Q_bid + Q_ask) from the top of book; leans towards
 * the side with less size. Not Stoikov's micro-price. Null when a side is empty; the plain mid when both
 * top sizes are 0.
 * @throws QuantInputError on a non-finite price or a non-finite or negative size.
 */
export function weightedMid(book: BookInput): number | null {
  validateBook(book);
  const bid = book.bids[0];
  const ask = book.asks[0];
  if (bid === undefined || ask === undefined) return null;
  const q = bid.size + ask.size;
  const mid = q === 0 ? (bid.price + ask.price) / 2 : (bid.price * ask.size + ask.price * bid.size) / q;
  if (!Number.isFinite(mid)) throw new QuantInputError('book prices or sizes overflow');
  return mid;
}

function validateBook(book: BookInput): void {
  if (book === null || typeof book !== 'object')
    throw new QuantInputError('book must be { bids: [], asks: [] }');
  requireArray('book.bids', book.bids);
  requireArray('book.asks', book.asks);
  for (const [side, levels] of [
    ['bids', book.bids],
    ['asks', book.asks],
  ] as const) {
    for (let i = 0; i < levels.length; i++) {
      const l = levels[i]!;
      requireFinite(`${side}[${i}].price`, l.price);
      requireNonNegative(`${side}[${i}].size`, l.size);
    }
  }
}
