import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { startRedisServer, type RedisServerHandle } from '@alphatrader/testkit';
import { InvalidDataCounter, monitoringDataInvalid } from '../registry/index';
import { createStore, type Store } from './store';
import { quote, testHash, testList, testString } from './store.fixtures';

let server: RedisServerHandle;
let raw: Redis;
let store: Store;
let warnings: Array<{ obj: object; msg: string | undefined }>;
let now: number;

async function counter(family: string): Promise<InvalidDataCounter | null> {
  const field = await raw.hget(monitoringDataInvalid.key(), family);
  return field === null ? null : InvalidDataCounter.parse(JSON.parse(field));
}

beforeAll(async () => {
  server = await startRedisServer();
  raw = server.client();
});
afterAll(async () => {
  await server.stop();
});
beforeEach(async () => {
  await raw.flushall();
  warnings = [];
  now = 1_732_262_400_000;
  store = createStore(server.client(), {
    service: 'analytics',
    logger: { warn: (obj, msg) => warnings.push({ obj, msg }) },
    now: () => now,
    invalidReportWindowMs: 60_000,
  });
});

describe('invalid values on read', () => {
  it('rejects bad JSON with a typed error, counts it per family and logs it once', async () => {
    const ref = testString.at({ id: 'j' });
    await raw.set(ref.key, '{"symbol":"SPY",');
    const res = await store.get(ref);
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.error.kind).toBe('invalid');
    expect(res.error.key).toBe(ref.key);
    expect(res.error.reason).toMatch(/^not JSON/);
    for (let i = 0; i < 5; i++) await store.get(ref);
    expect(await counter('storetest')).toEqual({
      count: 1,
      lastReason: res.error.reason,
      lastKey: ref.key,
      ts: now,
    });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.obj).toMatchObject({
      key: ref.key,
      family: 'storetest',
      reason: res.error.reason,
      service: 'analytics',
    });
  });

  it('rejects a schema violation with the failing field in the reason', async () => {
    const ref = testString.at({ id: 's' });
    await raw.set(ref.key, JSON.stringify({ symbol: 'SPY', price: '101.5', ts: 1 }));
    const res = await store.get(ref);
    expect(!res.ok && res.error.kind).toBe('invalid');
    expect(!res.ok && res.error.reason).toMatch(/price/);
    expect((await counter('storetest'))?.lastReason).toMatch(/price.*expected number/);
  });

  it('counts a new reason, and the same reason again once the window has passed', async () => {
    const ref = testString.at({ id: 'w' });
    await raw.set(ref.key, 'garbage');
    await store.get(ref);
    await raw.set(ref.key, JSON.stringify({ symbol: 'SPY' }));
    await store.get(ref);
    await store.get(ref);
    expect((await counter('storetest'))?.count).toBe(2);
    now += 61_000;
    await store.get(ref);
    expect(await counter('storetest')).toMatchObject({ count: 3, ts: now });
    expect(warnings).toHaveLength(3);
  });

  it('skips and counts invalid list elements, returning the valid ones', async () => {
    const ref = testList.at({ id: 'l' });
    await raw.lpush(
      ref.key,
      JSON.stringify(quote(1)),
      'nope',
      JSON.stringify({ price: 2 }),
      JSON.stringify(quote(3)),
    );
    const res = await store.range(ref);
    expect(res).toEqual({ ok: true, value: { values: [quote(3), quote(1)], invalid: 2 } });
    expect((await counter('storetest'))?.count).toBe(2);
  });

  it('drops and counts invalid hash fields', async () => {
    const ref = testHash.at({ id: 'h' });
    await raw.hset(ref.key, 'SPY', JSON.stringify(quote(1)), 'QQQ', '[1,2]');
    const all = await store.hgetall(ref);
    expect(all).toEqual({ ok: true, value: { values: { SPY: quote(1) }, invalid: 1 } });
    const one = await store.hget(ref, 'QQQ');
    expect(!one.ok && one.error.kind).toBe('invalid');
  });

  it('treats a key holding another Redis type as invalid', async () => {
    const ref = testString.at({ id: 't' });
    await raw.lpush(ref.key, 'x');
    const res = await store.get(ref);
    expect(!res.ok && res.error).toMatchObject({
      kind: 'invalid',
      reason: expect.stringMatching(/^WRONGTYPE/),
    });
    expect((await counter('storetest'))?.count).toBe(1);
  });

  it('keeps counting when the monitoring field itself was corrupted', async () => {
    await raw.hset(monitoringDataInvalid.key(), 'storetest', 'corrupt');
    await raw.set(testString.key({ id: 'c' }), 'x');
    await store.get(testString.at({ id: 'c' }));
    expect((await counter('storetest'))?.count).toBe(1);
  });
});

describe('Redis unavailable', () => {
  it('returns unavailable from every read without throwing', async () => {
    const own = await startRedisServer();
    const client = new Redis({
      port: own.port,
      host: own.host,
      maxRetriesPerRequest: 0,
      enableOfflineQueue: false,
      commandTimeout: 500,
      connectTimeout: 500,
      retryStrategy: () => null,
      lazyConnect: true,
    });
    client.on('error', () => undefined);
    await client.connect();
    const downStore = createStore(client);
    await downStore.set(testString.at({ id: 'u' }), quote(1));
    expect((await downStore.get(testString.at({ id: 'u' }))).ok).toBe(true);
    await own.stop();
    await new Promise((r) => setTimeout(r, 100));

    const reads = await Promise.all([
      downStore.get(testString.at({ id: 'u' })),
      downStore.range(testList.at({ id: 'u' })),
      downStore.hget(testHash.at({ id: 'u' }), 'f'),
      downStore.hgetall(testHash.at({ id: 'u' })),
      downStore.ttl(testString.at({ id: 'u' })),
    ]);
    for (const res of reads) {
      expect(res.ok).toBe(false);
      expect(!res.ok && res.error.kind).toBe('unavailable');
      expect(!res.ok && res.error.reason.length).toBeGreaterThan(0);
    }
    await expect(downStore.set(testString.at({ id: 'u' }), quote(2))).rejects.toThrow();
    client.disconnect();
  });
});
