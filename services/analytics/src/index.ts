// @alphatrader/analytics: the service definition (for in-process tests, benchmarks and the fleet runner)
// and the pure engine.
export { analyticsService, SERVICE_NAME } from './service';
export { AnalyticsEngine, discoveredParams } from './core/engine';
export { SymbolAnalyzer } from './core/analyzer';
export { analyticsSettings, type AnalyticsSettings, type SymbolKind } from './core/settings';
export type {
  SymbolUpdate,
  UpdateResult,
  Output,
  OutputKind,
  JobName,
  SymbolParams,
  Input,
} from './core/types';
