// The ingestion end to end against av-sim and a real Redis: what it writes (every key registered, with
// its TTL, valid), sentiment only for single names, technicals only on new input, the backfill, the
// API key kept out of logs, errors and Redis, and the service under the fleet runtime.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  eventsOptions,
  findEntryForKey,
  marketIntraday,
  monitoringAvCalls,
  monitoringAvDegraded,
  monitoringAvLatency,
  monitoringAvErrors,
  optionsChain,
  optionsOiHistory,
  simClock,
  startServiceRuntime,
  technicalsRsi,
  type KeyRef,
  type Store,
} from '@alphatrader/shared';
import { freePort } from '@alphatrader/testkit';
import type { Redis } from 'ioredis';
import { backfillDates } from './core/windows';
import { startIngestion } from './service';
import { captureLogger, manualClock, startHarness, type Harness } from './test-support';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.stop();
});
beforeEach(async () => {
  h.reset();
  await h.connect().redis.flushall();
});

const SMALL = { services: { 'av-ingestion': { chainExpiries: '0dte', retries: 1 } } } as const;

/** Reads a key through the store according to its registry type; returns the invalid count. */
async function readAll(store: Store, ref: KeyRef): Promise<{ ok: boolean; invalid: number }> {
  switch (ref.def.type) {
    case 'string': {
      const r = await store.get(ref as KeyRef<never, 'string'>);
      return { ok: r.ok, invalid: r.ok ? 0 : 1 };
    }
    case 'hash': {
      const r = await store.hgetall(ref as KeyRef<never, 'hash'>);
      return { ok: r.ok, invalid: r.ok ? r.value.invalid : 1 };
    }
    case 'list': {
      const r = await store.range(ref as KeyRef<never, 'list'>);
      return { ok: r.ok, invalid: r.ok ? r.value.invalid : 1 };
    }
    case 'zset': {
      const r = await store.zrangeByScore(ref as KeyRef<never, 'zset'>, '-inf', '+inf');
      return { ok: r.ok, invalid: r.ok ? r.value.invalid : 1 };
    }
    case 'stream': {
      const r = await store.xread(ref as KeyRef<never, 'stream'>, '0', { count: 10_000 });
      return { ok: r.ok, invalid: r.ok ? r.value.invalid : 1 };
    }
    case 'set': {
      const r = await store.smembers(ref as KeyRef<never, 'set'>);
      return { ok: r.ok, invalid: r.ok ? r.value.invalid : 1 };
    }
  }
}

/** Every value in Redis as text (strings, hash fields, list items, zset members, stream entries). */
async function dumpRedis(redis: Redis): Promise<string> {
  const parts: string[] = [];
  for (const key of await redis.keys('*')) {
    parts.push(key);
    const type = await redis.type(key);
    if (type === 'string') parts.push((await redis.get(key)) ?? '');
    else if (type === 'hash') parts.push(JSON.stringify(await redis.hgetall(key)));
    else if (type === 'list') parts.push(...(await redis.lrange(key, 0, -1)));
    else if (type === 'zset') parts.push(...(await redis.zrange(key, '0', '-1')));
    else if (type === 'stream') parts.push(JSON.stringify(await redis.xrange(key, '-', '+')));
    else if (type === 'set') parts.push(...(await redis.smembers(key)));
  }
  return parts.join('\n');
}

describe('what the ingestion writes', () => {
  it('writes only registered keys, each with its registered TTL, each valid against its schema', async () => {
    const clock = manualClock(h.model.now());
    const { ingestion, store, redis } = h.ingestion(h.config(SMALL), { clock });
    const ids = [
      'chains/SPY',
      'intraday/SPY',
      'technicals/RSI/SPY',
      'technicals/MACD/AAPL',
      'technicals/BBANDS/QQQ',
      'technicals/ATR/IWM',
      'sentiment/NVDA',
      'macro/REAL_GDP',
      'macro/CPI',
      'macro/FEDERAL_FUNDS_RATE',
    ];
    for (const id of ids) expect([id, await ingestion.run(id)]).toEqual([id, 'stored']);
    await ingestion.publish();
    const calls = await store.get(monitoringAvCalls.at());
    expect(calls.ok && calls.value.callsLastMinute).toBe(h.simCalls().length);
    // After the close: the open-interest backfill.
    clock.set(h.model.now() + 7 * 3_600_000 + 40 * 60_000); // 17:30 ET
    expect(await ingestion.run('historical')).toBe('stored');

    const keys = await redis.keys('*');
    expect(keys.length).toBeGreaterThan(20);
    for (const key of keys) {
      const def = findEntryForKey(key);
      expect([key, def?.owner]).toEqual([key, expect.any(String)]);
      expect([key, await redis.type(key)]).toEqual([key, def!.type]);
      const pttl = await redis.pttl(key);
      if (def!.ttlSeconds === null) expect([key, pttl]).toEqual([key, -1]);
      else {
        expect([key, pttl > 0 && pttl <= def!.ttlSeconds * 1000]).toEqual([key, true]);
      }
      expect([key, await readAll(store, { def: def!, key })]).toEqual([key, { ok: true, invalid: 0 }]);
    }
    // The chain is announced on events:options after it is stored.
    const events = await store.xread(eventsOptions.at(), '0');
    const kinds = events.ok ? events.value.values.map((e) => e.value.kind) : [];
    expect(kinds).toEqual(
      expect.arrayContaining([
        'chain',
        'greeks',
        'flow',
        'unusual',
        'intraday',
        'rsi',
        'sentiment',
        'macro',
        'oi_history',
      ]),
    );
  });

  it('stores chains with numbers, parsed OCC ids and Greeks', async () => {
    const clock = manualClock(h.model.now());
    const { ingestion, store } = h.ingestion(h.config(SMALL), { clock });
    expect(await ingestion.run('chains/QQQ')).toBe('stored');
    const chain = await store.get(optionsChain.at({ symbol: 'QQQ' }));
    expect(chain.ok).toBe(true);
    if (!chain.ok) return;
    expect(chain.value.contracts.length).toBeGreaterThan(50);
    for (const c of chain.value.contracts) {
      expect(c.occ.startsWith('QQQ')).toBe(true);
      expect(typeof c.strike).toBe('number');
      expect(c.delta).not.toBeNull();
      expect(Math.abs(c.delta!)).toBeLessThanOrEqual(1);
      expect(c.bid).toBeLessThanOrEqual(c.ask);
    }
  });
});

describe('latency', () => {
  it('publishes p50/p95 and raises the prefer-IBKR flag once p95 stayed above the threshold for the hold time', async () => {
    const clock = manualClock(h.model.now());
    const wall = manualClock(1_700_000_000_000);
    const config = h.config({ ...SMALL, alphaVantage: { slowP95Ms: 1, slowWindowMs: 60_000 } });
    const { ingestion, store, metrics } = h.ingestion(config, { clock, wallNow: wall.now });
    expect(await ingestion.run('chains/SPY')).toBe('stored');
    await ingestion.publish();
    const latency = await store.get(monitoringAvLatency.at());
    expect(latency.ok && latency.value.samples).toBe(1);
    expect(latency.ok && latency.value.p95Ms).toBeGreaterThan(1);
    expect((await store.get(monitoringAvDegraded.at())).ok).toBe(false); // slow, but not for long enough yet
    wall.advance(30_000);
    clock.advance(5_000);
    expect(await ingestion.run('chains/SPY')).toBe('stored');
    wall.advance(30_000);
    await ingestion.publish();
    const flag = await store.get(monitoringAvDegraded.at());
    expect(flag.ok && flag.value).toMatchObject({ degraded: true, p95Ms: expect.any(Number) as number });
    expect(await metrics.registry.getSingleMetricAsString('atp_av_prefer_ibkr')).toMatch(
      /atp_av_prefer_ibkr\{[^}]*\} 1/,
    );
  });
});

describe('news sentiment', () => {
  it('is never requested for ETFs or indices, even when configured', async () => {
    const clock = manualClock(h.model.now());
    const config = h.config({
      services: { 'av-ingestion': { sentimentSymbols: ['AAPL', 'SPY', 'QQQ', 'MSFT', 'SPX', 'VXX'] } },
    });
    const { ingestion } = h.ingestion(config, { clock });
    const sentimentJobs = ingestion.jobs.filter((j) => j.stream === 'sentiment').map((j) => j.symbol);
    expect(sentimentJobs).toEqual(['AAPL', 'MSFT']);
    // Run the whole schedule's sentiment beats for five minutes of market time.
    const end = clock.now() + 300_000;
    while (clock.now() < end) {
      for (const d of ingestion.scheduler.due(clock.now())) {
        if (d.job.stream === 'sentiment') await ingestion.run(d.job.id);
      }
      clock.advance(1_000);
    }
    const asked = h
      .simCalls()
      .filter((c) => c.fn === 'NEWS_SENTIMENT')
      .map((c) => c.symbol);
    expect(asked.sort()).toEqual(['AAPL', 'MSFT']);
  });
});

describe('technicals', () => {
  it('call AV only when their input (the newest intraday bar) changed, keeping the value alive meanwhile', async () => {
    const clock = manualClock(h.model.now());
    const { ingestion, store } = h.ingestion(h.config(SMALL), { clock });
    expect(await ingestion.run('intraday/NVDA')).toBe('stored');
    expect(await ingestion.run('technicals/RSI/NVDA')).toBe('stored');
    const rsiCalls = () => h.simCalls().filter((c) => c.fn === 'RSI').length;
    expect(rsiCalls()).toBe(1);

    clock.advance(60_000); // no new bar: the model has not moved
    expect(await ingestion.run('intraday/NVDA')).toBe('stored');
    expect(await ingestion.run('technicals/RSI/NVDA')).toBe('unchanged');
    expect(rsiCalls()).toBe(1);
    const kept = await store.get(technicalsRsi.at({ symbol: 'NVDA' }));
    expect(kept.ok && kept.value.ts).toBe(clock.now());

    h.model.step(60_000); // a new 1-minute bar
    clock.advance(60_000);
    expect(await ingestion.run('intraday/NVDA')).toBe('stored');
    expect(await ingestion.run('technicals/RSI/NVDA')).toBe('stored');
    expect(rsiCalls()).toBe(2);
    const bars = await store.get(marketIntraday.at({ symbol: 'NVDA' }));
    const rsi = await store.get(technicalsRsi.at({ symbol: 'NVDA' }));
    expect(rsi.ok && bars.ok && rsi.value.asOf).toBe(bars.ok ? bars.value.bars.at(-1)!.ts : -1);
  });
});

describe('historical backfill', () => {
  it('runs only after 16:30 ET and fetches only sessions not yet stored', async () => {
    const clock = manualClock(h.model.now());
    const config = h.config({
      services: { 'av-ingestion': { historicalSymbols: ['IWM'], historicalDays: 2 } },
    });
    const { ingestion, store } = h.ingestion(config, { clock });
    expect(await ingestion.run('historical')).toBe('idle'); // 09:50 ET
    clock.set(h.model.now() + 6 * 3_600_000 + 45 * 60_000); // 16:35 ET
    expect(await ingestion.run('historical')).toBe('stored');
    expect(await ingestion.run('historical')).toBe('stored');
    expect(await ingestion.run('historical')).toBe('done');
    for (const date of backfillDates(clock.now(), 2, '16:30')) {
      const oi = await store.get(optionsOiHistory.at({ symbol: 'IWM', date }));
      expect(oi.ok && oi.value.callOpenInterest).toBeGreaterThan(0);
    }
    expect(h.simCalls().filter((c) => c.fn === 'HISTORICAL_OPTIONS')).toHaveLength(2);
  });
});

describe('the API key', () => {
  const KEY = 'AVKEY-9f3c71-secret';

  it('never reaches a log line, an error, a metric or a Redis value', async () => {
    const clock = manualClock(h.model.now());
    const config = h.config({ ...SMALL, alphaVantage: { apiKey: KEY, timeoutMs: 1_000 } });
    const { ingestion, log, redis, store, metrics } = h.ingestion(config, { clock });
    const errors: string[] = [];

    expect(await ingestion.run('chains/SPY')).toBe('stored');
    // The daily-cap notice quotes the key back; a timeout and a truncated body fail in the client.
    for (const kind of ['rate_limit_daily', 'slow', 'truncated', 'invalid_apikey'] as const) {
      h.sim.faults.inject({ kind, function: 'REALTIME_OPTIONS', count: 5, delayMs: 1_500 });
      const res = await ingestion.client.request({
        fn: 'REALTIME_OPTIONS',
        symbol: 'SPY',
        params: { symbol: 'SPY', require_greeks: 'true' },
        requireGreeks: true,
        limit: 590,
      });
      h.sim.faults.clear();
      expect(res.kind).toBe('failed');
      if (res.kind === 'failed')
        errors.push(res.error.message, JSON.stringify(res.error), String(res.error.stack));
      clock.advance(60_000);
      expect(await ingestion.run('chains/SPY')).toBe('stored');
      h.sim.faults.inject({ kind, function: 'REALTIME_OPTIONS', count: 5, delayMs: 1_500 });
      clock.advance(60_000);
      expect(await ingestion.run('chains/SPY')).toBe('failed');
      h.sim.faults.clear();
    }
    // And a connection that is refused outright (axios errors carry the URL with the key).
    const port = await freePort();
    const offline = h.ingestion(
      h.config({ ...SMALL, alphaVantage: { apiKey: KEY, baseUrl: `http://127.0.0.1:${port}/query` } }),
      { clock },
    );
    const refused = await offline.ingestion.client.request({ fn: 'CPI', params: {}, limit: 590 });
    expect(refused.kind).toBe('failed');
    if (refused.kind === 'failed')
      errors.push(refused.error.message, JSON.stringify(refused.error), String(refused.error.stack));
    await ingestion.publish();

    // The key was really used: av-sim saw it on every call.
    expect(h.sim.stats.snapshot().byKey[KEY]).toBeGreaterThan(5);
    // The daily-cap text is recorded in the API's own words, with the key masked.
    const daily = await store.hget(monitoringAvErrors.at(), 'rate_limited');
    expect(daily.ok && daily.value.lastMessage).toContain('API key as ***');

    expect(log.text()).not.toContain(KEY);
    expect(offline.log.text()).not.toContain(KEY);
    expect(errors.join('\n')).not.toContain(KEY);
    expect(await dumpRedis(redis)).not.toContain(KEY);
    expect(await metrics.registry.metrics()).not.toContain(KEY);
    expect(log.text()).toContain('alpha vantage call failed'); // failures were logged, scrubbed
  });
});

describe('under the fleet runtime', () => {
  it('starts from config, follows the simulated market clock, stores chains and stops cleanly', async () => {
    const { store } = h.connect();
    await store.set(simClock.at(), {
      simTime: h.model.now(),
      wallTime: Date.now(),
      speed: 1,
      scenario: 'normal',
      seed: 7,
    });
    const config = h.config({
      clock: { mode: 'simulated', refreshMs: 200 },
      services: {
        'av-ingestion': { port: 0, chainExpiries: '0dte', chainSymbols: ['SPY'], intradaySymbols: ['SPY'] },
      },
    });
    const handle = await startServiceRuntime({
      name: 'av-ingestion',
      config,
      start: startIngestion,
      logger: captureLogger().logger,
    });
    try {
      let chain = await store.get(optionsChain.at({ symbol: 'SPY' }));
      for (let i = 0; i < 100 && !chain.ok; i++) {
        await new Promise((r) => setTimeout(r, 100));
        chain = await store.get(optionsChain.at({ symbol: 'SPY' }));
      }
      expect(chain.ok).toBe(true);
      const metrics = await fetch(`${handle.url}/metrics`).then((r) => r.text());
      expect(metrics).toContain('atp_av_calls_total');
    } finally {
      await handle.stop();
    }
    expect(handle.ctx.signal.aborted).toBe(true);
  });
});
