// The paper broker through the real IBApi client: order round trips, partial fills, rejects with IB's
// codes, open orders, executions, positions, account values, P&L, and state kept across reconnects.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  EventName,
  Option,
  OptionType,
  OrderAction,
  OrderType,
  SecType,
  Stock,
  TimeInForce,
  type Contract,
  type Order,
} from '@stoqey/ib';
import { RecordingClient, startHarness, type SimHarness } from './testing/harness';

let h: SimHarness;
const clients: RecordingClient[] = [];
let nextClientId = 300;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.stop();
});
afterEach(() => {
  h.sim.faults.clear();
  for (const c of clients.splice(0)) c.disconnect();
});

async function connect(clientId = nextClientId++): Promise<RecordingClient> {
  const c = new RecordingClient(h.sim.port);
  clients.push(c);
  await c.connect(clientId);
  return c;
}

const order = (o: Partial<Order>): Order => ({
  action: OrderAction.BUY,
  orderType: OrderType.MKT,
  totalQuantity: 100,
  tif: TimeInForce.DAY,
  account: 'DU1234567',
  transmit: true,
  ...o,
});

type Status = [number, string, number, number, number, number, number, number, number, string, number];
type Exec = [
  number,
  Contract,
  {
    execId: string;
    orderId: number;
    side: string;
    shares: number;
    price: number;
    orderRef: string;
    cumQty: number;
    avgPrice: number;
  },
];

const statuses = (c: RecordingClient, id: number) =>
  c.named(EventName.orderStatus).filter((a) => a[0] === id) as Status[];
const execs = (c: RecordingClient, id: number) =>
  (c.named(EventName.execDetails) as Exec[]).filter((a) => a[2].orderId === id);
const reports = (c: RecordingClient) =>
  c
    .named(EventName.commissionReport)
    .map((a) => a[0] as { execId: string; commission: number; realizedPNL?: number });
const waitStatus = (c: RecordingClient, id: number, status: string, timeoutMs?: number) =>
  c.waitFor(() => statuses(c, id).some((s) => s[1] === status), `order ${id} ${status}`, timeoutMs);

function optionNearMoney(symbol: string, right: 'C' | 'P'): { contract: Contract; id: string } {
  const expiry = h.model.expiries(symbol)[1]!;
  const spot = h.model.quote(symbol)!.last;
  const q = h.model
    .optionChain(symbol, [expiry])
    .filter((x) => x.right === right)
    .reduce((a, b) => (Math.abs(b.strike - spot) < Math.abs(a.strike - spot) ? b : a));
  return {
    contract: new Option(
      symbol,
      expiry.replaceAll('-', ''),
      q.strike,
      right === 'C' ? OptionType.Call : OptionType.Put,
    ),
    id: q.contractId,
  };
}

describe('paper broker', () => {
  it('fills a market order: openOrder, orderStatus Filled, execDetails and commissionReport with orderRef echoed', async () => {
    const c = await connect();
    c.ib.reqPositions();
    await c.waitForEvent(EventName.positionEnd);
    const id = 1;
    c.ib.placeOrder(id, new Stock('AAPL'), order({ totalQuantity: 100, orderRef: 'svc:rt-1' }));
    await waitStatus(c, id, 'Filled');
    const [open] = c.named(EventName.openOrder) as [number, Contract, Order, { status: string }][];
    expect(open![0]).toBe(id);
    expect(open![2].orderRef).toBe('svc:rt-1');
    expect(open![3].status).toBe('Submitted');
    const ex = execs(c, id);
    expect(ex.length).toBeGreaterThan(0);
    expect(ex.every((e) => e[0] === -1 && e[2].side === 'BOT' && e[2].orderRef === 'svc:rt-1')).toBe(true);
    expect(ex.reduce((s, e) => s + e[2].shares, 0)).toBe(100);
    const filled = statuses(c, id).find((s) => s[1] === 'Filled')!;
    expect(filled[2]).toBe(100);
    expect(filled[3]).toBe(0);
    expect(filled[4]).toBeCloseTo(ex.at(-1)![2].avgPrice, 10);
    await c.waitFor(() => reports(c).length >= ex.length, 'commission reports');
    const rep = reports(c).filter((r) => ex.some((e) => e[2].execId === r.execId));
    expect(rep.reduce((s, r) => s + r.commission, 0)).toBeCloseTo(1, 10);
    const [pos] = (await c.waitForEvent(EventName.position, (a) => (a[1] as Contract).symbol === 'AAPL')) as [
      string,
      Contract,
      number,
      number,
    ];
    expect(pos).toBe('DU1234567');
    expect(c.named(EventName.position).at(-1)![2]).toBe(100);
    expect(c.unexpectedErrors()).toEqual([]);
  });

  it('fills a large market order partially against the book, then completes as the book refreshes', async () => {
    const c = await connect();
    const book = h.model.book('MSFT')!;
    const visible = book.asks.reduce((s, l) => s + l.size, 0);
    const qty = visible + 2_000;
    const id = 2;
    c.ib.placeOrder(id, new Stock('MSFT'), order({ totalQuantity: qty, orderRef: 'svc:big' }));
    await c.waitFor(() => statuses(c, id).some((s) => s[2] > 0), 'first fills');
    const first = statuses(c, id).filter((s) => s[2] > 0);
    expect(first[0]![1]).toBe('Submitted');
    expect(first.at(-1)![2]).toBe(visible);
    expect(new Set(execs(c, id).map((e) => e[2].price)).size).toBe(book.asks.length);
    for (let i = 0; i < 30 && !statuses(c, id).some((s) => s[1] === 'Filled'); i++) await h.step(1_000, 4);
    await waitStatus(c, id, 'Filled');
    expect(execs(c, id).reduce((s, e) => s + e[2].shares, 0)).toBe(qty);
    expect(c.unexpectedErrors()).toEqual([]);
  });

  it('works a limit order away from the market, lists it in open orders, cancels it (202)', async () => {
    const c = await connect();
    const other = await connect();
    const bid = h.model.quote('SPY')!.bid;
    const id = 3;
    c.ib.placeOrder(
      id,
      new Stock('SPY'),
      order({
        orderType: OrderType.LMT,
        lmtPrice: Math.round((bid - 5) * 100) / 100,
        totalQuantity: 10,
        orderRef: 'svc:rest',
      }),
    );
    await waitStatus(c, id, 'Submitted');
    c.ib.reqOpenOrders();
    await c.waitForEvent(EventName.openOrderEnd);
    other.ib.reqAllOpenOrders();
    await other.waitForEvent(EventName.openOrderEnd);
    expect(
      other.named(EventName.openOrder).some((a) => a[0] === id && (a[2] as Order).orderRef === 'svc:rest'),
    ).toBe(true);
    c.ib.cancelOrder(id);
    await waitStatus(c, id, 'Cancelled');
    await c.waitForError(202, id);
    c.ib.cancelOrder(id);
    await c.waitForError(10148, id);
    c.ib.cancelOrder(999);
    await c.waitForError(10147, 999);
    expect(execs(c, id)).toEqual([]);
    expect(c.unexpectedErrors([202, 10147, 10148])).toEqual([]);
  });

  it('fills a marketable limit order only at prices within the limit', async () => {
    const c = await connect();
    const asks = h.model.book('AAPL')!.asks;
    const limit = asks[2]!.price;
    const within = asks.slice(0, 3).reduce((s, l) => s + l.size, 0);
    const id = 4;
    c.ib.placeOrder(
      id,
      new Stock('AAPL'),
      order({ orderType: OrderType.LMT, lmtPrice: limit, totalQuantity: within + 500 }),
    );
    await c.waitFor(() => statuses(c, id).some((s) => s[2] === within), 'fills up to the limit');
    expect(execs(c, id).every((e) => e[2].price <= limit)).toBe(true);
    c.ib.cancelOrder(id);
    await waitStatus(c, id, 'Cancelled');
    expect(c.unexpectedErrors([202])).toEqual([]);
  });

  it('IB Adaptive on a limit order: echoes the algo and fills inside the limit', async () => {
    const c = await connect();
    const ask = h.model.quote('AAPL')!.ask;
    const id = 5;
    c.ib.placeOrder(
      id,
      new Stock('AAPL'),
      order({
        orderType: OrderType.LMT,
        lmtPrice: Math.round((ask + 1) * 100) / 100,
        totalQuantity: 50,
        algoStrategy: 'Adaptive',
        algoParams: [{ tag: 'adaptivePriority', value: 'Urgent' }],
        orderRef: 'svc:adaptive',
      }),
    );
    await c.waitForEvent(EventName.openOrder, (a) => a[0] === id);
    const open = c.named(EventName.openOrder).find((a) => a[0] === id)![2] as Order;
    expect(open.algoStrategy).toBe('Adaptive');
    expect(open.algoParams).toEqual([{ tag: 'adaptivePriority', value: 'Urgent' }]);
    for (let i = 0; i < 10 && !statuses(c, id).some((s) => s[1] === 'Filled'); i++) await h.step(1_000, 4);
    await waitStatus(c, id, 'Filled');
    expect(execs(c, id).every((e) => e[2].price <= ask + 1)).toBe(true);
    expect(c.unexpectedErrors()).toEqual([]);
  });

  it('fills option orders against the option quote with per-contract commissions', async () => {
    const c = await connect();
    const { contract, id: optionId } = optionNearMoney('SPY', 'C');
    const q = h.model.optionQuote(optionId)!;
    const id = 6;
    c.ib.placeOrder(id, contract, order({ totalQuantity: 3, orderRef: 'svc:opt' }));
    await waitStatus(c, id, 'Filled');
    const ex = execs(c, id);
    expect(ex[0]![1]).toMatchObject({ secType: 'OPT', strike: q.strike, right: 'C', multiplier: 100 });
    expect(ex.every((e) => e[2].price === q.ask)).toBe(true);
    await c.waitFor(() => reports(c).some((r) => r.execId === ex[0]![2].execId), 'commission');
    const paid = reports(c)
      .filter((r) => ex.some((e) => e[2].execId === r.execId))
      .reduce((s, r) => s + r.commission, 0);
    expect(paid).toBeCloseTo(q.ask >= 0.1 ? Math.max(1, 0.65 * 3) : Math.max(1, 0.5 * 3), 10);
    c.ib.reqPositions();
    await c.waitForEvent(EventName.positionEnd);
    const pos = c
      .named(EventName.position)
      .find((a) => (a[1] as Contract).secType === SecType.OPT && (a[1] as Contract).strike === q.strike)!;
    expect(pos[2]).toBe(3);
    expect(pos[3]).toBeCloseTo((q.ask * 100 * 3 + paid) / 3, 6);
    // Selling closes the position and realizes P&L net of commissions.
    c.ib.placeOrder(7, contract, order({ action: OrderAction.SELL, totalQuantity: 3 }));
    await waitStatus(c, 7, 'Filled');
    await c.waitFor(() => reports(c).some((r) => r.realizedPNL !== undefined), 'realized P&L');
    expect(c.unexpectedErrors()).toEqual([]);
  });

  it("rejects with IB's codes: unknown contract 200, zero size 434, fractional 10243, duplicate order id 103", async () => {
    const c = await connect();
    c.ib.placeOrder(20, new Stock('NOSUCH'), order({}));
    c.ib.placeOrder(21, new Stock('AAPL'), order({ totalQuantity: 0 }));
    c.ib.placeOrder(22, new Stock('AAPL'), order({ totalQuantity: 1.5 }));
    c.ib.placeOrder(23, new Stock('AAPL'), order({ totalQuantity: 10 }));
    await waitStatus(c, 23, 'Filled');
    c.ib.placeOrder(23, new Stock('MSFT'), order({ totalQuantity: 10 }));
    await c.waitForError(200, 20);
    await c.waitForError(434, 21);
    await c.waitForError(10243, 22);
    await c.waitForError(103, 23);
    c.ib.placeOrder(23, new Stock('AAPL'), order({ totalQuantity: 20 }));
    await c.waitForError(104, 23);
    c.ib.placeOrder(
      24,
      { symbol: 'SPX', secType: SecType.IND, exchange: 'CBOE', currency: 'USD' },
      order({}),
    );
    await c.waitForError(201, 24);
    for (const id of [20, 21, 22, 24])
      expect(c.named(EventName.openOrder).some((a) => a[0] === id)).toBe(false);
    expect(execs(c, 23).reduce((s, e) => s + e[2].shares, 0)).toBe(10);
    expect(c.unexpectedErrors([200, 434, 10243, 103, 104, 201])).toEqual([]);
  });

  it('answers executions, account summary and P&L, with values that follow the fills', async () => {
    const c = await connect();
    c.ib.reqAccountSummary(40, 'All', 'NetLiquidation,TotalCashValue,BuyingPower,GrossPositionValue,$LEDGER');
    await c.waitForEvent(EventName.accountSummaryEnd, (a) => a[0] === 40);
    const value = (tag: string) =>
      Number(
        c
          .named(EventName.accountSummary)
          .filter((a) => a[0] === 40 && a[2] === tag)
          .at(-1)?.[3],
      );
    const cashBefore = value('TotalCashValue');
    c.ib.reqPnL(41, 'DU1234567', '');
    await c.waitForEvent(EventName.pnl, (a) => a[0] === 41);
    const id = 42;
    c.ib.placeOrder(id, new Stock('SPY'), order({ totalQuantity: 20, orderRef: 'svc:acct' }));
    await waitStatus(c, id, 'Filled');
    const ex = execs(c, id);
    const cost = ex.reduce((s, e) => s + e[2].shares * e[2].price, 0);
    await c.waitFor(() => value('TotalCashValue') < cashBefore, 'cash update');
    await c.waitFor(() => reports(c).length >= ex.length, 'commissions');
    const commission = reports(c)
      .filter((r) => ex.some((e) => e[2].execId === r.execId))
      .reduce((s, r) => s + r.commission, 0);
    expect(value('TotalCashValue')).toBeCloseTo(cashBefore - cost - commission, 1);
    expect(value('GrossPositionValue')).toBeGreaterThan(0);
    expect(c.named(EventName.accountSummary).some((a) => a[2] === 'RealizedPnL' && a[4] === 'USD')).toBe(
      true,
    );
    c.ib.reqExecutions(43, { symbol: 'SPY' });
    await c.waitForEvent(EventName.execDetailsEnd, (a) => a[0] === 43);
    const listed = (c.named(EventName.execDetails) as Exec[]).filter((a) => a[0] === 43);
    expect(listed.some((e) => e[2].orderId === id)).toBe(true);
    expect(listed.every((e) => e[1].symbol === 'SPY')).toBe(true);
    expect(c.unexpectedErrors()).toEqual([]);
  });

  it('keeps orders, executions and positions across a disconnect and reconnect', async () => {
    const c = await connect(77);
    const bid = h.model.quote('MSFT')!.bid;
    c.ib.placeOrder(1, new Stock('MSFT'), order({ totalQuantity: 25, orderRef: 'svc:keep' }));
    c.ib.placeOrder(
      2,
      new Stock('MSFT'),
      order({
        orderType: OrderType.LMT,
        lmtPrice: Math.round((bid - 3) * 100) / 100,
        totalQuantity: 5,
        orderRef: 'svc:resting',
      }),
    );
    await waitStatus(c, 1, 'Filled');
    await waitStatus(c, 2, 'Submitted');
    c.disconnect();
    await c.waitForEvent(EventName.disconnected);
    await h.step(2_000);
    const again = await connect(77);
    expect(again.named(EventName.nextValidId)[0]![0]).toBe(3);
    again.ib.reqPositions();
    again.ib.reqExecutions(5, {});
    again.ib.reqOpenOrders();
    await again.waitForEvent(EventName.positionEnd);
    await again.waitForEvent(EventName.execDetailsEnd, (a) => a[0] === 5);
    await again.waitForEvent(EventName.openOrderEnd);
    const msft = again
      .named(EventName.position)
      .filter((a) => (a[1] as Contract).symbol === 'MSFT')
      .at(-1)!;
    expect(msft[2]).toBeGreaterThanOrEqual(25);
    const listed = (again.named(EventName.execDetails) as Exec[]).filter(
      (a) => a[0] === 5 && a[2].orderRef === 'svc:keep',
    );
    expect(listed.reduce((s, e) => s + e[2].shares, 0)).toBe(25);
    expect(
      again.named(EventName.openOrder).some((a) => a[0] === 2 && (a[2] as Order).orderRef === 'svc:resting'),
    ).toBe(true);
    expect(again.unexpectedErrors()).toEqual([]);
  });
});
