// Builds the ioredis client for the configured topology (standalone, Sentinel, Cluster) with ACL
// credentials, optional TLS, capped exponential reconnect backoff and logged connection events.
import { readFileSync } from 'node:fs';
import type { ConnectionOptions } from 'node:tls';
import { Cluster, Redis, type ClusterOptions, type RedisOptions } from 'ioredis';
import type { Logger } from 'pino';
import type { RedisConfig } from '../config/index';
import { backoffDelay } from './backoff';
import { describeRedisTarget } from './describe';
import { logConnectionEvents, type ConnectionLogOptions } from './events';

export type RedisClient = Redis | Cluster;

export interface CreateRedisOptions {
  /** What this connection is for ('main', 'blocking', 'subscriber' …): logged and used in CLIENT SETNAME. */
  role?: string;
  /** Client name shown by CLIENT LIST; default `atp:<role>`. */
  connectionName?: string;
  /** Do not connect until the first command or connect(). */
  lazyConnect?: boolean;
  /** Tuning of the connection-event log (tests). */
  events?: ConnectionLogOptions;
}

function tlsOptions(cfg: RedisConfig): ConnectionOptions | undefined {
  if (!cfg.tls.enabled) return undefined;
  const file = (p: string | undefined) => (p === undefined ? undefined : readFileSync(p));
  return {
    ca: file(cfg.tls.caFile),
    cert: file(cfg.tls.certFile),
    key: file(cfg.tls.keyFile),
    rejectUnauthorized: cfg.tls.rejectUnauthorized,
  };
}

function retry(cfg: RedisConfig) {
  return (attempt: number) =>
    backoffDelay(attempt, { baseMs: cfg.retry.baseDelayMs, maxMs: cfg.retry.maxDelayMs });
}

export function createRedis(cfg: RedisConfig, logger: Logger, opts: CreateRedisOptions = {}): RedisClient {
  const role = opts.role ?? 'main';
  const log = logger.child({ component: 'redis', role, redis: describeRedisTarget(cfg) });
  const tls = tlsOptions(cfg);
  const common: RedisOptions = {
    username: cfg.username,
    password: cfg.password,
    db: cfg.db,
    connectTimeout: cfg.connectTimeoutMs,
    maxRetriesPerRequest: cfg.maxRetriesPerRequest,
    retryStrategy: retry(cfg),
    connectionName: opts.connectionName ?? `atp:${role}`,
    lazyConnect: opts.lazyConnect ?? false,
    ...(tls !== undefined ? { tls } : {}),
  };

  let client: RedisClient;
  switch (cfg.mode) {
    case 'standalone':
      client =
        cfg.url !== undefined
          ? new Redis(cfg.url, common)
          : new Redis({ ...common, host: cfg.host ?? '127.0.0.1', port: cfg.port ?? 6379 });
      break;
    case 'sentinel':
      client = new Redis({
        ...common,
        sentinels: cfg.sentinel.nodes.map((n) => ({ host: n.host, port: n.port })),
        name: cfg.sentinel.name,
        role: 'master',
        sentinelPassword: cfg.sentinel.password,
        sentinelRetryStrategy: retry(cfg),
        enableTLSForSentinelMode: tls !== undefined,
      });
      break;
    case 'cluster': {
      const { retryStrategy: _ignored, db: _noDb, lazyConnect, ...redisOptions } = common;
      const clusterOptions: ClusterOptions = {
        redisOptions,
        clusterRetryStrategy: retry(cfg),
        lazyConnect,
        enableReadyCheck: true,
      };
      client = new Cluster(
        cfg.cluster.nodes.map((n) => ({ host: n.host, port: n.port })),
        clusterOptions,
      );
      break;
    }
  }
  logConnectionEvents(client, log, opts.events);
  return client;
}

/** Whether the client can serve commands right now. */
export function isRedisReady(client: RedisClient): boolean {
  return client.status === 'ready';
}

/** Resolves when the client is ready; rejects after timeoutMs (the client keeps retrying). */
export async function waitForRedis(client: RedisClient, timeoutMs: number): Promise<void> {
  if (client.status === 'ready') return;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      client.off('ready', onReady);
      reject(new Error(`redis not ready after ${timeoutMs} ms`));
    }, timeoutMs);
    const onReady = () => {
      clearTimeout(timer);
      resolve();
    };
    client.once('ready', onReady);
  });
}

/**
 * QUIT (pending replies are delivered) and wait for the connection to end; disconnect after timeoutMs.
 * A client that is not connected is disconnected at once.
 */
export async function closeRedis(client: RedisClient, timeoutMs = 2000): Promise<void> {
  if (client.status === 'end') return;
  if (client.status !== 'ready') {
    client.disconnect(); // nothing to flush; stops the reconnect loop at once
    return;
  }
  const ended = new Promise<void>((resolve) => client.once('end', () => resolve()));
  let timer: NodeJS.Timeout | undefined;
  const forced = new Promise<void>((resolve) => {
    timer = setTimeout(() => {
      client.disconnect();
      resolve();
    }, timeoutMs);
  });
  try {
    await Promise.race([client.quit().then(() => ended), forced]);
  } catch {
    client.disconnect();
  } finally {
    clearTimeout(timer);
  }
}
