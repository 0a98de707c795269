// Every server message, read back by the real @stoqey/ib decoder at v193: no 505, right arguments.
import { describe, expect, it } from 'vitest';
import type { SimExecution, SimOrder } from '../broker/core/types';
import type { SimContract } from '../contracts';
import { decodeWithClient } from '../testing/client-codec';
import * as enc from './encoder';
import { contractData, executionData, openOrder, position } from './trading';
import { FrameWriter } from './writer';

const stock: SimContract = {
  conId: 265598,
  symbol: 'AAPL',
  secType: 'STK',
  expiry: '',
  strike: 0,
  right: '',
  multiplier: 1,
  exchange: 'SMART',
  primaryExchange: 'NASDAQ',
  currency: 'USD',
  localSymbol: 'AAPL',
  tradingClass: 'AAPL',
  longName: 'APPLE INC',
  minTick: 0.01,
};
const option: SimContract = {
  ...stock,
  conId: 700000001,
  secType: 'OPT',
  expiry: '20260116',
  strike: 230,
  right: 'C',
  multiplier: 100,
  primaryExchange: '',
  localSymbol: 'AAPL  260116C00230000',
  optionId: 'AAPL260116C00230000',
  underConId: 265598,
};

function decode(write: (w: FrameWriter) => void) {
  const w = new FrameWriter();
  write(w);
  const out = decodeWithClient(w.take());
  expect(out.errors).toEqual([]);
  return out;
}

const order = (over: Partial<SimOrder> = {}): SimOrder => ({
  orderId: 12,
  clientId: 3,
  permId: 1000001,
  contract: stock,
  action: 'BUY',
  totalQuantity: 300,
  orderType: 'LMT',
  lmtPrice: 189.5,
  tif: 'DAY',
  account: 'DU1234567',
  orderRef: 'svc:1',
  outsideRth: false,
  algoStrategy: '',
  algoParams: [],
  status: 'Submitted',
  filled: 0,
  avgFillPrice: 0,
  lastFillPrice: 0,
  commission: 0,
  placedAt: 0,
  eligibleAt: 0,
  ...over,
});

describe('server messages decoded by the real client', () => {
  it('market-data ticks', () => {
    const out = decode((w) => {
      enc.tickPrice(w, enc.heads.tickPrice(5), 1, 189.51, 300, 1);
      enc.tickSize(w, enc.heads.tickSize(5), 0, 300);
      enc.tickString(w, enc.heads.tickString(5), 48, '189.51;100;1767623400000;5000;189.4;true');
      enc.tickGeneric(w, enc.heads.tickGeneric(5), 24, 0.25);
      enc.tickOptionComputation(w, enc.heads.tickOptionComputation(6), 13, {
        iv: 0.22,
        delta: 0.51,
        optPrice: 3.2,
        pvDividend: 0,
        gamma: 0.03,
        vega: 0.12,
        theta: -0.4,
        undPrice: 230.1,
      });
      enc.marketDataType(w, 5, 1);
      enc.tickReqParams(w, 5, 0.01, '9c0001', 3);
      enc.tickSnapshotEnd(w, 5);
    });
    const names = out.events.map((e) => e.name);
    // A bid TICK_PRICE yields no tickSize in the client (BID_SIZE is 0): the separate TICK_SIZE carries it.
    expect(names).toEqual([
      'tickPrice',
      'tickSize',
      'tickString',
      'tickGeneric',
      'tickOptionComputation',
      'marketDataType',
      'tickReqParams',
      'tickSnapshotEnd',
    ]);
    expect(out.events[0]!.args).toEqual([5, 1, 189.51, true]);
    expect(out.events[1]!.args).toEqual([5, 0, 300]);
    expect(out.events[2]!.args).toEqual([5, 48, '189.51;100;1767623400000;5000;189.4;true']);
    expect(out.events[4]!.args).toEqual([6, 13, 1, 0.22, 0.51, 3.2, 0, 0.03, 0.12, -0.4, 230.1]);
  });

  it('depth, real-time bars and tick-by-tick', () => {
    const out = decode((w) => {
      enc.depthL2(w, enc.heads.depthL2(7), 3, 'ARCA', 0, 1, 189.47, 400, true);
      enc.realTimeBar(
        w,
        enc.heads.realTimeBar(8),
        1767623405,
        189.5,
        189.6,
        189.4,
        189.55,
        12000,
        189.52,
        57,
      );
      enc.tickByTickLast(w, enc.heads.tickByTick(9, 2), 1767623406, 189.55, 100, 'NSDQ', 'I');
      enc.tickByTickBidAsk(w, enc.heads.tickByTick(10, 3), 1767623406, 189.54, 189.55, 300, 200);
      enc.tickByTickMidPoint(w, enc.heads.tickByTick(11, 4), 1767623406, 189.545);
    });
    expect(out.events.map((e) => [e.name, ...e.args])).toEqual([
      ['updateMktDepthL2', 7, 3, 'ARCA', 0, 1, 189.47, 400, true],
      ['realtimeBar', 8, 1767623405, 189.5, 189.6, 189.4, 189.55, 12000, 189.52, 57],
      [
        'tickByTickAllLast',
        9,
        2,
        '1767623406',
        189.55,
        100,
        { pastLimit: false, unreported: false },
        'NSDQ',
        'I',
      ],
      [
        'tickByTickBidAsk',
        10,
        '1767623406',
        189.54,
        189.55,
        300,
        200,
        { bidPastLow: false, askPastHigh: false },
      ],
      ['tickByTickMidPoint', 11, '1767623406', 189.545],
    ]);
  });

  it('session messages; errors with id -1 arrive as info', () => {
    const out = decode((w) => {
      enc.nextValidId(w, 17);
      enc.managedAccounts(w, 'DU1234567');
      enc.errorMessage(w, -1, 2104, 'Market data farm connection is OK:usfarm');
      enc.currentTime(w, 1767623400);
    });
    expect(out.events.map((e) => [e.name, ...e.args])).toEqual([
      ['nextValidId', 17],
      ['managedAccounts', 'DU1234567'],
      ['currentTime', 1767623400],
    ]);
    expect(out.infos).toEqual([{ message: 'Market data farm connection is OK:usfarm', code: 2104 }]);
    const w = new FrameWriter();
    enc.errorMessage(w, 9, 200, 'No security definition has been found for the request');
    expect(decodeWithClient(w.take()).errors).toEqual([
      { message: 'No security definition has been found for the request', code: 200, reqId: 9 },
    ]);
  });

  it('contract details of a stock and an option', () => {
    const extras = {
      tradingHours: '20260105:0400-20260105:2000',
      liquidHours: '20260105:0930-20260105:1600',
      timeZoneId: 'US/Eastern',
    };
    const out = decode((w) => {
      contractData(w, 1, stock, extras);
      contractData(w, 1, option, extras);
      enc.contractDataEnd(w, 1);
    });
    expect(out.events.map((e) => e.name)).toEqual([
      'contractDetails',
      'contractDetails',
      'contractDetailsEnd',
    ]);
    const [, sd] = out.events[0]!.args as [
      number,
      { contract: Record<string, unknown>; longName: string; liquidHours: string },
    ];
    expect(sd.contract).toMatchObject({
      symbol: 'AAPL',
      secType: 'STK',
      conId: 265598,
      primaryExch: 'NASDAQ',
    });
    expect(sd.longName).toBe('APPLE INC');
    expect(sd.liquidHours).toBe(extras.liquidHours);
    const [, od] = out.events[1]!.args as [number, { contract: Record<string, unknown>; underConId: number }];
    expect(od.contract).toMatchObject({
      secType: 'OPT',
      strike: 230,
      right: 'C',
      multiplier: 100,
      lastTradeDateOrContractMonth: '20260116',
    });
    expect(od.underConId).toBe(265598);
  });

  it('open orders (plain and IB Adaptive), order status, executions, commissions, positions', () => {
    const adaptive = order({
      orderId: 13,
      algoStrategy: 'Adaptive',
      algoParams: [{ tag: 'adaptivePriority', value: 'Patient' }],
      contract: option,
    });
    const exec: SimExecution = {
      execId: '000f4241.00000001.01.01',
      orderId: 12,
      clientId: 3,
      permId: 1000001,
      contract: stock,
      side: 'BOT',
      shares: 100,
      price: 189.49,
      time: 0,
      account: 'DU1234567',
      exchange: 'NSDQ',
      cumQty: 100,
      avgPrice: 189.49,
      orderRef: 'svc:1',
      lastLiquidity: 2,
      commission: 1,
      realizedPnl: undefined,
    };
    const out = decode((w) => {
      openOrder(w, order());
      openOrder(w, adaptive);
      openOrder(
        w,
        order({ orderType: 'MKT', lmtPrice: undefined, status: 'Filled', filled: 300, commission: 1.5 }),
      );
      enc.orderStatus(w, {
        orderId: 12,
        status: 'Submitted',
        filled: 100,
        remaining: 200,
        avgFillPrice: 189.49,
        permId: 1000001,
        parentId: 0,
        lastFillPrice: 189.49,
        clientId: 3,
        whyHeld: '',
        mktCapPrice: 0,
      });
      enc.openOrderEnd(w);
      executionData(w, -1, exec, '20260105 09:30:01 US/Eastern');
      enc.commissionReport(w, exec.execId, 1, 'USD', undefined);
      enc.commissionReport(w, exec.execId, 1, 'USD', 12.5);
      enc.executionDataEnd(w, 4);
      position(w, { account: 'DU1234567', contract: option, qty: -2, avgCost: 320.65, realizedPnl: 0 });
      enc.positionEnd(w);
    });
    const byName = (n: string) => out.events.filter((e) => e.name === n).map((e) => e.args);
    const opens = byName('openOrder') as [
      number,
      Record<string, unknown>,
      Record<string, unknown>,
      Record<string, unknown>,
    ][];
    expect(opens.map((o) => o[0])).toEqual([12, 13, 12]);
    expect(opens[0]![2]).toMatchObject({
      action: 'BUY',
      totalQuantity: 300,
      orderType: 'LMT',
      lmtPrice: 189.5,
      orderRef: 'svc:1',
      clientId: 3,
      permId: 1000001,
    });
    expect(opens[0]![3]).toMatchObject({ status: 'Submitted' });
    expect(opens[1]![2]).toMatchObject({
      algoStrategy: 'Adaptive',
      algoParams: [{ tag: 'adaptivePriority', value: 'Patient' }],
    });
    expect(opens[1]![1]).toMatchObject({ secType: 'OPT', strike: 230, right: 'C' });
    expect(opens[2]![2]).toMatchObject({ orderType: 'MKT', lmtPrice: undefined });
    expect(opens[2]![3]).toMatchObject({ status: 'Filled', commission: 1.5 });
    expect(byName('orderStatus')).toEqual([
      [12, 'Submitted', 100, 200, 189.49, 1000001, 0, 189.49, 3, '', 0],
    ]);
    const [execArgs] = byName('execDetails') as [number, Record<string, unknown>, Record<string, unknown>][];
    expect(execArgs![0]).toBe(-1);
    expect(execArgs![2]).toMatchObject({
      execId: exec.execId,
      side: 'BOT',
      shares: 100,
      price: 189.49,
      orderRef: 'svc:1',
      lastLiquidity: 2,
    });
    const reports = byName('commissionReport') as [Record<string, unknown>][];
    expect(reports[0]![0]).toMatchObject({
      execId: exec.execId,
      commission: 1,
      currency: 'USD',
      realizedPNL: undefined,
    });
    expect(reports[1]![0]).toMatchObject({ realizedPNL: 12.5 });
    expect(byName('execDetailsEnd')).toEqual([[4]]);
    const [pos] = byName('position') as [string, Record<string, unknown>, number, number][];
    expect(pos![0]).toBe('DU1234567');
    expect(pos![1]).toMatchObject({ conId: 700000001, secType: 'OPT' });
    expect(pos!.slice(2)).toEqual([-2, 320.65]);
    expect(byName('positionEnd')).toEqual([[]]);
  });

  it('account summary, P&L, option parameters', () => {
    const out = decode((w) => {
      enc.accountSummary(w, 2, 'DU1234567', 'NetLiquidation', '1000000.00', 'USD');
      enc.accountSummaryEnd(w, 2);
      enc.pnl(w, 3, 12.5, 10, 2.5);
      enc.pnlSingle(w, 4, 100, 5, 4, 1, 18950);
      enc.secDefOptParams(w, 5, 'SMART', 756733, 'SPY', 100, ['20260116', '20260220'], [590, 595, 600]);
      enc.secDefOptParamsEnd(w, 5);
      enc.completedOrdersEnd(w);
    });
    expect(out.events.map((e) => [e.name, ...e.args])).toEqual([
      ['accountSummary', 2, 'DU1234567', 'NetLiquidation', '1000000.00', 'USD'],
      ['accountSummaryEnd', 2],
      ['pnl', 3, 12.5, 10, 2.5],
      ['pnlSingle', 4, 100, 5, 4, 1, 18950],
      [
        'securityDefinitionOptionParameter',
        5,
        'SMART',
        756733,
        'SPY',
        100,
        ['20260116', '20260220'],
        [590, 595, 600],
      ],
      ['securityDefinitionOptionParameterEnd', 5],
      ['completedOrdersEnd'],
    ]);
  });
});
