// Request dispatch: one handler per request type.
import type { Request } from '../codec/decoder';
import type { SimContext } from '../context';
import type { Session } from '../session';
import * as account from './account';
import * as contracts from './contracts';
import * as md from './market-data';
import * as orders from './orders';

export { onHandshake, onStartApi } from './connect';
export { routeBrokerEvent } from './orders';
export { pushAccountUpdates, writeAccountSummary, writePnl, writePnlSingle } from './account';

/** Handles one request of a connection that completed START_API. */
export function dispatch(ctx: SimContext, s: Session, r: Request): void {
  switch (r.type) {
    case 'reqMktData':
      return md.reqMktData(ctx, s, r);
    case 'cancelMktData':
      return md.cancelMktData(ctx, s, r);
    case 'reqMktDepth':
      return md.reqMktDepth(ctx, s, r);
    case 'cancelMktDepth':
      return md.cancelMktDepth(ctx, s, r);
    case 'reqRealTimeBars':
      return md.reqRealTimeBars(ctx, s, r);
    case 'cancelRealTimeBars':
      return md.cancelRealTimeBars(ctx, s, r);
    case 'reqTickByTick':
      return md.reqTickByTick(ctx, s, r);
    case 'cancelTickByTick':
      return md.cancelTickByTick(ctx, s, r);
    case 'reqContractData':
      return contracts.reqContractData(ctx, s, r);
    case 'reqSecDefOptParams':
      return contracts.reqSecDefOptParams(ctx, s, r);
    case 'placeOrder':
      return orders.placeOrder(ctx, s, r);
    case 'cancelOrder':
      return orders.cancelOrder(ctx, s, r);
    case 'reqGlobalCancel':
      return orders.reqGlobalCancel(ctx);
    case 'reqIds':
      return orders.reqIds(ctx, s);
    case 'reqOpenOrders':
      return orders.reqOpenOrders(ctx, s, r);
    case 'reqCompletedOrders':
      return orders.reqCompletedOrders(ctx, s);
    case 'reqExecutions':
      return orders.reqExecutions(ctx, s, r);
    case 'reqPositions':
      return account.reqPositions(ctx, s);
    case 'cancelPositions':
      return account.cancelPositions(ctx, s);
    case 'reqAccountSummary':
      return account.reqAccountSummary(ctx, s, r);
    case 'cancelAccountSummary':
      return account.cancelAccountSummary(ctx, s, r);
    case 'reqPnl':
      return account.reqPnl(ctx, s, r);
    case 'cancelPnl':
      return account.cancelPnl(ctx, s, r);
    case 'reqPnlSingle':
      return account.reqPnlSingle(ctx, s, r);
    case 'cancelPnlSingle':
      return account.cancelPnlSingle(ctx, s, r);
    case 'reqManagedAccts':
      return account.reqManagedAccts(ctx, s);
    case 'reqCurrentTime':
      return account.reqCurrentTime(ctx, s);
    case 'reqMarketDataType':
      // Always real-time data here; nothing to switch.
      return;
    case 'startApi':
      // A second START_API on a live connection is ignored, as TWS does.
      return;
    case 'unsupported':
      ctx.log.debug({ session: s.id, msgId: r.msgId }, 'request not simulated, ignored');
      return;
  }
}
