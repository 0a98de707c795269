// Fault injection as the real client experiences it, through the methods and the HTTP control API.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { EventName, OrderAction, OrderType, Stock, TimeInForce, type Order } from '@stoqey/ib';
import { RecordingClient, startHarness, type SimHarness } from './testing/harness';

let h: SimHarness;
const clients: RecordingClient[] = [];
let nextClientId = 500;

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

async function connect(): Promise<RecordingClient> {
  const c = new RecordingClient(h.sim.port);
  clients.push(c);
  await c.connect(nextClientId++);
  return c;
}

const mkt = (qty: number): Order => ({
  action: OrderAction.BUY,
  orderType: OrderType.MKT,
  totalQuantity: qty,
  tif: TimeInForce.DAY,
  transmit: true,
});

const ticksOf = (c: RecordingClient, reqId: number) =>
  c.events.filter(
    (e) => e.args[0] === reqId && (e.name === EventName.tickPrice || e.name === EventName.tickSize),
  ).length;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function control(
  path: string,
  body?: unknown,
): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(`http://127.0.0.1:${h.sim.controlPort}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

describe('faults', () => {
  it('drop: every client sees its connection closed, and can connect again', async () => {
    const a = await connect();
    const b = await connect();
    const { json } = await control('/faults/drop-connections', {});
    expect(json.dropped).toBeGreaterThanOrEqual(2);
    await a.waitForEvent(EventName.disconnected);
    await b.waitForEvent(EventName.disconnected);
    const again = await connect();
    again.ib.reqCurrentTime();
    await again.waitForEvent(EventName.currentTime);
    expect(a.unexpectedErrors()).toEqual([]);
  });

  it('silent: the socket stays open but nothing arrives until the silence ends', async () => {
    const c = await connect();
    c.ib.reqMktData(1, new Stock('AAPL'), '', false, false);
    await c.waitForEvent(EventName.tickReqParams);
    await control('/faults/silence', {});
    await sleep(20);
    const before = c.count(EventName.received);
    c.ib.reqCurrentTime();
    await h.step(3_000);
    await sleep(100);
    expect(c.count(EventName.received)).toBe(before);
    expect(c.count(EventName.disconnected)).toBe(0);
    expect(h.sim.faults.state().silent).toBe(true);
    await control('/faults/silence/end', {});
    await c.waitForEvent(EventName.currentTime);
    await h.step(2_000);
    await c.waitFor(() => c.count(EventName.received) > before + 1, 'data after the silence');
    expect(c.unexpectedErrors()).toEqual([]);
  });

  it('silent for N ms ends by itself', async () => {
    const c = await connect();
    h.sim.faults.silence(150);
    c.ib.reqCurrentTime();
    await sleep(60);
    expect(c.count(EventName.currentTime)).toBe(0);
    await c.waitForEvent(EventName.currentTime, () => true, 2_000);
    expect(h.sim.faults.state().silent).toBe(false);
  });

  it('1100 then 1102: market data stops during the outage and resumes after', async () => {
    const c = await connect();
    c.ib.reqMktData(2, new Stock('SPY'), '', false, false);
    await c.waitForEvent(EventName.tickReqParams);
    await control('/faults/connectivity-loss', { restoreAfterMs: 200 });
    await c.waitFor(() => c.infos.some((i) => i.code === 1100), 'info 1100');
    const during = ticksOf(c, 2);
    await h.step(2_000);
    await sleep(20);
    expect(ticksOf(c, 2)).toBe(during);
    await c.waitFor(() => c.infos.some((i) => i.code === 1102), 'info 1102', 2_000);
    await h.step(2_000);
    await c.waitFor(() => ticksOf(c, 2) > during, 'ticks after 1102');
    expect(c.unexpectedErrors()).toEqual([]);
  });

  it('1100 then 1101: subscriptions are lost and must be renewed', async () => {
    const c = await connect();
    c.ib.reqMktData(3, new Stock('MSFT'), '', false, false);
    await c.waitForEvent(EventName.tickReqParams);
    h.sim.faults.connectivityLoss();
    await c.waitFor(() => c.infos.some((i) => i.code === 1100), 'info 1100');
    h.sim.faults.restoreConnectivity(true);
    await c.waitFor(() => c.infos.some((i) => i.code === 1101), 'info 1101');
    const after = ticksOf(c, 3);
    await h.step(3_000);
    await sleep(30);
    expect(ticksOf(c, 3)).toBe(after);
    c.ib.reqMktData(4, new Stock('MSFT'), '', false, false);
    await c.waitFor(() => ticksOf(c, 4) > 0, 'renewed subscription');
    expect(c.unexpectedErrors()).toEqual([]);
  });

  it('rejects the next order with 201, then trades normally', async () => {
    const c = await connect();
    await control('/faults/reject-next-order', { reason: 'Simulated margin check' });
    c.ib.placeOrder(1, new Stock('AAPL'), mkt(10));
    const err = await c.waitForError(201, 1);
    expect(err.message).toContain('Simulated margin check');
    c.ib.placeOrder(2, new Stock('AAPL'), mkt(10));
    await c.waitFor(
      () => c.named(EventName.orderStatus).some((a) => a[0] === 2 && a[1] === 'Filled'),
      'order 2 filled',
    );
    expect(c.named(EventName.execDetails).some((a) => (a[2] as { orderId: number }).orderId === 1)).toBe(
      false,
    );
    expect(c.unexpectedErrors([201])).toEqual([]);
  });

  it('delays fills by N ms', async () => {
    const c = await connect();
    await control('/faults/delay-fills', { ms: 300 });
    const t0 = Date.now();
    c.ib.placeOrder(1, new Stock('SPY'), mkt(10));
    await c.waitFor(
      () => c.named(EventName.orderStatus).some((a) => a[0] === 1 && a[1] === 'Submitted'),
      'accepted',
    );
    expect(c.count(EventName.execDetails)).toBe(0);
    await c.waitFor(
      () => c.named(EventName.orderStatus).some((a) => a[0] === 1 && a[1] === 'Filled'),
      'filled later',
      3_000,
    );
    expect(Date.now() - t0).toBeGreaterThanOrEqual(300);
    expect(c.unexpectedErrors()).toEqual([]);
  });

  it("stops one symbol's data while the others continue", async () => {
    const c = await connect();
    c.ib.reqMktData(5, new Stock('AAPL'), '', false, false);
    c.ib.reqMktData(6, new Stock('SPY'), '', false, false);
    c.ib.reqTickByTickData(7, new Stock('AAPL'), 'AllLast' as never, 0, false);
    await c.waitFor(() => c.count(EventName.tickReqParams) === 2, 'both subscribed');
    await control('/faults/stop-symbol', { symbol: 'aapl' });
    const aapl = ticksOf(c, 5) + c.named(EventName.tickByTickAllLast).length;
    const spy = ticksOf(c, 6);
    await h.step(3_000);
    await c.waitFor(() => ticksOf(c, 6) > spy, 'SPY ticks');
    await sleep(20);
    expect(ticksOf(c, 5) + c.named(EventName.tickByTickAllLast).length).toBe(aapl);
    await control('/faults/resume-symbol', { symbol: 'AAPL' });
    await h.step(3_000);
    await c.waitFor(
      () => ticksOf(c, 5) > 0 && ticksOf(c, 5) + c.named(EventName.tickByTickAllLast).length > aapl,
      'AAPL again',
    );
    expect(c.unexpectedErrors()).toEqual([]);
  });

  it('depth permission warning 2152: no book for that symbol, depth elsewhere unaffected', async () => {
    const c = await connect();
    await control('/faults/depth-permission', { symbol: 'AAPL' });
    c.ib.reqMktDepth(9, new Stock('AAPL'), 10, true, []);
    c.ib.reqMktDepth(10, new Stock('SPY'), 10, true, []);
    const warning = await c.waitForError(2152, 9);
    expect(warning.message).toContain('Need additional market data permissions');
    await c.waitFor(
      () => c.named(EventName.updateMktDepthL2).filter((a) => a[0] === 10).length >= 20,
      'SPY book',
    );
    expect(c.named(EventName.updateMktDepthL2).filter((a) => a[0] === 9)).toEqual([]);
    expect(c.unexpectedErrors([2152])).toEqual([]);
  });

  it('competing session 10197: every market-data request ends with the error', async () => {
    const c = await connect();
    c.ib.reqMktData(11, new Stock('SPY'), '', false, false);
    c.ib.reqTickByTickData(12, new Stock('SPY'), 'AllLast' as never, 0, false);
    await c.waitForEvent(EventName.tickReqParams);
    await h.until(
      (st) => st.clients.some((x) => x.clientId === nextClientId - 1 && x.subscriptions.tickByTick === 1),
      'tbt',
    );
    const { json } = await control('/faults/competing-session', {});
    expect(json.ended).toBeGreaterThanOrEqual(2);
    await c.waitForError(10197, 11);
    await c.waitForError(10197, 12);
    const n = ticksOf(c, 11);
    await h.step(2_000);
    await sleep(20);
    expect(ticksOf(c, 11)).toBe(n);
    expect(c.unexpectedErrors([10197])).toEqual([]);
  });

  it('sends a malformed message: the client reports its decoding error and the session goes on', async () => {
    const c = await connect();
    for (const kind of ['underrun', 'overrun', 'unknown-message'] as const) {
      const { json } = await control('/faults/malformed', { kind });
      expect(json.sent).toBeGreaterThanOrEqual(1);
    }
    await c.waitFor(() => c.errors.filter((e) => e.code === 505).length >= 3, 'three 505 reports');
    c.ib.reqCurrentTime();
    await c.waitForEvent(EventName.currentTime);
  });

  it('control API: statistics, fault state, and 400 on a bad body', async () => {
    const c = await connect();
    c.ib.reqMktData(8, new Stock('SPY'), '', false, false);
    await c.waitForEvent(EventName.tickReqParams);
    const stats = await control('/stats');
    expect(stats.status).toBe(200);
    expect(stats.json.messagesSent).toBeGreaterThan(0);
    const clients = stats.json.clients as { clientId: number; subscriptions: { mktData: number } }[];
    expect(clients.find((x) => x.clientId === nextClientId - 1)?.subscriptions.mktData).toBe(1);
    expect((await control('/faults/delay-fills', { ms: -5 })).status).toBe(400);
    expect((await control('/faults/stop-symbol', {})).status).toBe(400);
    await control('/faults/stop-symbol', { symbol: 'MSFT' });
    expect((await control('/faults')).json.stoppedSymbols).toEqual(['MSFT']);
    await control('/faults/clear', {});
    expect((await control('/faults')).json.stoppedSymbols).toEqual([]);
  });
});
