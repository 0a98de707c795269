// Orders: place, cancel, open orders, executions, ids; and the broker's unsolicited order messages.
import type { BrokerEvent } from '../broker/broker';
import type { SimOrder } from '../broker/core/types';
import type { RequestOf } from '../codec/decoder';
import {
  commissionReport,
  completedOrdersEnd,
  errorMessage,
  executionDataEnd,
  nextValidId,
  openOrderEnd,
  orderStatus,
} from '../codec/encoder';
import { executionData, openOrder } from '../codec/trading';
import type { FrameWriter } from '../codec/writer';
import type { SimContext } from '../context';
import type { Session } from '../session';
import { executionTime } from '../time';

function writeOrderStatus(w: FrameWriter, o: SimOrder): void {
  orderStatus(w, {
    orderId: o.orderId,
    status: o.status,
    filled: o.filled,
    remaining: o.status === 'Cancelled' ? 0 : o.totalQuantity - o.filled,
    avgFillPrice: o.avgFillPrice,
    permId: o.permId,
    parentId: 0,
    lastFillPrice: o.lastFillPrice,
    clientId: o.clientId,
    whyHeld: '',
    mktCapPrice: 0,
  });
}

function clientIdOf(s: Session): number {
  return s.clientId ?? 0;
}

export function placeOrder(ctx: SimContext, s: Session, r: RequestOf<'placeOrder'>): void {
  ctx.broker.placeOrder(clientIdOf(s), r.order);
}

export function cancelOrder(ctx: SimContext, s: Session, r: RequestOf<'cancelOrder'>): void {
  ctx.broker.cancelOrder(clientIdOf(s), r.orderId);
}

export function reqGlobalCancel(ctx: SimContext): void {
  ctx.broker.cancelAll();
}

export function reqIds(ctx: SimContext, s: Session): void {
  nextValidId(s.w, ctx.broker.nextOrderId(clientIdOf(s)));
  s.touched();
}

/** REQ_OPEN_ORDERS (this client), REQ_ALL_OPEN_ORDERS and REQ_AUTO_OPEN_ORDERS (every client). */
export function reqOpenOrders(ctx: SimContext, s: Session, r: RequestOf<'reqOpenOrders'>): void {
  const orders = ctx.broker.openOrders(r.scope === 'client' ? clientIdOf(s) : undefined);
  for (const o of orders) {
    openOrder(s.w, o);
    writeOrderStatus(s.w, o);
  }
  openOrderEnd(s.w);
  s.touched();
}

export function reqCompletedOrders(_ctx: SimContext, s: Session): void {
  completedOrdersEnd(s.w);
  s.touched();
}

/** Today's executions matching the filter, each followed by its commission report, then the end marker. */
export function reqExecutions(ctx: SimContext, s: Session, r: RequestOf<'reqExecutions'>): void {
  const f = r.filter;
  const list = ctx.broker.listExecutions({
    clientId: f.clientId,
    symbol: f.symbol,
    secType: f.secType,
    side: f.side,
  });
  for (const e of list) {
    executionData(s.w, r.reqId, e, executionTime(e.time));
    commissionReport(s.w, e.execId, e.commission, 'USD', e.realizedPnl);
  }
  executionDataEnd(s.w, r.reqId);
  s.touched();
}

/** Broker events go to the connections of the order's client id (as TWS routes order messages). */
export function routeBrokerEvent(ctx: SimContext, e: BrokerEvent): void {
  if (e.type === 'position') return;
  const clientId = e.type === 'orderError' ? e.clientId : e.order.clientId;
  for (const s of ctx.sessions()) {
    if (s.state !== 'ready' || s.clientId !== clientId) continue;
    const w = s.w;
    switch (e.type) {
      case 'orderStatus':
        if (e.openOrder) openOrder(w, e.order);
        writeOrderStatus(w, e.order);
        break;
      case 'execution': {
        const x = e.execution;
        executionData(w, -1, x, executionTime(x.time));
        writeOrderStatus(w, e.order);
        if (e.order.status === 'Filled') openOrder(w, e.order);
        commissionReport(w, x.execId, x.commission, 'USD', x.realizedPnl);
        break;
      }
      case 'orderError':
        errorMessage(w, e.orderId, e.code, e.message);
        break;
    }
    s.touched();
  }
}
