// Server → client messages at server version 193. Field lists follow @stoqey/ib 1.6.10's decoder
// (core/io/decoder.js), which reads them strictly: one field too many or too few is a 505.
// Market-data messages take a pre-encoded head (message id, version, request id) built once per
// subscription, so the hot path only writes the changing fields.
import { In, UNSET_DOUBLE } from './ids';
import { preEncode, type FrameWriter } from './writer';

// ---------------------------------------------------------------------------------------------
// Heads (built once per subscription)

export const heads = {
  tickPrice: (reqId: number) => preEncode(In.TICK_PRICE, 6, reqId),
  tickSize: (reqId: number) => preEncode(In.TICK_SIZE, 6, reqId),
  tickString: (reqId: number) => preEncode(In.TICK_STRING, 6, reqId),
  tickGeneric: (reqId: number) => preEncode(In.TICK_GENERIC, 6, reqId),
  tickOptionComputation: (reqId: number) => preEncode(In.TICK_OPTION_COMPUTATION, reqId),
  depthL2: (reqId: number) => preEncode(In.MARKET_DEPTH_L2, 1, reqId),
  realTimeBar: (reqId: number) => preEncode(In.REAL_TIME_BARS, 3, reqId),
  tickByTick: (reqId: number, type: number) => preEncode(In.TICK_BY_TICK, reqId, type),
};

// ---------------------------------------------------------------------------------------------
// Market data (hot path)

/** TICK_PRICE v6: tickType, price, size, attrMask (bit0 canAutoExecute, bit1 pastLimit, bit2 preOpen). */
export function tickPrice(
  w: FrameWriter,
  head: Uint8Array,
  tickType: number,
  price: number,
  size: number,
  attrMask = 0,
): void {
  w.begin().raw(head).int(tickType).num(price).num(size).int(attrMask).end();
}

export function tickSize(w: FrameWriter, head: Uint8Array, tickType: number, size: number): void {
  w.begin().raw(head).int(tickType).num(size).end();
}

export function tickString(w: FrameWriter, head: Uint8Array, tickType: number, value: string): void {
  w.begin().raw(head).int(tickType).ascii(value).end();
}

export function tickGeneric(w: FrameWriter, head: Uint8Array, tickType: number, value: number): void {
  w.begin().raw(head).int(tickType).num(value).end();
}

export interface OptionComputation {
  iv: number;
  delta: number;
  optPrice: number;
  pvDividend: number;
  gamma: number;
  vega: number;
  theta: number;
  undPrice: number;
}

/** TICK_OPTION_COMPUTATION (no version from v156): tickType, tickAttrib, iv, delta, optPrice, pvDividend, gamma, vega, theta, undPrice. */
export function tickOptionComputation(
  w: FrameWriter,
  head: Uint8Array,
  tickType: number,
  c: OptionComputation,
): void {
  w.begin()
    .raw(head)
    .int(tickType)
    .int(1) // price-based volatility
    .num(c.iv)
    .num(c.delta)
    .num(c.optPrice)
    .num(c.pvDividend)
    .num(c.gamma)
    .num(c.vega)
    .num(c.theta)
    .num(c.undPrice)
    .end();
}

/** MARKET_DEPTH_L2: position, marketMaker, operation (0 insert/1 update/2 delete), side (0 ask/1 bid), price, size, isSmartDepth. */
export function depthL2(
  w: FrameWriter,
  head: Uint8Array,
  position: number,
  marketMaker: string,
  operation: number,
  side: number,
  price: number,
  size: number,
  isSmartDepth: boolean,
): void {
  w.begin()
    .raw(head)
    .int(position)
    .ascii(marketMaker)
    .int(operation)
    .int(side)
    .num(price)
    .num(size)
    .bool(isSmartDepth)
    .end();
}

/** REAL_TIME_BARS v3: time (epoch s), open, high, low, close, volume, wap, count. */
export function realTimeBar(
  w: FrameWriter,
  head: Uint8Array,
  timeSec: number,
  open: number,
  high: number,
  low: number,
  close: number,
  volume: number,
  wap: number,
  count: number,
): void {
  w.begin()
    .raw(head)
    .int(timeSec)
    .num(open)
    .num(high)
    .num(low)
    .num(close)
    .num(volume)
    .num(wap)
    .int(count)
    .end();
}

/** TICK_BY_TICK Last/AllLast: time, price, size, mask (b0 pastLimit, b1 unreported), exchange, specialConditions. */
export function tickByTickLast(
  w: FrameWriter,
  head: Uint8Array,
  timeSec: number,
  price: number,
  size: number,
  exchange: string,
  specialConditions: string,
): void {
  w.begin().raw(head).int(timeSec).num(price).num(size).int(0).ascii(exchange).ascii(specialConditions).end();
}

/** TICK_BY_TICK BidAsk: time, bid, ask, bidSize, askSize, mask. */
export function tickByTickBidAsk(
  w: FrameWriter,
  head: Uint8Array,
  timeSec: number,
  bid: number,
  ask: number,
  bidSize: number,
  askSize: number,
): void {
  w.begin().raw(head).int(timeSec).num(bid).num(ask).num(bidSize).num(askSize).int(0).end();
}

export function tickByTickMidPoint(w: FrameWriter, head: Uint8Array, timeSec: number, mid: number): void {
  w.begin().raw(head).int(timeSec).num(mid).end();
}

// ---------------------------------------------------------------------------------------------
// Session and request/response messages (cold path)

export function nextValidId(w: FrameWriter, orderId: number): void {
  w.message([In.NEXT_VALID_ID, 1, orderId]);
}

export function managedAccounts(w: FrameWriter, accounts: string): void {
  w.message([In.MANAGED_ACCTS, 1, accounts]);
}

/** ERR_MSG v2: id (-1 = not request-bound; the client then emits `info`), code, message, advancedOrderRejectJson. */
export function errorMessage(w: FrameWriter, id: number, code: number, message: string): void {
  w.message([In.ERR_MSG, 2, id, code, message, '']);
}

export function currentTime(w: FrameWriter, epochSec: number): void {
  w.message([In.CURRENT_TIME, 1, epochSec]);
}

export function marketDataType(w: FrameWriter, reqId: number, type: number): void {
  w.message([In.MARKET_DATA_TYPE, 1, reqId, type]);
}

/** TICK_REQ_PARAMS (no version): minTick, bboExchange, snapshotPermissions. */
export function tickReqParams(
  w: FrameWriter,
  reqId: number,
  minTick: number,
  bboExchange: string,
  snapshotPermissions: number,
): void {
  w.message([In.TICK_REQ_PARAMS, reqId, minTick, bboExchange, snapshotPermissions]);
}

export function tickSnapshotEnd(w: FrameWriter, reqId: number): void {
  w.message([In.TICK_SNAPSHOT_END, 1, reqId]);
}

export function contractDataEnd(w: FrameWriter, reqId: number): void {
  w.message([In.CONTRACT_DATA_END, 1, reqId]);
}

export function openOrderEnd(w: FrameWriter): void {
  w.message([In.OPEN_ORDER_END, 1]);
}

export function executionDataEnd(w: FrameWriter, reqId: number): void {
  w.message([In.EXECUTION_DATA_END, 1, reqId]);
}

export function positionEnd(w: FrameWriter): void {
  w.message([In.POSITION_END, 1]);
}

export function accountSummary(
  w: FrameWriter,
  reqId: number,
  account: string,
  tag: string,
  value: string,
  currency: string,
): void {
  w.message([In.ACCOUNT_SUMMARY, 1, reqId, account, tag, value, currency]);
}

export function accountSummaryEnd(w: FrameWriter, reqId: number): void {
  w.message([In.ACCOUNT_SUMMARY_END, 1, reqId]);
}

/** PNL (no version): daily, unrealized, realized. */
export function pnl(
  w: FrameWriter,
  reqId: number,
  daily: number,
  unrealized: number,
  realized: number,
): void {
  w.message([In.PNL, reqId, daily, unrealized, realized]);
}

/** PNL_SINGLE (no version): pos, daily, unrealized, realized, value. */
export function pnlSingle(
  w: FrameWriter,
  reqId: number,
  pos: number,
  daily: number,
  unrealized: number,
  realized: number,
  value: number,
): void {
  w.message([In.PNL_SINGLE, reqId, pos, daily, unrealized, realized, value]);
}

/** ORDER_STATUS (no version from v131). */
export function orderStatus(
  w: FrameWriter,
  s: {
    orderId: number;
    status: string;
    filled: number;
    remaining: number;
    avgFillPrice: number;
    permId: number;
    parentId: number;
    lastFillPrice: number;
    clientId: number;
    whyHeld: string;
    mktCapPrice: number;
  },
): void {
  w.message([
    In.ORDER_STATUS,
    s.orderId,
    s.status,
    s.filled,
    s.remaining,
    s.avgFillPrice,
    s.permId,
    s.parentId,
    s.lastFillPrice,
    s.clientId,
    s.whyHeld,
    s.mktCapPrice,
  ]);
}

/** COMMISSION_REPORT v1: execId, commission, currency, realizedPNL, yield, yieldRedemptionDate. */
export function commissionReport(
  w: FrameWriter,
  execId: string,
  commission: number,
  currency: string,
  realizedPnl: number | undefined,
): void {
  w.message([
    In.COMMISSION_REPORT,
    1,
    execId,
    commission,
    currency,
    realizedPnl === undefined ? UNSET_DOUBLE : realizedPnl,
    UNSET_DOUBLE,
    0,
  ]);
}

/** SECURITY_DEFINITION_OPTION_PARAMETER (no version). */
export function secDefOptParams(
  w: FrameWriter,
  reqId: number,
  exchange: string,
  underlyingConId: number,
  tradingClass: string,
  multiplier: number,
  expirations: readonly string[],
  strikes: readonly number[],
): void {
  w.begin().int(In.SECURITY_DEFINITION_OPTION_PARAMETER).int(reqId).ascii(exchange).int(underlyingConId);
  w.ascii(tradingClass).num(multiplier).int(expirations.length);
  for (const e of expirations) w.ascii(e);
  w.int(strikes.length);
  for (const k of strikes) w.num(k);
  w.end();
}

export function secDefOptParamsEnd(w: FrameWriter, reqId: number): void {
  w.message([In.SECURITY_DEFINITION_OPTION_PARAMETER_END, reqId]);
}

export function completedOrdersEnd(w: FrameWriter): void {
  w.message([In.COMPLETED_ORDERS_END]);
}
