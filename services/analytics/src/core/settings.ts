// The analytics engine's settings: its config section plus what it needs from the rest of the config
// (which symbols have depth, quotes or only options; the MOC window).
import type { AppConfig, ServiceSections, TimeWindow } from '@alphatrader/shared';

export type AnalyticsSection = ServiceSections['analytics'];

/** level2: depth book + trades + bars; standard: level-1 quote + trades + bars; index: options only. */
export type SymbolKind = 'level2' | 'standard' | 'index';

export interface AnalyticsSettings extends AnalyticsSection {
  /** Every symbol the engine serves, with what market data it has. */
  readonly symbols: ReadonlyMap<string, SymbolKind>;
  /** The MOC strategy window (ET): the MOC predictor is confident inside it. */
  readonly mocWindow: TimeWindow;
}

export function analyticsSettings(config: AppConfig): AnalyticsSettings {
  const section = config.services.analytics;
  const symbols = new Map<string, SymbolKind>();
  for (const s of config.symbols.level2) symbols.set(s, 'level2');
  for (const s of config.symbols.standard) symbols.set(s, 'standard');
  for (const s of config.symbols.index) symbols.set(s, 'index');
  return { ...section, symbols, mocWindow: config.strategies.moc.window };
}
