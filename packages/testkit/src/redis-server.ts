// Spawns a private, throw-away redis-server for one test file: free port, own temp directory,
// no persistence. Tests never touch a Redis they did not start.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';

export interface RedisServerHandle {
  readonly host: string;
  readonly port: number;
  readonly url: string;
  readonly dir: string;
  /** A new client connected to this server; closed by stop(). */
  client(): Redis;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      if (addr === null || typeof addr === 'string') {
        srv.close();
        reject(new Error('could not read a free port'));
        return;
      }
      srv.close(() => resolve(addr.port));
    });
  });
}

async function waitForReady(proc: ChildProcess, port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    if (proc.exitCode !== null) throw new Error(`redis-server exited with code ${proc.exitCode}`);
    const probe = new Redis({ port, host: '127.0.0.1', lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    probe.on('error', () => undefined);
    try {
      await probe.connect();
      await probe.ping();
      probe.disconnect();
      return;
    } catch (err) {
      lastError = err;
      probe.disconnect();
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  throw new Error(`redis-server did not become ready on port ${port}: ${String(lastError)}`);
}

export async function startRedisServer(extraArgs: string[] = []): Promise<RedisServerHandle> {
  const dir = await mkdtemp(join(tmpdir(), 'atp-redis-'));
  for (let attempt = 0; ; attempt++) {
    const port = await freePort();
    const proc = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no', ...extraArgs],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const spawnError = new Promise<never>((_, reject) => {
      proc.once('error', (err) =>
        reject(new Error(`cannot start redis-server (is the redis-server package installed?): ${err.message}`)),
      );
    });
    try {
      await Promise.race([waitForReady(proc, port, 10_000), spawnError]);
    } catch (err) {
      proc.kill('SIGKILL');
      if (attempt < 3 && !String(err).includes('cannot start')) continue; // port raced away: try another
      await rm(dir, { recursive: true, force: true });
      throw err;
    }
    const clients: Redis[] = [];
    return {
      host: '127.0.0.1',
      port,
      url: `redis://127.0.0.1:${port}`,
      dir,
      client() {
        const c = new Redis({ port, host: '127.0.0.1' });
        clients.push(c);
        return c;
      },
      async stop() {
        await Promise.allSettled(clients.map((c) => c.quit()));
        if (proc.exitCode === null) {
          const exited = new Promise((r) => proc.once('exit', r));
          proc.kill('SIGTERM');
          await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
          if (proc.exitCode === null) proc.kill('SIGKILL');
        }
        await rm(dir, { recursive: true, force: true });
      },
    };
  }
}
