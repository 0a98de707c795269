// The Redis factory against real redis-server processes: standalone by URL and host/port, ACL users,
// reconnect after a restart on the same port, Sentinel and Cluster.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRedisProcess } from '@alphatrader/redis-launcher';
import { freePort, startRedisServer, type RedisServerHandle } from '@alphatrader/testkit';
import { loadConfig, type RedisConfig } from '../config/index';
import { createLogger } from '../logger/index';
import { closeRedis, createRedis, isRedisReady, waitForRedis, type RedisClient } from './factory';

const run = promisify(execFile);
const base = loadConfig({ env: { ALPHAVANTAGE_BASE_URL: 'http://127.0.0.1:9/query' } }).redis;
const redisConfig = (over: Partial<RedisConfig>): RedisConfig => ({ ...base, ...over });

function captureLogger() {
  const lines: string[] = [];
  const logger = createLogger({
    service: 'redis-test',
    level: 'debug',
    destination: { write: (s: string) => void lines.push(s) },
  });
  const records = () =>
    lines.map((l) => JSON.parse(l) as { msg: string; level: string; [k: string]: unknown });
  return { logger, records, text: () => lines.join('') };
}

async function until(cond: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await cond())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 25));
  }
}

const clients: RedisClient[] = [];
const track = <T extends RedisClient>(c: T): T => {
  clients.push(c);
  return c;
};

let server: RedisServerHandle;
beforeAll(async () => {
  server = await startRedisServer();
});
afterAll(async () => {
  await Promise.all(clients.map((c) => closeRedis(c, 500)));
  await server.stop();
});

describe('createRedis — standalone', () => {
  it('connects by URL, names the connection after its role and logs ready', async () => {
    const { logger, records } = captureLogger();
    const client = track(createRedis(redisConfig({ url: server.url }), logger, { role: 'blocking' }));
    await waitForRedis(client, 5000);
    expect(isRedisReady(client)).toBe(true);
    expect(await client.ping()).toBe('PONG');
    const list = (await server.client().client('LIST')) as string;
    expect(list).toContain('name=atp:blocking');
    expect(records().some((r) => r.msg === 'redis ready' && r.role === 'blocking')).toBe(true);
  });

  it('connects by host and port with a database number', async () => {
    const { logger } = captureLogger();
    const client = track(
      createRedis(redisConfig({ url: undefined, host: '127.0.0.1', port: server.port, db: 3 }), logger),
    );
    await client.set('probe', '1');
    const admin = server.client();
    await admin.select(3);
    expect(await admin.get('probe')).toBe('1');
  });
});

describe('createRedis — ACL users', () => {
  beforeAll(async () => {
    await server.client().call('ACL', 'SETUSER', 'atp-svc', 'on', '>s3cret-Pw', '~*', '&*', '+@all');
  });

  it('authenticates as the configured ACL user', async () => {
    const { logger } = captureLogger();
    const client = track(
      createRedis(redisConfig({ url: server.url, username: 'atp-svc', password: 's3cret-Pw' }), logger),
    );
    expect(await client.call('ACL', 'WHOAMI')).toBe('atp-svc');
  });

  it('reports a wrong password without ever logging a password', async () => {
    const { logger, records, text } = captureLogger();
    const cfg = redisConfig({
      url: `redis://atp-svc:url-Pw-9@127.0.0.1:${server.port}`,
      password: 'wrong-Pw-1',
      retry: { baseDelayMs: 20, maxDelayMs: 40 },
      maxRetriesPerRequest: 0,
    });
    const client = track(createRedis(cfg, logger));
    await until(() => records().some((r) => r.msg === 'redis error'));
    await expect(client.ping()).rejects.toThrow();
    expect(text()).not.toMatch(/url-Pw-9|wrong-Pw-1|s3cret-Pw/);
    const error = records().find((r) => r.msg === 'redis error')!;
    expect(JSON.stringify(error)).toMatch(/WRONGPASS|invalid username-password/i);
    client.disconnect();
  });
});

describe('createRedis — reconnect', () => {
  it('reconnects with backoff after the server restarts on the same port, logging errors sparingly', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'atp-redis-restart-'));
    const port = await freePort();
    let proc = await startRedisProcess({ dir, port, extraArgs: ['--save', '', '--appendonly', 'no'] });
    try {
      const { logger, records } = captureLogger();
      const cfg = redisConfig({
        url: `redis://127.0.0.1:${port}`,
        retry: { baseDelayMs: 20, maxDelayMs: 200 },
      });
      const client = track(createRedis(cfg, logger));
      await waitForRedis(client, 5000);

      await proc.stop();
      await until(
        () =>
          records().filter((r) => r.msg.startsWith('redis reconnecting') || r.msg === 'redis error').length >
          0,
      );
      await new Promise((r) => setTimeout(r, 1000)); // several failed attempts while the server is down
      expect(isRedisReady(client)).toBe(false);
      proc = await startRedisProcess({ dir, port, extraArgs: ['--save', '', '--appendonly', 'no'] });

      await until(() => isRedisReady(client));
      expect(await client.ping()).toBe('PONG');
      const recovered = records().find((r) => r.msg === 'redis ready again');
      expect(recovered).toBeDefined();
      expect(recovered!.reconnects as number).toBeGreaterThan(2);
      // One logged error per distinct message and window, however many attempts failed.
      const errorLogs = records().filter((r) => r.msg === 'redis error').length;
      expect(errorLogs).toBeLessThan(recovered!.reconnects as number);
    } finally {
      await proc.stop();
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('createRedis — Sentinel', () => {
  let sentinel: ChildProcess | undefined;
  let dir = '';
  afterAll(async () => {
    sentinel?.kill('SIGKILL');
    if (dir !== '') await rm(dir, { recursive: true, force: true });
  });

  it('finds the master through a sentinel', async () => {
    dir = await mkdtemp(join(tmpdir(), 'atp-sentinel-'));
    const sentinelPort = await freePort();
    const conf = join(dir, 'sentinel.conf');
    await writeFile(
      conf,
      [
        `port ${sentinelPort}`,
        'bind 127.0.0.1',
        `dir ${dir}`,
        `sentinel monitor atpmaster 127.0.0.1 ${server.port} 1`,
        '',
      ].join('\n'),
    );
    sentinel = spawn('redis-server', [conf, '--sentinel'], { stdio: 'ignore' });
    const { logger } = captureLogger();
    const cfg = redisConfig({
      mode: 'sentinel',
      url: undefined,
      sentinel: {
        name: 'atpmaster',
        nodes: [{ host: '127.0.0.1', port: sentinelPort }],
        password: undefined,
      },
      retry: { baseDelayMs: 20, maxDelayMs: 200 },
    });
    const client = track(createRedis(cfg, logger));
    await waitForRedis(client, 10_000);
    await client.set('via-sentinel', 'yes');
    expect(await server.client().get('via-sentinel')).toBe('yes');
  });
});

describe('createRedis — Cluster', () => {
  const nodes: RedisServerHandle[] = [];
  afterAll(async () => {
    await Promise.all(nodes.map((n) => n.stop()));
  });

  it('spreads keys over a three-node cluster', async () => {
    nodes.push(
      ...(await Promise.all(
        [0, 1, 2].map(() =>
          startRedisServer([
            '--cluster-enabled',
            'yes',
            '--cluster-config-file',
            'nodes.conf',
            '--cluster-node-timeout',
            '2000',
          ]),
        ),
      )),
    );
    await run('redis-cli', [
      '--cluster',
      'create',
      ...nodes.map((n) => `${n.host}:${n.port}`),
      '--cluster-replicas',
      '0',
      '--cluster-yes',
    ]);
    for (const node of nodes) {
      const admin = node.client();
      await until(async () => (await admin.cluster('INFO')).includes('cluster_state:ok'));
    }
    const { logger } = captureLogger();
    const cfg = redisConfig({
      mode: 'cluster',
      url: undefined,
      cluster: { nodes: nodes.map((n) => ({ host: n.host, port: n.port })) },
    });
    const client = track(createRedis(cfg, logger));
    await waitForRedis(client, 10_000);
    const keys = Array.from({ length: 30 }, (_, i) => `k${i}`);
    for (const k of keys) await client.set(k, k);
    const counts = await Promise.all(nodes.map((n) => n.client().dbsize()));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(30);
    expect(counts.every((c) => c > 0)).toBe(true);
    for (const k of keys) expect(await client.get(k)).toBe(k);
  }, 60_000);
});
