// The strike grid of a chain: the increment by product and price, and the strikes around the money.
import type { SymbolSpec } from './symbols';

const STRIKE_RANGE = 0.2;

/** Strike increment: 1 for SPY/QQQ/IWM, 5 for SPX, 1/2.5/5 for single names by price. */
export function strikeStep(spec: SymbolSpec, refPrice: number): number {
  if (spec.tier === 'index') return 5;
  if (spec.tier === 'etf') return 1;
  if (refPrice < 50) return 1;
  if (refPrice < 250) return 2.5;
  return 5;
}

/** Strikes on the grid covering ±20 % around both the reference and the current spot. */
export function strikeGrid(step: number, refPrice: number, spot: number): number[] {
  const lo = Math.max(step, Math.floor((Math.min(refPrice, spot) * (1 - STRIKE_RANGE)) / step) * step);
  const hi = Math.ceil((Math.max(refPrice, spot) * (1 + STRIKE_RANGE)) / step) * step;
  const out: number[] = [];
  const n = Math.round((hi - lo) / step);
  for (let i = 0; i <= n; i++) out.push(Math.round((lo + i * step) * 1000) / 1000);
  return out;
}
