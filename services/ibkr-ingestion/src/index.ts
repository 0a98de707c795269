// Public surface of @alphatrader/ibkr-ingestion (for the demo runner, tests and the benchmark).
export { startIbkrIngestion, SERVICE_NAME, type IbkrIngestion } from './service';
export { ingestSettings, type IngestSettings } from './core/settings';
export type { IngestState } from './core/state';
export type { FeedMetrics } from './core/metrics';
