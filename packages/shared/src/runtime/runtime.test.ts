// startServiceRuntime in-process: the context a service receives, status and halt in the heartbeat,
// the stop order, start-up failures, the simulated clock and /healthz when Redis goes away.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import { startRedisProcess } from '@alphatrader/redis-launcher';
import { startRedisServer, type RedisServerHandle } from '@alphatrader/testkit';
import { loadConfig, type AppConfig, type ConfigOverrides } from '../config/index';
import { createLogger } from '../logger/index';
import { moduleHeartbeat, simClock, systemHalt } from '../registry/index';
import { createStore, type Store } from '../store/index';
import { startServiceRuntime } from './runtime';
import { TEST_ENV, until } from './test-support';
import type { ServiceHandle } from './types';

const NAME = 'runtime-unit';
let server: RedisServerHandle;
let admin: Redis;
let store: Store;
const handles: ServiceHandle[] = [];

function configFor(url: string, over: ConfigOverrides = {}): AppConfig {
  return loadConfig({
    env: { ...TEST_ENV, REDIS_URL: url },
    overrides: {
      runtime: { haltPollMs: 50, startupTimeoutMs: 3000 },
      extraServices: { [NAME]: { enabled: true, port: 0, heartbeatIntervalMs: 100 } },
      ...over,
    },
  });
}

function quietLogger() {
  const lines: string[] = [];
  const logger = createLogger({
    service: NAME,
    level: 'debug',
    destination: { write: (s: string) => void lines.push(s) },
  });
  return { logger, records: () => lines.map((l) => JSON.parse(l) as { msg: string; [k: string]: unknown }) };
}

beforeAll(async () => {
  server = await startRedisServer();
  admin = server.client();
  store = createStore(admin);
});

afterAll(async () => {
  await Promise.all(handles.map((h) => h.stop()));
  await server.stop();
});

describe('startServiceRuntime', () => {
  it('gives the service its config section, clock, store, metrics and an open signal', async () => {
    const { logger } = quietLogger();
    let seen: Record<string, unknown> = {};
    const handle = await startServiceRuntime({
      name: NAME,
      version: '9.9.9',
      config: configFor(server.url),
      logger,
      start(ctx) {
        seen = {
          section: ctx.section,
          aborted: ctx.signal.aborted,
          clockDrift: Math.abs(ctx.clock.now() - Date.now()),
          halted: ctx.halt.isHalted(),
          mode: ctx.config.trading.mode,
        };
      },
    });
    handles.push(handle);
    expect(seen).toMatchObject({
      section: { port: 0, heartbeatIntervalMs: 100 },
      aborted: false,
      halted: false,
      mode: 'paper',
    });
    expect(seen.clockDrift as number).toBeLessThan(1000);
    expect(handle.port).toBeGreaterThan(0);
    const hb = await handle.ctx.store.get(moduleHeartbeat.at({ service: NAME }));
    expect(hb.ok && hb.value).toMatchObject({ status: 'running', version: '9.9.9' });
    await handle.stop();
  });

  it('reports degraded status and the last error in heartbeat and /healthz', async () => {
    const { logger } = quietLogger();
    const handle = await startServiceRuntime({
      name: NAME,
      config: configFor(server.url),
      logger,
      start: () => undefined,
    });
    handles.push(handle);
    handle.ctx.setStatus('degraded', 'feed stale');
    await until(async () => {
      const hb = await store.get(moduleHeartbeat.at({ service: NAME }));
      return hb.ok && hb.value.status === 'degraded' && hb.value.lastError === 'feed stale';
    });
    const body = (await (await fetch(`${handle.url}/healthz`)).json()) as Record<string, unknown>;
    expect(body).toMatchObject({ status: 'degraded', lastError: 'feed stale', redis: 'ready' });
    handle.ctx.setStatus('running', null);
    await until(async () => {
      const hb = await store.get(moduleHeartbeat.at({ service: NAME }));
      return hb.ok && hb.value.status === 'running' && hb.value.lastError === null;
    });
    await handle.stop();
  });

  it('stops in order: abort, loops (in-flight run finished), service stop, heartbeat deleted, Redis closed', async () => {
    const { logger } = quietLogger();
    const events: string[] = [];
    const handle = await startServiceRuntime({
      name: NAME,
      config: configFor(server.url),
      logger,
      start(ctx) {
        ctx.signal.addEventListener('abort', () => events.push('abort'));
        ctx.every('slow', 20, async () => {
          events.push('run');
          await new Promise((r) => setTimeout(r, 150));
          events.push('run done');
        });
        const extra = ctx.redisConnection('blocking');
        return {
          async stop() {
            events.push(`hooks.stop heartbeat=${await admin.exists(moduleHeartbeat.key({ service: NAME }))}`);
            events.push(`extra=${extra.status}`);
          },
        };
      },
      stop: () => void events.push('definition.stop'),
    });
    await until(() => events.includes('run'));
    await handle.stop('test');
    await handle.stop('again'); // idempotent
    const stopAt = events.indexOf('abort');
    expect(stopAt).toBeGreaterThanOrEqual(0);
    const after = events.slice(stopAt);
    expect(after.filter((e) => e === 'run')).toHaveLength(0); // no new run after abort
    expect(after).toContain('run done'); // the run in progress finished
    expect(after.indexOf('run done')).toBeLessThan(after.indexOf('hooks.stop heartbeat=1'));
    expect(after).toEqual(expect.arrayContaining(['extra=ready', 'definition.stop']));
    expect(after.indexOf('hooks.stop heartbeat=1')).toBeLessThan(after.indexOf('definition.stop'));
    expect(await admin.exists(moduleHeartbeat.key({ service: NAME }))).toBe(0);
    expect(handle.ctx.redis.status).toBe('end');
    await expect(fetch(`${handle.url}/healthz`)).rejects.toThrow();
  });

  it('fails start-up cleanly when the service cannot start', async () => {
    const { logger } = quietLogger();
    await expect(
      startServiceRuntime({
        name: NAME,
        config: configFor(server.url),
        logger,
        start() {
          throw new Error('cannot bind broker');
        },
      }),
    ).rejects.toThrow('cannot bind broker');
    expect(await admin.exists(moduleHeartbeat.key({ service: NAME }))).toBe(0);
  });

  it('fails start-up when Redis is unreachable', async () => {
    const { logger, records } = quietLogger();
    const config = configFor('redis://127.0.0.1:1', { runtime: { startupTimeoutMs: 300 } });
    await expect(startServiceRuntime({ name: NAME, config, logger, start: () => undefined })).rejects.toThrow(
      /not ready/,
    );
    expect(records().some((r) => r.msg === 'redis unreachable at start-up')).toBe(true);
  });

  it('treats an unreadable halt flag as a halt', async () => {
    const { logger } = quietLogger();
    const handle = await startServiceRuntime({
      name: NAME,
      config: configFor(server.url),
      logger,
      start: () => undefined,
    });
    handles.push(handle);
    await admin.set(systemHalt.key(), 'yes please');
    await until(() => handle.ctx.halt.isHalted());
    expect(handle.ctx.halt.current()).toMatchObject({
      by: 'runtime',
      reason: expect.stringContaining('unreadable') as string,
    });
    await admin.del(systemHalt.key());
    await until(() => !handle.ctx.halt.isHalted());
    await handle.stop();
  });

  it('follows the simulator clock in simulated mode', async () => {
    const { logger } = quietLogger();
    const simTime = Date.parse('2026-03-09T14:00:00Z');
    await store.set(simClock.at(), { simTime, wallTime: Date.now(), speed: 1, scenario: 'normal', seed: 1 });
    const handle = await startServiceRuntime({
      name: NAME,
      config: configFor(server.url, { clock: { mode: 'simulated', refreshMs: 50 } }),
      logger,
      start: () => undefined,
    });
    handles.push(handle);
    expect(Math.abs(handle.ctx.clock.now() - simTime)).toBeLessThan(5000);
    const later = simTime + 3_600_000;
    await store.set(simClock.at(), {
      simTime: later,
      wallTime: Date.now(),
      speed: 60,
      scenario: 'crash',
      seed: 1,
    });
    await until(() => handle.ctx.clock.now() >= later);
    await handle.stop();
  });

  it('answers /healthz 503 while Redis is down, and /metrics with the service’s own series', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'atp-runtime-down-'));
    const redis = await startRedisProcess({ dir, extraArgs: ['--save', '', '--appendonly', 'no'] });
    const { logger } = quietLogger();
    const handle = await startServiceRuntime({
      name: NAME,
      config: configFor(redis.url, { redis: { retry: { baseDelayMs: 20, maxDelayMs: 100 } } }),
      logger,
      start(ctx) {
        ctx.metrics.histogram({ name: 'unit_latency_seconds', help: 'test latency' }).observe(0.003);
      },
    });
    try {
      expect((await fetch(`${handle.url}/healthz`)).status).toBe(200);
      const text = await (await fetch(`${handle.url}/metrics`)).text();
      expect(text).toContain('unit_latency_seconds_bucket{le="0.005",service="runtime-unit"} 1');
      expect(text).toContain('atp_redis_ready{service="runtime-unit"} 1');
      await redis.stop();
      await until(async () => (await fetch(`${handle.url}/healthz`)).status === 503);
      const body = (await (await fetch(`${handle.url}/healthz`)).json()) as Record<string, unknown>;
      expect(body.redis).not.toBe('ready');
    } finally {
      await handle.stop();
      await redis.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
