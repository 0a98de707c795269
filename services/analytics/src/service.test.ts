// The analytics service in-process against a real redis-server: market and options keys and change events
// written by the test (as ingestion would), analytics keys read back through the typed store.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  analyticsAlerts,
  analyticsBars,
  analyticsGexProfile,
  analyticsGreeks,
  analyticsHidden,
  analyticsLiquidity,
  analyticsMocPred,
  analyticsObi,
  analyticsRegime,
  analyticsStatus,
  analyticsToxicity,
  analyticsVolForecast,
  analyticsVpin,
  ChangeEvent,
  createLogger,
  createStore,
  discoveredVpinBucket,
  eventsAnalytics,
  eventsDiscovery,
  eventsMarket,
  eventsOptions,
  marketBars,
  marketBook,
  marketTicker,
  marketTrades,
  optionsChain,
  optionsDex,
  optionsGex,
  startServiceRuntime,
  type KeyRef,
  type ServiceHandle,
  type Store,
} from '@alphatrader/shared';
import { startRedisServer, type RedisServerHandle } from '@alphatrader/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z, ZodType } from 'zod';
import { analyticsService } from './service';
import { book, chain, fiveSecondBars, ticker, trades } from './testing/fixtures';
import { testConfig } from './testing/settings';

let server: RedisServerHandle;
let store: Store;
let handle: ServiceHandle;
let dataDir: string;

async function until<T>(
  read: () => Promise<T | undefined | null | false> | T | undefined | null | false,
  timeoutMs = 5_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await read();
    if (v !== undefined && v !== null && v !== false) return v;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

async function value<S extends ZodType>(ref: KeyRef<S, 'string'>): Promise<z.output<S> | undefined> {
  const r = await store.get(ref);
  return r.ok ? r.value : undefined;
}

async function ttlMs(ref: KeyRef): Promise<number | null> {
  const r = await store.ttl(ref);
  if (!r.ok) throw new Error(`${ref.key}: ${r.error.reason}`);
  return r.value;
}

async function alerts(kind: string, symbol: string) {
  const r = await store.range(analyticsAlerts.at());
  return r.ok ? r.value.values.filter((a) => a.kind === kind && a.symbol === symbol) : [];
}

const MARKET_KEYS: Record<string, (symbol: string) => string> = {
  book: (symbol) => marketBook.key({ symbol }),
  ticker: (symbol) => marketTicker.key({ symbol }),
  trades: (symbol) => marketTrades.key({ symbol }),
  bars: (symbol) => marketBars.key({ symbol }),
};

/** A change event as ingestion writes it: one coalesced entry listing every kind that changed. */
async function market(symbol: string, changes: string[]): Promise<void> {
  const kind = changes[0]!;
  const ev = { symbol, kind, key: MARKET_KEYS[kind]!(symbol), ts: Date.now(), changes };
  if (ChangeEvent.safeParse(ev).success) {
    await store.xadd(eventsMarket.at(), ev);
    return;
  }
  // A schema without `changes`: one entry per kind.
  for (const k of changes)
    await store.xadd(eventsMarket.at(), { symbol, kind: k, key: MARKET_KEYS[k]!(symbol), ts: Date.now() });
}

function updatesOf(symbol: string): number {
  const metric = handle.ctx.metrics.registry.getSingleMetric('analytics_symbol_updates_total') as unknown as {
    hashMap: Record<string, { value: number; labels: { symbol?: string } }>;
  };
  return Object.values(metric.hashMap).find((v) => v.labels.symbol === symbol)?.value ?? 0;
}

beforeAll(async () => {
  server = await startRedisServer();
  store = createStore(server.client());
  dataDir = mkdtempSync(join(tmpdir(), 'atp-analytics-'));
  const config = testConfig(
    {
      dataDir,
      services: {
        analytics: { port: 0, heartbeatIntervalMs: 200, statusIntervalMs: 100, alertCooldownMs: 0 },
      },
    },
    { REDIS_URL: server.url },
  );
  const logger = createLogger({
    service: 'analytics',
    level: 'warn',
    destination: { write: () => undefined },
  });
  handle = await startServiceRuntime({ ...analyticsService(), config, logger });
});

afterAll(async () => {
  await handle?.stop();
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('analytics service', () => {
  it('turns a book, trades and 5-second bars into analytics keys with their TTL that validate', async () => {
    const now = Date.now();
    const s = 'SPY';
    const bars = fiveSecondBars(120, { price: 500, endTs: now });
    await store.push(marketBars.at({ symbol: s }), ...bars);
    await store.push(
      marketTrades.at({ symbol: s }),
      ...trades(2_000, { price: 500, ts: now - 40_000, stepMs: 20 }),
    );
    await store.set(
      marketBook.at({ symbol: s }),
      book(s, { mid: 500.005, ts: now, bidSize: 900, askSize: 300 }),
    );
    const before = (await store.xread(eventsAnalytics.at(), '0')).ok;
    expect(before).toBe(true);
    await market(s, ['book', 'trades', 'bars']);

    const obi = await until(() => value(analyticsObi.at({ symbol: s })));
    expect(obi.level1).toBeCloseTo(0.5, 12);
    expect(obi.ts).toBeGreaterThanOrEqual(now);
    expect(obi.inputAgesMs.book).toBeGreaterThanOrEqual(0);
    const perSymbol = [
      analyticsObi,
      analyticsLiquidity,
      analyticsVpin,
      analyticsToxicity,
      analyticsHidden,
      analyticsRegime,
      analyticsVolForecast,
      analyticsMocPred,
    ];
    for (const def of perSymbol) {
      const ref = def.at({ symbol: s }) as KeyRef<ZodType<{ symbol: string; confidence: number }>, 'string'>;
      const v = await until(() => value(ref));
      expect(v.symbol).toBe(s);
      expect(v.confidence).toBeGreaterThanOrEqual(0);
      const ttl = await ttlMs(ref);
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(5_000);
    }
    const vpin = (await value(analyticsVpin.at({ symbol: s })))!;
    expect(vpin.bucketVolume).toBe(1000);
    expect(vpin.value).not.toBeNull();
    for (const timeframe of ['1m', '5m', '15m', '30m', '60m'] as const) {
      const ref = analyticsBars.at({ symbol: s, timeframe });
      const tf = await until(() => value(ref));
      expect(tf.timeframe).toBe(timeframe);
      expect(await ttlMs(ref)).toBeLessThanOrEqual(10_000);
    }
    const events = await store.xread(eventsAnalytics.at(), '0', { count: 1000 });
    expect(
      events.ok && events.value.values.some((e) => e.value.key === analyticsObi.key({ symbol: s })),
    ).toBe(true);
    const status = await until(async () => {
      const r = await store.hgetall(analyticsStatus.at());
      return r.ok && r.value.values.obi !== undefined ? r.value.values : undefined;
    });
    expect(status.obi!.ok).toBe(true);
    expect(status.vpin!.ok).toBe(true);
  });

  it('computes GEX, DEX and the profile from the chain and the live spot', async () => {
    const now = Date.now();
    const s = 'IWM';
    await store.set(marketBook.at({ symbol: s }), book(s, { mid: 200.005, ts: now }));
    await market(s, ['book']);
    await store.set(optionsChain.at({ symbol: s }), chain(s, { spot: 200, now }));
    await store.xadd(eventsOptions.at(), {
      symbol: s,
      kind: 'chain',
      key: optionsChain.key({ symbol: s }),
      ts: now,
    });
    const gex = await until(() => value(optionsGex.at({ symbol: s })));
    expect(gex.unit).toBe('usd_per_1pct');
    expect(gex.spot).toBeCloseTo(200.005, 9);
    expect(gex.callWall).not.toBeNull();
    expect(await ttlMs(optionsGex.at({ symbol: s }))).toBeLessThanOrEqual(10_000);
    const dex = await until(() => value(optionsDex.at({ symbol: s })));
    expect(dex.unit).toBe('usd');
    const profile = await until(() => value(analyticsGexProfile.at({ symbol: s })));
    expect(profile.profile.length).toBe(60);
    expect(await ttlMs(analyticsGexProfile.at({ symbol: s }))).toBeLessThanOrEqual(5_000);
    await until(() => value(analyticsGreeks.at({ symbol: s })));
  });

  it('does not recompute when an event names an input that has not changed', async () => {
    const s = 'AAPL';
    const now = Date.now();
    const q = ticker(s, { bid: 200, ask: 200.02, ts: now });
    await store.set(marketTicker.at({ symbol: s }), q);
    await market(s, ['ticker']);
    const first = await until(() => value(analyticsObi.at({ symbol: s })));
    const updates = updatesOf(s);
    const events = await store.xread(eventsAnalytics.at(), '0', { count: 10_000 });
    const count = events.ok ? events.value.values.length : -1;

    await store.set(marketTicker.at({ symbol: s }), q);
    await market(s, ['ticker']);
    await until(() => updatesOf(s) > updates || undefined);
    const again = await value(analyticsObi.at({ symbol: s }));
    expect(again?.ts).toBe(first.ts);
    const after = await store.xread(eventsAnalytics.at(), '0', { count: 10_000 });
    expect(after.ok ? after.value.values.length : -1).toBe(count);
  });

  it('withdraws the outputs of a stale book and flags it', async () => {
    const s = 'QQQ';
    const now = Date.now();
    await store.set(marketBook.at({ symbol: s }), book(s, { mid: 400, ts: now }));
    await market(s, ['book']);
    await until(() => value(analyticsObi.at({ symbol: s })));
    await store.set(
      marketBook.at({ symbol: s }),
      book(s, { mid: 400, ts: now + 10, sourceTs: now - 20_000 }),
    );
    await market(s, ['book']);
    const flagged = await until(async () => ((await alerts('stale_book', s)).length > 0 ? true : undefined));
    expect(flagged).toBe(true);
    expect(await value(analyticsObi.at({ symbol: s }))).toBeUndefined();
  });

  it('publishes nothing from an impossible (crossed) book and flags it', async () => {
    const s = 'MSFT';
    const now = Date.now();
    const q = ticker(s, { bid: 400, ask: 400.02, ts: now });
    await store.set(marketTicker.at({ symbol: s }), { ...q, bid: 401 });
    await market(s, ['ticker']);
    await until(async () => ((await alerts('impossible_value', s)).length > 0 ? true : undefined));
    expect(await value(analyticsObi.at({ symbol: s }))).toBeUndefined();
  });

  it('raises anomaly:gex when |GEX| shifts more than 20 %', async () => {
    const s = 'NVDA';
    const now = Date.now();
    await store.set(marketTicker.at({ symbol: s }), ticker(s, { bid: 150, ask: 150.02, ts: now }));
    await market(s, ['ticker']);
    await store.set(optionsChain.at({ symbol: s }), chain(s, { spot: 150, now, putOi: 0.2 }));
    await store.xadd(eventsOptions.at(), {
      symbol: s,
      kind: 'chain',
      key: optionsChain.key({ symbol: s }),
      ts: now,
    });
    const first = await until(() => value(optionsGex.at({ symbol: s })));
    expect(await alerts('anomaly:gex', s)).toEqual([]);
    await store.set(
      optionsChain.at({ symbol: s }),
      chain(s, { spot: 150, now: now + 1, putOi: 0.2, callOi: 1.6 }),
    );
    await store.xadd(eventsOptions.at(), {
      symbol: s,
      kind: 'chain',
      key: optionsChain.key({ symbol: s }),
      ts: now + 1,
    });
    const [alert] = await until(async () => {
      const a = await alerts('anomaly:gex', s);
      return a.length > 0 ? a : undefined;
    });
    expect(alert!.value!).toBeGreaterThan(0.2);
    const second = (await value(optionsGex.at({ symbol: s })))!;
    expect(Math.abs(second.total) / Math.abs(first.total) - 1).toBeGreaterThan(0.2);
  });

  it('uses a bucket size discovery publishes, without a restart', async () => {
    const s = 'SPY';
    await until(() => value(analyticsVpin.at({ symbol: s })));
    await store.hset(discoveredVpinBucket.at(), s, {
      bucketVolume: 300,
      minimum: 50,
      clampedToMinimum: false,
      sampleTrades: 1000,
      ts: Date.now(),
    });
    await store.xadd(eventsDiscovery.at(), {
      symbol: null,
      kind: 'params',
      key: discoveredVpinBucket.key(),
      ts: Date.now(),
    });
    const v = await until(async () => {
      const x = await value(analyticsVpin.at({ symbol: s }));
      return x?.bucketVolume === 300 ? x : undefined;
    });
    expect(v.buckets).toBeGreaterThan(0);
  });
});
