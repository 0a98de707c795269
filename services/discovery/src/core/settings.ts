// The discovery service's settings: its config section, plus what it shares with analytics (the VPIN
// window and classification, the flow-toxicity weights and trade-pattern settings) so both compute the same
// measures, and which symbols have market data (level 2 with depth snapshots, or level 1).
import { tradedSymbols, type AppConfig, type ServiceSections } from '@alphatrader/shared';

export type DiscoverySection = ServiceSections['discovery'];
type AnalyticsSection = ServiceSections['analytics'];

export interface DiscoverySettings extends DiscoverySection {
  /** Symbols with stock market data, level 2 first. */
  readonly symbols: readonly string[];
  readonly level2: ReadonlySet<string>;
  readonly vpinWindowBuckets: number;
  readonly vpinClassification: AnalyticsSection['vpinClassification'];
  readonly toxicityWeights: AnalyticsSection['toxicityWeights'];
  readonly patterns: AnalyticsSection['patterns'];
  readonly obiDepthWeights: readonly number[];
  /** Directory the YAML file is written to. */
  readonly dataDir: string;
}

export function discoverySettings(config: AppConfig): DiscoverySettings {
  const a = config.services.analytics;
  return {
    ...config.services.discovery,
    symbols: tradedSymbols(config),
    level2: new Set(config.symbols.level2),
    vpinWindowBuckets: a.vpinWindowBuckets,
    vpinClassification: a.vpinClassification,
    toxicityWeights: a.toxicityWeights,
    patterns: a.patterns,
    obiDepthWeights: a.obiDepthWeights,
    dataDir: config.dataDir,
  };
}
