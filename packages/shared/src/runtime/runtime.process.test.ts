// runService as a real process (the fixture service spawned with tsx) against a private redis-server:
// heartbeat, halt flag, ops endpoints, SIGTERM, SIGKILL, crashes and the shutdown deadline.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import { startRedisServer, type RedisServerHandle } from '@alphatrader/testkit';
import { moduleHeartbeat, systemHalt } from '../registry/index';
import { createStore, type Store } from '../store/index';
import {
  exitWithin,
  spawnFixture,
  TEST_ENV,
  until,
  writeTestConfig,
  type SpawnedService,
} from './test-support';

const SERVICE = 'echo-fixture';
const INTERVAL_MS = 200;
const heartbeatRef = moduleHeartbeat.at({ service: SERVICE });

let server: RedisServerHandle;
let admin: Redis;
let store: Store;
let env: Record<string, string>;
let slowEnv: Record<string, string>;
const dir = mkdtempSync(join(tmpdir(), 'atp-runtime-'));
const running: SpawnedService[] = [];

function start(...args: string[]): SpawnedService {
  return startWith(env, ...args);
}

function startWith(e: Record<string, string>, ...args: string[]): SpawnedService {
  const s = spawnFixture(args, e);
  running.push(s);
  return s;
}

const isRunning = (r: { msg: string }) => r.msg === 'running';

beforeAll(async () => {
  server = await startRedisServer();
  admin = server.client();
  store = createStore(admin);
  const configPath = writeTestConfig(dir, 'echo', {
    runtime: { haltPollMs: 100, shutdownTimeoutMs: 2000 },
    extraServices: { [SERVICE]: { enabled: true, port: 0, heartbeatIntervalMs: INTERVAL_MS } },
  });
  env = { ...TEST_ENV, ATP_CONFIG: configPath, REDIS_URL: server.url };
  // A 1 s interval (3 s TTL) leaves a wide margin to see the key outlive its killed process.
  const slowPath = writeTestConfig(dir, 'echo-slow', {
    extraServices: { [SERVICE]: { enabled: true, port: 0, heartbeatIntervalMs: 1000 } },
  });
  slowEnv = { ...env, ATP_CONFIG: slowPath };
});

afterEach(async () => {
  for (const s of running.splice(0)) {
    if (s.proc.exitCode === null && s.proc.signalCode === null) s.proc.kill('SIGKILL');
    await s.exited;
  }
  await admin.flushall();
});

afterAll(async () => {
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('runService process', () => {
  it('publishes a valid heartbeat with TTL = 3 × interval and keeps refreshing it', async () => {
    const svc = start();
    await svc.waitForLog(isRunning);
    const hb = await store.get(heartbeatRef);
    expect(hb.ok).toBe(true);
    if (!hb.ok) return;
    expect(hb.value).toMatchObject({
      service: SERVICE,
      pid: svc.proc.pid,
      version: '1.2.3',
      status: 'running',
      halted: false,
      lastError: null,
    });
    const ttl = await admin.pttl(heartbeatRef.key);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(3 * INTERVAL_MS);
    await until(async () => {
      const next = await store.get(heartbeatRef);
      return next.ok && next.value.ts > hb.value.ts;
    });
  });

  it('serves /healthz and /metrics on the configured port', async () => {
    const svc = start();
    const listening = await svc.waitForLog((r) => r.msg.startsWith('ops http listening'));
    await svc.waitForLog(isRunning);
    const base = `http://127.0.0.1:${listening.port as number}`;
    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({
      service: SERVICE,
      status: 'running',
      redis: 'ready',
      halted: false,
    });
    await until(async () =>
      (await (await fetch(`${base}/metrics`)).text()).includes('echo_ticks_total{service="echo-fixture"}'),
    );
    const metrics = await fetch(`${base}/metrics`);
    expect(metrics.headers.get('content-type')).toContain('text/plain');
    const text = await metrics.text();
    expect(text).toContain('process_cpu_user_seconds_total');
    expect(text).toMatch(/atp_heartbeats_total\{service="echo-fixture"\} [1-9]/);
  });

  it('sees system:halt being set and cleared', async () => {
    const svc = start();
    await svc.waitForLog(isRunning);
    await store.set(systemHalt.at(), { halted: true, reason: 'runtime test', by: 'tester', ts: Date.now() });
    const seen = await svc.waitForLog((r) => r.msg === 'echo saw halt');
    expect(seen.flag).toMatchObject({ reason: 'runtime test', by: 'tester' });
    await until(async () => {
      const hb = await store.get(heartbeatRef);
      return hb.ok && hb.value.halted;
    });
    await store.del(systemHalt.at());
    await svc.waitForLog((r) => r.msg === 'echo saw resume');
    await until(async () => {
      const hb = await store.get(heartbeatRef);
      return hb.ok && !hb.value.halted;
    });
  });

  it('on SIGTERM finishes in-flight work, deletes its heartbeat and exits 0 within 10 s', async () => {
    const svc = start('--stop-delay-ms', '300');
    await svc.waitForLog(isRunning);
    expect(await admin.exists(heartbeatRef.key)).toBe(1);
    svc.proc.kill('SIGTERM');
    const exit = await exitWithin(svc, 10_000);
    expect(exit).toEqual({ code: 0, signal: null });
    expect(await admin.exists(heartbeatRef.key)).toBe(0);
    const msgs = svc.records.map((r) => r.msg);
    expect(msgs).toContain('echo stopped after in-flight work');
    expect(svc.records.find((r) => r.msg === 'echo stopping')?.aborted).toBe(true);
    expect(msgs.indexOf('echo stopped after in-flight work')).toBeLessThan(msgs.indexOf('stopped'));
  });

  it('exits 0 on SIGINT too', async () => {
    const svc = start();
    await svc.waitForLog(isRunning);
    svc.proc.kill('SIGINT');
    expect((await exitWithin(svc, 10_000)).code).toBe(0);
    expect(await admin.exists(heartbeatRef.key)).toBe(0);
  });

  it('when killed with SIGKILL, its heartbeat expires by TTL', async () => {
    const svc = startWith(slowEnv);
    await svc.waitForLog(isRunning);
    svc.proc.kill('SIGKILL');
    await svc.exited;
    expect(await admin.exists(heartbeatRef.key)).toBe(1); // nobody deleted it…
    expect(await admin.pttl(heartbeatRef.key)).toBeLessThanOrEqual(3000);
    await until(async () => (await admin.exists(heartbeatRef.key)) === 0, 5000); // …it expires
  });

  it('exits 1 when stop() overruns the shutdown deadline', async () => {
    const svc = start('--hang-on-stop');
    await svc.waitForLog(isRunning);
    svc.proc.kill('SIGTERM');
    expect((await exitWithin(svc, 10_000)).code).toBe(1);
    expect(svc.records.some((r) => r.msg.startsWith('shutdown deadline exceeded'))).toBe(true);
  });

  it('logs and exits non-zero on an uncaught exception or unhandled rejection', async () => {
    const crash = start('--crash-after-ms', '200');
    const reject = start('--reject-after-ms', '200');
    for (const [svc, kind] of [
      [crash, 'uncaughtException'],
      [reject, 'unhandledRejection'],
    ] as const) {
      expect((await exitWithin(svc, 10_000)).code).toBe(1);
      const fatal = svc.records.find((r) => r.msg === 'crashed');
      expect(fatal).toMatchObject({ level: 'fatal', kind });
      expect(JSON.stringify(fatal)).toContain('echo fixture');
    }
  });

  it('exits 78 with the reason when the service has no config section', async () => {
    const svc = start('--name', 'not-configured');
    expect((await exitWithin(svc, 10_000)).code).toBe(78);
    expect(svc.stderr()).toContain('services.not-configured');
  });
});
