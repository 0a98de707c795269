// @alphatrader/av-ingestion: the service's building blocks, for the fleet runner and tests.
export { startIngestion, logPlan, MONITOR_INTERVAL_MS } from './service';
export { createIngestion, STALE_AFTER_BEATS, type Ingestion, type IngestionDeps } from './ingestion';
export { resolveSettings, type IngestionSettings } from './core/settings';
export {
  streamDemands,
  fitBudget,
  admissionLimits,
  type BudgetPlan,
  type StreamPlan,
  type StreamId,
} from './core/plan';
export { buildJobs, Scheduler, type JobSpec, type DueJob } from './core/schedule';
export { createRedisLimiter, type CallLimiter, type Admission } from './adapters/rate-limiter';
