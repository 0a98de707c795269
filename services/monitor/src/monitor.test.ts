// The monitor in-process against a real Redis: heartbeats and market data written by the test stand for
// the fleet; the published system:health:main must say who is alive and what is stale.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import {
  createLogger,
  createStore,
  ibkrConnected,
  loadConfig,
  marketTimestamp,
  moduleHeartbeat,
  monitorsArea,
  simClock,
  startServiceRuntime,
  systemHalt,
  systemHealthMain,
  tradedSymbols,
  type AppConfig,
  type Heartbeat,
  type ServiceHandle,
  type Store,
  type SystemHealth,
} from '@alphatrader/shared';
import { startRedisServer, type RedisServerHandle } from '@alphatrader/testkit';
import { startMonitor } from './service';

// Tuesday 2026-11-24 10:00 ET: the regular session is open. 18:00 ET the same day: closed.
const MARKET_OPEN = Date.UTC(2026, 10, 24, 15, 0, 0);
const MARKET_CLOSED = Date.UTC(2026, 10, 24, 23, 0, 0);
const FEED_LIMIT_MS = 600;
const HEARTBEAT_STALE_MS = 1500;
const SPY_FEED = `${marketTimestamp.family}:SPY`;

let server: RedisServerHandle;
let admin: Redis;
let store: Store;
let config: AppConfig;
let monitor: ServiceHandle;
let simBase = { simTime: MARKET_OPEN, wallTime: Date.now(), speed: 1 };
const fresh = new Set<string>();
let beat = { status: 'running' as Heartbeat['status'], lastError: null as string | null, stale: false };
let feeder: NodeJS.Timeout;

const marketNow = () => Math.round(simBase.simTime + (Date.now() - simBase.wallTime) * simBase.speed);

async function setClock(simTime: number, speed = 1): Promise<void> {
  simBase = { simTime, wallTime: Date.now(), speed };
  await store.set(simClock.at(), { ...simBase, scenario: 'normal', seed: 1 });
}

/** Stands in for ibkr-ingestion: heartbeat, connection flag and the timestamps of the fresh symbols. */
async function feed(): Promise<void> {
  const now = Date.now();
  const b = store.batch();
  b.set(moduleHeartbeat.at({ service: 'ibkr-ingestion' }), {
    service: 'ibkr-ingestion',
    ts: beat.stale ? now - HEARTBEAT_STALE_MS - 2000 : now,
    pid: 4242,
    version: 'test',
    status: beat.status,
    uptimeSeconds: 1,
    lastError: beat.lastError,
    halted: false,
  });
  b.set(ibkrConnected.at(), 1);
  for (const symbol of fresh) b.set(marketTimestamp.at({ symbol }), marketNow());
  await b.exec();
}

async function healthWhere(pred: (h: SystemHealth) => boolean, timeoutMs = 8000): Promise<SystemHealth> {
  const deadline = Date.now() + timeoutMs;
  let last: SystemHealth | null = null;
  while (Date.now() < deadline) {
    const read = await store.get(systemHealthMain.at());
    if (read.ok) {
      last = read.value;
      if (pred(read.value)) return read.value;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`health never matched; last: ${JSON.stringify(last)}`);
}

beforeAll(async () => {
  server = await startRedisServer();
  admin = server.client();
  store = createStore(admin);
  config = loadConfig({
    env: { ALPHAVANTAGE_BASE_URL: 'http://127.0.0.1:9/query', REDIS_URL: server.url },
    overrides: {
      log: { level: 'silent' },
      clock: { mode: 'simulated', refreshMs: 50 },
      runtime: { haltPollMs: 50 },
      risk: { staleData: { maxFeedAgeMs: FEED_LIMIT_MS } },
      services: {
        monitor: {
          port: 0,
          heartbeatIntervalMs: 200,
          publishIntervalMs: 100,
          heartbeatStaleMs: HEARTBEAT_STALE_MS,
        },
      },
    },
  });
  for (const s of tradedSymbols(config)) fresh.add(s);
  await setClock(MARKET_OPEN);
  await feed();
  feeder = setInterval(() => void feed().catch(() => undefined), 100);
  monitor = await startServiceRuntime({
    name: 'monitor',
    config,
    logger: createLogger({ service: 'monitor', level: 'silent' }),
    // The services that exist here; discord-bot exists but is disabled in config, so it is not expected.
    start: (ctx) => startMonitor(ctx, { services: ['monitor', 'ibkr-ingestion', 'discord-bot'] }),
  });
});

afterAll(async () => {
  clearInterval(feeder);
  await monitor?.stop();
  await server?.stop();
});

describe('monitor service', () => {
  it('publishes ok with every expected service alive and the market data fresh, with its TTL', async () => {
    const h = await healthWhere((x) => x.state === 'ok');
    expect(Object.keys(h.services).sort()).toEqual(['ibkr-ingestion', 'monitor']); // discord-bot is disabled
    expect(h.services['ibkr-ingestion']).toMatchObject({ state: 'up', reason: null });
    expect(h.services['ibkr-ingestion']?.heartbeatAgeMs).toBeLessThan(HEARTBEAT_STALE_MS);
    expect(h.staleFeeds).toEqual({});
    expect(h.halted).toBe(false);
    const ttl = await admin.pttl(systemHealthMain.key());
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual((systemHealthMain.ttlSeconds ?? 0) * 1000);
    const later = await healthWhere((x) => x.checks > h.checks);
    expect(later.ts).toBeGreaterThanOrEqual(h.ts);
    // The overseer's data area: one check per market feed and the gateway connection.
    const data = await store.get(monitorsArea.at({ area: 'data' }));
    expect(data.ok && data.value.status).toBe('ok');
    const names = data.ok ? data.value.checks.map((c) => c.name) : [];
    expect(names).toEqual(
      expect.arrayContaining([
        ...tradedSymbols(config).map((sym) => `${marketTimestamp.family}:${sym}`),
        ibkrConnected.key(),
      ]),
    );
    const areaTtl = await admin.pttl(monitorsArea.key({ area: 'data' }));
    expect(areaTtl).toBeGreaterThan(0);
    expect(areaTtl).toBeLessThanOrEqual((monitorsArea.ttlSeconds ?? 0) * 1000);
  });

  it('flags the symbol whose timestamps stop while the market is open, and clears it when they resume', async () => {
    fresh.delete('SPY');
    const h = await healthWhere((x) => SPY_FEED in x.staleFeeds);
    expect(h.state).toBe('degraded');
    expect(Object.keys(h.staleFeeds)).toEqual([SPY_FEED]);
    expect(h.staleFeeds[SPY_FEED]).toBeGreaterThan(FEED_LIMIT_MS);
    expect(h.reasons.join('\n')).toContain('SPY silent');
    fresh.add('SPY');
    await healthWhere((x) => x.state === 'ok');
  });

  it('judges silence in real time when the simulated clock runs faster', async () => {
    // Timestamps 1.5 s of market time apart at x10 are 150 ms of real silence: fresh.
    await setClock(marketNow(), 10);
    const h = await healthWhere((x) => x.checks > 0);
    await new Promise((r) => setTimeout(r, 400));
    const after = await healthWhere((x) => x.checks > h.checks + 2);
    expect(after.staleFeeds).toEqual({});
    await setClock(marketNow(), 1);
  });

  it('does not flag market data while the market is closed', async () => {
    fresh.clear();
    await setClock(MARKET_CLOSED);
    await new Promise((r) => setTimeout(r, FEED_LIMIT_MS * 2));
    const h = await healthWhere((x) => x.state === 'ok');
    expect(h.staleFeeds).toEqual({});
    for (const s of tradedSymbols(config)) fresh.add(s);
    await setClock(MARKET_OPEN);
    await healthWhere((x) => x.state === 'ok');
  });

  it('reports a service that says it is degraded', async () => {
    beat = { ...beat, status: 'degraded', lastError: 'gateway slow' };
    const h = await healthWhere((x) => x.state === 'degraded');
    expect(h.services['ibkr-ingestion']).toMatchObject({ state: 'degraded', reason: 'gateway slow' });
    beat = { ...beat, status: 'running', lastError: null };
    await healthWhere((x) => x.state === 'ok');
  });

  it('reports a service down when its heartbeat is older than heartbeatStaleMs, or gone', async () => {
    beat = { ...beat, stale: true };
    const old = await healthWhere((x) => x.state === 'down');
    expect(old.services['ibkr-ingestion']?.state).toBe('down');
    expect(old.services['ibkr-ingestion']?.heartbeatAgeMs).toBeGreaterThan(HEARTBEAT_STALE_MS);
    expect(old.reasons[0]).toMatch(/^ibkr-ingestion down: heartbeat .* old/);

    clearInterval(feeder);
    await admin.del(moduleHeartbeat.key({ service: 'ibkr-ingestion' }));
    const gone = await healthWhere((x) => x.services['ibkr-ingestion']?.heartbeatAgeMs === null);
    expect(gone.state).toBe('down');
    expect(gone.services['ibkr-ingestion']?.reason).toContain('no heartbeat');

    beat = { ...beat, stale: false };
    feeder = setInterval(() => void feed().catch(() => undefined), 100);
    await healthWhere((x) => x.state === 'ok');
  });

  it('lists other processes that publish heartbeats without judging the fleet by them', async () => {
    await store.set(moduleHeartbeat.at({ service: 'market-sim' }), {
      service: 'market-sim',
      ts: Date.now(),
      pid: 1,
      version: 'x',
      status: 'degraded',
      uptimeSeconds: 1,
      lastError: 'simulated fault',
      halted: false,
    });
    const h = await healthWhere((x) => x.services['market-sim'] !== undefined);
    expect(h.services['market-sim']?.state).toBe('degraded');
    expect(h.state).toBe('ok');
    await admin.del(moduleHeartbeat.key({ service: 'market-sim' }));
  });

  it('reports the halt flag', async () => {
    await store.set(systemHalt.at(), { halted: true, reason: 'drill', by: 'test', ts: Date.now() });
    const h = await healthWhere((x) => x.halted);
    expect(h.reasons).toContain('trading halted by test: drill');
    await admin.del(systemHalt.key());
    await healthWhere((x) => !x.halted);
  });
});
