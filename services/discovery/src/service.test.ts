// The discovery service in-process against a real redis-server, with the analytics service running as its
// own process on the same Redis: discovery publishes discovered:* and the YAML file, and analytics switches
// to the discovered VPIN bucket size without a restart.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  analyticsVpin,
  ChangeEvent,
  CorrelationMatrix,
  createLogger,
  createStore,
  DEFAULT_CONFIG_PATH,
  discoveredCorrelation,
  discoveredLastRun,
  discoveredLookback,
  discoveredToxicity,
  discoveredVolRegimes,
  discoveredVpinBucket,
  eventsDiscovery,
  eventsMarket,
  loadConfig,
  marketBars,
  marketL2Snapshots,
  marketTrades,
  moduleHeartbeat,
  runtimeEnv,
  startServiceRuntime,
  type KeyRef,
  type ServiceHandle,
  type Store,
} from '@alphatrader/shared';
import { startRedisServer, type RedisServerHandle } from '@alphatrader/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import type { ZodType } from 'zod';
import { discoveryService } from './service';
import { correlatedBars, snapshots, trades } from './testing/fixtures';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const ANALYTICS_MAIN = join(ROOT, 'services', 'analytics', 'src', 'main.ts');
const TEST_ENV = { ALPHAVANTAGE_BASE_URL: 'http://127.0.0.1:9/query' };

let server: RedisServerHandle;
let store: Store;
let dir: string;
let discovery: ServiceHandle | undefined;
let analytics: ChildProcess | undefined;

async function until<T>(read: () => Promise<T | undefined | null | false>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await read();
    if (v !== undefined && v !== null && v !== false) return v;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function ttlSeconds(ref: KeyRef): Promise<number> {
  const r = await store.ttl(ref);
  if (!r.ok || r.value === null) throw new Error(`${ref.key} has no TTL`);
  return r.value / 1000;
}

beforeAll(async () => {
  server = await startRedisServer();
  store = createStore(server.client());
  dir = mkdtempSync(join(tmpdir(), 'atp-discovery-'));
}, 30_000);

afterAll(async () => {
  await discovery?.stop();
  if (analytics !== undefined && analytics.exitCode === null) {
    analytics.kill('SIGTERM');
    await new Promise((r) => analytics!.once('exit', r));
  }
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('discovery service', () => {
  it('publishes discovered:* with a 24 h TTL and a clean YAML file; analytics picks up the bucket live', async () => {
    const now = Date.now();
    const bars = correlatedBars(
      { SPY: { price: 500, beta: 0.9 }, QQQ: { price: 400, beta: 0.8 }, AAPL: { price: 200, beta: 0.4 } },
      { n: 100, endTs: now },
    );
    // Analytics as its own process, already computing VPIN with the default bucket.
    const doc = parse(readFileSync(DEFAULT_CONFIG_PATH, 'utf8')) as Record<string, Record<string, unknown>>;
    doc.redis!.url = server.url;
    doc.log!.level = 'warn';
    (doc.services!.analytics as Record<string, unknown>).port = 0;
    const configPath = join(dir, 'analytics.yaml');
    writeFileSync(configPath, stringify({ ...doc, dataDir: dir }));
    analytics = spawn(process.execPath, ['--import', 'tsx', ANALYTICS_MAIN], {
      cwd: ROOT,
      env: { PATH: runtimeEnv().PATH ?? '', ATP_CONFIG: configPath, ...TEST_ENV },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    await until(async () => (await store.get(moduleHeartbeat.at({ service: 'analytics' }))).ok);
    await store.push(marketTrades.at({ symbol: 'SPY' }), ...trades(50, { price: 100, ts: now, seed: 9 }));
    const ev = { symbol: 'SPY', kind: 'trades', key: marketTrades.key({ symbol: 'SPY' }), ts: now };
    if (!ChangeEvent.safeParse(ev).success) throw new Error('change event rejected');
    await store.xadd(eventsMarket.at(), ev);
    const before = await until(async () => {
      const r = await store.get(analyticsVpin.at({ symbol: 'SPY' }));
      return r.ok ? r.value : undefined;
    });
    expect(before.bucketVolume).toBe(1000);

    // Market data as ingestion keeps it (trades live 1 s, bars 10 s), written just before discovery starts.
    for (const [s, seed] of [
      ['SPY', 1],
      ['QQQ', 2],
      ['AAPL', 3],
    ] as const) {
      await store.push(marketBars.at({ symbol: s }), ...bars[s]!);
      // Odd lots only for SPY, so its bucket differs from the 1,000-share default.
      const tape = trades(1000, { price: 100, ts: now - 60_000, seed }).map((t) =>
        s === 'SPY' ? { ...t, size: 1 + (t.size % 7) } : t,
      );
      await store.push(marketTrades.at({ symbol: s }), ...tape);
      if (s !== 'AAPL')
        await store.push(
          marketL2Snapshots.at({ symbol: s }),
          ...snapshots(s, 30, { mid: 100.005, ts: now - 60_000 }),
        );
    }

    // A parameter discovered earlier for a symbol that has no data now must survive the run.
    const earlier = {
      bucketVolume: 700,
      minimum: 50,
      clampedToMinimum: false,
      sampleTrades: 900,
      ts: now - 60_000,
    };
    await store.hset(discoveredVpinBucket.at(), 'IWM', earlier);
    const config = loadConfig({
      env: { ...TEST_ENV, REDIS_URL: server.url },
      overrides: { dataDir: dir, services: { discovery: { port: 0, heartbeatIntervalMs: 200 } } },
    });
    const logger = createLogger({
      service: 'discovery',
      level: 'warn',
      destination: { write: () => undefined },
    });
    discovery = await startServiceRuntime({ ...discoveryService(), config, logger });

    const run = await until(async () => {
      const r = await store.get(discoveredLastRun.at());
      return r.ok ? r.value : undefined;
    });
    expect(run.symbols).toBe(config.symbols.level2.length + config.symbols.standard.length);
    expect(run.skipped['IWM.vpin_bucket']).toMatch(/trades/);
    expect(await ttlSeconds(discoveredLastRun.at())).toBeGreaterThan(86_000);

    const buckets = await store.hgetall(discoveredVpinBucket.at());
    expect(buckets.ok && buckets.value.invalid).toBe(0);
    const spyBucket = buckets.ok ? buckets.value.values.SPY! : undefined;
    expect(buckets.ok && buckets.value.values.IWM).toEqual(earlier);
    expect(spyBucket?.bucketVolume).toBeGreaterThanOrEqual(50);
    expect(spyBucket?.bucketVolume).not.toBe(1000);
    for (const ref of [
      discoveredVpinBucket.at(),
      discoveredLookback.at(),
      discoveredVolRegimes.at(),
      discoveredToxicity.at(),
    ]) {
      const ttl = await ttlSeconds(ref);
      expect(ttl).toBeGreaterThan(86_000);
      expect(ttl).toBeLessThanOrEqual(86_400);
    }
    const fields = async <S extends ZodType>(ref: KeyRef<S, 'hash'>) => {
      const all = await store.hgetall(ref);
      return all.ok && all.value.invalid === 0 ? Object.keys(all.value.values).sort() : [];
    };
    expect(await fields(discoveredLookback.at())).toEqual(['AAPL', 'QQQ', 'SPY']);
    expect(await fields(discoveredVolRegimes.at())).toEqual(['AAPL', 'QQQ', 'SPY']);
    expect(await fields(discoveredToxicity.at())).toEqual(['AAPL', 'QQQ', 'SPY']);
    const corr = await store.get(discoveredCorrelation.at());
    expect(corr.ok && CorrelationMatrix.parse(corr.value).symbols).toEqual(['SPY', 'QQQ', 'AAPL']);

    expect(run.yamlPath).toBe(join(dir, config.services.discovery.yamlFile));
    expect(existsSync(run.yamlPath!)).toBe(true);
    const text = readFileSync(run.yamlPath!, 'utf8');
    expect(text).not.toMatch(/!!|!</);
    const yaml = parse(text) as { vpin_bucket: Record<string, { shares: number }> };
    expect(yaml.vpin_bucket.SPY!.shares).toBe(spyBucket!.bucketVolume);

    const events = await store.xread(eventsDiscovery.at(), '0');
    expect(events.ok && events.value.values.length).toBeGreaterThan(0);

    // Analytics switched to the discovered bucket without a restart.
    const after = await until(async () => {
      const r = await store.get(analyticsVpin.at({ symbol: 'SPY' }));
      return r.ok && r.value.bucketVolume === spyBucket!.bucketVolume ? r.value : undefined;
    });
    expect(after.buckets).toBeGreaterThan(0);
    expect(analytics.exitCode).toBeNull();
  });
});
