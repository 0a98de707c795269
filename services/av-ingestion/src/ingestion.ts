// Composition of the ingestion: settings and budget plan (core), the shared limiter, client, writers,
// monitor and telemetry (adapters), the job table, scheduler and dispatcher. No timers here: the
// service (or a test) ticks it, so any clock can drive it.
import type { Logger } from 'pino';
import {
  childLogger,
  type AppConfig,
  type Clock,
  type RedisClient,
  type ServiceMetrics,
  type Store,
} from '@alphatrader/shared';
import { createAvClient, type AvClient } from './adapters/av-client';
import { createMonitorStore, type MonitorStore } from './adapters/monitor-store';
import { createRedisLimiter, type CallLimiter } from './adapters/rate-limiter';
import { Telemetry } from './adapters/telemetry';
import { createWriters } from './adapters/writers';
import { feedKindOf, freshnessField, type FeedExpectation } from './core/freshness';
import { admissionLimits, fitBudget, streamDemands, type BudgetPlan, type StreamId } from './core/plan';
import { buildJobs, Scheduler, type DueJob, type JobSpec } from './core/schedule';
import { resolveSettings, type IngestionSettings } from './core/settings';
import { streamActive } from './core/windows';
import type { JobContext, JobOutcome } from './jobs/context';
import { Dispatcher, type DispatchRecord } from './jobs/dispatcher';
import { HistoricalBackfill } from './jobs/historical';
import { runJob } from './jobs/run-job';

/** A feed is reported stale after this many missed beats. */
export const STALE_AFTER_BEATS = 3;

export interface IngestionDeps {
  config: AppConfig;
  redis: RedisClient;
  store: Store;
  /** Market clock: schedule, freshness and every stored `ts`. */
  clock: Clock;
  logger: Logger;
  metrics: ServiceMetrics;
  /** Aborts in-flight requests on shutdown. */
  signal?: AbortSignal;
  /** Clock of the shared rate limiter; default: the Redis server's clock. */
  limiterNow?: () => number;
  /** Wall clock of the latency window; default Date.now. */
  wallNow?: () => number;
  /** Call-id prefix in the shared limiter (process identity). */
  processId?: string;
  onDispatch?: (record: DispatchRecord) => void;
  onOutcome?: (job: JobSpec, outcome: JobOutcome) => void;
}

export interface Ingestion {
  readonly settings: IngestionSettings;
  readonly plan: BudgetPlan;
  readonly limits: Record<StreamId, number>;
  readonly jobs: readonly JobSpec[];
  readonly scheduler: Scheduler;
  readonly dispatcher: Dispatcher;
  readonly limiter: CallLimiter;
  readonly client: AvClient;
  readonly monitor: MonitorStore;
  readonly telemetry: Telemetry;
  /** Starts the jobs due now. */
  tick(): DueJob[];
  /** Runs one job now, outside the schedule (operator tools, tests). */
  run(jobId: string): Promise<JobOutcome>;
  /** Publishes calls, latency, the prefer-IBKR flag and stale feeds. */
  publish(): Promise<void>;
  /** Waits for the runs in flight and refuses new ones. */
  stop(): Promise<void>;
}

export function createIngestion(deps: IngestionDeps): Ingestion {
  const settings = resolveSettings(deps.config);
  const plan = fitBudget(streamDemands(settings), settings.budgetPerMinute);
  const limits = admissionLimits(plan);
  const jobs = buildJobs(settings, plan);
  const wallNow = deps.wallNow ?? Date.now;
  const apiKey = deps.config.alphaVantage.apiKey;

  const limiter = createRedisLimiter(deps.redis, deps.store, {
    budgetPerMinute: settings.budgetPerMinute,
    burstPerSecond: settings.burstPerSecond,
    historicalPerMinute: settings.historical.callsPerMinute,
    ...(deps.limiterNow === undefined ? {} : { now: deps.limiterNow }),
    ...(deps.processId === undefined ? {} : { id: deps.processId }),
  });
  const monitor = createMonitorStore(deps.redis, deps.store);
  const telemetry = new Telemetry({
    monitor,
    limiter,
    metrics: deps.metrics,
    logger: childLogger(deps.logger, 'telemetry'),
    now: () => deps.clock.now(),
    wallNow,
    apiKey,
    planPerMinute: settings.planPerMinute,
    slowP95Ms: settings.slowP95Ms,
    slowWindowMs: settings.slowWindowMs,
  });
  const client = createAvClient({
    baseUrl: deps.config.alphaVantage.baseUrl,
    apiKey,
    timeoutMs: settings.timeoutMs,
    retries: settings.retries,
    limiter,
    onAttempt: telemetry.attempt,
    now: () => deps.clock.now(),
    ...(deps.signal === undefined ? {} : { signal: deps.signal }),
  });
  const ctx: JobContext = {
    settings,
    plan,
    limits,
    client,
    store: deps.store,
    writers: createWriters(deps.store),
    monitor,
    telemetry,
    clock: deps.clock,
    logger: childLogger(deps.logger, 'jobs'),
  };
  const backfill = new HistoricalBackfill();
  const scheduler = new Scheduler(jobs, deps.clock.now());
  const dispatcher = new Dispatcher({
    scheduler,
    clock: deps.clock,
    run: (job) => runJob(ctx, job, backfill),
    logger: childLogger(deps.logger, 'scheduler'),
    ...(deps.onDispatch === undefined ? {} : { onDispatch: deps.onDispatch }),
    ...(deps.onOutcome === undefined ? {} : { onOutcome: deps.onOutcome }),
  });

  const expectations = (now: number): FeedExpectation[] =>
    jobs.flatMap((job) => {
      const kind = feedKindOf(job);
      const window = plan.streams.find((s) => s.id === job.stream)?.window;
      if (kind === null || window === undefined) return [];
      return [
        {
          field: freshnessField(kind, job.symbol ?? job.fn),
          kind,
          symbol: job.symbol,
          thresholdMs: job.intervalMs * STALE_AFTER_BEATS,
          active: streamActive(window, now, settings.historical.after),
        },
      ];
    });

  return {
    settings,
    plan,
    limits,
    jobs,
    scheduler,
    dispatcher,
    limiter,
    client,
    monitor,
    telemetry,
    tick: () => dispatcher.tick(),
    run(jobId) {
      const job = jobs.find((j) => j.id === jobId);
      if (job === undefined) return Promise.reject(new Error(`no job ${jobId}`));
      return runJob(ctx, job, backfill);
    },
    publish: () => telemetry.publish(expectations(deps.clock.now())),
    stop: () => dispatcher.stop(),
  };
}
