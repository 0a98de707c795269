// The market model: the public surface over the simulation engine (simulation.ts) — clock control
// (step, start/stop, speed), scenario, subscriptions, queries of quotes, books, tape and bars, and the
// option chains. The same seed and options always give the same events, whatever the wall clock or the
// queries made in between.
import type {
  Bar,
  Book,
  MarketEvent,
  MarketModel,
  MarketModelOptions,
  OptionQuote,
  Quote,
  ScenarioName,
  Trade,
} from './types';
import { bookLevels } from './book';
import { aggregateMinuteBars } from './bars';
import { defaultStartTime } from './calendar';
import { OptionChains } from './options';
import { Simulation } from './simulation';
import { loadPriorHistory } from './symbol-history';

export { TICK_MS } from './simulation';

/** The model plus controls beyond the shared contract. */
export interface SimMarketModel extends MarketModel {
  /** Index symbols modelled for quotes, bars and options (SPX). */
  readonly indexSymbols: readonly string[];
  setSpeed(speed: number): void;
  /** Number of events emitted so far. */
  eventCount(): number;
}

class Market implements SimMarketModel {
  readonly symbols: readonly string[];
  readonly indexSymbols: readonly string[] = ['SPX'];
  readonly seed: number;

  private speedValue: number;
  private timer: ReturnType<typeof setInterval> | undefined;
  private lastWall = 0;
  private readonly historyDays: number;
  private readonly sim: Simulation;
  private readonly chains: OptionChains;

  constructor(opts: MarketModelOptions) {
    if (!Number.isFinite(opts.seed)) throw new Error('seed must be a finite number');
    this.seed = opts.seed;
    const symbols = [...new Set(opts.symbols.map((s) => s.toUpperCase()))].filter((s) => s !== 'SPX');
    this.symbols = symbols;
    this.speedValue = opts.speed ?? 1;
    const scenario = opts.scenario ?? 'normal';
    this.historyDays = opts.historyDays ?? 20;
    const start = opts.startTime ?? defaultStartTime(Date.now());
    const sim = new Simulation({ seed: this.seed, symbols, scenario, start });
    this.sim = sim;
    this.chains = new OptionChains({
      now: () => sim.t,
      seed: this.seed,
      spec: (s) => sim.listed(s)?.spec,
      spot: (s) => sim.spot(s),
      refPrice: (s) => sim.bySymbol.get(s)?.refPrice,
      effects: () => sim.currentEffects(),
      sessionFraction: () => sim.sessionFraction(),
      squeezeExposure: () => Math.min(1, sim.squeezeMs / (30 * 60_000)),
    });
  }

  now(): number {
    return this.sim.t;
  }

  speed(): number {
    return this.speedValue;
  }

  setSpeed(speed: number): void {
    if (!(speed > 0) || !Number.isFinite(speed))
      throw new Error(`speed must be a positive number (got ${speed})`);
    this.speedValue = speed;
  }

  scenario(): ScenarioName {
    return this.sim.scenarioName;
  }

  setScenario(name: ScenarioName): void {
    this.sim.setScenario(name);
  }

  subscribe(listener: (event: MarketEvent) => void): () => void {
    return this.sim.events.subscribe(listener);
  }

  eventCount(): number {
    return this.sim.events.emitted;
  }

  step(ms: number): void {
    if (!(ms >= 0) || !Number.isFinite(ms))
      throw new Error(`step needs a non-negative finite ms (got ${ms})`);
    this.sim.advance(ms);
  }

  start(): void {
    if (this.timer) return;
    this.lastWall = performance.now();
    this.timer = setInterval(() => {
      const wall = performance.now();
      const elapsed = wall - this.lastWall;
      this.lastWall = wall;
      this.step(elapsed * this.speedValue);
    }, 50);
    this.timer.unref?.();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  isSessionOpen(): boolean {
    return this.sim.isSessionOpen();
  }

  quote(symbol: string): Quote | undefined {
    return this.sim.listed(symbol)?.quote;
  }

  book(symbol: string): Book | undefined {
    const st = this.sim.listed(symbol);
    if (!st || !st.book) return undefined;
    return { symbol, ts: st.quote.ts, bids: bookLevels(st.book.bids), asks: bookLevels(st.book.asks) };
  }

  recentTrades(symbol: string, count: number): Trade[] {
    const st = this.sim.listed(symbol);
    if (!st || count <= 0) return [];
    return st.trades.slice(-count);
  }

  bars5s(symbol: string, count: number): Bar[] {
    const st = this.sim.listed(symbol);
    if (!st || count <= 0) return [];
    return st.bars5s.slice(-count);
  }

  intradayBars(symbol: string, minutes: 1 | 5 | 15 | 30 | 60, count: number): Bar[] {
    const st = this.sim.listed(symbol);
    if (!st || count <= 0) return [];
    if (![1, 5, 15, 30, 60].includes(minutes)) throw new Error(`unsupported bar size ${minutes} minutes`);
    loadPriorHistory(st, this.sim.history, this.historyDays);
    if (minutes === 1) return st.minuteBars.slice(-count);
    const open = this.isSessionOpen();
    const now = this.sim.t;
    return aggregateMinuteBars(symbol, st.minuteBars, minutes, count, (_s, end) => end <= now || !open);
  }

  expiries(symbol: string): string[] {
    return this.chains.expiries(symbol);
  }

  optionChain(symbol: string, expiries?: readonly string[]): OptionQuote[] {
    return this.chains.chain(symbol, expiries);
  }

  optionQuote(contractId: string): OptionQuote | undefined {
    return this.chains.quote(contractId);
  }
}

/** Creates a seeded, deterministic market model (see MarketModel). */
export function createMarketModel(opts: MarketModelOptions): SimMarketModel {
  return new Market(opts);
}
