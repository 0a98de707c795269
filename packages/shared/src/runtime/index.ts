export { runService, EXIT_OK, EXIT_FAILURE, EXIT_CONFIG } from './run-service';
export type { RunServiceOptions } from './run-service';
export { startServiceRuntime } from './runtime';
export type {
  ServiceContext,
  ServiceHooks,
  ServiceDefinition,
  StartServiceOptions,
  ServiceHandle,
} from './types';
export type { HaltState } from './halt';
export type { ServiceStatus } from './heartbeat';
export { every } from './loop';
export type { Loop, LoopOptions } from './loop';
export { createServiceMetrics, LATENCY_BUCKETS_SECONDS } from './metrics';
export type { ServiceMetrics } from './metrics';
