// The repository's redis.conf, started the way the demo starts it (`redis-server redis.conf --port N
// --dir D`): persistence and safety settings are live, and eviction never touches keys without a TTL.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '@alphatrader/testkit';

const REDIS_CONF = fileURLToPath(new URL('../../../../redis.conf', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'atp-redis-conf-'));
let proc: ChildProcess;
let client: Redis;

async function configGet(name: string): Promise<string> {
  const reply = await client.config('GET', name);
  return reply[1] ?? '';
}

beforeAll(async () => {
  const port = await freePort();
  proc = spawn('redis-server', [REDIS_CONF, '--port', String(port), '--dir', dir], { stdio: 'ignore' });
  // Commands wait in the offline queue while the server starts.
  client = new Redis({ port, host: '127.0.0.1', retryStrategy: () => 50, maxRetriesPerRequest: null });
  client.on('error', () => undefined);
  await client.ping();
});

afterAll(async () => {
  client.disconnect();
  proc.kill('SIGKILL');
  await new Promise((r) =>
    proc.exitCode !== null || proc.signalCode !== null ? r(null) : proc.once('exit', r),
  );
  rmSync(dir, { recursive: true, force: true });
});

describe('redis.conf', () => {
  it('starts with the command-line port and data directory overrides', async () => {
    expect(await configGet('dir')).toBe(dir);
    expect(await configGet('bind')).toBe('127.0.0.1 -::1');
    expect(await configGet('protected-mode')).toBe('yes');
  });

  it('persists with AOF every second plus RDB snapshots', async () => {
    expect(await configGet('appendonly')).toBe('yes');
    expect(await configGet('appendfsync')).toBe('everysec');
    expect(await configGet('save')).toBe('3600 1 300 100 60 10000');
  });

  it('caps memory and may evict only keys that carry a TTL', async () => {
    expect(await configGet('maxmemory')).toBe(String(2 * 1024 ** 3));
    expect(await configGet('maxmemory-policy')).toBe('volatile-lru');
  });

  it('under memory pressure evicts TTL keys, keeps persistent ones, and refuses writes rather than drop them', async () => {
    const used = Number(/used_memory:(\d+)/.exec(await client.info('memory'))![1]);
    await client.config('SET', 'maxmemory', String(used + 3 * 1024 * 1024));
    const blob = 'x'.repeat(20_000);
    for (let i = 0; i < 50; i++) await client.set(`persistent-${i}`, blob); // ~1 MB without TTL
    for (let i = 0; i < 300; i++) await client.set(`volatile-${i}`, blob, 'EX', 600); // ~6 MB with TTL
    const stats = await client.info('stats');
    expect(Number(/evicted_keys:(\d+)/.exec(stats)![1])).toBeGreaterThan(0);
    expect(await client.exists(...Array.from({ length: 50 }, (_, i) => `persistent-${i}`))).toBe(50);

    let refused: unknown;
    try {
      for (let i = 50; i < 1000; i++) await client.set(`persistent-${i}`, blob);
    } catch (err) {
      refused = err;
    }
    expect(String(refused)).toMatch(/OOM/);
    expect(await client.exists(...Array.from({ length: 50 }, (_, i) => `persistent-${i}`))).toBe(50);
  });
});
