// The paper broker: orders, fills, positions and account state of the simulated account. It lives
// beside the connections (not in them), so everything survives a client's disconnect and reconnect.
import type { MarketEvent } from '@alphatrader/market-sim';
import type { PlaceOrderRequest } from '../codec/place-order';
import { Code } from '../codec/ids';
import type { ContractRegistry, SimContract } from '../contracts';
import { executionCommission } from './core/commission';
import {
  adaptivePrice,
  adaptivePriority,
  passiveFill,
  sweep,
  type ConsumedLiquidity,
  type Print,
} from './core/matching';
import type { Fill, Level, SimExecution, SimOrder, SimPosition } from './core/types';
import { validateOrder } from './core/validate';
import { Ledger, type BrokerMarket } from './ledger';

export type { BrokerMarket } from './ledger';

export type BrokerEvent =
  | { type: 'orderStatus'; order: SimOrder; openOrder: boolean }
  | { type: 'execution'; order: SimOrder; execution: SimExecution }
  | { type: 'orderError'; clientId: number; orderId: number; code: number; message: string }
  | { type: 'position'; position: SimPosition };

export interface BrokerOptions {
  account: string;
  contracts: ContractRegistry;
  market: BrokerMarket;
  startingCash?: number;
  /** Displayed liquidity taken by our orders comes back after this much simulated time. */
  bookRefreshMs?: number;
}

export interface ExecutionFilter {
  clientId?: number;
  symbol?: string;
  secType?: string;
  side?: string;
}

const ACTIVE = new Set(['PreSubmitted', 'Submitted']);
const OPTION_VENUES = ['CBOE', 'ISE', 'PHLX', 'AMEX', 'BOX', 'MIAX'];

export class PaperBroker {
  readonly account: string;
  readonly ledger: Ledger;
  private readonly orders = new Map<string, SimOrder>();
  private readonly working = new Map<string, Set<SimOrder>>();
  private readonly executions: SimExecution[] = [];
  private readonly lastOrderId = new Map<number, number>();
  private readonly consumed = new Map<string, { since: number; taken: ConsumedLiquidity }>();
  private readonly listeners = new Set<(e: BrokerEvent) => void>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private permSeq = 1_000_001;
  private execSeq = 1;
  private rejectNext: string | undefined;
  private fillDelayMs = 0;

  constructor(private readonly opts: BrokerOptions) {
    this.account = opts.account;
    this.ledger = new Ledger(opts.account, opts.market, opts.startingCash ?? 1_000_000);
  }

  subscribe(listener: (e: BrokerEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  // ---- faults --------------------------------------------------------------------------------

  /** The next order is rejected with error 201. */
  setRejectNext(reason: string | undefined): void {
    this.rejectNext = reason;
  }

  /** Orders placed from now on do not fill before `ms` wall-clock milliseconds have passed. */
  setFillDelay(ms: number): void {
    this.fillDelayMs = Math.max(0, ms);
  }

  get faultState(): { rejectNext: boolean; fillDelayMs: number } {
    return { rejectNext: this.rejectNext !== undefined, fillDelayMs: this.fillDelayMs };
  }

  // ---- queries -------------------------------------------------------------------------------

  /** Next valid order id of a client: above every id it used, as TWS answers NEXT_VALID_ID. */
  nextOrderId(clientId: number): number {
    return (this.lastOrderId.get(clientId) ?? 0) + 1;
  }

  /** Working orders; of one client unless `clientId` is undefined. */
  openOrders(clientId?: number): SimOrder[] {
    return [...this.orders.values()].filter(
      (o) => ACTIVE.has(o.status) && (clientId === undefined || o.clientId === clientId),
    );
  }

  allOrders(): SimOrder[] {
    return [...this.orders.values()];
  }

  listExecutions(filter: ExecutionFilter = {}): SimExecution[] {
    return this.executions.filter(
      (e) =>
        (!filter.clientId || e.clientId === filter.clientId) &&
        (!filter.symbol || e.contract.symbol === filter.symbol.toUpperCase()) &&
        (!filter.secType || e.contract.secType === filter.secType.toUpperCase()) &&
        (!filter.side ||
          e.side === filter.side.toUpperCase() ||
          (filter.side.toUpperCase() === 'BUY') === (e.side === 'BOT')),
    );
  }

  positions(): SimPosition[] {
    return this.ledger.positions();
  }

  // ---- orders --------------------------------------------------------------------------------

  placeOrder(clientId: number, req: PlaceOrderRequest): void {
    const key = `${clientId}:${req.orderId}`;
    const existing = this.orders.get(key);
    const contract = this.opts.contracts.resolveOne(req.contract);
    if (existing) {
      this.modifyOrder(existing, req, contract);
      return;
    }
    this.lastOrderId.set(clientId, Math.max(this.lastOrderId.get(clientId) ?? 0, req.orderId));
    if (this.rejectNext !== undefined) {
      const reason = this.rejectNext;
      this.rejectNext = undefined;
      this.emit({
        type: 'orderError',
        clientId,
        orderId: req.orderId,
        code: Code.ORDER_REJECTED,
        message: `Order rejected - reason:${reason}`,
      });
      return;
    }
    const v = validateOrder(req, contract);
    if (!v.ok || !contract) {
      const err = v.ok
        ? {
            code: Code.NO_SECURITY_DEFINITION,
            message: 'No security definition has been found for the request',
          }
        : v;
      this.emit({ type: 'orderError', clientId, orderId: req.orderId, code: err.code, message: err.message });
      return;
    }
    const now = this.opts.market.now();
    const order: SimOrder = {
      orderId: req.orderId,
      clientId,
      permId: this.permSeq++,
      contract,
      ...v.order,
      account: this.account,
      orderRef: req.orderRef,
      outsideRth: req.outsideRth,
      algoStrategy: req.algoStrategy,
      algoParams: req.algoParams,
      status: this.canTrade(req.outsideRth) ? 'Submitted' : 'PreSubmitted',
      filled: 0,
      avgFillPrice: 0,
      lastFillPrice: 0,
      commission: 0,
      placedAt: now,
      eligibleAt: Date.now() + this.fillDelayMs,
    };
    this.orders.set(key, order);
    this.addWorking(order);
    this.emit({ type: 'orderStatus', order, openOrder: true });
    if (this.fillDelayMs > 0) {
      const t = setTimeout(() => {
        this.timers.delete(t);
        this.work(order);
      }, this.fillDelayMs);
      this.timers.add(t);
    } else {
      this.work(order);
    }
    if (order.tif === 'IOC' && ACTIVE.has(order.status) && order.eligibleAt <= Date.now())
      this.cancel(order, true);
  }

  cancelOrder(clientId: number, orderId: number): void {
    const order = this.orders.get(`${clientId}:${orderId}`);
    if (!order) {
      this.emit({
        type: 'orderError',
        clientId,
        orderId,
        code: Code.CANCEL_ORDER_NOT_FOUND,
        message: `OrderId ${orderId} that needs to be cancelled is not found.`,
      });
      return;
    }
    if (!ACTIVE.has(order.status)) {
      this.emit({
        type: 'orderError',
        clientId,
        orderId,
        code: Code.CANCEL_ORDER_NOT_CANCELLABLE,
        message: `OrderId ${orderId} that needs to be cancelled cannot be cancelled, state: ${order.status}.`,
      });
      return;
    }
    this.cancel(order, true);
  }

  /** REQ_GLOBAL_CANCEL: every working order of every client. */
  cancelAll(): void {
    for (const o of this.openOrders()) this.cancel(o, true);
  }

  // ---- market-driven matching ------------------------------------------------------------------

  onMarketEvent(ev: MarketEvent): void {
    if (this.working.size === 0) return;
    if (ev.type === 'trade') {
      const set = this.working.get(ev.trade.symbol);
      if (set) for (const o of [...set]) this.work(o, ev.trade);
    } else if (ev.type === 'quote' || ev.type === 'depth') {
      const symbol = ev.type === 'quote' ? ev.quote.symbol : ev.update.symbol;
      const set = this.working.get(symbol);
      if (set) for (const o of [...set]) this.work(o);
    }
  }

  /** Periodic pass: option orders (no events of their own) and time-driven Adaptive repricing. */
  onTimer(): void {
    for (const set of [...this.working.values()]) for (const o of [...set]) this.work(o);
  }

  stop(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }

  // ---- internals -----------------------------------------------------------------------------

  private modifyOrder(existing: SimOrder, req: PlaceOrderRequest, contract: SimContract | undefined): void {
    const v = validateOrder(req, contract);
    const sameInstrument = contract !== undefined && contract.conId === existing.contract.conId;
    if (existing.status === 'Filled' && sameInstrument) {
      this.emit({
        type: 'orderError',
        clientId: existing.clientId,
        orderId: existing.orderId,
        code: Code.CANT_MODIFY_FILLED,
        message: "Can't modify a filled order.",
      });
      return;
    }
    if (!ACTIVE.has(existing.status) || !sameInstrument || !v.ok || v.order.action !== existing.action) {
      this.emit({
        type: 'orderError',
        clientId: existing.clientId,
        orderId: existing.orderId,
        code: Code.DUPLICATE_ORDER_ID,
        message: 'Duplicate order id',
      });
      return;
    }
    if (v.order.totalQuantity < existing.filled) {
      this.emit({
        type: 'orderError',
        clientId: existing.clientId,
        orderId: existing.orderId,
        code: Code.ERROR_VALIDATING_REQUEST,
        message: "Error validating request.-'bO' : cause - The quantity is below the filled quantity",
      });
      return;
    }
    existing.totalQuantity = v.order.totalQuantity;
    existing.orderType = v.order.orderType;
    existing.lmtPrice = v.order.lmtPrice;
    existing.orderRef = req.orderRef || existing.orderRef;
    this.emit({ type: 'orderStatus', order: existing, openOrder: true });
    this.work(existing);
  }

  private canTrade(outsideRth: boolean): boolean {
    return outsideRth || this.opts.market.isSessionOpen();
  }

  private instrumentKey(c: SimContract): string {
    return c.optionId ?? c.symbol;
  }

  private addWorking(o: SimOrder): void {
    const k = this.instrumentKey(o.contract);
    let set = this.working.get(k);
    if (!set) this.working.set(k, (set = new Set()));
    set.add(o);
  }

  private removeWorking(o: SimOrder): void {
    const k = this.instrumentKey(o.contract);
    const set = this.working.get(k);
    if (!set) return;
    set.delete(o);
    if (set.size === 0) this.working.delete(k);
  }

  private cancel(order: SimOrder, notify: boolean): void {
    order.status = 'Cancelled';
    this.removeWorking(order);
    this.emit({ type: 'orderStatus', order, openOrder: true });
    if (notify) {
      this.emit({
        type: 'orderError',
        clientId: order.clientId,
        orderId: order.orderId,
        code: Code.ORDER_CANCELLED,
        message: 'Order Canceled - reason:',
      });
    }
  }

  private consumedFor(key: string, now: number): ConsumedLiquidity {
    const refresh = this.opts.bookRefreshMs ?? 1_000;
    let c = this.consumed.get(key);
    if (!c || now - c.since >= refresh) {
      c = { since: now, taken: new Map() };
      this.consumed.set(key, c);
    }
    return c.taken;
  }

  /** Tries to fill a working order against the current market (and a print, if one just happened). */
  private work(order: SimOrder, print?: Print): void {
    if (!ACTIVE.has(order.status) || Date.now() < order.eligibleAt) return;
    if (!this.canTrade(order.outsideRth)) return;
    if (order.status === 'PreSubmitted') {
      order.status = 'Submitted';
      this.emit({ type: 'orderStatus', order, openOrder: false });
    }
    const market = this.opts.market;
    const now = market.now();
    const remaining = order.totalQuantity - order.filled;
    let levels: Level[] = [];
    let bid = 0;
    let ask = 0;
    if (order.contract.optionId) {
      const q = market.optionQuote(order.contract.optionId);
      if (!q) return;
      bid = q.bid;
      ask = q.ask;
      const venue = OPTION_VENUES[order.permId % OPTION_VENUES.length] ?? 'CBOE';
      const level =
        order.action === 'BUY'
          ? { price: q.ask, size: q.askSize, venue }
          : { price: q.bid, size: q.bidSize, venue };
      if (level.price > 0 && level.size > 0) levels = [level];
    } else {
      const book = market.book(order.contract.symbol);
      if (!book) return;
      levels = order.action === 'BUY' ? book.asks : book.bids;
      bid = book.bids[0]?.price ?? 0;
      ask = book.asks[0]?.price ?? 0;
    }
    let limit = order.lmtPrice;
    if (order.algoStrategy === 'Adaptive' && limit !== undefined) {
      limit = adaptivePrice(
        order.action,
        limit,
        bid,
        ask,
        adaptivePriority(order.algoParams),
        now - order.placedAt,
      );
    }
    const fills: Fill[] = sweep({
      action: order.action,
      remaining,
      limit,
      levels,
      consumed: this.consumedFor(this.instrumentKey(order.contract), now),
    });
    const swept = fills.reduce((s, f) => s + f.qty, 0);
    if (print && limit !== undefined && remaining - swept > 0) {
      const passive = passiveFill(order.action, limit, remaining - swept, print);
      if (passive) fills.push(passive);
    }
    for (const f of fills) this.book(order, f, now);
  }

  private book(order: SimOrder, fill: Fill, now: number): void {
    const mult = order.contract.multiplier;
    const before = { qty: order.filled, value: order.filled * order.avgFillPrice * mult };
    const after = { qty: order.filled + fill.qty, value: before.value + fill.qty * fill.price * mult };
    const commission = executionCommission(order.contract.secType, before, after);
    order.filled = after.qty;
    order.avgFillPrice = after.value / after.qty / mult;
    order.lastFillPrice = fill.price;
    order.commission += commission;
    const signed = order.action === 'BUY' ? 1 : -1;
    const applied = this.ledger.book(order.contract, signed, fill.qty, fill.price, commission);
    const execution: SimExecution = {
      execId: `${order.permId.toString(16).padStart(8, '0')}.${(this.execSeq++).toString(16).padStart(8, '0')}.01.01`,
      orderId: order.orderId,
      clientId: order.clientId,
      permId: order.permId,
      contract: order.contract,
      side: order.action === 'BUY' ? 'BOT' : 'SLD',
      shares: fill.qty,
      price: fill.price,
      time: now,
      account: this.account,
      exchange: fill.venue,
      cumQty: order.filled,
      avgPrice: order.avgFillPrice,
      orderRef: order.orderRef,
      lastLiquidity: fill.liquidity,
      commission,
      realizedPnl: applied.closing ? applied.realized : undefined,
    };
    this.executions.push(execution);
    if (order.filled >= order.totalQuantity) {
      order.status = 'Filled';
      this.removeWorking(order);
    }
    this.emit({ type: 'execution', order, execution });
    this.emit({ type: 'position', position: applied.position });
  }

  private emit(e: BrokerEvent): void {
    for (const l of this.listeners) l(e);
  }
}
