// Per-symbol parameters: start price, volatility, factor loadings (for correlations), spreads, depth,
// trade rate, dividend yield and the option-chain style. Unknown symbols get hash-derived generic values.
import { hashString, hashUnit } from './rng';
import { KNOWN_SPECS, type SpecInput, type SymbolSpec } from './symbol-table';

export { SPX_PER_SPY, type LiquidityTier, type SymbolSpec } from './symbol-table';

export const defaultSymbols: readonly string[] = [
  'SPY',
  'QQQ',
  'IWM',
  'AAPL',
  'TSLA',
  'NVDA',
  'AMD',
  'GOOGL',
  'META',
  'AMZN',
  'MSFT',
  'VXX',
];

/** Index modelled for its options only: no book or trades; its level follows SPY. */
export const INDEX_SYMBOLS: readonly string[] = ['SPX'];
function genericSpec(symbol: string): SpecInput {
  const u1 = hashUnit(hashString(symbol, 1));
  const u2 = hashUnit(hashString(symbol, 2));
  const u3 = hashUnit(hashString(symbol, 3));
  const vol = 0.25 + 0.35 * u2;
  return {
    price: Math.round((20 + 280 * u1) * 100) / 100,
    vol,
    loadings: [0.55, 0.15 + 0.3 * u3, 0.1, 0],
    spreadTicks: [1, 4],
    levelGap: [1, 3],
    levelSize: 300,
    tradesPerSec: 4,
    depthUpdatesPerSec: 15,
    jumpsPerYear: 10,
    jumpStd: 0.015,
    divYield: 0,
    atmIv: vol * 1.05,
    skew: 0.05,
    tier: 'other',
    nasdaq: u3 < 0.5,
  };
}

export function specFor(symbol: string): SymbolSpec {
  return { symbol, ...(KNOWN_SPECS[symbol] ?? genericSpec(symbol)) };
}
