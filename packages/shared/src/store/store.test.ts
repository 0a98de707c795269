import { beforeEach, describe, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import type { Store } from './store';
import { useStoreServer } from './store.harness';
import { StoreBatchError, StoreWriteError } from './errors';
import {
  quote,
  testHash,
  testList,
  testLongList,
  testPersistent,
  testSet,
  testStream,
  testString,
  testZset,
  type Quote,
} from './store.fixtures';

const redis = useStoreServer();
let raw: Redis;
let store: Store;
beforeEach(() => {
  ({ raw, store } = redis);
});

describe('string values', () => {
  it('round-trips a value as readable JSON with the entry TTL', async () => {
    const ref = testString.at({ id: 'a' });
    await store.set(ref, quote(101.5));
    expect(await store.get(ref)).toEqual({ ok: true, value: quote(101.5) });
    expect(JSON.parse((await raw.get(ref.key))!)).toEqual(quote(101.5));
    const pttl = await raw.pttl(ref.key);
    expect(pttl).toBeGreaterThan(4000);
    expect(pttl).toBeLessThanOrEqual(5000);
    const ttl = await store.ttl(ref);
    expect(ttl.ok && ttl.value !== null && ttl.value > 4000 && ttl.value <= 5000).toBe(true);
  });

  it('writes persistent entries without expiry, clearing a TTL left behind', async () => {
    const ref = testPersistent.at({ id: 'a' });
    await raw.set(ref.key, JSON.stringify(quote(1)), 'EX', 100);
    await store.set(ref, quote(2));
    expect(await raw.pttl(ref.key)).toBe(-1);
    expect(await store.ttl(ref)).toEqual({ ok: true, value: null });
  });

  it('reports a missing key as a typed error', async () => {
    const ref = testString.at({ id: 'none' });
    const res = await store.get(ref);
    expect(res).toEqual({ ok: false, error: { kind: 'missing', key: ref.key, reason: 'no value' } });
    expect((await store.ttl(ref)).ok).toBe(false);
  });

  it('refuses to write a value that breaks the schema', async () => {
    const ref = testString.at({ id: 'bad' });
    const bad = { symbol: 'SPY', price: '101', ts: 1 } as unknown as Quote;
    await expect(store.set(ref, bad)).rejects.toBeInstanceOf(StoreWriteError);
    await expect(store.set(ref, bad)).rejects.toThrow(/price/);
    expect(await raw.exists(ref.key)).toBe(0);
  });

  it('writes only when absent', async () => {
    const ref = testString.at({ id: 'nx' });
    expect(await store.setIfAbsent(ref, quote(1))).toBe(true);
    expect(await store.setIfAbsent(ref, quote(2))).toBe(false);
    expect(await store.get(ref)).toEqual({ ok: true, value: quote(1) });
    expect(await raw.pttl(ref.key)).toBeGreaterThan(4000);
  });

  it('deletes', async () => {
    const ref = testString.at({ id: 'd' });
    await store.set(ref, quote(1));
    expect(await store.del(ref)).toBe(true);
    expect(await store.del(ref)).toBe(false);
    expect(await raw.exists(ref.key)).toBe(0);
  });
});

describe('lists', () => {
  it('pushes more values than one LPUSH chunk in order, and skips what the cap would trim at once', async () => {
    const long = testLongList.at({ id: 'long' });
    const prices = Array.from({ length: 2200 }, (_, i) => i + 1);
    expect(await store.push(long, ...prices.map((p) => quote(p)))).toBe(2200);
    const more = Array.from({ length: 400 }, (_, i) => 2201 + i);
    expect(await store.push(long, ...more.map((p) => quote(p)))).toBe(2500);
    const all = await store.range(long);
    expect(all.ok && all.value.values.map((q) => q.price)).toEqual(
      Array.from({ length: 2500 }, (_, i) => 2600 - i),
    );
    const short = testList.at({ id: 'burst' });
    expect(await store.push(short, ...prices.map((p) => quote(p)))).toBe(3);
    const kept = await store.range(short);
    expect(kept.ok && kept.value.values.map((q) => q.price)).toEqual([2200, 2199, 2198]);
  });

  it('pushes newest first, trims to the cap and applies the TTL', async () => {
    const ref = testList.at({ id: 'l' });
    expect(await store.push(ref, quote(1), quote(2))).toBe(2);
    expect(await store.push(ref, quote(3), quote(4), quote(5))).toBe(3);
    expect(await raw.llen(ref.key)).toBe(3);
    const res = await store.range(ref);
    expect(res).toEqual({ ok: true, value: { values: [quote(5), quote(4), quote(3)], invalid: 0 } });
    const pttl = await raw.pttl(ref.key);
    expect(pttl).toBeGreaterThan(9000);
    expect(pttl).toBeLessThanOrEqual(10_000);
    const head = await store.range(ref, 0, 0);
    expect(head.ok && head.value.values).toEqual([quote(5)]);
  });

  it('pops the oldest element, as a queue', async () => {
    const ref = testList.at({ id: 'q' });
    await store.push(ref, quote(1), quote(2));
    expect(await store.pop(ref)).toEqual({ ok: true, value: quote(1) });
    expect(await store.pop(ref)).toEqual({ ok: true, value: quote(2) });
    const empty = await store.pop(ref);
    expect(!empty.ok && empty.error.kind).toBe('missing');
  });

  it('waits for an element with a blocking pop', async () => {
    const ref = testList.at({ id: 'bq' });
    const consumer = redis.separateStore();
    const pending = consumer.bpop(ref, 5);
    await new Promise((r) => setTimeout(r, 50));
    await store.push(ref, quote(9));
    expect(await pending).toEqual({ ok: true, value: quote(9) });
    const timedOut = await consumer.bpop(ref, 0.05);
    expect(!timedOut.ok && timedOut.error.kind).toBe('missing');
  });

  it('reads a missing list as empty', async () => {
    expect(await store.range(testList.at({ id: 'none' }))).toEqual({
      ok: true,
      value: { values: [], invalid: 0 },
    });
  });

  it('validates every pushed element before writing any', async () => {
    const ref = testList.at({ id: 'v' });
    await expect(store.push(ref, quote(1), { nope: true } as unknown as Quote)).rejects.toBeInstanceOf(
      StoreWriteError,
    );
    expect(await raw.exists(ref.key)).toBe(0);
  });
});

describe('hashes', () => {
  it('round-trips fields and refreshes the TTL', async () => {
    const ref = testHash.at({ id: 'h' });
    await store.hset(ref, 'SPY', quote(1));
    await store.hsetMany(ref, { QQQ: { ...quote(2), symbol: 'QQQ' }, IWM: { ...quote(3), symbol: 'IWM' } });
    expect(await store.hget(ref, 'SPY')).toEqual({ ok: true, value: quote(1) });
    const all = await store.hgetall(ref);
    expect(all.ok && all.value).toEqual({
      values: { SPY: quote(1), QQQ: { ...quote(2), symbol: 'QQQ' }, IWM: { ...quote(3), symbol: 'IWM' } },
      invalid: 0,
    });
    expect(await raw.pttl(ref.key)).toBeGreaterThan(59_000);
    expect(await store.hdel(ref, 'SPY', 'nope')).toBe(1);
    const gone = await store.hget(ref, 'SPY');
    expect(!gone.ok && gone.error.kind).toBe('missing');
  });
});

describe('sorted sets', () => {
  it('keeps the cap highest scores and reads by score range', async () => {
    const ref = testZset.at({ id: 'z' });
    for (const [score, id] of [
      [10, 'a'],
      [20, 'b'],
      [30, 'c'],
      [40, 'd'],
    ] as const)
      await store.zadd(ref, score, id);
    expect(await raw.zcard(ref.key)).toBe(3);
    const res = await store.zrangeByScore(ref, '-inf', '+inf');
    expect(res.ok && res.value).toEqual({
      values: [
        { member: 'b', score: 20 },
        { member: 'c', score: 30 },
        { member: 'd', score: 40 },
      ],
      invalid: 0,
    });
    const limited = await store.zrangeByScore(ref, 25, 100, { offset: 0, count: 1 });
    expect(limited.ok && limited.value.values).toEqual([{ member: 'c', score: 30 }]);
    expect(await store.zrem(ref, 'c')).toBe(1);
    expect(await raw.pttl(ref.key)).toBeGreaterThan(29_000);
  });
});

describe('sets', () => {
  it('round-trips members', async () => {
    const ref = testSet.at({ id: 's' });
    expect(await store.sadd(ref, 'SPY 20251219 C 600', 'SPY 20251219 P 580')).toBe(2);
    expect(await store.sadd(ref, 'SPY 20251219 C 600')).toBe(0);
    expect(await store.srem(ref, 'SPY 20251219 P 580')).toBe(1);
    const res = await store.smembers(ref);
    expect(res.ok && res.value).toEqual({ values: ['SPY 20251219 C 600'], invalid: 0 });
    expect(await raw.pttl(ref.key)).toBe(-1);
  });
});

describe('streams', () => {
  it('appends entries with MAXLEN and TTL and reads them after an id', async () => {
    const ref = testStream.at({ id: 'x' });
    const first = await store.xadd(ref, quote(1));
    await store.xadd(ref, quote(2));
    const all = await store.xread(ref, '0');
    expect(all.ok && all.value.values.map((e) => e.value)).toEqual([quote(1), quote(2)]);
    const after = await store.xread(ref, first);
    expect(after.ok && after.value.values.map((e) => e.value)).toEqual([quote(2)]);
    expect(await raw.pttl(ref.key)).toBeGreaterThan(119_000);
    for (let i = 0; i < 400; i++) await store.xadd(ref, quote(i));
    // MAXLEN ~ trims whole macro nodes: the length stays near the cap, far below what was added.
    expect(await raw.xlen(ref.key)).toBeLessThan(400);
  });

  it('waits for a new entry when blocking', async () => {
    const ref = testStream.at({ id: 'block' });
    const reader = redis.separateStore();
    const pending = reader.xread(ref, '$', { blockMs: 5000 });
    await new Promise((r) => setTimeout(r, 50));
    await store.xadd(ref, quote(7));
    const res = await pending;
    expect(res.ok && res.value.values.map((e) => e.value)).toEqual([quote(7)]);
  });
});

describe('batch', () => {
  it('sends queued writes of every type with TTLs and caps', async () => {
    const batch = store.batch();
    batch
      .set(testString.at({ id: 'b1' }), quote(1))
      .set(testString.at({ id: 'b2' }), quote(2))
      .push(testList.at({ id: 'b' }), quote(1), quote(2), quote(3), quote(4))
      .hset(testHash.at({ id: 'b' }), 'SPY', quote(5))
      .zadd(testZset.at({ id: 'b' }), 1, 'm')
      .sadd(testSet.at({ id: 'b' }), 'x')
      .xadd(testStream.at({ id: 'b' }), quote(6));
    expect(batch.length).toBe(7);
    expect(await raw.exists(testString.key({ id: 'b1' }))).toBe(0);
    await batch.exec();
    expect(batch.length).toBe(0);
    expect(await store.get(testString.at({ id: 'b2' }))).toEqual({ ok: true, value: quote(2) });
    expect(await raw.pttl(testString.key({ id: 'b1' }))).toBeGreaterThan(4000);
    expect(await raw.llen(testList.key({ id: 'b' }))).toBe(3);
    expect(await store.hget(testHash.at({ id: 'b' }), 'SPY')).toEqual({ ok: true, value: quote(5) });
    expect(await raw.zcard(testZset.key({ id: 'b' }))).toBe(1);
    expect(await raw.xlen(testStream.key({ id: 'b' }))).toBe(1);
  });

  it('validates when a write is queued', () => {
    expect(() => store.batch().set(testString.at({ id: 'q' }), { price: 1 } as unknown as Quote)).toThrow(
      StoreWriteError,
    );
  });

  it('reports failed commands and applies the others', async () => {
    await raw.set(testHash.key({ id: 'wrong' }), 'a string where a hash belongs');
    const batch = store
      .batch()
      .hset(testHash.at({ id: 'wrong' }), 'f', quote(1))
      .set(testString.at({ id: 'ok' }), quote(1));
    const err: unknown = await batch.exec().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreBatchError);
    expect((err as StoreBatchError).failures.map((f) => f.key)).toEqual([testHash.key({ id: 'wrong' })]);
    expect((await store.get(testString.at({ id: 'ok' }))).ok).toBe(true);
  });

  it('goes to Redis as one script call, deletes and removals included', async () => {
    await store.set(testPersistent.at({ id: 'gone' }), quote(1));
    await store.hsetMany(testHash.at({ id: 'd' }), { SPY: quote(1), QQQ: quote(2) });
    await store.zadd(testZset.at({ id: 'd' }), 1, 'a');
    await store.zadd(testZset.at({ id: 'd' }), 2, 'b');
    await store.sadd(testSet.at({ id: 'd' }), 'x', 'y');
    const calls = async () =>
      Number(/cmdstat_evalsha:calls=(\d+)/.exec(await raw.info('commandstats'))?.[1] ?? 0);
    const before = await calls();
    await store
      .batch()
      .del(testPersistent.at({ id: 'gone' }))
      .hdel(testHash.at({ id: 'd' }), 'SPY')
      .zrem(testZset.at({ id: 'd' }), 'a')
      .srem(testSet.at({ id: 'd' }), 'x')
      .push(testList.at({ id: 'd' }), quote(1), quote(2), quote(3), quote(4), quote(5))
      .set(testPersistent.at({ id: 'kept' }), quote(9))
      .exec();
    expect((await calls()) - before).toBe(1);
    expect(await raw.exists(testPersistent.key({ id: 'gone' }))).toBe(0);
    expect(await raw.hkeys(testHash.key({ id: 'd' }))).toEqual(['QQQ']);
    expect(await raw.zrange(testZset.key({ id: 'd' }), '0', '-1')).toEqual([JSON.stringify('b')]);
    expect(await raw.smembers(testSet.key({ id: 'd' }))).toEqual([JSON.stringify('y')]);
    // Same cap rule as a single push: newest first, trimmed to 3.
    const list = await store.range(testList.at({ id: 'd' }));
    expect(list.ok && list.value.values).toEqual([quote(5), quote(4), quote(3)]);
    expect(await raw.pttl(testPersistent.key({ id: 'kept' }))).toBe(-1);
  });

  it('splits a very large batch into several calls and applies every write', async () => {
    const batch = store.batch();
    for (let i = 0; i < 2_500; i++) batch.set(testString.at({ id: `big${i}` }), quote(i));
    await batch.exec();
    expect(await raw.dbsize()).toBe(2_500);
    expect(await store.get(testString.at({ id: 'big2499' }))).toEqual({ ok: true, value: quote(2_499) });
    expect(await raw.pttl(testString.key({ id: 'big0' }))).toBeGreaterThan(4_000);
  });

  it('sends a large value as its own command between script calls, in order', async () => {
    const big = { ...quote(1), symbol: 'SPY' };
    const longList = Array.from({ length: 2_000 }, (_, i) => quote(i)); // ~100 KB of values: a large write
    await raw.set(testList.key({ id: 'wrong' }), 'a string where a list belongs');
    const err: unknown = await store
      .batch()
      .set(testString.at({ id: 'before' }), big)
      .push(testLongList.at({ id: 'large' }), ...longList)
      .push(testList.at({ id: 'wrong' }), quote(1))
      .set(testString.at({ id: 'after' }), quote(2))
      .exec()
      .catch((e: unknown) => e);
    expect((err as StoreBatchError).failures.map((f) => f.key)).toEqual([testList.key({ id: 'wrong' })]);
    expect(await raw.llen(testLongList.key({ id: 'large' }))).toBe(2_000);
    expect(await raw.pttl(testLongList.key({ id: 'large' }))).toBeGreaterThan(9_000);
    expect(await store.get(testString.at({ id: 'after' }))).toEqual({ ok: true, value: quote(2) });
    expect(await store.get(testString.at({ id: 'before' }))).toEqual({ ok: true, value: big });
  });

  it('reports a failure with its own key when the failing write is not the first', async () => {
    await raw.set(testList.key({ id: 'wrong' }), 'a string where a list belongs');
    const err: unknown = await store
      .batch()
      .set(testString.at({ id: 'first' }), quote(1))
      .push(testList.at({ id: 'wrong' }), quote(2))
      .xadd(testStream.at({ id: 'after' }), quote(3))
      .exec()
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreBatchError);
    const failures = (err as StoreBatchError).failures;
    expect(failures.map((f) => f.key)).toEqual([testList.key({ id: 'wrong' })]);
    expect(failures[0]?.message).toMatch(/WRONGTYPE/);
    expect(await raw.xlen(testStream.key({ id: 'after' }))).toBe(1);
  });

  it('resolves an empty batch', async () => {
    await expect(store.batch().exec()).resolves.toBeUndefined();
  });
});
