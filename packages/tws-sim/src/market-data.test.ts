// Market data to the real IBApi client over TCP: ticks, RTVolume, depth, bars, tick-by-tick, contract
// details and option quotes with model Greeks — every message decoded without a 505.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { MarketEvent, Trade } from '@alphatrader/market-sim';
import { EventName, Option, OptionType, SecType, Stock, type Contract } from '@stoqey/ib';
import { RecordingClient, startHarness, type SimHarness } from './testing/harness';

let h: SimHarness;
let c: RecordingClient;
let clientId = 100;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.stop();
});
afterEach(() => {
  c.disconnect();
});

type Subs = 'mktData' | 'depth' | 'realTimeBars' | 'tickByTick';
/** Requests travel asynchronously: wait until the server holds them before moving the market. */
const subscribed = (id: number, kind: Subs, n: number): Promise<void> =>
  h.until(
    (s) => s.clients.some((x) => x.clientId === id && x.subscriptions[kind] === n),
    `${n} ${kind} subscriptions`,
  );

async function connect(): Promise<RecordingClient> {
  c = new RecordingClient(h.sim.port);
  await c.connect(clientId++);
  return c;
}

/** Replays MARKET_DEPTH_L2 operations with IB's semantics (insert shifts down, delete shifts up). */
function replayDepth(ops: unknown[][]): {
  bids: { price: number; size: number; venue: string }[];
  asks: { price: number; size: number; venue: string }[];
} {
  const book = {
    bids: [] as { price: number; size: number; venue: string }[],
    asks: [] as { price: number; size: number; venue: string }[],
  };
  for (const [, position, marketMaker, operation, side, price, size] of ops as [
    number,
    number,
    string,
    number,
    number,
    number,
    number,
  ][]) {
    const rows = side === 1 ? book.bids : book.asks;
    if (operation === 0) rows.splice(position, 0, { price, size, venue: marketMaker });
    else if (operation === 1) rows[position] = { price, size, venue: marketMaker };
    else rows.splice(position, 1);
  }
  return book;
}

function optionContract(symbol: string): { contract: Contract; id: string } {
  const expiry = h.model.expiries(symbol)[1]!;
  const chain = h.model.optionChain(symbol, [expiry]).filter((q) => q.right === 'C');
  const spot = h.model.quote(symbol)!.last;
  const atm = chain.reduce((best, q) =>
    Math.abs(q.strike - spot) < Math.abs(best.strike - spot) ? q : best,
  );
  return {
    contract: new Option(symbol, expiry.replaceAll('-', ''), atm.strike, OptionType.Call),
    id: atm.contractId,
  };
}

describe('market data (IBApi)', () => {
  it('streams bid/ask/last/volume with separate bid and ask size ticks, and RTVolume for generic tick 233', async () => {
    await connect();
    c.ib.reqMktData(1, new Stock('AAPL'), '233', false, false);
    await c.waitForEvent(EventName.tickReqParams);
    await h.step(5_000);
    const q = h.model.quote('AAPL')!;
    await c.waitFor(() => c.named(EventName.tickString).some((a) => a[1] === 48), 'RTVolume');
    const prices = c.named(EventName.tickPrice).filter((a) => a[0] === 1);
    const sizes = c.named(EventName.tickSize).filter((a) => a[0] === 1);
    const types = (list: unknown[][]) => new Set(list.map((a) => a[1]));
    expect([...types(prices)]).toEqual(expect.arrayContaining([1, 2, 4, 6, 7, 9, 14]));
    expect([...types(sizes)]).toEqual(expect.arrayContaining([0, 3, 5, 8]));
    expect(c.named(EventName.marketDataType)).toEqual([[1, 1]]);
    const rt = c
      .named(EventName.tickString)
      .filter((a) => a[1] === 48)
      .map((a) => String(a[2]).split(';'));
    for (const parts of rt) {
      expect(parts).toHaveLength(6);
      expect(Number(parts[0])).toBeGreaterThan(0);
      expect(Number(parts[2])).toBeGreaterThan(1.7e12);
      expect(['true', 'false']).toContain(parts[5]);
    }
    // The last values sent are the model's current quote.
    const last = (name: EventName, type: number) =>
      c
        .named(name)
        .filter((a) => a[0] === 1 && a[1] === type)
        .at(-1)?.[2];
    await c.waitFor(
      () =>
        last(EventName.tickPrice, 1) === q.bid &&
        last(EventName.tickPrice, 2) === q.ask &&
        last(EventName.tickSize, 0) === q.bidSize &&
        last(EventName.tickSize, 3) === q.askSize &&
        last(EventName.tickSize, 8) === q.volume &&
        last(EventName.tickPrice, 4) === q.last,
      'the model quote',
    );

    c.ib.cancelMktData(1);
    await new Promise((r) => setTimeout(r, 20));
    const before = c.events.length;
    await h.step(3_000);
    await new Promise((r) => setTimeout(r, 20));
    expect(c.events.slice(before).filter((e) => e.args[0] === 1)).toEqual([]);
    expect(c.unexpectedErrors()).toEqual([]);
  });

  it('sends market depth as insert/update/delete with venue codes; replaying it rebuilds the model book', async () => {
    await connect();
    c.ib.reqMktDepth(2, new Stock('SPY'), 10, true, []);
    c.ib.reqMktDepth(3, new Stock('SPY'), 5, true, []);
    await subscribed(clientId - 1, 'depth', 2);
    await h.step(4_000);
    const book = h.model.book('SPY')!;
    const view = (id: number) => replayDepth(c.named(EventName.updateMktDepthL2).filter((a) => a[0] === id));
    const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
    await c
      .waitFor(
        () =>
          same(view(2), { bids: book.bids, asks: book.asks }) &&
          same(view(3), { bids: book.bids.slice(0, 5), asks: book.asks.slice(0, 5) }),
        'replayed books equal to the model book',
        2_000,
      )
      .catch(() => undefined);
    const full = c.named(EventName.updateMktDepthL2).filter((a) => a[0] === 2);
    const ops = new Set(full.map((a) => a[3]));
    expect([...ops].sort()).toEqual([0, 1, 2]);
    expect(full.every((a) => a[7] === true)).toBe(true);
    const replayed = view(2);
    expect(replayed.bids).toEqual(book.bids);
    expect(replayed.asks).toEqual(book.asks);
    const top5 = replayDepth(c.named(EventName.updateMktDepthL2).filter((a) => a[0] === 3));
    expect(top5.bids).toEqual(book.bids.slice(0, 5));
    expect(top5.asks).toEqual(book.asks.slice(0, 5));
    c.ib.cancelMktDepth(2, true);
    c.ib.cancelMktDepth(3, true);
    expect(c.unexpectedErrors()).toEqual([]);
  });

  it('sends 5-second real-time bars equal to the model bars', async () => {
    await connect();
    const id = clientId - 1;
    c.ib.reqRealTimeBars(4, new Stock('MSFT'), 5, 'TRADES', false, []);
    await subscribed(id, 'realTimeBars', 1);
    const closed: number[] = [];
    const off = h.model.subscribe((e) => {
      if (e.type === 'bar' && e.bar.symbol === 'MSFT') closed.push(e.bar.ts);
    });
    await h.step(16_000, 16);
    off();
    expect(closed.length).toBeGreaterThanOrEqual(3);
    await c.waitFor(() => c.count(EventName.realtimeBar) === closed.length, 'every closed bar');
    const bars = c.named(EventName.realtimeBar);
    const model = h.model.bars5s('MSFT', bars.length);
    expect(bars.map((b) => b[1])).toEqual(model.map((b) => b.ts / 1000));
    expect(bars.map((b) => [b[2], b[3], b[4], b[5], b[6], b[8]])).toEqual(
      model.map((b) => [b.open, b.high, b.low, b.close, b.volume, b.count]),
    );
    c.ib.cancelRealTimeBars(4);
    expect(c.unexpectedErrors()).toEqual([]);
  });

  it('sends every print as tick-by-tick AllLast (Last leaves out odd lots)', async () => {
    await connect();
    c.ib.reqTickByTickData(5, new Stock('AAPL'), 'AllLast' as never, 0, false);
    c.ib.reqTickByTickData(6, new Stock('AAPL'), 'Last' as never, 0, false);
    await subscribed(clientId - 1, 'tickByTick', 2);
    const trades: Trade[] = [];
    const off = h.model.subscribe((e: MarketEvent) => {
      if (e.type === 'trade' && e.trade.symbol === 'AAPL') trades.push(e.trade);
    });
    await h.step(5_000);
    off();
    await c.waitFor(
      () => c.named(EventName.tickByTickAllLast).filter((a) => a[0] === 5).length >= trades.length,
      'all prints',
    );
    const all = c.named(EventName.tickByTickAllLast).filter((a) => a[0] === 5);
    expect(trades.length).toBeGreaterThan(0);
    expect(all.map((a) => [a[1], a[3], a[4], a[6]])).toEqual(
      trades.map((t) => [2, t.price, t.size, t.venue]),
    );
    expect(all.every((a) => a[2] === String(Math.floor(h.model.now() / 1000)) || Number(a[2]) > 1.7e9)).toBe(
      true,
    );
    const lots = trades.filter((t) => t.size >= 100);
    await c.waitFor(
      () => c.named(EventName.tickByTickAllLast).filter((a) => a[0] === 6).length >= lots.length,
      'round lots',
    );
    const last = c.named(EventName.tickByTickAllLast).filter((a) => a[0] === 6);
    expect(last.map((a) => [a[1], a[3], a[4]])).toEqual(lots.map((t) => [1, t.price, t.size]));
    c.ib.cancelTickByTickData(5);
    c.ib.cancelTickByTickData(6);
    expect(c.unexpectedErrors()).toEqual([]);
  });

  it('answers contract details for a stock, an option and a partial option query; unknown gets 200', async () => {
    await connect();
    const { contract } = optionContract('SPY');
    c.ib.reqContractDetails(7, new Stock('AAPL'));
    c.ib.reqContractDetails(8, contract);
    c.ib.reqContractDetails(9, {
      symbol: 'SPY',
      secType: SecType.OPT,
      lastTradeDateOrContractMonth: contract.lastTradeDateOrContractMonth,
      right: OptionType.Put,
      exchange: 'SMART',
      currency: 'USD',
    });
    c.ib.reqContractDetails(10, new Stock('NOPE'));
    await c.waitFor(
      () => [7, 8, 9].every((id) => c.named(EventName.contractDetailsEnd).some((a) => a[0] === id)),
      'details ends',
    );
    await c.waitForError(200, 10);
    const details = (id: number) =>
      c
        .named(EventName.contractDetails)
        .filter((a) => a[0] === id)
        .map((a) => a[1] as { contract: Contract; minTick: number });
    expect(details(7)).toHaveLength(1);
    expect(details(7)[0]!.contract).toMatchObject({ symbol: 'AAPL', secType: 'STK', primaryExch: 'NASDAQ' });
    expect(details(8)).toHaveLength(1);
    expect(details(8)[0]!.contract).toMatchObject({
      symbol: 'SPY',
      secType: 'OPT',
      strike: contract.strike,
      right: 'C',
      multiplier: 100,
    });
    const puts = details(9);
    const expiry = `${contract.lastTradeDateOrContractMonth!.slice(0, 4)}-${contract.lastTradeDateOrContractMonth!.slice(4, 6)}-${contract.lastTradeDateOrContractMonth!.slice(6)}`;
    expect(puts.length).toBe(h.model.optionChain('SPY', [expiry]).filter((q) => q.right === 'P').length);
    expect(new Set(puts.map((d) => d.contract.conId)).size).toBe(puts.length);
    expect(c.unexpectedErrors([200])).toEqual([]);
  });

  it('streams option quotes with bid/ask/model option computations (Greeks) from the model', async () => {
    await connect();
    const { contract, id } = optionContract('AAPL');
    c.ib.reqMktData(11, contract, '', false, false);
    await c.waitFor(() => c.named(EventName.tickOptionComputation).some((a) => a[1] === 13), 'model Greeks');
    const q = h.model.optionQuote(id)!;
    const comps = c.named(EventName.tickOptionComputation).filter((a) => a[0] === 11);
    expect(new Set(comps.map((a) => a[1]))).toEqual(new Set(q.last > 0 ? [10, 11, 12, 13] : [10, 11, 13]));
    const model = comps.find((a) => a[1] === 13)!;
    // reqId, tickType, attrib, iv, delta, optPrice, pvDividend, gamma, vega, theta, undPrice
    expect(model.slice(3)).toEqual([q.iv, q.delta, q.mark, 0, q.gamma, q.vega, q.theta, q.underlyingPrice]);
    expect(comps.find((a) => a[1] === 10)![5]).toBe(q.bid);
    const prices = c.named(EventName.tickPrice).filter((a) => a[0] === 11);
    expect(prices.find((a) => a[1] === 1)![2]).toBe(q.bid);
    expect(prices.find((a) => a[1] === 2)![2]).toBe(q.ask);
    // Greeks follow the underlying as the model moves.
    const n = comps.length;
    await h.step(30_000, 30);
    await c.waitFor(
      () => c.named(EventName.tickOptionComputation).filter((a) => a[0] === 11).length > n,
      'updated Greeks',
      3_000,
    );
    c.ib.cancelMktData(11);
    expect(c.unexpectedErrors()).toEqual([]);
  });

  it('answers a snapshot request with the current values and TICK_SNAPSHOT_END', async () => {
    await connect();
    c.ib.reqMktData(12, new Stock('SPY'), '', true, false);
    await c.waitForEvent(EventName.tickSnapshotEnd, (a) => a[0] === 12);
    expect(c.named(EventName.tickPrice).filter((a) => a[0] === 12).length).toBeGreaterThan(3);
    const n = c.events.length;
    await h.step(2_000);
    await new Promise((r) => setTimeout(r, 20));
    expect(c.events.slice(n).filter((e) => e.args[0] === 12)).toEqual([]);
    expect(c.unexpectedErrors()).toEqual([]);
  });

  it('serves the SPX index (level as last price) and SPX options (trading class SPXW), also by conId alone', async () => {
    await connect();
    const spx: Contract = { symbol: 'SPX', secType: SecType.IND, exchange: 'CBOE', currency: 'USD' };
    c.ib.reqMktData(16, spx, '', false, false);
    await c.waitFor(() => c.named(EventName.tickPrice).some((a) => a[0] === 16 && a[1] === 4), 'SPX level');
    const level = c.named(EventName.tickPrice).find((a) => a[0] === 16 && a[1] === 4)![2] as number;
    expect(level).toBeCloseTo(h.model.quote('SPX')!.last, 6);
    const { contract } = optionContract('SPX');
    c.ib.reqContractDetails(17, contract);
    await c.waitForEvent(EventName.contractDetailsEnd, (a) => a[0] === 17);
    const d = c.named(EventName.contractDetails).find((a) => a[0] === 17)![1] as {
      contract: Contract;
      underConId: number;
    };
    expect(d.contract).toMatchObject({ symbol: 'SPX', tradingClass: 'SPXW', secType: 'OPT' });
    expect(d.contract.localSymbol).toMatch(/^SPXW {2}\d{6}C\d{8}$/);
    c.ib.reqContractDetails(18, { conId: d.contract.conId });
    await c.waitForEvent(EventName.contractDetailsEnd, (a) => a[0] === 18);
    expect(
      (c.named(EventName.contractDetails).find((a) => a[0] === 18)![1] as { contract: Contract }).contract
        .conId,
    ).toBe(d.contract.conId);
    c.ib.cancelMktData(16);
    expect(c.unexpectedErrors()).toEqual([]);
  });

  it('rejects unknown contracts (200), duplicate ticker ids (102) and depth on options (10092)', async () => {
    await connect();
    c.ib.reqMktData(13, new Stock('ZZZZ'), '', false, false);
    c.ib.reqMktData(14, new Stock('SPY'), '', false, false);
    c.ib.reqMktData(14, new Stock('SPY'), '', false, false);
    c.ib.reqMktDepth(15, optionContract('SPY').contract, 5, false, []);
    await c.waitForError(200, 13);
    await c.waitForError(102, 14);
    await c.waitForError(10092, 15);
    expect(c.unexpectedErrors([200, 102, 10092])).toEqual([]);
  });
});
