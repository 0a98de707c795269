// A private, throw-away redis-server for one test file: free port, own temp directory, no
// persistence. Tests never touch a Redis they did not start.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startRedisProcess } from '@alphatrader/redis-launcher';
import { Redis } from 'ioredis';

export { freePort } from '@alphatrader/redis-launcher';

export interface RedisServerHandle {
  readonly host: string;
  readonly port: number;
  readonly url: string;
  readonly dir: string;
  /** A new client connected to this server; closed by stop(). */
  client(): Redis;
  stop(): Promise<void>;
}

export async function startRedisServer(extraArgs: string[] = []): Promise<RedisServerHandle> {
  const dir = await mkdtemp(join(tmpdir(), 'atp-redis-'));
  let server;
  try {
    server = await startRedisProcess({ dir, extraArgs: ['--save', '', '--appendonly', 'no', ...extraArgs] });
  } catch (err) {
    await rm(dir, { recursive: true, force: true });
    throw err;
  }
  const clients: Redis[] = [];
  return {
    host: server.host,
    port: server.port,
    url: server.url,
    dir,
    client() {
      const c = new Redis({ port: server.port, host: server.host });
      clients.push(c);
      return c;
    },
    async stop() {
      await Promise.allSettled(clients.map((c) => c.quit()));
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
