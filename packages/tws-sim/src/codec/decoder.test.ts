// Requests as the real @stoqey/ib encoder writes them at v193, read back by our decoder.
import { describe, expect, it } from 'vitest';
import {
  OptionType,
  OrderAction,
  OrderType,
  SecType,
  TimeInForce,
  type Contract,
  type Order,
} from '@stoqey/ib';
import { clientRequest } from '../testing/client-codec';
import { decodeRequest, DecodeError, type RequestOf } from './decoder';

const stock: Contract = { symbol: 'AAPL', secType: SecType.STK, exchange: 'SMART', currency: 'USD' };
const option: Contract = {
  symbol: 'SPY',
  secType: SecType.OPT,
  lastTradeDateOrContractMonth: '20260116',
  strike: 600,
  right: OptionType.Call,
  multiplier: 100,
  exchange: 'SMART',
  currency: 'USD',
};

function decode<T extends ReturnType<typeof decodeRequest>['type']>(fields: string[], type: T): RequestOf<T> {
  const r = decodeRequest(fields);
  expect(r.type).toBe(type);
  return r as RequestOf<T>;
}

describe('request decoder (fields from the real client encoder)', () => {
  it('REQ_MKT_DATA with generic ticks and the contract block', () => {
    const r = decode(clientRequest('reqMktData', 7, option, '233,106', false, false), 'reqMktData');
    expect(r.reqId).toBe(7);
    expect(r.genericTicks).toEqual(['233', '106']);
    expect(r.snapshot).toBe(false);
    expect(r.contract).toMatchObject({
      symbol: 'SPY',
      secType: 'OPT',
      lastTradeDateOrContractMonth: '20260116',
      strike: 600,
      right: 'C',
      multiplier: '100',
    });
  });

  it('cancels, depth, bars, tick-by-tick', () => {
    expect(decode(clientRequest('cancelMktData', 7), 'cancelMktData').reqId).toBe(7);
    const d = decode(clientRequest('reqMktDepth', 8, stock, 5, true, []), 'reqMktDepth');
    expect(d).toMatchObject({ reqId: 8, numRows: 5, isSmartDepth: true, contract: { symbol: 'AAPL' } });
    expect(decode(clientRequest('cancelMktDepth', 8, true), 'cancelMktDepth')).toMatchObject({
      reqId: 8,
      isSmartDepth: true,
    });
    const b = decode(clientRequest('reqRealTimeBars', 9, stock, 5, 'TRADES', false, []), 'reqRealTimeBars');
    expect(b).toMatchObject({ reqId: 9, barSize: 5, whatToShow: 'TRADES', useRTH: false });
    expect(decode(clientRequest('cancelRealTimeBars', 9), 'cancelRealTimeBars').reqId).toBe(9);
    const t = decode(
      clientRequest('reqTickByTickData', 10, stock, 'AllLast' as never, 0, false),
      'reqTickByTick',
    );
    expect(t).toMatchObject({
      reqId: 10,
      tickType: 'AllLast',
      numberOfTicks: 0,
      contract: { symbol: 'AAPL' },
    });
    expect(decode(clientRequest('cancelTickByTickData', 10), 'cancelTickByTick').reqId).toBe(10);
  });

  it('PLACE_ORDER: prefix fields, orderRef and the IB Adaptive algo parameters', () => {
    const order: Order = {
      action: OrderAction.BUY,
      orderType: OrderType.LMT,
      lmtPrice: 189.5,
      totalQuantity: 300,
      tif: TimeInForce.DAY,
      account: 'DU1234567',
      orderRef: 'svc:abc-1',
      transmit: true,
      algoStrategy: 'Adaptive',
      algoParams: [{ tag: 'adaptivePriority', value: 'Urgent' }],
    };
    const r = decode(clientRequest('placeOrder', 42, stock, order), 'placeOrder');
    expect(r.order).toMatchObject({
      orderId: 42,
      action: 'BUY',
      orderType: 'LMT',
      lmtPrice: 189.5,
      totalQuantity: 300,
      tif: 'DAY',
      account: 'DU1234567',
      orderRef: 'svc:abc-1',
      transmit: true,
      algoStrategy: 'Adaptive',
      algoParams: [{ tag: 'adaptivePriority', value: 'Urgent' }],
      whatIf: false,
    });
  });

  it('PLACE_ORDER of an option market order without algo', () => {
    const order: Order = {
      action: OrderAction.SELL,
      orderType: OrderType.MKT,
      totalQuantity: 2,
      transmit: true,
    };
    const r = decode(clientRequest('placeOrder', 43, option, order), 'placeOrder');
    expect(r.order).toMatchObject({
      orderId: 43,
      action: 'SELL',
      orderType: 'MKT',
      totalQuantity: 2,
      algoStrategy: '',
      algoParams: [],
    });
    expect(r.order.lmtPrice).toBeUndefined();
    expect(r.order.contract).toMatchObject({ secType: 'OPT', strike: 600, right: 'C' });
  });

  it('account, order and session requests', () => {
    expect(decode(clientRequest('cancelOrder', 42, {}), 'cancelOrder').orderId).toBe(42);
    expect(decode(clientRequest('reqIds', 1), 'reqIds').type).toBe('reqIds');
    expect(decode(clientRequest('reqCurrentTime'), 'reqCurrentTime').type).toBe('reqCurrentTime');
    expect(decode(clientRequest('reqContractDetails', 3, option), 'reqContractData')).toMatchObject({
      reqId: 3,
      contract: { symbol: 'SPY' },
    });
    expect(decode(clientRequest('reqPositions'), 'reqPositions').type).toBe('reqPositions');
    expect(
      decode(clientRequest('reqAccountSummary', 4, 'All', 'NetLiquidation,$LEDGER'), 'reqAccountSummary'),
    ).toMatchObject({
      reqId: 4,
      group: 'All',
      tags: 'NetLiquidation,$LEDGER',
    });
    expect(decode(clientRequest('reqPnL', 5, 'DU1234567', ''), 'reqPnl')).toMatchObject({
      reqId: 5,
      account: 'DU1234567',
    });
    expect(decode(clientRequest('reqPnLSingle', 6, 'DU1234567', '', 265598), 'reqPnlSingle')).toMatchObject({
      reqId: 6,
      conId: 265598,
    });
    expect(decode(clientRequest('reqOpenOrders'), 'reqOpenOrders').scope).toBe('client');
    expect(decode(clientRequest('reqAllOpenOrders'), 'reqOpenOrders').scope).toBe('all');
    const e = decode(clientRequest('reqExecutions', 11, { symbol: 'AAPL', side: 'BUY' }), 'reqExecutions');
    expect(e).toMatchObject({ reqId: 11, filter: { symbol: 'AAPL', side: 'BUY', clientId: 0 } });
    expect(
      decode(clientRequest('reqSecDefOptParams', 12, 'SPY', '', 'STK', 756733), 'reqSecDefOptParams'),
    ).toMatchObject({
      reqId: 12,
      underlyingSymbol: 'SPY',
      underlyingConId: 756733,
    });
  });

  it('rejects unreadable requests and reports unknown ones as unsupported', () => {
    expect(() => decodeRequest(['1', '11'])).toThrow(DecodeError);
    expect(() => decodeRequest(['x'])).toThrow(DecodeError);
    expect(() => decodeRequest(['2', '1', 'abc'])).toThrow(DecodeError);
    expect(decodeRequest(['20', '1'])).toEqual({ type: 'unsupported', msgId: 20 });
  });
});
