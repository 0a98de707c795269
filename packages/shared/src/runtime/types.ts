// What a service gets from the runtime, and what it gives back.
import type { Logger } from 'pino';
import type { Clock } from '../clock/index';
import type { AppConfig, ConfigOverrides, Env, ServiceBase } from '../config/index';
import type { RedisClient } from '../redis/index';
import type { Store } from '../store/index';
import type { HaltState } from './halt';
import type { Loop } from './loop';
import type { ServiceMetrics } from './metrics';

export interface ServiceContext {
  readonly name: string;
  readonly version: string;
  readonly config: AppConfig;
  /** This service's section: services.<name> or extraServices.<name>. */
  readonly section: ServiceBase;
  /** Root logger of the process (`service` field set); use childLogger(ctx.logger, 'component'). */
  readonly logger: Logger;
  /** The main Redis connection (never use it for blocking commands: see redisConnection). */
  readonly redis: RedisClient;
  /** The typed store on the main connection. */
  readonly store: Store;
  /** Market time: wall clock, or the simulator's in clock.mode 'simulated'. */
  readonly clock: Clock;
  readonly metrics: ServiceMetrics;
  /** The system:halt flag, refreshed every runtime.haltPollMs. */
  readonly halt: HaltState;
  /** Aborted when the service must stop taking work (SIGTERM/SIGINT or handle.stop()). */
  readonly signal: AbortSignal;
  /** Status reported in the heartbeat and /healthz; lastError null clears it, undefined keeps it. */
  setStatus(status: 'running' | 'degraded', lastError?: string | null): void;
  /**
   * A periodic task (no overlap, failures logged). The runtime stops it on shutdown and waits for a run
   * in progress before calling the service's stop().
   */
  every(name: string, intervalMs: number, fn: () => unknown, opts?: { immediate?: boolean }): Loop;
  /** An extra connection (e.g. for BRPOP or XREAD BLOCK), closed by the runtime on shutdown. */
  redisConnection(role: string): RedisClient;
}

export interface ServiceHooks {
  /** Finish in-flight work and release resources; called once on shutdown, before Redis closes. */
  stop?(): Promise<void> | void;
}

export interface ServiceDefinition {
  /** Service name: heartbeat key, log `service` field, config section. */
  name: string;
  version?: string;
  /** Starts the service and returns once it is running (loops run in the background). */
  start(ctx: ServiceContext): Promise<ServiceHooks | void> | ServiceHooks | void;
  /** Called on shutdown after the hooks' stop. */
  stop?(ctx: ServiceContext): Promise<void> | void;
}

export interface StartServiceOptions extends ServiceDefinition {
  /** An already loaded config (else loaded from configPath / ATP_CONFIG / the default file). */
  config?: AppConfig;
  configPath?: string;
  env?: Env;
  overrides?: ConfigOverrides;
  /** A root logger to use (else one is created from config.log). */
  logger?: Logger;
}

export interface ServiceHandle {
  readonly ctx: ServiceContext;
  /** Bound port of /healthz and /metrics. */
  readonly port: number;
  /** Base URL of the ops server, e.g. http://127.0.0.1:9104. */
  readonly url: string;
  /** Graceful stop: abort, stop loops and the service, delete the heartbeat, close HTTP and Redis. */
  stop(reason?: string): Promise<void>;
}
