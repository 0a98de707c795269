// Starts a private redis-server (the demo's, and every test's through @alphatrader/testkit) on a free
// loopback port and stops it, saving its data when asked.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { Redis } from 'ioredis';

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

export interface RedisProcessOptions {
  /** Directory for RDB/AOF files. */
  dir: string;
  /** Optional redis.conf to start from; --port/--dir/--bind given here override it. */
  configFile?: string;
  extraArgs?: string[];
  /** Fixed port; default: a free one. */
  port?: number;
  readyTimeoutMs?: number;
  /** Where redis-server's own output goes (default: discarded). */
  output?: NodeJS.WritableStream;
}

export interface RedisProcess {
  readonly host: string;
  readonly port: number;
  readonly url: string;
  readonly pid: number | undefined;
  /** Stops the server; with save=true it writes an RDB snapshot first (SHUTDOWN SAVE). */
  stop(opts?: { save?: boolean }): Promise<void>;
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

async function startOnce(opts: RedisProcessOptions, port: number): Promise<RedisProcess> {
  const args = [
    ...(opts.configFile !== undefined ? [opts.configFile] : []),
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--dir',
    opts.dir,
    '--daemonize',
    'no',
    ...(opts.extraArgs ?? []),
  ];
  const proc = spawn('redis-server', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  if (opts.output) {
    proc.stdout?.pipe(opts.output, { end: false });
    proc.stderr?.pipe(opts.output, { end: false });
  } else {
    proc.stdout?.resume();
    proc.stderr?.resume();
  }
  const spawnError = new Promise<never>((_, reject) => {
    proc.once('error', (err) =>
      reject(new Error(`cannot start redis-server (is the redis-server package installed?): ${err.message}`)),
    );
  });
  try {
    await Promise.race([waitForReady(proc, port, opts.readyTimeoutMs ?? 10_000), spawnError]);
  } catch (err) {
    proc.kill('SIGKILL');
    throw err;
  }
  const exited = new Promise<void>((resolve) => {
    if (proc.exitCode !== null) resolve();
    else proc.once('exit', () => resolve());
  });
  return {
    host: '127.0.0.1',
    port,
    url: `redis://127.0.0.1:${port}`,
    pid: proc.pid,
    async stop({ save = false } = {}) {
      if (proc.exitCode !== null) return;
      const admin = new Redis({ port, host: '127.0.0.1', maxRetriesPerRequest: 0, retryStrategy: () => null });
      admin.on('error', () => undefined);
      try {
        await admin.call('SHUTDOWN', save ? 'SAVE' : 'NOSAVE');
      } catch {
        // SHUTDOWN closes the connection instead of replying; an error here is expected.
      }
      admin.disconnect();
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (proc.exitCode === null) {
        proc.kill('SIGKILL');
        await exited;
      }
    },
  };
}

export async function startRedisProcess(opts: RedisProcessOptions): Promise<RedisProcess> {
  for (let attempt = 0; ; attempt++) {
    const port = opts.port ?? (await freePort());
    try {
      return await startOnce(opts, port);
    } catch (err) {
      // A free port can be taken between probing and binding: try another one a few times.
      if (opts.port !== undefined || attempt >= 3 || String(err).includes('cannot start')) throw err;
    }
  }
}
