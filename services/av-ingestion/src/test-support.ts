// Test fixture: a private redis-server, a stepped market model behind av-sim over HTTP, the repository's
// config pointed at both, a manual market clock, and a logger whose every line is captured unredacted
// (so a test sees exactly what this service would have logged).
import { Writable } from 'node:stream';
import { pino, type Logger } from 'pino';
import { startAvSim, type AvSimHandle } from '@alphatrader/av-sim';
import { createMarketModel, type SimMarketModel } from '@alphatrader/market-sim';
import {
  createServiceMetrics,
  createStore,
  loadConfig,
  type AppConfig,
  type ConfigOverrides,
  type ServiceMetrics,
  type Store,
} from '@alphatrader/shared';
import { startRedisServer, type RedisServerHandle } from '@alphatrader/testkit';
import type { Redis } from 'ioredis';
import { createIngestion, type Ingestion, type IngestionDeps } from './ingestion';

export const MODEL_SYMBOLS = [
  'SPY',
  'QQQ',
  'IWM',
  'AAPL',
  'TSLA',
  'NVDA',
  'AMD',
  'GOOGL',
  'META',
  'AMZN',
  'MSFT',
  'VXX',
];

export interface ManualClock {
  readonly now: () => number;
  readonly set: (t: number) => void;
  readonly advance: (ms: number) => void;
}

export function manualClock(start: number): ManualClock {
  let t = start;
  return {
    now: () => t,
    set: (v) => {
      t = v;
    },
    advance: (ms) => {
      t += ms;
    },
  };
}

export interface CapturedLogger {
  logger: Logger;
  /** Every line written so far (raw JSON text). */
  text(): string;
}

/** A pino logger without the fleet's redaction, capturing every record at debug level. */
export function captureLogger(): CapturedLogger {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer | string, _enc, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  return {
    logger: pino({ level: 'debug', base: { service: 'av-ingestion' } }, stream),
    text: () => chunks.join(''),
  };
}

export interface SimCall {
  fn: string;
  symbol: string | undefined;
  outcome: string;
}

export interface Harness {
  redis: RedisServerHandle;
  model: SimMarketModel;
  sim: AvSimHandle;
  /** Every /query call av-sim served since the last reset (function, symbol or tickers, outcome), from its log. */
  simCalls(): SimCall[];
  /** Clears av-sim's faults, rate-limit windows and counts, and the served-call record. */
  reset(): void;
  /** The repository's config with Redis, the simulator URL and these overrides. */
  config(overrides?: ConfigOverrides): AppConfig;
  /** A new connection and a store on it. */
  connect(): { redis: Redis; store: Store };
  /** An ingestion on its own connection. */
  ingestion(
    config: AppConfig,
    extra: Partial<IngestionDeps> & Pick<IngestionDeps, 'clock'>,
  ): { ingestion: Ingestion; log: CapturedLogger; store: Store; redis: Redis; metrics: ServiceMetrics };
  stop(): Promise<void>;
}

export async function startHarness(seed = 7): Promise<Harness> {
  const redis = await startRedisServer();
  const model = createMarketModel({ seed, symbols: MODEL_SYMBOLS });
  model.step(20 * 60_000); // 09:50 ET: the session has bars, volume and a live 0DTE expiry
  const simLog = captureLogger();
  const sim = await startAvSim({ model, callsPerMinute: Infinity, logger: simLog.logger });
  let callsSeen = 0;
  const connect = () => {
    const client = redis.client();
    return { redis: client, store: createStore(client) };
  };
  return {
    redis,
    model,
    sim,
    reset() {
      sim.reset();
      callsSeen = simLog.text().length;
    },
    simCalls() {
      return simLog
        .text()
        .slice(callsSeen)
        .split('\n')
        .filter((l) => l.includes('"av-sim call"'))
        .map((l) => JSON.parse(l) as SimCall);
    },
    config(overrides = {}) {
      return loadConfig({
        env: { ATP_CLOCK_MODE: 'real' },
        overrides: {
          redis: { url: redis.url },
          ...overrides,
          alphaVantage: { baseUrl: `${sim.url}/query`, ...(overrides['alphaVantage'] ?? {}) },
        },
      });
    },
    connect,
    ingestion(config, extra) {
      const { redis: client, store } = connect();
      const log = captureLogger();
      const metrics = createServiceMetrics('av-ingestion', { defaultMetrics: false });
      const ingestion = createIngestion({
        config,
        redis: client,
        store,
        logger: log.logger,
        metrics,
        ...extra,
      });
      return { ingestion, log, store, redis: client, metrics };
    },
    async stop() {
      await sim.stop();
      await redis.stop();
    },
  };
}
