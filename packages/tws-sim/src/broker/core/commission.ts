// IBKR Pro "fixed" commissions, charged per order: the order's running total after each execution
// minus what earlier executions already paid, so the minimum lands on the first fill.
import type { SecType } from '../../contracts';

const STOCK_PER_SHARE = 0.005;
const STOCK_MIN = 1.0;
const STOCK_MAX_PCT = 0.01;
const OPTION_MIN = 1.0;

/** Per-contract option rate by premium, as IBKR Pro fixed pricing tiers it. */
export function optionRate(premium: number): number {
  if (premium >= 0.1) return 0.65;
  if (premium >= 0.05) return 0.5;
  return 0.25;
}

/** Total commission of an order that has filled `qty` units for `value` dollars (price × qty × multiplier). */
export function orderCommission(secType: SecType, qty: number, value: number, avgPrice: number): number {
  if (qty <= 0) return 0;
  if (secType === 'OPT') return Math.max(OPTION_MIN, optionRate(avgPrice) * qty);
  const raw = Math.max(STOCK_MIN, STOCK_PER_SHARE * qty);
  // The 1 % cap wins over the minimum on very small trades.
  return Math.min(raw, STOCK_MAX_PCT * value);
}

const round4 = (x: number): number => Math.round(x * 10_000) / 10_000;

/** Commission of one execution given the order's fills before and after it. */
export function executionCommission(
  secType: SecType,
  before: { qty: number; value: number },
  after: { qty: number; value: number },
): number {
  const avgBefore = before.qty > 0 ? before.value / before.qty : 0;
  const avgAfter = after.qty > 0 ? after.value / after.qty : 0;
  const mult = secType === 'OPT' ? 100 : 1;
  const total = orderCommission(secType, after.qty, after.value, avgAfter / mult);
  const paid = orderCommission(secType, before.qty, before.value, avgBefore / mult);
  return round4(Math.max(0, total - paid));
}
