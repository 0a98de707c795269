// The parameter table of the modelled symbols: start price, volatility, factor loadings, spreads, depth,
// trade rate, dividend yield and option-chain style of each well-known name.

/** SPX level per SPY price (SPX follows SPY's path). */
export const SPX_PER_SPY = 10.03;

export type LiquidityTier = 'index' | 'etf' | 'mega' | 'other';

export interface SymbolSpec {
  symbol: string;
  price: number;
  /** Annualised volatility of the price path. */
  vol: number;
  /** Loadings on the factors market, tech, small caps, volatility (sum of squares < 1). */
  loadings: readonly [number, number, number, number];
  /** Quoted spread in cents: [typical min, typical max]. */
  spreadTicks: readonly [number, number];
  /** Gap in cents between book levels: [min, max]. */
  levelGap: readonly [number, number];
  /** Typical displayed size at a book level (shares). */
  levelSize: number;
  /** Average trade arrivals per second over a session. */
  tradesPerSec: number;
  /** Depth updates (size changes) per second on average. */
  depthUpdatesPerSec: number;
  /** Yearly jump count and jump size stdev (log). */
  jumpsPerYear: number;
  jumpStd: number;
  divYield: number;
  /** At-the-money 30-day implied vol. */
  atmIv: number;
  /** Put skew strength (negative for a call skew, as on VXX). */
  skew: number;
  tier: LiquidityTier;
  /** Listed on Nasdaq (ETFs on Arca), used to weight venues. */
  nasdaq: boolean;
}

export type SpecInput = Omit<SymbolSpec, 'symbol'>;

export const KNOWN_SPECS: Readonly<Record<string, SpecInput>> = {
  SPY: {
    price: 600,
    vol: 0.15,
    loadings: [0.97, 0.12, 0.12, 0],
    spreadTicks: [1, 1],
    levelGap: [1, 1],
    levelSize: 1500,
    tradesPerSec: 14,
    depthUpdatesPerSec: 60,
    jumpsPerYear: 8,
    jumpStd: 0.004,
    divYield: 0.012,
    atmIv: 0.14,
    skew: 0.09,
    tier: 'etf',
    nasdaq: false,
  },
  QQQ: {
    price: 520,
    vol: 0.2,
    loadings: [0.88, 0.42, 0, 0],
    spreadTicks: [1, 1],
    levelGap: [1, 1],
    levelSize: 900,
    tradesPerSec: 11,
    depthUpdatesPerSec: 45,
    jumpsPerYear: 8,
    jumpStd: 0.005,
    divYield: 0.006,
    atmIv: 0.19,
    skew: 0.08,
    tier: 'etf',
    nasdaq: true,
  },
  IWM: {
    price: 220,
    vol: 0.22,
    loadings: [0.84, 0, 0.45, 0],
    spreadTicks: [1, 2],
    levelGap: [1, 1],
    levelSize: 1200,
    tradesPerSec: 7,
    depthUpdatesPerSec: 30,
    jumpsPerYear: 8,
    jumpStd: 0.006,
    divYield: 0.012,
    atmIv: 0.22,
    skew: 0.08,
    tier: 'etf',
    nasdaq: false,
  },
  AAPL: {
    price: 230,
    vol: 0.26,
    loadings: [0.62, 0.5, 0, 0],
    spreadTicks: [1, 2],
    levelGap: [1, 2],
    levelSize: 400,
    tradesPerSec: 12,
    depthUpdatesPerSec: 35,
    jumpsPerYear: 10,
    jumpStd: 0.012,
    divYield: 0.005,
    atmIv: 0.26,
    skew: 0.06,
    tier: 'mega',
    nasdaq: true,
  },
  TSLA: {
    price: 350,
    vol: 0.55,
    loadings: [0.5, 0.38, 0, 0],
    spreadTicks: [2, 6],
    levelGap: [1, 4],
    levelSize: 250,
    tradesPerSec: 16,
    depthUpdatesPerSec: 40,
    jumpsPerYear: 14,
    jumpStd: 0.02,
    divYield: 0,
    atmIv: 0.58,
    skew: 0.04,
    tier: 'mega',
    nasdaq: true,
  },
  NVDA: {
    price: 180,
    vol: 0.45,
    loadings: [0.6, 0.58, 0, 0],
    spreadTicks: [1, 2],
    levelGap: [1, 1],
    levelSize: 1200,
    tradesPerSec: 20,
    depthUpdatesPerSec: 45,
    jumpsPerYear: 12,
    jumpStd: 0.018,
    divYield: 0.0002,
    atmIv: 0.48,
    skew: 0.05,
    tier: 'mega',
    nasdaq: true,
  },
  AMD: {
    price: 160,
    vol: 0.5,
    loadings: [0.55, 0.55, 0, 0],
    spreadTicks: [1, 3],
    levelGap: [1, 2],
    levelSize: 500,
    tradesPerSec: 9,
    depthUpdatesPerSec: 25,
    jumpsPerYear: 12,
    jumpStd: 0.02,
    divYield: 0,
    atmIv: 0.52,
    skew: 0.05,
    tier: 'mega',
    nasdaq: true,
  },
  GOOGL: {
    price: 200,
    vol: 0.3,
    loadings: [0.6, 0.48, 0, 0],
    spreadTicks: [1, 3],
    levelGap: [1, 2],
    levelSize: 400,
    tradesPerSec: 8,
    depthUpdatesPerSec: 25,
    jumpsPerYear: 10,
    jumpStd: 0.014,
    divYield: 0.004,
    atmIv: 0.3,
    skew: 0.06,
    tier: 'mega',
    nasdaq: true,
  },
  META: {
    price: 700,
    vol: 0.36,
    loadings: [0.58, 0.5, 0, 0],
    spreadTicks: [3, 10],
    levelGap: [1, 5],
    levelSize: 120,
    tradesPerSec: 8,
    depthUpdatesPerSec: 25,
    jumpsPerYear: 10,
    jumpStd: 0.018,
    divYield: 0.003,
    atmIv: 0.36,
    skew: 0.06,
    tier: 'mega',
    nasdaq: true,
  },
  AMZN: {
    price: 225,
    vol: 0.32,
    loadings: [0.62, 0.5, 0, 0],
    spreadTicks: [1, 3],
    levelGap: [1, 2],
    levelSize: 400,
    tradesPerSec: 10,
    depthUpdatesPerSec: 28,
    jumpsPerYear: 10,
    jumpStd: 0.015,
    divYield: 0,
    atmIv: 0.32,
    skew: 0.06,
    tier: 'mega',
    nasdaq: true,
  },
  MSFT: {
    price: 500,
    vol: 0.24,
    loadings: [0.66, 0.5, 0, 0],
    spreadTicks: [2, 6],
    levelGap: [1, 3],
    levelSize: 150,
    tradesPerSec: 8,
    depthUpdatesPerSec: 25,
    jumpsPerYear: 8,
    jumpStd: 0.012,
    divYield: 0.007,
    atmIv: 0.24,
    skew: 0.06,
    tier: 'mega',
    nasdaq: true,
  },
  VXX: {
    price: 45,
    vol: 0.7,
    loadings: [-0.74, -0.1, 0, 0.5],
    spreadTicks: [1, 2],
    levelGap: [1, 1],
    levelSize: 1500,
    tradesPerSec: 4,
    depthUpdatesPerSec: 15,
    jumpsPerYear: 12,
    jumpStd: 0.03,
    divYield: 0,
    atmIv: 0.75,
    skew: -0.06,
    tier: 'other',
    nasdaq: false,
  },
  SPX: {
    price: 600 * SPX_PER_SPY,
    vol: 0.15,
    loadings: [0.97, 0.12, 0.12, 0],
    spreadTicks: [1, 1],
    levelGap: [1, 1],
    levelSize: 0,
    tradesPerSec: 0,
    depthUpdatesPerSec: 0,
    jumpsPerYear: 0,
    jumpStd: 0,
    divYield: 0.013,
    atmIv: 0.14,
    skew: 0.09,
    tier: 'index',
    nasdaq: false,
  },
};
