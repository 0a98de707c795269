// The simulation engine behind the market model: a fixed-tick loop in simulated time. Each tick moves the
// correlated price paths, re-centres every book on its new fair price, adds resting-size noise, executes
// trade arrivals against the books, emits quotes that changed, and closes 5-second (and 1-minute) bars on
// their boundaries. Everything is drawn from seeded streams in a fixed order.
import type { Bar, ScenarioName, TradeKind } from './types';
import { SCENARIOS } from './types';
import { OrderBook, type DepthSink } from './book';
import { BAR_5S_MS, MINUTE_MS, round2 } from './bars';
import { currentOrNextSession, lastOpenedSession, type Session } from './calendar';
import { PricePaths } from './paths';
import { volatilityShape, volumeShape } from './profile';
import { deriveSeed, hashUnit, mix32, Rng } from './rng';
import { neutralEffects, scenarioEffects, type ScenarioEffects } from './scenarios';
import { SPX_PER_SPY, specFor } from './symbols';
import { TradeGenerator, tradeMixFor, type TradeSink } from './trades';
import { depthUpdate, EventStream, tapeTrade } from './event-stream';
import type { SymbolState } from './state';
import { closeBar, closeMinute, resetBars } from './symbol-bars';
import { makeQuote, quoteIsCurrent, recordIndexLevel, recordTrade, startNewDay } from './symbol-day';
import type { HistoryContext } from './symbol-history';
import { bookParamsOf, newSymbolState, type SetupContext } from './symbol-setup';

/** Simulated ms per internal tick. */
export const TICK_MS = 100;
const TRADES_KEPT = 2_000;
const BARS_5S_KEPT = 5_000;

export interface SimulationOptions {
  seed: number;
  /** Configured symbols, upper case, without SPX. */
  symbols: readonly string[];
  scenario: ScenarioName;
  /** Simulated start, epoch ms. */
  start: number;
}

export class Simulation {
  /** Simulated time, epoch ms. */
  t: number;
  scenarioName: ScenarioName;
  /** Time spent in the gamma-squeeze scenario today (ms). */
  squeezeMs = 0;
  readonly events = new EventStream();
  /** Seed, anchor session and SPY for synthesising history. */
  readonly history: HistoryContext;
  readonly bySymbol = new Map<string, SymbolState>();

  private nextTick: number;
  private tickTime: number;
  private scenarioSince: number;
  private readonly imbalanceSide: 1 | -1;
  private readonly effects: ScenarioEffects = neutralEffects();
  private session: Session;
  private dayDate: string;
  private dayActive = false;
  private barStart = 0;

  private readonly paths: PricePaths;
  private readonly micro: Rng;
  private readonly states: SymbolState[] = [];
  /** States with a book and trades, in configured order. */
  private readonly traded: SymbolState[] = [];
  private readonly spx: SymbolState;
  private readonly spy: SymbolState;
  private readonly tradeGens = new Map<SymbolState, TradeGenerator>();
  private readonly drift: Float64Array;

  constructor({ seed, symbols, scenario, start }: SimulationOptions) {
    this.scenarioName = scenario;
    if (!SCENARIOS.includes(this.scenarioName)) throw new Error(`unknown scenario ${String(scenario)}`);
    this.t = start;
    this.tickTime = start;
    this.nextTick = Math.floor(start / TICK_MS) * TICK_MS + TICK_MS;
    this.scenarioSince = start;
    this.imbalanceSide = hashUnit(mix32(seed ^ 0x9e3779b9)) < 0.5 ? 1 : -1;
    this.session = currentOrNextSession(start);

    // Path universe: SPY first (the market proxy, and SPX's driver), then the other configured symbols.
    const pathSymbols = ['SPY', ...symbols.filter((s) => s !== 'SPY')];
    const specs = pathSymbols.map((s) => specFor(s));
    this.paths = new PricePaths(specs, new Rng(deriveSeed(seed, 'paths')));
    this.micro = new Rng(deriveSeed(seed, 'micro'));
    this.drift = new Float64Array(specs.length);

    const anchor = lastOpenedSession(start);
    this.dayDate = anchor.date;
    this.history = { seed, anchor, spy: () => this.spy };
    const setup: SetupContext = { ...this.history, corrToMarket: this.paths.corrToMarket };
    specs.forEach((spec, i) => {
      const st = newSymbolState(spec, i, symbols.includes(spec.symbol), false, setup, start);
      this.states.push(st);
      this.bySymbol.set(spec.symbol, st);
    });
    this.spy = this.bySymbol.get('SPY')!;
    this.spx = newSymbolState(specFor('SPX'), 0, true, true, setup, start);
    this.bySymbol.set('SPX', this.spx);
    for (const s of symbols) {
      const st = this.bySymbol.get(s)!;
      this.traded.push(st);
      st.book = new OrderBook(bookParamsOf(st.spec), this.micro, this.depthSink(st));
      this.tradeGens.set(st, new TradeGenerator(this.micro, tradeMixFor(st.spec.price)));
      this.recentre(st);
      st.quote = makeQuote(st, start);
    }
    this.spx.quote = makeQuote(this.spx, start);
  }

  /** The state of a symbol in the configured list (or the index), else undefined. */
  listed(symbol: string): SymbolState | undefined {
    const st = this.bySymbol.get(symbol);
    return st && st.listed ? st : undefined;
  }

  /** Runs every tick up to `t + ms`, then sets the time to it. */
  advance(ms: number): void {
    const target = this.t + ms;
    while (this.nextTick <= target) {
      const t = this.nextTick;
      this.nextTick += TICK_MS;
      this.t = t;
      this.tick(t);
    }
    this.t = target;
  }

  setScenario(name: ScenarioName): void {
    if (!SCENARIOS.includes(name)) throw new Error(`unknown scenario ${String(name)}`);
    this.scenarioName = name;
    this.scenarioSince = this.t;
    this.events.emit({ type: 'scenario', ts: this.t, name });
  }

  isSessionOpen(): boolean {
    if (this.scenarioName === 'closed') return false;
    const s = this.t >= this.session.close ? currentOrNextSession(this.t) : this.session;
    return this.t >= s.open && this.t < s.close;
  }

  private depthSink(st: SymbolState): DepthSink {
    const symbol = st.symbol;
    return (side, position, op, price, size, venue) => {
      if (!this.events.active) return;
      const update = depthUpdate(symbol, this.tickTime, side, position, op, price, size, venue);
      this.events.emit({ type: 'depth', update });
    };
  }

  currentEffects(): ScenarioEffects {
    return scenarioEffects(
      this.scenarioName,
      {
        now: this.t,
        since: this.scenarioSince,
        sessionClose: this.session.close,
        imbalanceSide: this.imbalanceSide,
      },
      this.effects,
    );
  }

  /** Share of today's session elapsed (1 before the open: yesterday's full session). */
  sessionFraction(): number {
    const s = this.session;
    if (this.t < s.open) return 1;
    return Math.min(1, (this.t - s.open) / (s.close - s.open));
  }

  /** Mid of the inside (the last price without a two-sided book) of a listed symbol. */
  spot(symbol: string): number | undefined {
    const st = this.bySymbol.get(symbol);
    if (!st || !st.listed) return undefined;
    if (st.isIndex || !st.book) return st.last;
    const b = st.book;
    if (b.bids.count === 0 || b.asks.count === 0) return st.last;
    return (b.bids.price[0]! + b.asks.price[0]!) / 200;
  }

  private tick(t: number): void {
    this.tickTime = t;
    if (t >= this.session.close) {
      if (this.dayActive) this.endDay();
      this.session = currentOrNextSession(t);
    }
    const s = this.session;
    if (t < s.open || this.scenarioName === 'closed') return;
    if (!this.dayActive || this.dayDate !== s.date) this.beginDay(s, t);
    if (t >= this.barStart + BAR_5S_MS) this.closeBars(Math.floor(t / BAR_5S_MS) * BAR_5S_MS);

    const eff = this.currentEffects();
    if (this.scenarioName === 'gamma_squeeze') this.squeezeMs += TICK_MS;
    const x = (t - s.open) / (s.close - s.open);
    const activity = volumeShape(x);

    // Prices.
    for (const st of this.states) {
      const boost = st.singleName ? eff.singleNameDriftBoost : 1;
      this.drift[st.pathIndex] = eff.drift * TICK_MS * st.driftScale * boost;
    }
    this.paths.step({
      dtMs: TICK_MS,
      volMult: eff.volMult * volatilityShape(x),
      jumpMult: eff.jumpMult,
      drift: this.drift,
    });

    // Books, tape, quotes.
    const tradeScale = (TICK_MS / 1000) * activity * eff.tradeRateMult;
    const depthScale = (TICK_MS / 1000) * activity * Math.sqrt(eff.tradeRateMult);
    for (const st of this.traded) {
      const book = st.book!;
      book.depthMult[0] = eff.depthBid;
      book.depthMult[1] = eff.depthAsk;
      if (this.micro.uniform() < 0.02) {
        const [lo, hi] = st.spec.spreadTicks;
        st.spreadBase = lo + Math.floor(this.micro.uniform() ** 2 * (hi - lo + 1));
      }
      this.recentre(st, eff.spreadMult);
      const updates = this.micro.poisson(st.spec.depthUpdatesPerSec * depthScale);
      for (let k = 0; k < updates; k++) book.randomUpdate();
      const arrivals = this.micro.poisson(st.spec.tradesPerSec * tradeScale);
      if (arrivals > 0) {
        const gen = this.tradeGens.get(st)!;
        const sink = this.tradeSinkFor(st);
        for (let k = 0; k < arrivals; k++) gen.arrival(book, this.micro.uniform() < eff.buyProb, sink);
        book.refill();
      }
      this.maybeQuote(st, t);
    }

    // The index follows SPY's fair price.
    recordIndexLevel(this.spx, round2(this.paths.price(this.spy.pathIndex) * SPX_PER_SPY));
    this.maybeQuote(this.spx, t);
  }

  /** Centres the book on the path price with the current spread (in cents). */
  private recentre(st: SymbolState, spreadMult = 1): void {
    const midTicks = this.paths.price(st.pathIndex) * 100;
    const spread = Math.max(1, Math.round(st.spreadBase * spreadMult));
    const bid = Math.max(1, Math.round(midTicks - spread / 2));
    st.book!.reconcile(bid, bid + spread);
  }

  private readonly sinks = new Map<SymbolState, TradeSink>();

  private tradeSinkFor(st: SymbolState): TradeSink {
    let sink = this.sinks.get(st);
    if (!sink) {
      sink = (price, size, venue, buy, kind) => this.onTrade(st, price, size, venue, buy, kind);
      this.sinks.set(st, sink);
    }
    return sink;
  }

  private onTrade(
    st: SymbolState,
    price: number,
    size: number,
    venue: number,
    buy: boolean,
    kind: TradeKind,
  ): void {
    recordTrade(st, price, size);
    const trade = tapeTrade(st.symbol, this.tickTime, price, size, venue, buy, kind);
    st.trades.push(trade);
    if (st.trades.length > 2 * TRADES_KEPT) st.trades.splice(0, st.trades.length - TRADES_KEPT);
    if (this.events.active) this.events.emit({ type: 'trade', trade });
  }

  /** Emits a quote when the inside, the last print or the volume changed. */
  private maybeQuote(st: SymbolState, t: number): void {
    if (quoteIsCurrent(st)) return;
    st.quote = makeQuote(st, t);
    if (this.events.active) this.events.emit({ type: 'quote', quote: st.quote });
  }

  private beginDay(s: Session, t: number): void {
    if (this.dayDate !== s.date) {
      this.dayDate = s.date;
      this.squeezeMs = 0;
      for (const st of [...this.states, this.spx]) startNewDay(st);
    }
    this.dayActive = true;
    this.barStart = Math.floor(t / BAR_5S_MS) * BAR_5S_MS;
    const minute = Math.floor(t / MINUTE_MS) * MINUTE_MS;
    for (const st of this.barStates()) resetBars(st, this.barStart, minute);
  }

  private endDay(): void {
    this.closeBars(this.session.close);
    for (const st of this.barStates()) closeMinute(st);
    this.dayActive = false;
  }

  private barStates(): SymbolState[] {
    return [...this.traded, this.spx];
  }

  /** Closes the running 5-second bars and starts the next ones at `next`. */
  private closeBars(next: number): void {
    for (const st of this.traded) closeBar(st, next, BARS_5S_KEPT, this.onBar);
    closeBar(this.spx, next, BARS_5S_KEPT, this.onBar);
    this.barStart = next;
  }

  private readonly onBar = (bar: Bar): void => {
    if (this.events.active) this.events.emit({ type: 'bar', bar });
  };
}
