// The in-process core of every service: config, logger, Redis, store, clock, halt flag, heartbeat,
// /healthz and /metrics, and an orderly stop. runService() wraps it with signals and exit codes.
import type { Logger } from 'pino';
import { systemClock, type Clock } from '../clock/index';
import { loadConfig, serviceConfig } from '../config/index';
import { createLogger } from '../logger/index';
import { closeRedis, createRedis, isRedisReady, waitForRedis, type RedisClient } from '../redis/index';
import { createStore } from '../store/index';
import { createHaltWatcher } from './halt';
import { createHeartbeatPublisher, type ServiceStatus } from './heartbeat';
import { startOpsServer, type OpsServer } from './http';
import { every, type Loop } from './loop';
import { createServiceMetrics } from './metrics';
import { followSimClock } from './sim-clock';
import type { ServiceContext, ServiceHandle, ServiceHooks, StartServiceOptions } from './types';

const DEFAULT_VERSION = '0.0.0-dev';
/** Redis writes during shutdown get this long: a dead Redis must not eat the shutdown deadline. */
const SHUTDOWN_WRITE_TIMEOUT_MS = 1000;

async function bounded(
  work: () => Promise<unknown>,
  ready: boolean,
  what: string,
  logger: Logger,
): Promise<void> {
  if (!ready) {
    logger.warn(`redis not ready: skipped ${what}`);
    return;
  }
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out`)), SHUTDOWN_WRITE_TIMEOUT_MS);
  });
  try {
    await Promise.race([work(), timeout]);
  } catch (err) {
    logger.warn({ err }, `${what} failed`);
  } finally {
    clearTimeout(timer);
  }
}

export async function startServiceRuntime(opts: StartServiceOptions): Promise<ServiceHandle> {
  const config =
    opts.config ?? loadConfig({ path: opts.configPath, env: opts.env, overrides: opts.overrides });
  const section = serviceConfig(config, opts.name);
  const version = opts.version ?? DEFAULT_VERSION;
  const logger: Logger =
    opts.logger ??
    createLogger({
      service: opts.name,
      level: config.log.level,
      pretty: config.log.pretty,
      base: { version },
    });
  const startedAt = Date.now();
  if (!section.enabled)
    logger.warn({ service: opts.name }, 'service is disabled in the config; starting it anyway');

  let status: ServiceStatus = 'starting';
  let lastError: string | null = null;
  const abort = new AbortController();
  const loops: Loop[] = [];
  const connections: RedisClient[] = [];
  let ops: OpsServer | undefined;

  const redis = createRedis(config.redis, logger, { role: 'main', connectionName: `${opts.name}:main` });
  connections.push(redis);

  const cleanupConnections = async () => {
    await Promise.all(connections.map((c) => closeRedis(c)));
  };

  try {
    await waitForRedis(redis, config.runtime.startupTimeoutMs);
  } catch (err) {
    logger.fatal({ err }, 'redis unreachable at start-up');
    await cleanupConnections();
    throw err;
  }

  const store = createStore(redis, { logger, service: opts.name });
  const metrics = createServiceMetrics(opts.name);
  const heartbeats = metrics.counter({ name: 'atp_heartbeats_total', help: 'Heartbeats published' });
  const heartbeatFailures = metrics.counter({
    name: 'atp_heartbeat_failures_total',
    help: 'Heartbeats that could not be written',
  });
  metrics.gauge({
    name: 'atp_redis_ready',
    help: '1 when the main Redis connection is ready',
    collect() {
      this.set(isRedisReady(redis) ? 1 : 0);
    },
  });

  const halt = createHaltWatcher(store, logger.child({ component: 'halt' }));
  metrics.gauge({
    name: 'atp_halted',
    help: '1 while system halt is set',
    collect() {
      this.set(halt.isHalted() ? 1 : 0);
    },
  });

  const sim =
    config.clock.mode === 'simulated'
      ? followSimClock(store, logger.child({ component: 'clock' }))
      : undefined;
  const clock: Clock = sim?.clock ?? systemClock;

  const heartbeat = createHeartbeatPublisher({
    service: opts.name,
    intervalMs: section.heartbeatIntervalMs,
    store,
    redis,
    snapshot: () => ({
      version,
      status,
      uptimeSeconds: Math.round((Date.now() - startedAt) / 100) / 10,
      lastError,
      halted: halt.isHalted(),
    }),
  });
  const hbLog = logger.child({ component: 'heartbeat' });
  let hbFailing = false;
  const pendingPublishes = new Set<Promise<void>>();
  const publishHeartbeat = (): Promise<void> => {
    const p = writeHeartbeat().finally(() => pendingPublishes.delete(p));
    pendingPublishes.add(p);
    return p;
  };
  const writeHeartbeat = async () => {
    try {
      await heartbeat.publish();
      heartbeats.inc();
      if (hbFailing) hbLog.info('heartbeat published again');
      hbFailing = false;
    } catch (err) {
      heartbeatFailures.inc();
      if (!hbFailing) hbLog.warn({ err }, 'heartbeat not published');
      hbFailing = true;
    }
  };

  const loopLogger = logger.child({ component: 'loop' });
  const addLoop = (name: string, intervalMs: number, fn: () => unknown, immediate = false): Loop => {
    const loop = every(intervalMs, fn, { name, logger: loopLogger, immediate });
    loops.push(loop);
    return loop;
  };

  // Runtime loops are kept apart from the service's: they run until the very end of the shutdown.
  const runtimeLoops: Loop[] = [];
  halt.subscribe(() => void publishHeartbeat());

  const ctx: ServiceContext = {
    name: opts.name,
    version,
    config,
    section,
    logger,
    redis,
    store,
    clock,
    metrics,
    halt: {
      isHalted: () => halt.isHalted(),
      current: () => halt.current(),
      subscribe: (l) => halt.subscribe(l),
    },
    signal: abort.signal,
    setStatus(next, error) {
      if (status === 'stopping') return;
      const changed = next !== status || (error !== undefined && error !== lastError);
      status = next;
      if (error !== undefined) lastError = error;
      if (changed) {
        logger.info({ status, lastError }, 'status changed');
        void publishHeartbeat();
      }
    },
    every: (name, intervalMs, fn, loopOpts) => addLoop(name, intervalMs, fn, loopOpts?.immediate ?? false),
    redisConnection(role) {
      const c = createRedis(config.redis, logger, { role, connectionName: `${opts.name}:${role}` });
      connections.push(c);
      return c;
    },
  };

  let hooks: ServiceHooks | void = undefined;
  let stopping: Promise<void> | undefined;

  const stop = (reason = 'stop requested'): Promise<void> => {
    stopping ??= (async () => {
      logger.info({ reason }, 'stopping');
      status = 'stopping';
      abort.abort(reason);
      await bounded(() => publishHeartbeat(), isRedisReady(redis), 'stopping heartbeat', logger);
      await Promise.all(loops.map((l) => l.stop()));
      try {
        await hooks?.stop?.();
        await opts.stop?.(ctx);
      } catch (err) {
        logger.error({ err }, 'service stop failed');
      }
      await Promise.all(runtimeLoops.map((l) => l.stop()));
      await bounded(() => Promise.all([...pendingPublishes]), true, 'pending heartbeats', logger);
      await bounded(
        () => heartbeat.remove(),
        isRedisReady(redis),
        'heartbeat removal (it expires by TTL)',
        logger,
      );
      await ops?.close();
      await cleanupConnections();
      logger.info({ uptimeSeconds: Math.round((Date.now() - startedAt) / 1000) }, 'stopped');
    })();
    return stopping;
  };

  try {
    await halt.refresh();
    await sim?.refresh();
    runtimeLoops.push(
      every(config.runtime.haltPollMs, () => halt.refresh(), { name: 'halt', logger: loopLogger }),
    );
    if (sim !== undefined) {
      runtimeLoops.push(
        every(config.clock.refreshMs, () => sim.refresh(), { name: 'sim-clock', logger: loopLogger }),
      );
    }

    ops = await startOpsServer({
      host: config.runtime.httpHost,
      port: section.port,
      registry: metrics.registry,
      logger,
      health: () => {
        const redisReady = isRedisReady(redis);
        return {
          healthy: redisReady && status !== 'stopping',
          body: {
            service: opts.name,
            version,
            status,
            redis: redisReady ? 'ready' : redis.status,
            halted: halt.isHalted(),
            lastError,
            uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
            pid: process.pid,
          },
        };
      },
    });

    await publishHeartbeat();
    runtimeLoops.push(
      every(section.heartbeatIntervalMs, publishHeartbeat, { name: 'heartbeat', logger: loopLogger }),
    );
    logger.info(
      {
        heartbeatIntervalMs: section.heartbeatIntervalMs,
        heartbeatTtlMs: heartbeat.ttlMs,
        clock: config.clock.mode,
        mode: config.trading.mode,
      },
      'starting',
    );

    hooks = await opts.start(ctx);
    if (status === 'starting') status = 'running';
    await publishHeartbeat();
    logger.info({ status }, 'running');
  } catch (err) {
    logger.error({ err }, 'start-up failed');
    await stop('start-up failed');
    throw err;
  }

  const opsServer = ops;
  return {
    ctx,
    port: opsServer.port,
    url: opsServer.url,
    stop,
  };
}
