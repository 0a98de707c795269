// Client → server requests at v193, as @stoqey/ib 1.6.10's encoder writes them (core/io/encoder.js).
// Each decoded request is validated with zod before a handler sees it.
import { z } from 'zod';
import type { ContractQuery } from '../contracts';
import { DecodeError, FieldReader } from './fields';
import { Out } from './ids';
import { readPlaceOrder, type PlaceOrderRequest } from './place-order';

export { DecodeError } from './fields';
export type { PlaceOrderRequest } from './place-order';

const reqId = z.number().int().min(0);
const contract = z.object({
  conId: z.number().int().min(0),
  symbol: z.string(),
  secType: z.string(),
  lastTradeDateOrContractMonth: z.string(),
  strike: z.number().optional(),
  right: z.string(),
  multiplier: z.string(),
  exchange: z.string(),
  primaryExch: z.string(),
  currency: z.string(),
  localSymbol: z.string(),
  tradingClass: z.string(),
});

const schemas = {
  startApi: z.object({
    type: z.literal('startApi'),
    clientId: z.number().int(),
    optionalCapabilities: z.string(),
  }),
  reqMktData: z.object({
    type: z.literal('reqMktData'),
    reqId,
    contract,
    genericTicks: z.array(z.string()),
    snapshot: z.boolean(),
    regulatorySnapshot: z.boolean(),
  }),
  cancelMktData: z.object({ type: z.literal('cancelMktData'), reqId }),
  reqMktDepth: z.object({
    type: z.literal('reqMktDepth'),
    reqId,
    contract,
    numRows: z.number().int(),
    isSmartDepth: z.boolean(),
  }),
  cancelMktDepth: z.object({ type: z.literal('cancelMktDepth'), reqId, isSmartDepth: z.boolean() }),
  reqRealTimeBars: z.object({
    type: z.literal('reqRealTimeBars'),
    reqId,
    contract,
    barSize: z.number().int(),
    whatToShow: z.string(),
    useRTH: z.boolean(),
  }),
  cancelRealTimeBars: z.object({ type: z.literal('cancelRealTimeBars'), reqId }),
  reqTickByTick: z.object({
    type: z.literal('reqTickByTick'),
    reqId,
    contract,
    tickType: z.string(),
    numberOfTicks: z.number().int().min(0),
    ignoreSize: z.boolean(),
  }),
  cancelTickByTick: z.object({ type: z.literal('cancelTickByTick'), reqId }),
  placeOrder: z.object({
    type: z.literal('placeOrder'),
    order: z.object({
      orderId: z.number().int(),
      contract,
      action: z.string(),
      totalQuantity: z.number().optional(),
      orderType: z.string(),
      lmtPrice: z.number().optional(),
      auxPrice: z.number().optional(),
      tif: z.string(),
      account: z.string(),
      orderRef: z.string(),
      transmit: z.boolean(),
      parentId: z.number().int(),
      outsideRth: z.boolean(),
      algoStrategy: z.string(),
      algoParams: z.array(z.object({ tag: z.string(), value: z.string() })),
      whatIf: z.boolean(),
    }),
  }),
  cancelOrder: z.object({ type: z.literal('cancelOrder'), orderId: z.number().int() }),
  reqIds: z.object({ type: z.literal('reqIds'), numIds: z.number().int() }),
  reqCurrentTime: z.object({ type: z.literal('reqCurrentTime') }),
  reqContractData: z.object({ type: z.literal('reqContractData'), reqId, contract }),
  reqPositions: z.object({ type: z.literal('reqPositions') }),
  cancelPositions: z.object({ type: z.literal('cancelPositions') }),
  reqAccountSummary: z.object({
    type: z.literal('reqAccountSummary'),
    reqId,
    group: z.string(),
    tags: z.string(),
  }),
  cancelAccountSummary: z.object({ type: z.literal('cancelAccountSummary'), reqId }),
  reqPnl: z.object({ type: z.literal('reqPnl'), reqId, account: z.string(), modelCode: z.string() }),
  cancelPnl: z.object({ type: z.literal('cancelPnl'), reqId }),
  reqPnlSingle: z.object({
    type: z.literal('reqPnlSingle'),
    reqId,
    account: z.string(),
    modelCode: z.string(),
    conId: z.number().int(),
  }),
  cancelPnlSingle: z.object({ type: z.literal('cancelPnlSingle'), reqId }),
  reqOpenOrders: z.object({ type: z.literal('reqOpenOrders'), scope: z.enum(['client', 'all', 'auto']) }),
  reqExecutions: z.object({
    type: z.literal('reqExecutions'),
    reqId,
    filter: z.object({
      clientId: z.number().int(),
      acctCode: z.string(),
      time: z.string(),
      symbol: z.string(),
      secType: z.string(),
      exchange: z.string(),
      side: z.string(),
    }),
  }),
  reqManagedAccts: z.object({ type: z.literal('reqManagedAccts') }),
  reqMarketDataType: z.object({ type: z.literal('reqMarketDataType'), marketDataType: z.number().int() }),
  reqGlobalCancel: z.object({ type: z.literal('reqGlobalCancel') }),
  reqCompletedOrders: z.object({ type: z.literal('reqCompletedOrders') }),
  reqSecDefOptParams: z.object({
    type: z.literal('reqSecDefOptParams'),
    reqId,
    underlyingSymbol: z.string(),
    futFopExchange: z.string(),
    underlyingSecType: z.string(),
    underlyingConId: z.number().int(),
  }),
  unsupported: z.object({ type: z.literal('unsupported'), msgId: z.number().int() }),
} as const;

type Schemas = typeof schemas;
export type Request = { [K in keyof Schemas]: z.infer<Schemas[K]> }[keyof Schemas];
export type RequestOf<T extends Request['type']> = Extract<Request, { type: T }>;

// Compile-time check that the hand-written PlaceOrderRequest matches its schema.
type _PlaceOrderMatches = PlaceOrderRequest extends RequestOf<'placeOrder'>['order'] ? true : never;
const _placeOrderMatches: _PlaceOrderMatches = true;
void _placeOrderMatches;

function decodeFields(msgId: number, r: FieldReader): Request {
  switch (msgId) {
    case Out.START_API:
      r.skip(1);
      return { type: 'startApi', clientId: r.int(), optionalCapabilities: r.remaining > 0 ? r.str() : '' };
    case Out.REQ_MKT_DATA: {
      r.skip(1);
      const id = r.int();
      const c: ContractQuery = r.contract();
      if (c.secType.toUpperCase() === 'BAG') r.skip(r.int() * 4);
      if (r.bool()) r.skip(3); // delta-neutral contract
      const genericTicks = r
        .str()
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      return {
        type: 'reqMktData',
        reqId: id,
        contract: c,
        genericTicks,
        snapshot: r.bool(),
        regulatorySnapshot: r.bool(),
      };
    }
    case Out.CANCEL_MKT_DATA:
      r.skip(1);
      return { type: 'cancelMktData', reqId: r.int() };
    case Out.REQ_MKT_DEPTH: {
      r.skip(1);
      const id = r.int();
      return {
        type: 'reqMktDepth',
        reqId: id,
        contract: r.contract(),
        numRows: r.int(),
        isSmartDepth: r.bool(),
      };
    }
    case Out.CANCEL_MKT_DEPTH:
      r.skip(1);
      return { type: 'cancelMktDepth', reqId: r.int(), isSmartDepth: r.remaining > 0 ? r.bool() : false };
    case Out.REQ_REAL_TIME_BARS: {
      r.skip(1);
      const id = r.int();
      const c = r.contract();
      return {
        type: 'reqRealTimeBars',
        reqId: id,
        contract: c,
        barSize: r.int(),
        whatToShow: r.str(),
        useRTH: r.bool(),
      };
    }
    case Out.CANCEL_REAL_TIME_BARS:
      r.skip(1);
      return { type: 'cancelRealTimeBars', reqId: r.int() };
    case Out.REQ_TICK_BY_TICK_DATA: {
      const id = r.int();
      const c = r.contract();
      const tickType = r.str();
      const numberOfTicks = r.remaining > 0 ? r.int() : 0;
      const ignoreSize = r.remaining > 0 ? r.bool() : false;
      return { type: 'reqTickByTick', reqId: id, contract: c, tickType, numberOfTicks, ignoreSize };
    }
    case Out.CANCEL_TICK_BY_TICK_DATA:
      return { type: 'cancelTickByTick', reqId: r.int() };
    case Out.PLACE_ORDER:
      return { type: 'placeOrder', order: readPlaceOrder(r) };
    case Out.CANCEL_ORDER:
      return { type: 'cancelOrder', orderId: r.int() };
    case Out.REQ_IDS:
      r.skip(1);
      return { type: 'reqIds', numIds: r.remaining > 0 ? r.int() : 1 };
    case Out.REQ_CURRENT_TIME:
      return { type: 'reqCurrentTime' };
    case Out.REQ_CONTRACT_DATA: {
      r.skip(1);
      const id = r.int();
      return { type: 'reqContractData', reqId: id, contract: r.contract() };
    }
    case Out.REQ_POSITIONS:
      return { type: 'reqPositions' };
    case Out.CANCEL_POSITIONS:
      return { type: 'cancelPositions' };
    case Out.REQ_ACCOUNT_SUMMARY:
      r.skip(1);
      return { type: 'reqAccountSummary', reqId: r.int(), group: r.str(), tags: r.str() };
    case Out.CANCEL_ACCOUNT_SUMMARY:
      r.skip(1);
      return { type: 'cancelAccountSummary', reqId: r.int() };
    case Out.REQ_PNL:
      return { type: 'reqPnl', reqId: r.int(), account: r.str(), modelCode: r.str() };
    case Out.CANCEL_PNL:
      return { type: 'cancelPnl', reqId: r.int() };
    case Out.REQ_PNL_SINGLE:
      return { type: 'reqPnlSingle', reqId: r.int(), account: r.str(), modelCode: r.str(), conId: r.int() };
    case Out.CANCEL_PNL_SINGLE:
      return { type: 'cancelPnlSingle', reqId: r.int() };
    case Out.REQ_OPEN_ORDERS:
      return { type: 'reqOpenOrders', scope: 'client' };
    case Out.REQ_ALL_OPEN_ORDERS:
      return { type: 'reqOpenOrders', scope: 'all' };
    case Out.REQ_AUTO_OPEN_ORDERS:
      return { type: 'reqOpenOrders', scope: 'auto' };
    case Out.REQ_EXECUTIONS: {
      r.skip(1);
      const id = r.int();
      const filter = {
        clientId: r.int(),
        acctCode: r.str(),
        time: r.str(),
        symbol: r.str(),
        secType: r.str(),
        exchange: r.str(),
        side: r.str(),
      };
      return { type: 'reqExecutions', reqId: id, filter };
    }
    case Out.REQ_MANAGED_ACCTS:
      return { type: 'reqManagedAccts' };
    case Out.REQ_MARKET_DATA_TYPE:
      r.skip(1);
      return { type: 'reqMarketDataType', marketDataType: r.int() };
    case Out.REQ_GLOBAL_CANCEL:
      return { type: 'reqGlobalCancel' };
    case Out.REQ_COMPLETED_ORDERS:
      return { type: 'reqCompletedOrders' };
    case Out.REQ_SEC_DEF_OPT_PARAMS:
      return {
        type: 'reqSecDefOptParams',
        reqId: r.int(),
        underlyingSymbol: r.str(),
        futFopExchange: r.str(),
        underlyingSecType: r.str(),
        underlyingConId: r.int(),
      };
    default:
      return { type: 'unsupported', msgId };
  }
}

/** Decodes and validates one framed request. Throws DecodeError when it cannot be read. */
export function decodeRequest(fields: readonly string[]): Request {
  const idText = fields[0];
  const msgId = idText === undefined || idText === '' ? NaN : Number(idText);
  if (!Number.isInteger(msgId)) throw new DecodeError(`message id "${idText ?? ''}" is not an integer`);
  const decoded = decodeFields(msgId, new FieldReader(fields, 1));
  const parsed = schemas[decoded.type].safeParse(decoded);
  if (!parsed.success) {
    throw new DecodeError(
      `invalid ${decoded.type}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  }
  return parsed.data;
}

/** The request id a failed request was about, when it can be read (for error replies). */
export function peekRequestId(fields: readonly string[]): number {
  const msgId = Number(fields[0]);
  const versioned: readonly number[] = [
    Out.REQ_MKT_DATA,
    Out.REQ_MKT_DEPTH,
    Out.REQ_REAL_TIME_BARS,
    Out.REQ_CONTRACT_DATA,
    Out.REQ_ACCOUNT_SUMMARY,
    Out.REQ_EXECUTIONS,
  ];
  const at = versioned.includes(msgId)
    ? 2
    : msgId === Out.PLACE_ORDER || msgId === Out.REQ_TICK_BY_TICK_DATA
      ? 1
      : -1;
  const v = at > 0 ? Number(fields[at]) : NaN;
  return Number.isInteger(v) ? v : -1;
}
