// The service under the fleet runtime: builds the ingestion from the runtime's config, Redis, store,
// market clock and metrics, logs the budget plan, and runs two loops — the scheduler tick (due jobs
// read from ctx.clock) and the monitoring publish — stopped and drained on shutdown.
import { childLogger, type ServiceContext, type ServiceHooks } from '@alphatrader/shared';
import { createIngestion, type Ingestion } from './ingestion';

/** Period of monitoring:api:av:* publishing (wall ms). */
export const MONITOR_INTERVAL_MS = 5_000;

export function logPlan(ingestion: Ingestion, ctx: Pick<ServiceContext, 'logger'>): void {
  const log = childLogger(ctx.logger, 'plan');
  const { plan, settings } = ingestion;
  for (const s of plan.streams) {
    log.info(
      {
        stream: s.id,
        status: s.status,
        intervalMs: s.plannedIntervalMs,
        callsPerMinute: Math.round(s.plannedCallsPerMinute * 10) / 10,
        window: s.window,
        admissionLimit: ingestion.limits[s.id],
      },
      'stream planned',
    );
    if (s.status !== 'full')
      log.warn({ stream: s.id, status: s.status }, 'budget short: optional stream reduced');
  }
  if (settings.sentiment.skipped.length > 0) {
    log.info({ symbols: settings.sentiment.skipped }, 'no news sentiment for ETFs and indices');
  }
  log.info(
    {
      peakCallsPerMinute: Math.round(plan.peakCallsPerMinute * 10) / 10,
      budgetPerMinute: plan.budgetPerMinute,
      fits: plan.fits,
    },
    'call budget',
  );
}

export function startIngestion(ctx: ServiceContext): ServiceHooks {
  const ingestion = createIngestion({
    config: ctx.config,
    redis: ctx.redis,
    store: ctx.store,
    clock: ctx.clock,
    logger: ctx.logger,
    metrics: ctx.metrics,
    signal: ctx.signal,
  });
  logPlan(ingestion, ctx);
  ctx.every('schedule', ingestion.settings.tickMs, () => ingestion.tick(), { immediate: true });
  ctx.every('monitor', MONITOR_INTERVAL_MS, () => ingestion.publish());
  return { stop: () => ingestion.stop() };
}
