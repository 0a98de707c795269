// The market model: a fixed-tick loop in simulated time. Each tick moves the correlated price paths,
// re-centres every book on its new fair price, adds resting-size noise, executes trade arrivals against
// the books, emits quotes that changed, and closes 5-second (and 1-minute) bars on their boundaries.
// Everything is drawn from seeded streams in a fixed order, so the same seed and options always give
// the same events, whatever the wall clock or the queries made in between.
import type {
  Bar,
  Book,
  BookLevel,
  MarketEvent,
  MarketModel,
  MarketModelOptions,
  OptionQuote,
  Quote,
  ScenarioName,
  Trade,
  TradeKind,
} from './types';
import { SCENARIOS } from './types';
import { BID, OrderBook, VENUES, type DepthSink, type BookSide } from './book';
import { aggregateMinuteBars, BAR_5S_MS, MINUTE_MS, round4 } from './bars';
import {
  currentOrNextSession,
  defaultStartTime,
  lastOpenedSession,
  prevTradingDay,
  sessionOf,
  type Session,
} from './calendar';
import { gapBack, synthesizeMinutes } from './history';
import { OptionChains } from './options';
import { PricePaths } from './paths';
import { volatilityShape, volumeShape } from './profile';
import { deriveSeed, hashUnit, mix32, Rng } from './rng';
import { neutralEffects, scenarioEffects, type ScenarioEffects } from './scenarios';
import { SPX_PER_SPY, specFor, type SymbolSpec } from './symbols';
import { expectedArrivalSize, TradeGenerator, tradeMixFor, TRF_VENUE, TRF_VENUE_CODE } from './trades';
import { newAccumulators, type SymbolState } from './state';

/** Simulated ms per internal tick. */
export const TICK_MS = 100;
const TRADES_KEPT = 2_000;
const BARS_5S_KEPT = 5_000;
const SQRT_252 = Math.sqrt(252);
const OPS = ['insert', 'update', 'delete'] as const;

/** The model plus controls beyond the shared contract. */
export interface SimMarketModel extends MarketModel {
  /** Index symbols modelled for quotes, bars and options (SPX). */
  readonly indexSymbols: readonly string[];
  setSpeed(speed: number): void;
  /** Number of events emitted so far. */
  eventCount(): number;
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

class Market implements SimMarketModel {
  readonly symbols: readonly string[];
  readonly indexSymbols: readonly string[] = ['SPX'];
  readonly seed: number;

  private t: number;
  private nextTick: number;
  private tickTime: number;
  private speedValue: number;
  private scenarioName: ScenarioName;
  private scenarioSince: number;
  private readonly imbalanceSide: 1 | -1;
  private readonly effects: ScenarioEffects = neutralEffects();
  private session: Session;
  private dayDate: string;
  private dayActive = false;
  private barStart = 0;
  private squeezeMs = 0;
  private emitted = 0;

  private listeners: ((e: MarketEvent) => void)[] = [];
  private timer: ReturnType<typeof setInterval> | undefined;
  private lastWall = 0;

  private readonly paths: PricePaths;
  private readonly micro: Rng;
  private readonly states: SymbolState[] = [];
  private readonly bySymbol = new Map<string, SymbolState>();
  /** States with a book and trades, in configured order. */
  private readonly traded: SymbolState[] = [];
  private readonly spx: SymbolState;
  private readonly spy: SymbolState;
  private readonly tradeGens = new Map<SymbolState, TradeGenerator>();
  private readonly drift: Float64Array;
  private readonly historyDays: number;
  private readonly chains: OptionChains;
  /** The session whose minutes up to the start are today's synthesised history. */
  private readonly anchor: Session;

  constructor(opts: MarketModelOptions) {
    if (!Number.isFinite(opts.seed)) throw new Error('seed must be a finite number');
    this.seed = opts.seed;
    const symbols = [...new Set(opts.symbols.map((s) => s.toUpperCase()))].filter((s) => s !== 'SPX');
    this.symbols = symbols;
    this.speedValue = opts.speed ?? 1;
    this.scenarioName = opts.scenario ?? 'normal';
    if (!SCENARIOS.includes(this.scenarioName)) throw new Error(`unknown scenario ${String(opts.scenario)}`);
    this.historyDays = opts.historyDays ?? 20;
    const start = opts.startTime ?? defaultStartTime(Date.now());
    this.t = start;
    this.tickTime = start;
    this.nextTick = Math.floor(start / TICK_MS) * TICK_MS + TICK_MS;
    this.scenarioSince = start;
    this.imbalanceSide = hashUnit(mix32(this.seed ^ 0x9e3779b9)) < 0.5 ? 1 : -1;
    this.session = currentOrNextSession(start);

    // Path universe: SPY first (the market proxy, and SPX's driver), then the other configured symbols.
    const pathSymbols = ['SPY', ...symbols.filter((s) => s !== 'SPY')];
    const specs = pathSymbols.map((s) => specFor(s));
    this.paths = new PricePaths(specs, new Rng(deriveSeed(this.seed, 'paths')));
    this.micro = new Rng(deriveSeed(this.seed, 'micro'));
    this.drift = new Float64Array(specs.length);

    const anchor = lastOpenedSession(start);
    this.anchor = anchor;
    this.dayDate = anchor.date;
    specs.forEach((spec, i) => {
      const st = this.newState(spec, i, symbols.includes(spec.symbol), false, anchor, start);
      this.states.push(st);
      this.bySymbol.set(spec.symbol, st);
    });
    this.spy = this.bySymbol.get('SPY')!;
    this.spx = this.newState(specFor('SPX'), 0, true, true, anchor, start);
    this.bySymbol.set('SPX', this.spx);
    for (const s of symbols) {
      const st = this.bySymbol.get(s)!;
      this.traded.push(st);
      st.book = new OrderBook(spec2book(st.spec), this.micro, this.depthSink(st));
      this.tradeGens.set(st, new TradeGenerator(this.micro, tradeMixFor(st.spec.price)));
      this.recentre(st);
      st.quote = this.makeQuote(st, start);
    }
    this.spx.quote = this.makeQuote(this.spx, start);

    this.chains = new OptionChains({
      now: () => this.t,
      seed: this.seed,
      spec: (s) => {
        const st = this.bySymbol.get(s);
        return st && st.listed ? st.spec : undefined;
      },
      spot: (s) => this.spot(s),
      refPrice: (s) => this.bySymbol.get(s)?.refPrice,
      effects: () => this.currentEffects(),
      sessionFraction: () => this.sessionFraction(),
      squeezeExposure: () => Math.min(1, this.squeezeMs / (30 * 60_000)),
    });
  }

  // ---- construction helpers -------------------------------------------------------------------

  private newState(
    spec: SymbolSpec,
    pathIndex: number,
    listed: boolean,
    isIndex: boolean,
    anchor: Session,
    start: number,
  ): SymbolState {
    const price = isIndex ? round2(this.spyStartPrice() * SPX_PER_SPY) : spec.price;
    const mix = tradeMixFor(spec.price);
    const arrival = expectedArrivalSize(spec.levelSize, mix);
    const history = {
      symbol: spec.symbol,
      vol: spec.vol,
      dailyVolume: spec.tradesPerSec * 23_400 * arrival,
      avgTradeSize: Math.max(1, arrival / 1.15),
    };
    const st: SymbolState = {
      symbol: spec.symbol,
      spec,
      pathIndex,
      listed,
      isIndex,
      book: undefined,
      spreadBase: spec.spreadTicks[0],
      driftScale: (spec.vol / SQRT_252) * (this.paths.corrToMarket[pathIndex] ?? 0),
      singleName: spec.tier === 'mega' || spec.tier === 'other',
      last: price,
      lastSize: 0,
      volume: 0,
      pv: 0,
      open: price,
      high: price,
      low: price,
      prevClose: price,
      tradedToday: false,
      refPrice: price,
      quote: undefined as unknown as Quote,
      ...newAccumulators(),
      bars5s: [],
      minuteBars: [],
      priorLoaded: false,
      historyPrevClose: price,
      history,
      trades: [],
    };
    // Today's (anchor session's) history up to the start: it sets the day's statistics.
    if (isIndex) {
      st.minuteBars = this.spy.minuteBars.map((b) => scaleBar(b, 'SPX', SPX_PER_SPY));
      st.historyPrevClose = round2(this.spy.historyPrevClose * SPX_PER_SPY);
    } else {
      const end = Math.min(Math.floor(start / MINUTE_MS) * MINUTE_MS, anchor.close);
      const rng = new Rng(deriveSeed(this.seed, `history-today:${spec.symbol}`));
      const { bars, firstOpen } = synthesizeMinutes(history, [{ session: anchor, end }], price, rng);
      st.minuteBars = bars;
      st.historyPrevClose = round2(gapBack(firstOpen, spec.vol, rng));
    }
    st.prevClose = st.historyPrevClose;
    if (st.minuteBars.length > 0) {
      const first = st.minuteBars[0]!;
      st.open = first.open;
      st.refPrice = first.open;
      st.tradedToday = true;
      st.high = -Infinity;
      st.low = Infinity;
      for (const b of st.minuteBars) {
        if (b.high > st.high) st.high = b.high;
        if (b.low < st.low) st.low = b.low;
        st.volume += b.volume;
        st.pv += b.vwap * b.volume;
      }
      st.high = Math.max(st.high, price);
      st.low = Math.min(st.low, price);
    }
    return st;
  }

  private spyStartPrice(): number {
    return specFor('SPY').price;
  }

  private depthSink(st: SymbolState): DepthSink {
    const symbol = st.symbol;
    return (side, position, op, price, size, venue) => {
      if (this.listeners.length === 0) return;
      this.emit({
        type: 'depth',
        update: {
          symbol,
          ts: this.tickTime,
          side: side === BID ? 'bid' : 'ask',
          position,
          operation: OPS[op],
          price: price / 100,
          size,
          venue: VENUES[venue] ?? 'NSDQ',
        },
      });
    };
  }

  // ---- public API -----------------------------------------------------------------------------

  now(): number {
    return this.t;
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
    return this.scenarioName;
  }

  setScenario(name: ScenarioName): void {
    if (!SCENARIOS.includes(name)) throw new Error(`unknown scenario ${String(name)}`);
    this.scenarioName = name;
    this.scenarioSince = this.t;
    this.emit({ type: 'scenario', ts: this.t, name });
  }

  subscribe(listener: (event: MarketEvent) => void): () => void {
    this.listeners = [...this.listeners, listener];
    return () => {
      this.listeners = this.listeners.filter((l) => l !== listener);
    };
  }

  eventCount(): number {
    return this.emitted;
  }

  step(ms: number): void {
    if (!(ms >= 0) || !Number.isFinite(ms))
      throw new Error(`step needs a non-negative finite ms (got ${ms})`);
    const target = this.t + ms;
    while (this.nextTick <= target) {
      const t = this.nextTick;
      this.nextTick += TICK_MS;
      this.t = t;
      this.tick(t);
    }
    this.t = target;
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
    if (this.scenarioName === 'closed') return false;
    const s = this.t >= this.session.close ? currentOrNextSession(this.t) : this.session;
    return this.t >= s.open && this.t < s.close;
  }

  quote(symbol: string): Quote | undefined {
    const st = this.bySymbol.get(symbol);
    return st && st.listed ? st.quote : undefined;
  }

  book(symbol: string): Book | undefined {
    const st = this.bySymbol.get(symbol);
    if (!st || !st.listed || !st.book) return undefined;
    return { symbol, ts: st.quote.ts, bids: levels(st.book.bids), asks: levels(st.book.asks) };
  }

  recentTrades(symbol: string, count: number): Trade[] {
    const st = this.bySymbol.get(symbol);
    if (!st || !st.listed || count <= 0) return [];
    return st.trades.slice(-count);
  }

  bars5s(symbol: string, count: number): Bar[] {
    const st = this.bySymbol.get(symbol);
    if (!st || !st.listed || count <= 0) return [];
    return st.bars5s.slice(-count);
  }

  intradayBars(symbol: string, minutes: 1 | 5 | 15 | 30 | 60, count: number): Bar[] {
    const st = this.bySymbol.get(symbol);
    if (!st || !st.listed || count <= 0) return [];
    if (![1, 5, 15, 30, 60].includes(minutes)) throw new Error(`unsupported bar size ${minutes} minutes`);
    this.loadPriorHistory(st);
    if (minutes === 1) return st.minuteBars.slice(-count);
    const open = this.isSessionOpen();
    return aggregateMinuteBars(symbol, st.minuteBars, minutes, count, (_s, end) => end <= this.t || !open);
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

  // ---- simulation -----------------------------------------------------------------------------

  private emit(event: MarketEvent): void {
    this.emitted++;
    const ls = this.listeners;
    for (let i = 0; i < ls.length; i++) ls[i]!(event);
  }

  private currentEffects(): ScenarioEffects {
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

  private sessionFraction(): number {
    const s = this.session;
    if (this.t < s.open) return 1;
    return Math.min(1, (this.t - s.open) / (s.close - s.open));
  }

  private spot(symbol: string): number | undefined {
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
    const spx = this.spx;
    const level = round2(this.paths.price(this.spy.pathIndex) * SPX_PER_SPY);
    if (!spx.tradedToday) {
      spx.tradedToday = true;
      spx.open = spx.high = spx.low = level;
    }
    spx.last = level;
    if (level > spx.high) spx.high = level;
    if (level < spx.low) spx.low = level;
    spx.bar5.addPrice(level);
    this.maybeQuote(spx, t);
  }

  /** Centres the book on the path price with the current spread (in cents). */
  private recentre(st: SymbolState, spreadMult = 1): void {
    const midTicks = this.paths.price(st.pathIndex) * 100;
    const spread = Math.max(1, Math.round(st.spreadBase * spreadMult));
    const bid = Math.max(1, Math.round(midTicks - spread / 2));
    st.book!.reconcile(bid, bid + spread);
  }

  private readonly sinks = new Map<
    SymbolState,
    (p: number, s: number, v: number, buy: boolean, k: TradeKind) => void
  >();

  private tradeSinkFor(
    st: SymbolState,
  ): (p: number, s: number, v: number, buy: boolean, k: TradeKind) => void {
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
    if (!st.tradedToday) {
      st.tradedToday = true;
      st.open = st.high = st.low = price;
    }
    st.last = price;
    st.lastSize = size;
    st.volume += size;
    st.pv += price * size;
    if (price > st.high) st.high = price;
    if (price < st.low) st.low = price;
    st.bar5.addTrade(price, size);
    const trade: Trade = {
      symbol: st.symbol,
      ts: this.tickTime,
      price,
      size,
      venue: venue === TRF_VENUE ? TRF_VENUE_CODE : (VENUES[venue] ?? 'NSDQ'),
      side: buy ? 'buy' : 'sell',
      kind,
    };
    st.trades.push(trade);
    if (st.trades.length > 2 * TRADES_KEPT) st.trades.splice(0, st.trades.length - TRADES_KEPT);
    if (this.listeners.length > 0) this.emit({ type: 'trade', trade });
  }

  private makeQuote(st: SymbolState, ts: number): Quote {
    const b = st.book;
    const hasBook = b !== undefined && b.bids.count > 0 && b.asks.count > 0;
    return {
      symbol: st.symbol,
      ts,
      bid: hasBook ? b.bids.price[0]! / 100 : st.last,
      ask: hasBook ? b.asks.price[0]! / 100 : st.last,
      bidSize: hasBook ? b.bids.size[0]! : 0,
      askSize: hasBook ? b.asks.size[0]! : 0,
      last: st.last,
      lastSize: st.lastSize,
      volume: st.volume,
      vwap: st.volume > 0 ? round4(st.pv / st.volume) : st.last,
      open: st.open,
      high: st.high,
      low: st.low,
      prevClose: st.prevClose,
    };
  }

  /** Emits a quote when the inside, the last print or the volume changed. */
  private maybeQuote(st: SymbolState, t: number): void {
    const q = st.quote;
    const b = st.book;
    if (b) {
      if (
        Math.round(q.bid * 100) === b.bids.price[0] &&
        Math.round(q.ask * 100) === b.asks.price[0] &&
        q.bidSize === b.bids.size[0] &&
        q.askSize === b.asks.size[0] &&
        q.volume === st.volume &&
        q.last === st.last
      )
        return;
    } else if (q.last === st.last) return;
    st.quote = this.makeQuote(st, t);
    if (this.listeners.length > 0) this.emit({ type: 'quote', quote: st.quote });
  }

  private beginDay(s: Session, t: number): void {
    if (this.dayDate !== s.date) {
      this.dayDate = s.date;
      this.squeezeMs = 0;
      for (const st of [...this.states, this.spx]) {
        st.prevClose = st.last;
        st.open = st.high = st.low = st.last;
        st.refPrice = st.last;
        st.tradedToday = false;
        st.volume = 0;
        st.pv = 0;
        st.lastSize = 0;
      }
    }
    this.dayActive = true;
    this.barStart = Math.floor(t / BAR_5S_MS) * BAR_5S_MS;
    const minute = Math.floor(t / MINUTE_MS) * MINUTE_MS;
    for (const st of this.barStates()) {
      st.bar5.reset(this.barStart, st.last);
      st.barMinute.reset(minute, st.last);
    }
  }

  private endDay(): void {
    this.closeBars(this.session.close);
    for (const st of this.barStates()) this.closeMinute(st);
    this.dayActive = false;
  }

  private barStates(): SymbolState[] {
    return [...this.traded, this.spx];
  }

  /** Closes the running 5-second bars and starts the next ones at `next`. */
  private closeBars(next: number): void {
    for (const st of this.traded) this.closeBar(st, next);
    this.closeBar(this.spx, next);
    this.barStart = next;
  }

  private closeBar(st: SymbolState, next: number): void {
    const bar = st.bar5.toBar(st.symbol);
    st.bars5s.push(bar);
    if (st.bars5s.length > 2 * BARS_5S_KEPT) st.bars5s.splice(0, st.bars5s.length - BARS_5S_KEPT);
    if (this.listeners.length > 0) this.emit({ type: 'bar', bar });
    const minute = Math.floor(bar.ts / MINUTE_MS) * MINUTE_MS;
    if (minute !== st.barMinute.start) {
      this.closeMinute(st);
      st.barMinute.reset(minute, bar.open);
    }
    st.barMinute.addBar(bar);
    const nextMinute = Math.floor(next / MINUTE_MS) * MINUTE_MS;
    if (nextMinute !== minute) {
      this.closeMinute(st);
      st.barMinute.reset(nextMinute, st.last);
    }
    st.bar5.reset(next, st.last);
  }

  private closeMinute(st: SymbolState): void {
    if (!st.barMinute.touched) return;
    st.minuteBars.push(st.barMinute.toBar(st.symbol));
    st.barMinute.touched = false;
  }

  /** Prepends the synthesised sessions before today's history, once per symbol, on first use. */
  private loadPriorHistory(st: SymbolState): void {
    if (st.priorLoaded) return;
    st.priorLoaded = true;
    if (this.historyDays <= 0) return;
    if (st.isIndex) {
      this.loadPriorHistory(this.spy);
      const spyPrior = this.spy.minuteBars.filter((b) => b.ts < this.anchor.open);
      st.minuteBars = [...spyPrior.map((b) => scaleBar(b, 'SPX', SPX_PER_SPY)), ...st.minuteBars];
      return;
    }
    const sessions: { session: Session; end: number }[] = [];
    let d = this.anchor.date;
    for (let i = 0; i < this.historyDays; i++) {
      d = prevTradingDay(d);
      const s = sessionOf(d);
      sessions.unshift({ session: s, end: s.close });
    }
    const rng = new Rng(deriveSeed(this.seed, `history-prior:${st.symbol}`));
    const { bars } = synthesizeMinutes(st.history, sessions, st.historyPrevClose, rng);
    st.minuteBars = [...bars, ...st.minuteBars];
  }
}

function levels(side: BookSide): BookLevel[] {
  const out: BookLevel[] = [];
  for (let i = 0; i < side.count; i++) {
    out.push({ price: side.price[i]! / 100, size: side.size[i]!, venue: VENUES[side.venue[i]!] ?? 'NSDQ' });
  }
  return out;
}

function spec2book(spec: SymbolSpec): {
  levelGap: readonly [number, number];
  levelSize: number;
  nasdaq: boolean;
} {
  return { levelGap: spec.levelGap, levelSize: spec.levelSize, nasdaq: spec.nasdaq };
}

function scaleBar(b: Bar, symbol: string, k: number): Bar {
  return {
    symbol,
    ts: b.ts,
    open: round2(b.open * k),
    high: round2(b.high * k),
    low: round2(b.low * k),
    close: round2(b.close * k),
    volume: 0,
    vwap: round2(b.close * k),
    count: 0,
  };
}

/** Creates a seeded, deterministic market model (see MarketModel). */
export function createMarketModel(opts: MarketModelOptions): SimMarketModel {
  return new Market(opts);
}
