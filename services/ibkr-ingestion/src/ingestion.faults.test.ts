// Bad input over the real wire: a depth-permission warning (2152, tws-sim fault) makes a symbol fall
// back to level 1; a competing live session (10197) is retried; malformed messages, crossed books,
// non-positive prices, out-of-band and out-of-order prints and inconsistent bars are rejected and
// counted while nothing invalid reaches a market key. tws-sim feeds the service through a proxy that
// injects the frames the simulator has no fault for.
import { OrderBook, Trade } from '@alphatrader/shared';
import { K } from './testing/keys';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startIngestion, startWorld, until, type RunningIngestion, type World } from './testing/harness';
import { startTwsProxy, type TwsProxy } from './testing/tws-proxy';

const REQ_MKT_DEPTH = 10;
const REQ_TICK_BY_TICK = 97;
const REQ_REAL_TIME_BARS = 50;

let world: World;
let proxy: TwsProxy;
let running: RunningIngestion;
const logLines: string[] = [];

beforeAll(async () => {
  world = await startWorld({ speed: 10, seed: 9 });
  world.sim.faults.depthPermission('QQQ');
  proxy = await startTwsProxy(world.sim.port);
  running = await startIngestion(
    world,
    { reconnect: { initialDelayMs: 100, maxDelayMs: 500 }, competingSessionRetryMs: 1000 },
    { clientId: 51, port: proxy.port, logLines, logLevel: 'info' },
  );
  await until(() => running.ingestion.gateway.connectionState === 'ready', 5000, 'session');
  await until(async () => (await world.client.exists(K.book('SPY'))) === 1, 5000, 'SPY book');
});

afterEach((ctx) => {
  if (ctx.task.result?.state === 'fail') process.stderr.write(logLines.slice(-30).join(''));
});

afterAll(async () => {
  await running?.handle.stop();
  await proxy?.close();
  await world?.stop();
});

/** Every request of ours has reached the gateway (we send at most maxRequestsPerSecond). */
function atGateway(): number {
  const c = world.sim.stats().clients.find((x) => x.clientId === 51)?.subscriptions;
  return c === undefined ? 0 : c.mktData + c.depth + c.realTimeBars + c.tickByTick;
}

async function settled(): Promise<void> {
  await until(
    () => atGateway() === running.ingestion.gateway.subscriptionCount,
    5000,
    'all requests at the gateway',
  );
}

const invalid = (reason: string) => running.ingestion.state.metrics.invalid.get(reason as never) ?? 0;

/** Reads the book key for a while: it must never show a crossed or locked top of book. */
async function watchBook(symbol: string, ms: number): Promise<number> {
  let reads = 0;
  const until = Date.now() + ms;
  while (Date.now() < until) {
    const raw = await world.client.get(K.book(symbol));
    if (raw !== null) {
      const book = OrderBook.parse(JSON.parse(raw));
      const bid = book.bids[0]?.price;
      const ask = book.asks[0]?.price;
      if (bid !== undefined && ask !== undefined) expect(bid).toBeLessThan(ask);
      reads++;
    }
    await new Promise((r) => setTimeout(r, 5));
  }
  return reads;
}

describe('depth permission warning (2152)', () => {
  it('logs once, falls back to level 1 for that symbol and keeps depth for the others', async () => {
    await until(async () => (await world.client.exists(K.ticker('QQQ'))) === 1, 5000, 'QQQ level 1');
    expect(await world.client.exists(K.book('QQQ'))).toBe(0);
    expect(await world.client.exists(K.deltas('QQQ'))).toBe(0);
    await until(async () => (await world.client.exists(K.book('IWM'))) === 1, 3000, 'IWM keeps its book');
    const qqq = running.ingestion.state.feeds.get('QQQ')!;
    expect(qqq.depthEnabled).toBe(false);
    expect(
      running.ingestion.gateway.subscriptions().some((s) => s.kind === 'depth' && s.symbol === 'QQQ'),
    ).toBe(false);
    const imbalance = JSON.parse((await world.client.get(K.imbalance('QQQ')))!) as {
      depthWeighted: number | null;
    };
    expect(imbalance.depthWeighted).toBeNull();
    const errors = (await world.client.lrange(K.errors, 0, -1)).map(
      (e) => JSON.parse(e) as { code: number; symbol: string },
    );
    expect(errors.filter((e) => e.code === 2152)).toEqual([expect.objectContaining({ symbol: 'QQQ' })]);

    // A new session does not ask again (the fallback holds), so there is no second warning.
    const depthRequests = () =>
      proxy.requests.filter((r) => r.msgId === REQ_MKT_DEPTH && r.fields[4] === 'QQQ').length;
    expect(depthRequests()).toBe(1);
    world.sim.faults.dropConnections();
    await until(() => running.ingestion.state.metrics.reconnects === 1, 5000, 'reconnected');
    await until(() => running.ingestion.gateway.subscriptionCount === 29, 5000, 'resubscribed');
    expect(depthRequests()).toBe(1);
    const warnings = logLines.filter((l) => l.includes('falling back to level 1') && l.includes('"QQQ"'));
    expect(warnings).toHaveLength(1);
  });
});

describe('invalid data is rejected and counted', () => {
  beforeAll(settled);

  it('malformed messages (underrun, overrun, unknown id) are counted and the feed goes on', async () => {
    const before = invalid('malformed_message');
    for (const kind of ['underrun', 'overrun', 'unknown-message'] as const)
      world.sim.faults.sendMalformed(kind);
    await until(() => invalid('malformed_message') >= before + 3, 5000, 'three malformed counted');
    const ts = Number(await world.client.get(K.timestamp('SPY')));
    await until(async () => Number(await world.client.get(K.timestamp('SPY'))) > ts, 5000, 'data flowing');
    expect(running.ingestion.gateway.connectionState).toBe('ready');
  });

  it('a crossed book is kept out of Redis and counted', async () => {
    const reqId = proxy.reqIdOf(REQ_MKT_DEPTH, 'SPY')!;
    // The simulator's own updates would un-cross row 0 within milliseconds: hold them while we look.
    world.sim.faults.stopSymbol('SPY');
    await new Promise((r) => setTimeout(r, 100));
    const book = running.ingestion.state.feeds.get('SPY')!.book!;
    const top = { ...book.bids[0]! };
    const before = invalid('crossed_book');
    // Bid row 0 updated above the best ask.
    proxy.inject([13, 1, reqId, 0, 'FAKE', 1, 1, book.asks[0]!.price + 0.5, 100, 1]);
    await until(() => invalid('crossed_book') > before, 3000, 'crossed book counted');
    await watchBook('SPY', 300);
    // Row 0 as it was: the book is published again.
    proxy.inject([13, 1, reqId, 0, top.venue ?? '', 1, 1, top.price, top.size, 1]);
    world.sim.faults.resumeSymbol('SPY');
    await until(async () => (await world.client.exists(K.book('SPY'))) === 1, 3000, 'book back');
    expect(await watchBook('SPY', 300)).toBeGreaterThan(0);
  });

  it('non-positive depth prices and sizes are refused', async () => {
    const reqId = proxy.reqIdOf(REQ_MKT_DEPTH, 'IWM')!;
    const price = invalid('non_positive_price');
    const size = invalid('non_positive_size');
    proxy.inject([13, 1, reqId, 1, 'FAKE', 1, 0, 0, 100, 1]);
    proxy.inject([13, 1, reqId, 1, 'FAKE', 1, 0, 220.5, -100, 1]);
    await until(
      () => invalid('non_positive_price') > price && invalid('non_positive_size') > size,
      3000,
      'both counted',
    );
    const iwm = OrderBook.parse(JSON.parse((await world.client.get(K.book('IWM')))!));
    expect(iwm.asks.every((l) => l.price > 0 && l.size > 0)).toBe(true);
  });

  it('prints far outside the price band or back in time never reach the trades list', async () => {
    const reqId = proxy.reqIdOf(REQ_TICK_BY_TICK, 'SPY')!;
    const last = Trade.parse(JSON.parse((await world.client.lindex(K.trades('SPY'), 0))!));
    const band = invalid('price_band');
    const order = invalid('out_of_order');
    // The simulated market runs 10× faster than the wall clock: stamp the print a little ahead of it.
    const nowSec = Math.floor(world.model.now() / 1000);
    proxy.inject([99, reqId, 2, nowSec + 5, last.price * 3, 777, 0, 'FAKE', '']);
    proxy.inject([99, reqId, 2, nowSec - 3600, last.price, 778, 0, 'FAKE', '']);
    await until(() => invalid('price_band') > band && invalid('out_of_order') > order, 3000, 'both counted');
    await new Promise((r) => setTimeout(r, 100));
    const trades = (await world.client.lrange(K.trades('SPY'), 0, -1)).map((t) => Trade.parse(JSON.parse(t)));
    expect(trades.some((t) => t.venue === 'FAKE')).toBe(false);
  });

  it('an inconsistent 5-second bar is refused', async () => {
    const reqId = proxy.reqIdOf(REQ_REAL_TIME_BARS, 'AAPL')!;
    const before = invalid('bad_bar');
    const t = Math.floor(world.model.now() / 1000) + 3600;
    proxy.inject([50, 3, reqId, t, 230, 229, 231, 230, 1000, 230, 10]);
    await until(() => invalid('bad_bar') > before, 3000, 'bad bar counted');
    const bars = await world.client.lrange(K.bars('AAPL'), 0, -1);
    expect(bars.some((b) => (JSON.parse(b) as { ts: number }).ts === t * 1000)).toBe(false);
  });

  it('publishes the rejection counts by reason in monitoring:ibkr:metrics', async () => {
    await until(
      async () => Number(await world.client.hget(K.metrics, 'invalid_bad_bar')) >= 1,
      3000,
      'metrics',
    );
    const m = await world.client.hgetall(K.metrics);
    for (const reason of [
      'malformed_message',
      'crossed_book',
      'non_positive_price',
      'price_band',
      'out_of_order',
      'bad_bar',
    ]) {
      expect(Number(m[`invalid_${reason}`])).toBeGreaterThanOrEqual(1);
    }
    expect(Number(m.invalid)).toBeGreaterThanOrEqual(6);
  });
});

describe('competing live session (10197)', () => {
  it('drops the refused requests and asks again later', async () => {
    // Every request has reached the gateway (our side sends at most maxRequestsPerSecond).
    const atGateway = () => {
      const c = world.sim.stats().clients.find((x) => x.clientId === 51)?.subscriptions;
      return c === undefined ? 0 : c.mktData + c.depth + c.realTimeBars + c.tickByTick;
    };
    await until(
      () => atGateway() === running.ingestion.gateway.subscriptionCount,
      5000,
      'all requests at the gateway',
    );
    const before = running.ingestion.gateway.subscriptions().map((x) => x.reqId);
    expect(world.sim.faults.competingSession()).toBe(before.length);
    await until(
      async () =>
        (await world.client.lrange(K.errors, 0, -1)).some(
          (e) => (JSON.parse(e) as { code: number }).code === 10197,
        ),
      3000,
      '10197 recorded',
    );
    // Asked again after competingSessionRetryMs with new request ids, and data flows.
    await until(
      () => {
        const now = running.ingestion.gateway.subscriptions();
        return now.length === before.length && now.every((x) => !before.includes(x.reqId));
      },
      5000,
      'subscriptions renewed',
    );
    const ts = Number(await world.client.get(K.timestamp('SPY')));
    await until(async () => Number(await world.client.get(K.timestamp('SPY'))) > ts, 5000, 'data flowing');
    expect(running.ingestion.gateway.connectionState).toBe('ready');
  });
});
