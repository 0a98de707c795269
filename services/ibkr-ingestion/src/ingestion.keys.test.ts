// Every key the service owns appears in a real Redis with its registered type, TTL and cap, and every
// value validates against the registry schema — fed by tws-sim over TCP through the real @stoqey/ib.
import { findEntryForKey, ibkrSubscriptionsOptions } from '@alphatrader/shared';
import { K } from './testing/keys';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkKey } from './testing/check-keys';
import {
  LEVEL2,
  STANDARD,
  startIngestion,
  startWorld,
  until,
  type RunningIngestion,
  type World,
} from './testing/harness';

let world: World;
let running: RunningIngestion;
let occ: string;

const expectedKeys = (): string[] => {
  const keys = [K.connected, K.account, K.metrics, K.errors, K.events, K.optionQuote(occ)];
  for (const s of [...LEVEL2, ...STANDARD]) {
    for (const k of [K.trades, K.last, K.bars, K.ticker, K.spread, K.imbalance, K.timestamp, K.raw])
      keys.push(k(s));
  }
  for (const s of LEVEL2) keys.push(K.book(s), K.snapshots(s), K.rawDepth(s), K.deltas(s));
  return keys;
};

beforeAll(async () => {
  world = await startWorld({ speed: 20, seed: 3 });
  running = await startIngestion(world, {
    staleAfterMs: 1500,
    unusualVolume: { windowSeconds: 15, ratio: 1.5, slotMinutes: 30, minSamples: 6, minVolume: 0 },
    options: { pollMs: 200, maxSubscriptions: 10 },
  });
  const chain = world.model.optionChain('SPY');
  occ = chain[Math.floor(chain.length / 2)]!.contractId;
  await world.store.zadd(ibkrSubscriptionsOptions.at(), world.model.now() + 3_600_000, occ);
});

afterAll(async () => {
  await running?.handle.stop();
  await world?.stop();
});

describe('ibkr-ingestion writes every key with its registered TTL and schema', () => {
  it('writes the level-1, level-2, tape, bar, option, status, monitoring and events keys', async () => {
    // A burst of activity after the baseline has formed: unusual volume.
    setTimeout(() => world.model.setScenario('crash'), 3000);
    const wanted = expectedKeys();
    await until(
      async () => {
        const present = new Set(await world.client.keys('*'));
        return wanted.every((k) => present.has(k));
      },
      25_000,
      'every expected key',
    ).catch(async (err: unknown) => {
      const present = new Set(await world.client.keys('*'));
      throw new Error(`${String(err)}; missing: ${wanted.filter((k) => !present.has(k)).join(', ')}`);
    });
    await until(async () => (await world.client.keys(K.sweepGlob)).length > 0, 20_000, 'a sweep');
    await until(async () => (await world.client.keys(K.unusualGlob)).length > 0, 20_000, 'unusual volume');
    // A symbol that stops updating shows up in monitoring:data:stale.
    world.sim.faults.stopSymbol('VXX');
    await until(
      async () => (await world.client.hexists(K.stale, 'ibkr_quote:VXX')) === 1,
      10_000,
      'VXX stale',
    );

    const keys = (await world.client.keys('*')).filter(
      (k) => findEntryForKey(k)?.owner === 'ibkr-ingestion' || k === K.stale,
    );
    const problems: string[] = [];
    for (const key of keys)
      problems.push(...(await checkKey(world.client, world.store, key, findEntryForKey(key)!)));
    expect(problems).toEqual([]);
    // Everything expected (VXX's 1 s keys may have expired by now), plus sweep, unusual volume and stale.
    expect(keys.length).toBeGreaterThanOrEqual(wanted.length - 7 + 3);
  });

  it('writes values that describe the market it was fed', async () => {
    expect(await world.client.get(K.connected)).toBe('1');
    expect(JSON.parse((await world.client.get(K.account))!)).toMatchObject({
      accountId: 'DU1234567',
      paper: true,
    });
    const book = JSON.parse((await world.client.get(K.book('SPY')))!) as {
      bids: { price: number }[];
      asks: { price: number }[];
    };
    expect(book.bids).toHaveLength(10);
    expect(book.bids[0]!.price).toBeLessThan(book.asks[0]!.price);
    const modelQuote = world.model.quote('SPY')!;
    expect(Math.abs(book.bids[0]!.price - modelQuote.bid)).toBeLessThan(modelQuote.bid * 0.01);
    const trade = JSON.parse((await world.client.lindex(K.trades('SPY'), 0))!) as {
      source: string;
      venue: string;
    };
    expect(trade.source).toBe('tick_by_tick');
    const aaplTrade = JSON.parse((await world.client.lindex(K.trades('AAPL'), 0))!) as { source: string };
    expect(aaplTrade.source).toBe('rtvolume');
    const snapshots = await world.client.lrange(K.snapshots('SPY'), 0, -1);
    const ts = snapshots.map((s) => (JSON.parse(s) as { ts: number }).ts);
    expect([...ts].sort((a, b) => b - a)).toEqual(ts);
    const option = JSON.parse((await world.client.get(K.optionQuote(occ)))!) as {
      occ: string;
      mark: number;
      delta: number;
    };
    expect(option.occ).toBe(occ);
    expect(option.mark).toBeGreaterThan(0);
    expect(Math.abs(option.delta)).toBeLessThanOrEqual(1);
    const stale = await world.client.hkeys(K.stale);
    expect(stale).toContain('ibkr_quote:VXX');
    expect(stale.some((f) => f.endsWith(':SPY'))).toBe(false);
    const metrics = await world.client.hgetall(K.metrics);
    expect(Number(metrics.messages)).toBeGreaterThan(0);
    expect(Number(metrics.connected)).toBe(1);
    expect(Number(metrics.subscriptions)).toBe(31);
    const errors = (await world.client.lrange(K.errors, 0, -1)).map(
      (e) => (JSON.parse(e) as { code: number }).code,
    );
    expect(errors).toEqual(expect.arrayContaining([2104, 2106, 2158]));
    const events = await world.client.xrange(K.events, '-', '+');
    const kinds = new Set(events.map(([, f]) => (JSON.parse(f[1]!) as { kind: string }).kind));
    expect([...kinds]).toEqual(expect.arrayContaining(['book', 'option_quote']));
  });

  it('cancels an option subscription when its lease goes', async () => {
    await world.store.zrem(ibkrSubscriptionsOptions.at(), occ);
    await until(() => running.ingestion.state.options.size === 0, 5000, 'option unsubscribed');
    expect(running.ingestion.gateway.subscriptions().filter((s) => s.kind === 'option')).toEqual([]);
    await until(
      () => world.sim.stats().clients.every((c) => c.subscriptions.mktData === 12),
      5000,
      'option cancelled at the gateway',
    );
  });
});
