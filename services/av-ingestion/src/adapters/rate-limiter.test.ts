import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { avHistoricalRateLimit, avRateLimit, createStore } from '@alphatrader/shared';
import { startRedisServer, type RedisServerHandle } from '@alphatrader/testkit';
import { manualClock } from '../test-support';
import { createRedisLimiter, type CallLimiter } from './rate-limiter';

let redis: RedisServerHandle;
beforeAll(async () => {
  redis = await startRedisServer();
});
afterAll(async () => {
  await redis.stop();
});
beforeEach(async () => {
  await redis.client().flushall();
});

/** A limiter on its own connection (as a separate process would have). */
function limiter(opts: Parameters<typeof createRedisLimiter>[2]): CallLimiter {
  const client = redis.client();
  return createRedisLimiter(client, createStore(client), opts);
}

/** Most admitted calls in any rolling window (t − 60 s, t]. */
function peakInAnyMinute(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  let peak = 0;
  let lo = 0;
  for (let hi = 0; hi < sorted.length; hi++) {
    while (sorted[lo]! <= sorted[hi]! - 60_000) lo++;
    peak = Math.max(peak, hi - lo + 1);
  }
  return peak;
}

describe('shared Redis rate limiter', () => {
  it('never lets two processes on two connections exceed the budget in any rolling minute', async () => {
    const clock = manualClock(1_700_000_000_000);
    const budget = 40;
    const a = limiter({
      budgetPerMinute: budget,
      burstPerSecond: 6,
      historicalPerMinute: 300,
      now: clock.now,
      id: 'a',
    });
    const b = limiter({
      budgetPerMinute: budget,
      burstPerSecond: 6,
      historicalPerMinute: 300,
      now: clock.now,
      id: 'b',
    });
    const admitted: { at: number; by: string }[] = [];
    // Two and a half simulated minutes, both processes asking 3 times every 250 ms, concurrently.
    for (let step = 0; step < 600; step++) {
      const asks = [a, a, a, b, b, b].map(async (l, i) => {
        const r = await l.acquire({ limit: budget });
        if (r.admitted) admitted.push({ at: clock.now(), by: i < 3 ? 'a' : 'b' });
        else expect(r.retryAfterMs).toBeGreaterThan(0);
      });
      await Promise.all(asks);
      clock.advance(250);
    }
    expect(peakInAnyMinute(admitted.map((x) => x.at))).toBe(budget);
    // The budget was actually used, by both processes, and refilled minute after minute.
    expect(admitted.length).toBeGreaterThanOrEqual(2 * budget);
    expect(new Set(admitted.map((x) => x.by))).toEqual(new Set(['a', 'b']));
    expect(await a.callsLastMinute()).toBeLessThanOrEqual(budget);
  });

  it('smooths bursts: no more than burstPerSecond calls in any rolling second', async () => {
    const clock = manualClock(1_700_000_000_000);
    const l = limiter({ budgetPerMinute: 600, burstPerSecond: 5, historicalPerMinute: 300, now: clock.now });
    const results = await Promise.all(Array.from({ length: 12 }, () => l.acquire({ limit: 600 })));
    expect(results.filter((r) => r.admitted)).toHaveLength(5);
    const refused = results.find((r) => !r.admitted)!;
    expect(refused.retryAfterMs).toBe(1000);
    clock.advance(1000);
    expect((await l.acquire({ limit: 600 })).admitted).toBe(true);
  });

  it('refuses a low-priority caller at its admission limit while a chain still gets the slot', async () => {
    const clock = manualClock(1_700_000_000_000);
    const l = limiter({ budgetPerMinute: 50, burstPerSecond: 50, historicalPerMinute: 300, now: clock.now });
    for (let i = 0; i < 40; i++) expect((await l.acquire({ limit: 50 })).admitted).toBe(true);
    expect((await l.acquire({ limit: 40 })).admitted).toBe(false); // technicals: limit = budget − reserve
    expect((await l.acquire({ limit: 50 })).admitted).toBe(true); // chains: the whole budget
    expect((await l.acquire({ limit: 0 })).admitted).toBe(false); // a dropped stream never calls
  });

  it('throttles the historical backfill in its own window and gives its slot back when the budget refuses', async () => {
    const clock = manualClock(1_700_000_000_000);
    const client = redis.client();
    const store = createStore(client);
    const l = createRedisLimiter(client, store, {
      budgetPerMinute: 10,
      burstPerSecond: 10,
      historicalPerMinute: 3,
      now: clock.now,
    });
    for (let i = 0; i < 3; i++)
      expect((await l.acquire({ limit: 10, historical: true })).admitted).toBe(true);
    expect((await l.acquire({ limit: 10, historical: true })).admitted).toBe(false);
    expect((await l.acquire({ limit: 10 })).admitted).toBe(true); // other streams unaffected
    clock.advance(60_000);
    for (let i = 0; i < 10; i++) await l.acquire({ limit: 10 }); // fill the budget
    expect((await l.acquire({ limit: 10, historical: true })).admitted).toBe(false);
    const hist = await store.zrangeByScore(avHistoricalRateLimit.at(), clock.now() - 59_999, '+inf');
    expect(hist.ok && hist.value.values).toHaveLength(0);
  });

  it('keeps its window under the registry entry with its TTL, members readable through the store', async () => {
    const client = redis.client();
    const store = createStore(client);
    // Default clock: the Redis server's TIME, one time source for every process.
    const l = createRedisLimiter(client, store, {
      budgetPerMinute: 5,
      burstPerSecond: 5,
      historicalPerMinute: 3,
    });
    expect((await l.acquire({ limit: 5 })).admitted).toBe(true);
    const ttl = await store.ttl(avRateLimit.at());
    expect(ttl.ok && ttl.value).toBeGreaterThan(100_000);
    expect(ttl.ok && ttl.value).toBeLessThanOrEqual(120_000);
    const members = await store.zrangeByScore(avRateLimit.at(), '-inf', '+inf');
    expect(members.ok && members.value.invalid).toBe(0);
    expect(members.ok && members.value.values).toHaveLength(1);
    expect(await l.callsLastMinute()).toBe(1);
  });
});
