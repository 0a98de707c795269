export { startMonitor, type MonitorOptions } from './service';
export {
  evaluateHealth,
  evaluateService,
  formatDuration,
  summariseIds,
  type Evaluation,
  type FeedVerdict,
} from './core/evaluate';
export { areaReports } from './core/areas';
export {
  monitorSettings,
  expectedServices,
  REDIS_MEMORY_WARN_FRACTION,
  type MonitorSettings,
} from './core/settings';
export {
  emptyMemory,
  type Observation,
  type MonitorMemory,
  type FeedSpec,
  type FeedSource,
  type FeedReading,
  type HeartbeatObservation,
} from './core/types';
export { createObserver, RedisUnavailableError, type ObserverDeps } from './adapters/observe';
export { existingServices } from './adapters/service-folders';
