// Settings from the repository's config/config.yaml (with the Alpha Vantage simulator address so no API
// key is needed), optionally overridden, for core tests and benchmarks.
import { loadConfig, type AppConfig, type ConfigOverrides } from '@alphatrader/shared';
import { analyticsSettings, type AnalyticsSettings } from '../core/settings';

export const TEST_ENV = { ALPHAVANTAGE_BASE_URL: 'http://127.0.0.1:9/query' };

export function testConfig(overrides: ConfigOverrides = {}, env: Record<string, string> = {}): AppConfig {
  return loadConfig({ env: { ...TEST_ENV, ...env }, overrides });
}

export function testSettings(analytics: Record<string, unknown> = {}): AnalyticsSettings {
  return analyticsSettings(testConfig({ services: { analytics } }));
}

/** Monday 2025-06-02 11:00 ET: a regular session, outside the MOC window. */
export const SESSION_NOON = Date.UTC(2025, 5, 2, 15, 0, 0);
