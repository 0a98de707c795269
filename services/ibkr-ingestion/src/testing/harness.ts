// Test support: a private Redis, the market model and the IB Gateway simulator over real TCP, the
// simulated clock published like the simulators runner does, and the ingestion service started
// in-process through the real service runtime (config, store, heartbeat, shutdown).
import { createMarketModel, type SimMarketModel } from '@alphatrader/market-sim';
import {
  createStore,
  simClock,
  startServiceRuntime,
  type ConfigOverrides,
  type ServiceHandle,
  type Store,
} from '@alphatrader/shared';
import { startRedisServer, type RedisServerHandle } from '@alphatrader/testkit';
import { startTwsSim, type TwsSim } from '@alphatrader/tws-sim';
import type { Redis } from 'ioredis';
import { pino, type Level } from 'pino';
import { SERVICE_NAME, startIbkrIngestion, type IbkrIngestion } from '../service';

export const LEVEL2 = ['SPY', 'QQQ', 'IWM'];
export const STANDARD = ['AAPL', 'TSLA', 'NVDA', 'AMD', 'GOOGL', 'META', 'AMZN', 'MSFT', 'VXX'];

export interface World {
  redis: RedisServerHandle;
  client: Redis;
  store: Store;
  model: SimMarketModel;
  sim: TwsSim;
  publishClock(): Promise<void>;
  stop(): Promise<void>;
}

export interface WorldOptions {
  seed?: number;
  /** Simulated seconds per wall second. */
  speed?: number;
  /** Start of the simulation (default: the model's, 09:30 ET of the current or next session). */
  startTime?: number;
  /** Receives the simulator's log records (info and above) as JSON lines. */
  simLogLines?: string[];
}

/** Redis, model (running in real time × speed) and tws-sim; sim:clock refreshed every 200 ms. */
export async function startWorld(opts: WorldOptions = {}): Promise<World> {
  const redis = await startRedisServer();
  const client = redis.client();
  const store = createStore(client);
  const model = createMarketModel({
    seed: opts.seed ?? 7,
    symbols: [...LEVEL2, ...STANDARD],
    speed: opts.speed ?? 20,
    ...(opts.startTime !== undefined ? { startTime: opts.startTime } : {}),
  });
  const lines = opts.simLogLines;
  const record = (level: string) => (obj: object, msg?: string) =>
    void lines?.push(`${JSON.stringify({ sim: level, msg, ...obj })}\n`);
  const sim = await startTwsSim({
    model,
    port: 0,
    controlPort: 0,
    ...(lines !== undefined
      ? {
          logger: {
            debug: () => undefined,
            info: record('info'),
            warn: record('warn'),
            error: record('error'),
          },
        }
      : {}),
  });
  const publishClock = () =>
    store.set(simClock.at(), {
      simTime: Math.round(model.now()),
      wallTime: Date.now(),
      speed: model.speed(),
      scenario: model.scenario(),
      seed: model.seed,
    });
  await publishClock();
  model.start();
  const clockTimer = setInterval(() => void publishClock().catch(() => undefined), 200);
  return {
    redis,
    client,
    store,
    model,
    sim,
    publishClock,
    async stop() {
      clearInterval(clockTimer);
      model.stop();
      await sim.stop();
      await redis.stop();
    },
  };
}

export interface RunningIngestion {
  handle: ServiceHandle;
  ingestion: IbkrIngestion;
}

export interface IngestionOptions {
  clientId?: number;
  /** Gateway port (default: the simulator's; a TwsProxy's to inject frames). */
  port?: number;
  logLevel?: Level | 'silent';
  /** Receives the service's JSON log lines (at logLevel, default info when given). */
  logLines?: string[];
}

/** Config overrides pointing the service at the world (ports, simulated clock, fast timers). */
export function worldOverrides(
  world: World,
  section: Record<string, unknown> = {},
  opts: IngestionOptions = {},
): ConfigOverrides {
  return {
    redis: { url: world.redis.url },
    clock: { mode: 'simulated', refreshMs: 100 },
    log: { level: 'silent' },
    // Not this service's concern, but the config requires a key for the real API.
    alphaVantage: { baseUrl: 'http://127.0.0.1:9/query' },
    ibkr: {
      host: '127.0.0.1',
      port: opts.port ?? world.sim.port,
      clientId: opts.clientId ?? 11,
      connectTimeoutMs: 3000,
    },
    services: {
      [SERVICE_NAME]: {
        port: 0,
        heartbeatIntervalMs: 500,
        reconnect: { initialDelayMs: 100, maxDelayMs: 1000 },
        ...section,
      },
    },
  };
}

/** Starts the service in-process; `logLevel` 'silent' unless debugging. */
export async function startIngestion(
  world: World,
  section: Record<string, unknown> = {},
  opts: IngestionOptions = {},
): Promise<RunningIngestion> {
  let ingestion: IbkrIngestion | undefined;
  const handle = await startServiceRuntime({
    name: SERVICE_NAME,
    overrides: worldOverrides(world, section, opts),
    logger:
      opts.logLines !== undefined
        ? pino(
            { level: opts.logLevel ?? 'info', base: { service: SERVICE_NAME } },
            { write: (line: string) => void opts.logLines!.push(line) },
          )
        : pino({ level: opts.logLevel ?? 'silent', base: { service: SERVICE_NAME } }),
    start(ctx) {
      ingestion = startIbkrIngestion(ctx);
      return ingestion;
    },
  });
  return { handle, ingestion: ingestion! };
}

/** Polls until `cond` holds (or throws after timeoutMs). */
export async function until(
  cond: () => boolean | Promise<boolean>,
  timeoutMs = 10_000,
  what = 'condition',
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await cond()) return;
    if (Date.now() > deadline) throw new Error(`${what} not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
