// @alphatrader/discovery: the service definition (for in-process tests and the fleet runner) and the pure
// discovery run.
export { discoveryService, SERVICE_NAME } from './service';
export { discover, bestSeries, type DiscoveryResult, type SymbolData } from './core/discover';
export { discoverySettings, type DiscoverySettings } from './core/settings';
export { discoveredYaml } from './core/yaml';
