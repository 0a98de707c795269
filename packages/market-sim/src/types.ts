// Contract between the market model and its consumers (tws-sim, av-sim, the sim runner).
// All times are simulated epoch milliseconds; all prices in dollars; sizes in shares or contracts.
import type { OptionRight } from '@alphatrader/quant';

export const SCENARIOS = [
  'normal',
  'trend_up',
  'trend_down',
  'crash',
  'vol_spike',
  'gamma_squeeze',
  'moc_imbalance',
  'closed',
] as const;
export type ScenarioName = (typeof SCENARIOS)[number];

export interface BookLevel {
  price: number;
  size: number;
  /** Venue / market-maker code, e.g. NSDQ, ARCA, BATS, EDGX, IEX. */
  venue: string;
}

export interface Book {
  symbol: string;
  ts: number;
  /** Best first; up to 10 levels. */
  bids: BookLevel[];
  asks: BookLevel[];
}

export interface Quote {
  symbol: string;
  ts: number;
  bid: number;
  ask: number;
  bidSize: number;
  askSize: number;
  last: number;
  lastSize: number;
  /** Session volume so far. */
  volume: number;
  /** Session VWAP so far. */
  vwap: number;
  open: number;
  high: number;
  low: number;
  /** Previous session close. */
  prevClose: number;
}

export type TradeKind = 'odd_lot' | 'round_lot' | 'block' | 'sweep' | 'iceberg';

export interface Trade {
  symbol: string;
  ts: number;
  price: number;
  size: number;
  venue: string;
  /** Aggressor side. */
  side: 'buy' | 'sell';
  kind: TradeKind;
}

export interface Bar {
  symbol: string;
  /** Bar start time. */
  ts: number;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
  vwap: number;
  count: number;
}

export interface DepthUpdate {
  symbol: string;
  ts: number;
  side: 'bid' | 'ask';
  /** 0-based level. */
  position: number;
  operation: 'insert' | 'update' | 'delete';
  price: number;
  size: number;
  venue: string;
}

export type MarketEvent =
  | { type: 'quote'; quote: Quote }
  | { type: 'trade'; trade: Trade }
  | { type: 'depth'; update: DepthUpdate }
  | { type: 'bar'; bar: Bar }
  | { type: 'scenario'; ts: number; name: ScenarioName };

export interface OptionQuote {
  /** OCC compact id, e.g. SPY250919C00650000. */
  contractId: string;
  underlying: string;
  /** YYYY-MM-DD */
  expiry: string;
  strike: number;
  right: OptionRight;
  bid: number;
  ask: number;
  last: number;
  mark: number;
  bidSize: number;
  askSize: number;
  volume: number;
  openInterest: number;
  iv: number;
  delta: number;
  /** Per $1 move of the underlying. */
  gamma: number;
  /** Per calendar day. */
  theta: number;
  /** Per vol point (1 %). */
  vega: number;
  /** Per 1 % of rate. */
  rho: number;
  underlyingPrice: number;
  ts: number;
  /** Black–Scholes model price at `iv` (bid/ask are quoted around it; mark is their mid). */
  theo?: number;
}

export interface MarketModelOptions {
  seed: number;
  /** Equity/ETF symbols (the index SPX is always modelled for its options). */
  symbols: readonly string[];
  /** Simulated start time (epoch ms). Default: 09:30 ET of the current or next trading day. */
  startTime?: number;
  /** Simulated seconds per wall second in real-time mode. Default 1. */
  speed?: number;
  scenario?: ScenarioName;
  /** Trading sessions of synthesised 1-minute history before the start session. Default 20. */
  historyDays?: number;
}

export interface MarketModel {
  readonly symbols: readonly string[];
  readonly seed: number;
  /** Current simulated time (epoch ms). */
  now(): number;
  speed(): number;
  scenario(): ScenarioName;
  setScenario(name: ScenarioName): void;
  /** Every event in generation order; returns an unsubscribe function. */
  subscribe(listener: (event: MarketEvent) => void): () => void;
  /** Advance simulated time deterministically by `ms`, emitting events synchronously. */
  step(ms: number): void;
  /** Real-time driver: advances with the wall clock times `speed`. */
  start(): void;
  stop(): void;
  isSessionOpen(): boolean;
  quote(symbol: string): Quote | undefined;
  book(symbol: string): Book | undefined;
  recentTrades(symbol: string, count: number): Trade[];
  /** Completed 5-second bars, oldest first. */
  bars5s(symbol: string, count: number): Bar[];
  /** Completed bars of 1/5/15/30/60 minutes from the same price path, oldest first. */
  intradayBars(symbol: string, minutes: 1 | 5 | 15 | 30 | 60, count: number): Bar[];
  /** Listed expiries (YYYY-MM-DD) up to ~45 days: 0DTE, 1DTE, weeklies, monthlies. */
  expiries(symbol: string): string[];
  /** Whole chain at the current time, or only the given expiries. */
  optionChain(symbol: string, expiries?: readonly string[]): OptionQuote[];
  optionQuote(contractId: string): OptionQuote | undefined;
}
