// The operator CLI in-process against a real Redis: every command, its --json form, its exit codes and
// its errors (unknown key, value failing its schema, unreachable Redis).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import {
  analyticsAlerts,
  analyticsStatus,
  createStore,
  eventsMarket,
  marketBook,
  marketTimestamp,
  moduleHeartbeat,
  systemHalt,
  systemHealthMain,
  type Heartbeat,
  type Store,
} from '@alphatrader/shared';
import { freePort, startRedisServer, type RedisServerHandle } from '@alphatrader/testkit';
import { runCli } from './cli';

const SPY_FEED = `${marketTimestamp.family}:SPY`;
const BOGUS_KEY = `${marketBook.family}:SPY:bogus`;
const MODULE_GLOB = `${moduleHeartbeat.family}:*`;

let server: RedisServerHandle;
let admin: Redis;
let store: Store;

interface Result {
  code: number;
  out: string;
  err: string;
}

async function atp(args: string[], opts: { url?: string; signal?: AbortSignal } = {}): Promise<Result> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, {
    io: { out: (l) => out.push(l), err: (l) => err.push(l) },
    env: { REDIS_URL: opts.url ?? server.url },
    ...(opts.signal ? { signal: opts.signal } : {}),
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

function heartbeat(service: string): Heartbeat {
  return {
    service,
    ts: Date.now(),
    pid: 1234,
    version: '1.0.0',
    status: 'running',
    uptimeSeconds: 3,
    lastError: null,
    halted: false,
  };
}

beforeAll(async () => {
  server = await startRedisServer();
  admin = server.client();
  store = createStore(admin);
});

afterAll(async () => {
  await server.stop();
});

describe('atp get', () => {
  it('prints a valid value pretty, and as JSON with --json', async () => {
    await store.set(moduleHeartbeat.at({ service: 'analytics' }), heartbeat('analytics'));
    const text = await atp(['get', moduleHeartbeat.key({ service: 'analytics' })]);
    expect(text.code).toBe(0);
    expect(text.out).toContain('"service": "analytics"');
    expect(text.out).toMatch(/ttl \d+(\.\d)?s of 15\.0s, owner every service/);
    const json = await atp(['get', moduleHeartbeat.key({ service: 'analytics' }), '--json']);
    const doc = JSON.parse(json.out) as {
      valid: boolean;
      value: Heartbeat;
      ttlMs: number;
      entry: { type: string };
    };
    expect(doc.valid).toBe(true);
    expect(doc.value.pid).toBe(1234);
    expect(doc.ttlMs).toBeGreaterThan(0);
    expect(doc.entry.type).toBe('string');
  });

  it('says when a value fails its schema and why (exit 3), without hiding the raw value', async () => {
    const key = moduleHeartbeat.key({ service: 'broken' });
    await admin.set(key, JSON.stringify({ ...heartbeat('broken'), pid: 'abc' }), 'EX', 15);
    const r = await atp(['get', key]);
    expect(r.code).toBe(3);
    expect(r.out).toContain('INVALID');
    expect(r.out).toMatch(/schema: pid: .*number/);
    expect(r.out).toContain('"pid":"abc"');
    await admin.set(key, 'not json', 'EX', 15);
    const j = JSON.parse((await atp(['get', key, '--json'])).out) as {
      valid: boolean;
      elements: Array<{ error: string }>;
    };
    expect(j.valid).toBe(false);
    expect(j.elements[0]?.error).toMatch(/^not JSON/);
  });

  it('shows the elements of lists, hashes and streams, each validated', async () => {
    const alert = (message: string) => ({
      kind: 'stale_book',
      symbol: 'SPY',
      message,
      value: null,
      ts: Date.now(),
    });
    await store.push(analyticsAlerts.at(), alert('alpha'), alert('omega'));
    const list = await atp(['get', analyticsAlerts.key()]);
    expect(list.code).toBe(0);
    expect(list.out).toContain('2 elements');
    expect(list.out.indexOf('omega')).toBeLessThan(list.out.indexOf('alpha')); // newest first

    await store.hset(analyticsStatus.at(), 'vpin', {
      job: 'vpin',
      ok: true,
      durationMs: 1,
      lastError: null,
      ts: Date.now(),
    });
    await admin.hset(analyticsStatus.key(), 'gex', '{"job":"gex"}');
    const hash = await atp(['get', analyticsStatus.key(), '--json']);
    expect(hash.code).toBe(3);
    const doc = JSON.parse(hash.out) as {
      length: number;
      elements: Array<{ label: string; valid: boolean }>;
    };
    expect(doc.length).toBe(2);
    expect(doc.elements.map((e) => [e.label, e.valid])).toEqual([
      ['gex', false],
      ['vpin', true],
    ]);

    const id = await store.xadd(eventsMarket.at(), { symbol: 'SPY', kind: 'book', key: 'k', ts: Date.now() });
    const stream = await atp(['get', eventsMarket.key()]);
    expect(stream.code).toBe(0);
    expect(stream.out).toContain(`${id}: {`);
  });

  it('says clearly when a registered key is absent (exit 4) and when a key is unknown (exit 2)', async () => {
    const missing = await atp(['get', systemHealthMain.key()]);
    expect(missing.code).toBe(4);
    expect(missing.out).toContain('does not exist');
    expect(missing.out).toContain('monitor keeps it present');

    const unknown = await atp(['get', BOGUS_KEY]);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain(`unknown key '${BOGUS_KEY}'`);
    expect(unknown.err).toContain(marketBook.pattern);
  });
});

describe('atp keys', () => {
  it('lists registry entries matching a glob with their live keys, TTLs and sizes', async () => {
    await store.set(moduleHeartbeat.at({ service: 'monitor' }), heartbeat('monitor'));
    const r = await atp(['keys', MODULE_GLOB]);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`${moduleHeartbeat.pattern}  [string, ttl 15.0s, every service, always present]`);
    expect(r.out).toMatch(/module:heartbeat:monitor\s+ttl \d/);
    const doc = JSON.parse((await atp(['keys', MODULE_GLOB, '--json'])).out) as {
      entries: Array<{
        entry: { pattern: string };
        live: Array<{ key: string; ttlMs: number; size: number }>;
      }>;
    };
    const live = doc.entries.find((e) => e.entry.pattern === moduleHeartbeat.pattern)?.live ?? [];
    const monitor = live.find((k) => k.key === moduleHeartbeat.key({ service: 'monitor' }));
    expect(monitor?.ttlMs).toBeGreaterThan(0);
    expect(monitor?.ttlMs).toBeLessThanOrEqual(15_000);
    expect(monitor?.size).toBe(JSON.stringify(heartbeat('monitor')).length);
  });

  it('names live keys that no registry entry describes', async () => {
    await admin.set('stray-key', '1');
    const doc = JSON.parse((await atp(['keys', '*', '--json'])).out) as {
      unregistered: Array<{ key: string }>;
    };
    expect(doc.unregistered.map((k) => k.key)).toEqual(['stray-key']);
    await admin.del('stray-key');
  });
});

describe('atp tail', () => {
  it('follows new stream entries and new list elements', async () => {
    const stream = atp(['tail', eventsMarket.key(), '--max', '2', '--timeout', '10', '--json']);
    await new Promise((r) => setTimeout(r, 300));
    await store.xadd(eventsMarket.at(), { symbol: 'QQQ', kind: 'trades', key: 'a', ts: 1 });
    await store.xadd(eventsMarket.at(), { symbol: 'IWM', kind: 'trades', key: 'b', ts: 2 });
    const s = await stream;
    expect(s.code).toBe(0);
    const lines = s.out.split('\n').map((l) => JSON.parse(l) as { value: { symbol: string } });
    expect(lines.map((l) => l.value.symbol)).toEqual(['QQQ', 'IWM']);

    const list = atp(['tail', analyticsAlerts.key(), '--max', '1', '--timeout', '10']);
    await new Promise((r) => setTimeout(r, 400));
    await store.push(analyticsAlerts.at(), { kind: 'x', symbol: null, message: 'newest', value: 1, ts: 3 });
    const l = await list;
    expect(l.out.split('\n')).toHaveLength(1);
    expect(l.out).toContain('"message":"newest"');
  });

  it('stops at --timeout and on Ctrl-C, and refuses types other than lists and streams', async () => {
    const abort = new AbortController();
    const pending = atp(['tail', eventsMarket.key()], { signal: abort.signal });
    setTimeout(() => abort.abort(), 300);
    expect((await pending).code).toBe(0);
    const r = await atp(['tail', analyticsStatus.key()]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('is a hash');
  });
});

describe('atp halt / resume / health / status', () => {
  it('sets and clears system:halt with who, why and when', async () => {
    const before = Date.now();
    const h = await atp(['halt', 'broker', 'outage', '--by', 'tester']);
    expect(h.code).toBe(0);
    expect(h.out).toContain('HALTED');
    const flag = await store.get(systemHalt.at());
    expect(flag.ok && flag.value).toMatchObject({ halted: true, reason: 'broker outage', by: 'tester' });
    expect(flag.ok && flag.value.ts).toBeGreaterThanOrEqual(before);
    expect(await admin.pttl(systemHalt.key())).toBe(-1); // persistent: never expires, never evicted

    const r = JSON.parse((await atp(['resume', '--json'])).out) as {
      cleared: boolean;
      previous: { by: string };
    };
    expect(r).toMatchObject({ cleared: true, previous: { by: 'tester' } });
    expect(await admin.exists(systemHalt.key())).toBe(0);
    expect((await atp(['resume'])).out).toContain('not halted');
  });

  it('reads the health report, and says when the monitor publishes none', async () => {
    await admin.del(systemHealthMain.key());
    const none = await atp(['health']);
    expect(none.code).toBe(4);
    expect(none.err).toContain('Is the monitor running?');
    await store.set(systemHealthMain.at(), {
      state: 'degraded',
      services: { analytics: { state: 'up', heartbeatAgeMs: 900, reason: null } },
      staleFeeds: { [SPY_FEED]: 4200 },
      halted: false,
      reasons: ['market feeds stale (limit 3.0s): SPY silent 4.2s'],
      checks: 7,
      ts: Date.now(),
    });
    const h = await atp(['health']);
    expect(h.code).toBe(0);
    expect(h.out).toContain('fleet DEGRADED');
    expect(h.out).toContain(`${SPY_FEED} 4.2s`);
    expect(JSON.parse((await atp(['health', '--json'])).out)).toMatchObject({ state: 'degraded', checks: 7 });
  });

  it('prints the status table once, with the services that exist and any other heartbeat', async () => {
    await store.set(moduleHeartbeat.at({ service: 'market-sim' }), heartbeat('market-sim'));
    const r = await atp(['status']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/monitor\s+1234\s+running/);
    expect(r.out).toMatch(/market-sim\s+1234\s+running/);
    expect(r.out).toContain('health: degraded');
    const doc = JSON.parse((await atp(['status', '--json'])).out) as { services: Array<{ name: string }> };
    expect(doc.services.map((s) => s.name)).toContain('monitor');
  });
});

describe('atp without Redis', () => {
  it('fails fast naming the URL it tried', async () => {
    const port = await freePort();
    const started = Date.now();
    const r = await atp(['status'], { url: `redis://127.0.0.1:${port}` });
    expect(r.code).toBe(1);
    expect(r.err).toContain(`cannot reach Redis at redis://127.0.0.1:${port}`);
    expect(r.err).toContain('REDIS_URL');
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
