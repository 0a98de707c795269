// The gateway side of the service: drives the connection state machine with real sockets and timers,
// runs the liveness check, (re)subscribes everything, applies the per-request error policy and routes
// every market-data message by request id into the symbol and option feeds.
import { isMarketOpen, type Clock, type IbkrError } from '@alphatrader/shared';
import type { Logger } from 'pino';
import { Backoff } from '../core/backoff';
import { codePolicy } from '../core/codes';
import { ConnectionMachine, type ConnAction } from '../core/connection';
import { LivenessMonitor } from '../core/liveness';
import type { OptionContractSpec, OptionFeed } from '../core/options';
import type { IngestSettings } from '../core/settings';
import { chooseAccount, type IngestState } from '../core/state';
import { SubscriptionTable, wantedKinds, type Subscription, type SubKind } from '../core/subscriptions';
import type { SymbolFeed } from '../core/symbol-feed';
import { IbSession, type SessionHandler } from './ib-session';

interface Route {
  sub: Subscription;
  feed: SymbolFeed | null;
  option: OptionFeed | null;
}

export interface GatewayDeps {
  settings: IngestSettings;
  state: IngestState;
  /** Market time (ctx.clock): market hours and every timestamp written. */
  clock: Clock;
  logger: Logger;
  /** Runtime status (heartbeat, /healthz). */
  setStatus(status: 'running' | 'degraded', reason: string | null): void;
  /** Runs after every chunk read from the gateway socket (the writer flushes there when due). */
  afterChunk?: () => void;
  /** Monotonic wall time in ms (default performance.now). */
  wall?: () => number;
  random?: () => number;
}

const TICK_MS = 250;
/** Decoding per event-loop turn before yielding to timers and Redis replies, in slices of this size. */
const READ_BUDGET_MS = 1;
const READ_SLICE_BYTES = 8 * 1024;
const MAX_MESSAGE = 500;

export class Gateway implements SessionHandler {
  private readonly settings: IngestSettings;
  private readonly state: IngestState;
  private readonly clock: Clock;
  private readonly log: Logger;
  private readonly wall: () => number;
  private readonly machine: ConnectionMachine;
  private readonly liveness: LivenessMonitor;
  private readonly subs = new SubscriptionTable(1);
  private readonly routes = new Map<number, Route>();
  private session: IbSession | null = null;
  private retryTimer: NodeJS.Timeout | undefined;
  private connectTimer: NodeJS.Timeout | undefined;
  private tickTimer: NodeJS.Timeout | undefined;
  private readonly requestRetries = new Set<NodeJS.Timeout>();
  private readonly depthWarned = new Set<string>();
  private readonly lastResync = new Map<string, number>();
  private handlerErrors = 0;
  /** Wall and market-clock times of the message being handled. */
  private msgWall = 0;
  private msgClock = 0;
  /**
   * Arrival (wall) and market-clock times of the socket slice being decoded, while reads are paced: every
   * message of a slice arrived with it, so both are read once per slice, not per message; -1 = unpaced.
   */
  private sliceWall = -1;
  private sliceClock = 0;
  /** Estimated wall time at which the client library's outgoing rate limiter will be empty. */
  private sendFreeAt = 0;
  /** The managed-accounts list of the current session. */
  private accountsList: string | null = null;

  constructor(private readonly deps: GatewayDeps) {
    this.settings = deps.settings;
    this.state = deps.state;
    this.clock = deps.clock;
    this.log = deps.logger;
    this.wall = deps.wall ?? (() => performance.now());
    const r = this.settings.reconnect;
    this.machine = new ConnectionMachine({
      clientId: this.settings.clientId,
      clientIdAttempts: this.settings.clientIdAttempts,
      backoff: new Backoff(r.initialDelayMs, r.maxDelayMs, deps.random),
      stableAfterMs: Math.max(r.maxDelayMs, 10_000),
    });
    this.liveness = new LivenessMonitor(this.settings.liveness);
  }

  get connectionState(): string {
    return this.machine.state;
  }

  get clientId(): number {
    return this.machine.clientId;
  }

  /** Whether the current session's reads are paced (false before a session or if the library changed). */
  get pacedReads(): boolean {
    return this.session?.paced ?? false;
  }

  get subscriptionCount(): number {
    return this.subs.size;
  }

  /** Request ids by kind, for diagnostics and tests. */
  subscriptions(): Subscription[] {
    return this.subs.all();
  }

  start(): void {
    this.tickTimer = setInterval(() => this.tick(), TICK_MS);
    this.apply(this.machine.handle({ type: 'start', now: this.wall() }));
  }

  /** Stops reconnecting and closes the session; ibkr:connected becomes 0 in the state. */
  stop(): void {
    clearInterval(this.tickTimer);
    clearTimeout(this.retryTimer);
    clearTimeout(this.connectTimer);
    for (const t of this.requestRetries) clearTimeout(t);
    this.requestRetries.clear();
    this.apply(this.machine.handle({ type: 'stop' }));
  }

  // ---- option subscriptions (driven by the lease poller) -----------------------------------------

  optionContracts(): Set<string> {
    return new Set(this.state.options.keys());
  }

  addOption(spec: OptionContractSpec): void {
    if (this.state.options.has(spec.occ)) return;
    const feed = this.state.addOption(spec);
    if (this.session !== null && this.machine.state === 'ready')
      this.request('option', spec.underlying, feed);
  }

  removeOption(occ: string): void {
    const sub = this.subs.find('option', occ);
    if (sub !== undefined) this.cancel(sub);
    this.state.removeOption(occ);
  }

  // ---- connection actions --------------------------------------------------------------------------

  private apply(actions: ConnAction[]): void {
    for (const a of actions) {
      switch (a.type) {
        case 'connect':
          this.openSession(a.clientId);
          break;
        case 'teardown':
          this.closeSession(a.reason);
          break;
        case 'schedule_retry':
          clearTimeout(this.retryTimer);
          this.log.info(
            { delayMs: a.delayMs, clientId: this.machine.clientId },
            'reconnecting after backoff',
          );
          this.retryTimer = setTimeout(
            () => this.apply(this.machine.handle({ type: 'retry', now: this.wall() })),
            a.delayMs,
          );
          break;
        case 'set_connected':
          this.state.setConnected(a.value);
          break;
        case 'subscribe_all':
          this.subscribeAll(a.fresh);
          break;
        case 'count_reconnect':
          this.state.metrics.reconnects++;
          break;
        case 'status':
          this.deps.setStatus(a.status, a.reason);
          break;
      }
    }
  }

  private openSession(clientId: number): void {
    this.session?.close();
    this.sendFreeAt = 0;
    const s = this.settings;
    this.log.info({ host: s.host, port: s.port, clientId }, 'connecting to the gateway');
    this.session = new IbSession(
      {
        host: s.host,
        port: s.port,
        maxRequestsPerSecond: s.maxRequestsPerSecond,
        readBudgetMs: READ_BUDGET_MS,
        readSliceBytes: READ_SLICE_BYTES,
        afterChunk: this.deps.afterChunk ?? (() => undefined),
        now: this.wall,
      },
      this,
    );
    this.session.connect(clientId);
    clearTimeout(this.connectTimer);
    this.connectTimer = setTimeout(
      () => this.apply(this.machine.handle({ type: 'connect_timeout', now: this.wall() })),
      s.connectTimeoutMs,
    );
  }

  private closeSession(reason: string): void {
    clearTimeout(this.connectTimer);
    if (this.session !== null) this.log.warn({ reason }, 'gateway session closed');
    this.session?.close();
    this.session = null;
    this.accountsList = null;
    this.subs.clear();
    this.routes.clear();
    this.state.metrics.subscriptions = 0;
    this.state.setAccount(null);
  }

  private subscribeAll(fresh: boolean): void {
    const session = this.session;
    if (session === null) return;
    if (!fresh) for (const sub of this.subs.all()) this.cancel(sub);
    this.subs.clear();
    this.routes.clear();
    for (const feed of this.state.feedList) {
      feed.resetBook();
      feed.tapeFromTickByTick = feed.level2;
      for (const kind of wantedKinds(feed.level2, feed.depthEnabled)) this.request(kind, feed.symbol, feed);
    }
    for (const option of this.state.options.values()) this.request('option', option.spec.underlying, option);
    this.log.info(
      { subscriptions: this.subs.size, fresh },
      fresh ? 'subscribed' : 'resubscribed (data lost)',
    );
  }

  private request(kind: SubKind, symbol: string, target: SymbolFeed | OptionFeed): void {
    const session = this.session;
    if (session === null) return;
    const isOption = kind === 'option';
    const option = isOption ? (target as OptionFeed) : null;
    const sub = this.subs.add(kind, symbol, option?.spec.occ ?? null);
    this.routes.set(sub.reqId, { sub, feed: isOption ? null : (target as SymbolFeed), option });
    this.queuedRequest();
    switch (kind) {
      case 'quote':
        session.reqQuote(sub.reqId, symbol);
        break;
      case 'depth':
        // TWS sends the whole book again as inserts: start from an empty one.
        (target as SymbolFeed).resetBook();
        session.reqDepth(sub.reqId, symbol, this.settings.depthLevels);
        break;
      case 'bars':
        session.reqBars(sub.reqId, symbol);
        break;
      case 'tape':
        session.reqTape(sub.reqId, symbol);
        break;
      case 'option':
        session.reqOption(sub.reqId, option!.spec);
        break;
    }
    this.state.metrics.subscriptions = this.subs.size;
  }

  private cancel(sub: Subscription): void {
    this.subs.remove(sub.reqId);
    this.routes.delete(sub.reqId);
    this.state.metrics.subscriptions = this.subs.size;
    const session = this.session;
    if (session === null) return;
    this.queuedRequest();
    switch (sub.kind) {
      case 'quote':
      case 'option':
        session.cancelQuote(sub.reqId);
        break;
      case 'depth':
        session.cancelDepth(sub.reqId);
        break;
      case 'bars':
        session.cancelBars(sub.reqId);
        break;
      case 'tape':
        session.cancelTape(sub.reqId);
        break;
    }
  }

  /** Every request goes through the library's rate limiter (maxRequestsPerSecond); keep an estimate of its backlog. */
  private queuedRequest(): void {
    const spacing = 1000 / (this.settings.maxRequestsPerSecond * 0.9);
    this.sendFreeAt = Math.max(this.wall(), this.sendFreeAt) + spacing;
  }

  // ---- periodic: liveness, depth resync --------------------------------------------------------------

  private tick(): void {
    if (this.session === null) return;
    const state = this.machine.state;
    if (state !== 'ready' && state !== 'lost') return;
    const now = this.wall();
    const verdict = this.liveness.check(
      now,
      isMarketOpen(this.clock.now()),
      state === 'ready' && this.subs.size > 0,
      Math.max(0, this.sendFreeAt - now),
    );
    if (verdict === 'probe') {
      this.log.trace({ sendDelayMs: Math.round(Math.max(0, this.sendFreeAt - now)) }, 'liveness probe');
      this.queuedRequest();
      this.session.probe();
    } else if (verdict === 'probe_timeout' || verdict === 'silent_socket') {
      this.log.warn(
        { verdict, silentMs: Math.round(this.liveness.silentFor(now)) },
        'gateway socket looks dead',
      );
      this.apply(this.machine.handle({ type: 'liveness_failed', now, reason: verdict }));
      return;
    }
    if (state === 'ready') this.resyncBooks(now);
  }

  /** Re-requests depth for books that lost sync with TWS, at most once per interval per symbol. */
  private resyncBooks(now: number): void {
    for (const feed of this.state.feedList) {
      if (!feed.needsResync || !feed.depthEnabled) continue;
      const last = this.lastResync.get(feed.symbol) ?? -Infinity;
      if (now - last < this.settings.depthResyncMinIntervalMs) continue;
      this.lastResync.set(feed.symbol, now);
      const sub = this.subs.find('depth', feed.symbol);
      if (sub !== undefined) this.cancel(sub);
      feed.resetBook();
      this.log.info({ symbol: feed.symbol }, 'depth book out of sync: re-requesting');
      this.request('depth', feed.symbol, feed);
    }
  }

  // ---- SessionHandler: connection --------------------------------------------------------------------

  onSocketOpen(): void {
    this.log.debug('socket open, handshake done');
  }

  onReady(): void {
    if (this.machine.state !== 'connecting') return;
    clearTimeout(this.connectTimer);
    this.liveness.sessionStarted(this.wall());
    this.log.info({ clientId: this.machine.clientId }, 'gateway session ready');
    this.apply(this.machine.handle({ type: 'ready', now: this.wall() }));
    if (this.accountsList !== null) this.useAccounts(this.accountsList);
  }

  /** TWS names the accounts before the session is ready; ibkr:account is published with the session. */
  onAccounts(accountsList: string): void {
    this.accountsList = accountsList;
    const state = this.machine.state;
    if (state === 'ready' || state === 'lost') this.useAccounts(accountsList);
  }

  private useAccounts(accountsList: string): void {
    const { account, problem } = chooseAccount(
      accountsList.split(','),
      this.settings.account,
      this.clock.now(),
    );
    if (problem !== null) {
      this.log.error({ problem }, 'account problem');
      this.deps.setStatus('degraded', problem);
    }
    this.state.setAccount(account);
  }

  onClosed(reason: string): void {
    this.apply(this.machine.handle({ type: 'closed', now: this.wall(), reason }));
  }

  onCurrentTime(): void {
    this.log.trace('liveness probe answered');
    this.liveness.onProbeAnswer();
  }

  onMessage(code: number, reqId: number, message: string): void {
    const route = reqId >= 0 ? this.routes.get(reqId) : undefined;
    const policy = codePolicy(code);
    const symbol = route?.sub.symbol ?? null;
    if (policy.kind === 'unknown_request' && this.subs.wasCancelled(reqId)) return;
    this.recordError({ code, message: message.slice(0, MAX_MESSAGE), reqId, symbol, ts: this.clock.now() });
    const fields = { code, reqId, symbol, kind: policy.kind, msg: message.slice(0, 200) };
    if (policy.kind === 'malformed') {
      this.state.reject('malformed_message', symbol ?? '-', message.slice(0, 200));
      return;
    }
    this.log[policy.level](fields, 'gateway message');
    switch (policy.kind) {
      case 'depth_unavailable':
        if (route !== undefined) this.depthUnavailable(route, code);
        return;
      case 'depth_reset':
        route?.feed?.resetBook();
        return;
      case 'competing_session':
        if (route !== undefined) this.retryLater(route, `competing live session (${code})`);
        return;
      case 'request_failed':
        if (route !== undefined) this.requestFailed(route, code);
        return;
      default:
        this.apply(this.machine.handle({ type: 'code', now: this.wall(), code, reqId }));
    }
  }

  private recordError(e: IbkrError): void {
    this.state.recordError(e);
  }

  /** 2152/309/10092: no depth for this symbol — log once, serve it from level 1. */
  private depthUnavailable(route: Route, code: number): void {
    const feed = route.feed;
    if (feed === null || route.sub.kind !== 'depth') return;
    if (!this.depthWarned.has(feed.symbol)) {
      this.depthWarned.add(feed.symbol);
      this.log.warn({ symbol: feed.symbol, code }, 'no depth permission: falling back to level 1');
    }
    this.cancel(route.sub);
    feed.fallBackToLevel1();
  }

  /** 10197: cancel now, ask again later (the other session may have gone). */
  private retryLater(route: Route, reason: string): void {
    const { sub } = route;
    this.cancel(sub);
    const target = route.feed ?? route.option;
    if (target === null) return;
    this.log.warn(
      { symbol: sub.symbol, kind: sub.kind, retryMs: this.settings.competingSessionRetryMs },
      reason,
    );
    const timer = setTimeout(() => {
      this.requestRetries.delete(timer);
      if (this.machine.state !== 'ready') return; // a new session subscribes everything anyway
      if (route.option !== null && !this.state.options.has(route.option.spec.occ)) return;
      this.request(sub.kind, sub.symbol, target);
    }, this.settings.competingSessionRetryMs);
    this.requestRetries.add(timer);
  }

  /** A refused request: drop it; a refused tape falls back to RTVolume prints, refused depth to level 1. */
  private requestFailed(route: Route, code: number): void {
    const { sub, feed } = route;
    this.subs.remove(sub.reqId);
    this.routes.delete(sub.reqId);
    this.state.metrics.subscriptions = this.subs.size;
    if (feed !== null && sub.kind === 'tape') feed.tapeFromTickByTick = false;
    if (feed !== null && sub.kind === 'depth') feed.fallBackToLevel1();
    this.log.warn({ symbol: sub.symbol, kind: sub.kind, code }, 'request refused by the gateway');
  }

  // ---- SessionHandler: market data (hot path) -------------------------------------------------------

  onSlice(arrivedAt: number): void {
    this.sliceWall = arrivedAt;
    this.sliceClock = this.clock.now();
  }

  private route(reqId: number): Route | undefined {
    const r = this.routes.get(reqId);
    if (r === undefined) {
      // Late data of a cancelled request is expected; anything else is a stray id.
      if (!this.subs.wasCancelled(reqId)) this.state.reject('unknown_request', '-', `request id ${reqId}`);
      return undefined;
    }
    this.state.metrics.messages++;
    const paced = this.sliceWall >= 0;
    const wall = paced ? this.sliceWall : this.wall();
    this.msgWall = wall;
    this.msgClock = paced ? this.sliceClock : this.clock.now();
    this.liveness.onData(wall);
    if (this.machine.wantsDataEvents) this.apply(this.machine.handle({ type: 'data', now: wall }));
    return r;
  }

  onTickPrice(reqId: number, tickType: number, price: number): void {
    const r = this.route(reqId);
    if (r === undefined) return;
    const wall = this.msgWall;
    if (r.feed !== null) r.feed.onTickPrice(tickType, price, this.msgClock, wall, wall);
    else if (r.option !== null && !r.option.onTickPrice(tickType, price, this.msgClock, wall))
      this.state.reject('bad_option_tick', r.sub.symbol, `${r.option.spec.occ} price ${tickType}=${price}`);
  }

  onTickSize(reqId: number, tickType: number, size: number): void {
    const r = this.route(reqId);
    if (r === undefined) return;
    const wall = this.msgWall;
    if (r.feed !== null) r.feed.onTickSize(tickType, size, this.msgClock, wall, wall);
    else if (r.option !== null && !r.option.onTickSize(tickType, size, this.msgClock, wall))
      this.state.reject('bad_option_tick', r.sub.symbol, `${r.option.spec.occ} size ${tickType}=${size}`);
  }

  onTickString(reqId: number, tickType: number, value: string): void {
    const r = this.route(reqId);
    if (r?.feed == null) return;
    const wall = this.msgWall;
    r.feed.onTickString(tickType, String(value), this.msgClock, wall, wall);
  }

  onDepth(
    reqId: number,
    position: number,
    marketMaker: string | undefined,
    operation: number,
    side: number,
    price: number,
    size: number,
  ): void {
    const r = this.route(reqId);
    if (r?.feed == null) return;
    const wall = this.msgWall;
    r.feed.onDepth(position, marketMaker, operation, side, price, size, this.msgClock, wall, wall);
  }

  onTape(
    reqId: number,
    /** Epoch seconds; a string when the library decoded the message. */
    time: string | number,
    price: number,
    size: number,
    exchange: string,
    specialConditions: string,
  ): void {
    const r = this.route(reqId);
    if (r?.feed == null) return;
    const wall = this.msgWall;
    r.feed.onTape(time, price, size, exchange, specialConditions, this.msgClock, wall, wall);
  }

  onBar(
    reqId: number,
    time: number,
    open: number,
    high: number,
    low: number,
    close: number,
    volume: number,
    wap: number,
    count: number,
  ): void {
    const r = this.route(reqId);
    if (r?.feed == null) return;
    const wall = this.msgWall;
    r.feed.onBar(time, open, high, low, close, volume, wap, count, this.msgClock, wall, wall);
  }

  onOptionComputation(
    reqId: number,
    tickType: number,
    iv: number | undefined,
    delta: number | undefined,
    gamma: number | undefined,
    vega: number | undefined,
    theta: number | undefined,
    undPrice: number | undefined,
  ): void {
    const r = this.route(reqId);
    if (r?.option == null) return;
    r.option.onOptionComputation(
      tickType,
      iv,
      delta,
      gamma,
      vega,
      theta,
      undPrice,
      this.msgClock,
      this.msgWall,
    );
  }

  onHandlerError(err: unknown, event: string): void {
    this.handlerErrors++;
    if (this.handlerErrors <= 10 || this.handlerErrors % 1000 === 0)
      this.log.error({ err, event, count: this.handlerErrors }, 'message handler failed');
  }
}
