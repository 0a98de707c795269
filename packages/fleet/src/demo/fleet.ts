// Starts and stops the whole fleet without Docker: a private Redis (or REDIS_URL), the simulators and
// one supervised process per service, each against the others only through Redis.
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { freePort, startRedisProcess, type RedisProcess } from '@alphatrader/redis-launcher';
import { bundleEntries } from '../adapters/bundler';
import { ManagedProcess } from '../adapters/managed-process';

export interface FleetOptions {
  root: string;
  /** Per-process logs (default <root>/logs). */
  logsDir?: string;
  /** Data of the private Redis, under <dataDir>/redis (default <root>/data). */
  dataDir?: string;
  /** Where the processes' bundles are built (default <dataDir>/bundles). */
  bundleDir?: string;
  /** Use this Redis instead of starting one. */
  redisUrl?: string;
  /** Services to start (folder names under services/); default: every service with src/main.ts. */
  services?: readonly string[];
  sim: { seed: number; speed: number; scenario: string; start?: string };
  /** Extra environment for every child (on top of the parent's). */
  env?: NodeJS.ProcessEnv;
  baseEnv: NodeJS.ProcessEnv;
  onEvent?: (line: string) => void;
}

export interface Fleet {
  readonly redisUrl: string;
  /** Pid of the private redis-server; null when REDIS_URL was given. */
  readonly redisPid: number | null;
  readonly logsDir: string;
  readonly processes: ReadonlyMap<string, ManagedProcess>;
  readonly endpoints: { twsPort: number; twsControlPort: number; avUrl: string; simControlPort: number };
  stop(): Promise<void>;
}

export const SIM_PROCESS = 'market-sim';

export function discoverServices(root: string): string[] {
  const dir = join(root, 'services');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => existsSync(join(dir, name, 'src', 'main.ts')))
    .sort();
}

export async function startFleet(opts: FleetOptions): Promise<Fleet> {
  const logsDir = opts.logsDir ?? join(opts.root, 'logs');
  const dataDir = opts.dataDir ?? join(opts.root, 'data');
  mkdirSync(logsDir, { recursive: true });
  mkdirSync(join(dataDir, 'redis'), { recursive: true });
  const say = opts.onEvent ?? (() => undefined);

  let redis: RedisProcess | null = null;
  let redisUrl = opts.redisUrl;
  if (redisUrl === undefined) {
    redis = await startRedisProcess({
      dir: join(dataDir, 'redis'),
      configFile: join(opts.root, 'redis.conf'),
      output: createWriteStream(join(logsDir, 'redis.log'), { flags: 'a' }),
    });
    redisUrl = redis.url;
    say(
      `redis-server started on ${redisUrl} (data in ${join(dataDir, 'redis')}, log ${join(logsDir, 'redis.log')})`,
    );
  } else {
    say(`using Redis at ${redisUrl}`);
  }

  const [twsPort, twsControlPort, avPort, simControlPort] = await Promise.all([
    freePort(),
    freePort(),
    freePort(),
    freePort(),
  ]);
  const avUrl = `http://127.0.0.1:${avPort}`;
  const env: NodeJS.ProcessEnv = {
    ...opts.baseEnv,
    REDIS_URL: redisUrl,
    ATP_CLOCK_MODE: 'simulated',
    IBKR_HOST: '127.0.0.1',
    IBKR_PORT: String(twsPort),
    ALPHAVANTAGE_BASE_URL: `${avUrl}/query`,
    ALPHAVANTAGE_API_KEY: 'demo-simulator-key',
    // Every /healthz and /metrics server on a free port: a demo and a test fleet can share a machine.
    ATP_OPS_PORTS: 'ephemeral',
    ...opts.env,
  };

  // Every process runs from a bundle built now from the current sources (never a stale one).
  const simEntry = join(opts.root, 'packages/simulators/src/main.ts');
  const serviceNames = opts.services ?? discoverServices(opts.root);
  const entries = [simEntry, ...serviceNames.map((n) => join(opts.root, 'services', n, 'src', 'main.ts'))];
  const started = performance.now();
  const bundles = await bundleEntries(opts.root, entries, opts.bundleDir ?? join(dataDir, 'bundles'));
  say(`bundled ${entries.length} processes in ${Math.round(performance.now() - started)} ms`);

  const processes = new Map<string, ManagedProcess>();
  const make = (name: string, source: string, args: string[] = []) => {
    const entry = bundles.get(source) ?? source;
    const p = new ManagedProcess({
      name,
      entry,
      args,
      cwd: opts.root,
      env,
      logFile: join(logsDir, `${name}.log`),
      onEvent: (e) => say(`${e.name}: ${e.kind} ${e.detail}`),
    });
    processes.set(name, p);
    p.start();
  };

  make(SIM_PROCESS, simEntry, [
    '--seed',
    String(opts.sim.seed),
    '--speed',
    String(opts.sim.speed),
    '--scenario',
    opts.sim.scenario,
    '--tws-port',
    String(twsPort),
    '--tws-control-port',
    String(twsControlPort),
    '--av-port',
    String(avPort),
    '--control-port',
    String(simControlPort),
    ...(opts.sim.start !== undefined ? ['--start', opts.sim.start] : []),
  ]);
  for (const name of serviceNames) make(name, join(opts.root, 'services', name, 'src', 'main.ts'));

  let stopped = false;
  return {
    redisUrl,
    redisPid: redis?.pid ?? null,
    logsDir,
    processes,
    endpoints: { twsPort, twsControlPort, avUrl, simControlPort },
    async stop() {
      if (stopped) return;
      stopped = true;
      const services = [...processes.entries()].filter(([n]) => n !== SIM_PROCESS).map(([, p]) => p);
      say(`stopping ${services.length} services`);
      await Promise.all(services.map((p) => p.stop()));
      await processes.get(SIM_PROCESS)?.stop();
      if (redis !== null) {
        say('saving and stopping redis-server');
        await redis.stop({ save: true });
      }
    },
  };
}
