// Order-book measures on the level-2 book (or the level-1 quote for symbols without depth): validity,
// level-1 and depth-weighted imbalance, weighted mid, liquidity score, and the level changes the
// hidden-order detector consumes.
import { orderBookImbalance, weightedMid, type BookInput, type IcebergEvent } from '@alphatrader/quant';
import type { LiquidityScore, OrderBook, Ticker } from '@alphatrader/shared';

type LiquidityGrade = LiquidityScore['grade'];

export interface PriceLevel {
  price: number;
  size: number;
}

export interface SidedBook {
  bids: PriceLevel[];
  asks: PriceLevel[];
}

/**
 * Rows at the same price (smart depth lists one row per venue) merged into one price level, best first.
 * Returns a reason when the book is impossible: a side out of price order, a non-positive price, or a
 * crossed or locked top of book.
 */
export function priceLevels(book: Pick<OrderBook, 'bids' | 'asks'>): SidedBook | { problem: string } {
  const merge = (rows: OrderBook['bids'], side: 'bid' | 'ask'): PriceLevel[] | string => {
    const out: PriceLevel[] = [];
    for (const r of rows) {
      if (!(r.price > 0)) return `${side} price ${r.price} is not positive`;
      const last = out[out.length - 1];
      if (last !== undefined && last.price === r.price) {
        last.size += r.size;
        continue;
      }
      if (last !== undefined && (side === 'bid' ? r.price > last.price : r.price < last.price)) {
        return `${side}s out of price order (${last.price} then ${r.price})`;
      }
      out.push({ price: r.price, size: r.size });
    }
    return out;
  };
  const bids = merge(book.bids, 'bid');
  if (typeof bids === 'string') return { problem: bids };
  const asks = merge(book.asks, 'ask');
  if (typeof asks === 'string') return { problem: asks };
  const bb = bids[0];
  const ba = asks[0];
  if (bb !== undefined && ba !== undefined && bb.price >= ba.price) {
    return { problem: `crossed book: best bid ${bb.price} >= best ask ${ba.price}` };
  }
  return { bids, asks };
}

/** Top of book from a level-1 quote, or a reason it cannot be used. */
export function quoteLevels(t: Ticker): SidedBook | { problem: string } {
  if (t.bid === null || t.ask === null) return { problem: 'quote without bid or ask' };
  if (!(t.bid > 0 && t.ask > 0)) return { problem: `non-positive quote ${t.bid}/${t.ask}` };
  if (t.bid >= t.ask) return { problem: `crossed quote: bid ${t.bid} >= ask ${t.ask}` };
  return {
    bids: [{ price: t.bid, size: t.bidSize ?? 0 }],
    asks: [{ price: t.ask, size: t.askSize ?? 0 }],
  };
}

export interface Imbalances {
  /** (Qbid − Qask)/(Qbid + Qask) at the top of book, −1..1. */
  level1: number;
  /** Σ wᵢ(Bᵢ − Aᵢ)/Σ wᵢ(Bᵢ + Aᵢ) over the configured levels; null with only a top of book. */
  depthWeighted: number | null;
  levels: number;
  weightedMid: number | null;
}

export function imbalances(book: SidedBook, depthWeights: readonly number[] | null): Imbalances {
  const input: BookInput = book;
  const level1 = orderBookImbalance(input, { levels: 1 });
  const depthWeighted =
    depthWeights === null
      ? null
      : orderBookImbalance(input, { levels: depthWeights.length, weights: depthWeights });
  return {
    level1,
    depthWeighted,
    levels: depthWeights === null ? 1 : depthWeights.length,
    weightedMid: weightedMid(input),
  };
}

export interface Liquidity {
  score: number;
  grade: LiquidityGrade;
  spreadBps: number;
  depthNotional: number;
}

/**
 * Liquidity in [0, 1] = ½ spread score + ½ depth score: spread score falls linearly from 1 at 0 bps to 0 at
 * maxSpreadBps; depth score is log10(1 + $ resting on both sides) / log10(1 + fullDepthNotional), capped at
 * 1. Grades: A ≥ 0.75, B ≥ 0.5, C ≥ 0.25, else D.
 */
export function liquidity(
  book: SidedBook,
  opts: { maxSpreadBps: number; fullDepthNotional: number },
): Liquidity | null {
  const bb = book.bids[0];
  const ba = book.asks[0];
  if (bb === undefined || ba === undefined) return null;
  const mid = (bb.price + ba.price) / 2;
  const spreadBps = ((ba.price - bb.price) / mid) * 10_000;
  let depthNotional = 0;
  for (const l of book.bids) depthNotional += l.price * l.size;
  for (const l of book.asks) depthNotional += l.price * l.size;
  const spreadScore =
    opts.maxSpreadBps > 0 ? clamp01(1 - spreadBps / opts.maxSpreadBps) : spreadBps === 0 ? 1 : 0;
  const depthScore = clamp01(Math.log10(1 + depthNotional) / Math.log10(1 + opts.fullDepthNotional));
  const score = 0.5 * spreadScore + 0.5 * depthScore;
  const grade: LiquidityGrade = score >= 0.75 ? 'A' : score >= 0.5 ? 'B' : score >= 0.25 ? 'C' : 'D';
  return { score, grade, spreadBps, depthNotional };
}

/** Mid of the top of book, or null with an empty side. */
export function midPrice(book: SidedBook): number | null {
  const bb = book.bids[0];
  const ba = book.asks[0];
  return bb === undefined || ba === undefined ? null : (bb.price + ba.price) / 2;
}

/**
 * Level updates between two books (for the iceberg detector): every price whose displayed size changed,
 * with size 0 for a level that disappeared, and every price that traded since the previous book even if
 * its size looks unchanged (coalesced snapshots show a refilled level at its old size).
 */
export function levelChanges(
  prev: SidedBook | null,
  next: SidedBook,
  ts: number,
  traded: ReadonlySet<number> = new Set(),
): IcebergEvent[] {
  const out: IcebergEvent[] = [];
  const diff = (side: 'bid' | 'ask', before: PriceLevel[], after: PriceLevel[]) => {
    const old = new Map<number, number>();
    for (const l of before) old.set(l.price, l.size);
    for (const l of after) {
      if (old.get(l.price) !== l.size || traded.has(l.price)) {
        out.push({ kind: 'level', ts, side, price: l.price, size: l.size });
      }
      old.delete(l.price);
    }
    for (const [price] of old) out.push({ kind: 'level', ts, side, price, size: 0 });
  };
  diff('bid', prev?.bids ?? [], next.bids);
  diff('ask', prev?.asks ?? [], next.asks);
  return out;
}

export function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}
