// Pure order matching against a displayed book: sweeps, passive fills from prints, IB Adaptive pricing.
import type { AdaptivePriority, Fill, Level, OrderAction } from './types';

const EPS = 1e-9;

/**
 * Liquidity already taken from the displayed book, per price, until the book refreshes.
 * Without it a resting order would fill again and again against the same displayed size.
 */
export type ConsumedLiquidity = Map<number, number>;

export interface SweepInput {
  action: OrderAction;
  remaining: number;
  /** Undefined for a market order. */
  limit: number | undefined;
  /** Opposite side of the book, best first (asks for a buy, bids for a sell). */
  levels: readonly Level[];
  consumed: ConsumedLiquidity;
  /** Fill quantities are whole multiples of this (1 share / 1 contract). */
  lot?: number;
}

export function priceAcceptable(action: OrderAction, price: number, limit: number | undefined): boolean {
  if (limit === undefined) return true;
  return action === 'BUY' ? price <= limit + EPS : price >= limit - EPS;
}

/**
 * Takes liquidity level by level while the price is acceptable, recording what it took in `consumed`.
 * Returns one fill per level touched: an order larger than the top level fills partially at several prices.
 */
export function sweep(input: SweepInput): Fill[] {
  const lot = input.lot ?? 1;
  const fills: Fill[] = [];
  let remaining = input.remaining;
  for (const level of input.levels) {
    if (remaining < lot) break;
    if (!priceAcceptable(input.action, level.price, input.limit)) break;
    const taken = input.consumed.get(level.price) ?? 0;
    const available = Math.floor((level.size - taken) / lot) * lot;
    if (available <= 0) continue;
    const qty = Math.min(remaining, available);
    fills.push({ price: level.price, qty, venue: level.venue, liquidity: 2 });
    input.consumed.set(level.price, taken + qty);
    remaining -= qty;
  }
  return fills;
}

export interface Print {
  price: number;
  size: number;
  venue: string;
}

/** A resting limit order trades with a print at or through its price; it gets its own limit price. */
export function passiveFill(
  action: OrderAction,
  limit: number,
  remaining: number,
  print: Print,
): Fill | undefined {
  const through = action === 'BUY' ? print.price <= limit + EPS : print.price >= limit - EPS;
  if (!through || remaining <= 0) return undefined;
  const qty = Math.min(remaining, Math.floor(print.size));
  if (qty <= 0) return undefined;
  return { price: limit, qty, venue: print.venue, liquidity: 1 };
}

const ADAPTIVE_START: Record<AdaptivePriority, number> = { Urgent: 0.75, Normal: 0.5, Patient: 0.25 };
const ADAPTIVE_STEP_MS: Record<AdaptivePriority, number> = { Urgent: 1_000, Normal: 3_000, Patient: 6_000 };
const ADAPTIVE_STEP = 0.25;

export function adaptivePriority(params: readonly { tag: string; value: string }[]): AdaptivePriority {
  const v = params.find((p) => p.tag === 'adaptivePriority')?.value;
  return v === 'Urgent' || v === 'Patient' ? v : 'Normal';
}

const roundCents = (x: number, dir: 'down' | 'up'): number =>
  dir === 'down' ? Math.floor(x * 100 + EPS) / 100 : Math.ceil(x * 100 - EPS) / 100;

/**
 * IB Adaptive on a limit order: starts inside the spread (nearer the far side the more urgent) and walks
 * toward the far side as time passes, never beyond the user's limit.
 */
export function adaptivePrice(
  action: OrderAction,
  limit: number,
  bid: number,
  ask: number,
  priority: AdaptivePriority,
  elapsedMs: number,
): number {
  if (!(ask > 0) || !(bid > 0) || ask < bid) return limit;
  const steps = Math.max(0, Math.floor(elapsedMs / ADAPTIVE_STEP_MS[priority]));
  const f = Math.min(1, ADAPTIVE_START[priority] + steps * ADAPTIVE_STEP);
  const spread = ask - bid;
  if (action === 'BUY') return Math.min(limit, roundCents(bid + f * spread, 'down'));
  return Math.max(limit, roundCents(ask - f * spread, 'up'));
}
