import { describe, expect, it } from 'vitest';
import { analyticsStatus, analyticsVpin, loadConfig, marketTimestamp } from '@alphatrader/shared';
import { expectedServices, monitorSettings } from './settings';

const config = loadConfig({ env: { ALPHAVANTAGE_BASE_URL: 'http://127.0.0.1:9/query' } });

describe('monitor settings', () => {
  it('expects the enabled services that exist, and only those', () => {
    // discord-bot is disabled in config; 'unknown' has no config section.
    expect(expectedServices(config, ['monitor', 'discord-bot', 'analytics', 'unknown'])).toEqual([
      'analytics',
      'monitor',
    ]);
  });

  it('watches market timestamps per traded symbol only when ibkr-ingestion runs', () => {
    const without = monitorSettings(config, ['monitor', 'av-ingestion']);
    expect(without.feeds.some((f) => f.source === 'market-timestamp')).toBe(false);
    expect(without.checkIbkr).toBe(false);
    const withIngestion = monitorSettings(config, ['monitor', 'ibkr-ingestion']);
    const market = withIngestion.feeds.filter((f) => f.source === 'market-timestamp');
    expect(market.map((f) => f.symbol)).toEqual([...config.symbols.level2, ...config.symbols.standard]);
    expect(
      market.every((f) => f.thresholdMs === config.risk.staleData.maxFeedAgeMs && f.marketHoursOnly),
    ).toBe(true);
    expect(market[0]?.id).toBe(`${marketTimestamp.family}:SPY`);
  });

  it('watches option chains of the chain symbols and VPIN of the level-2 symbols', () => {
    const s = monitorSettings(config, ['monitor', 'ibkr-ingestion', 'av-ingestion', 'analytics']);
    expect(s.feeds.filter((f) => f.source === 'options-chain').map((f) => f.symbol)).toEqual(
      config.services['av-ingestion'].chainSymbols,
    );
    expect(s.feeds.filter((f) => f.source === 'analytics-vpin').map((f) => f.id)).toEqual(
      config.symbols.level2.map((sym) => `${analyticsVpin.family}:${sym}`),
    );
    const status = s.feeds.find((f) => f.source === 'analytics-status');
    expect(status).toMatchObject({
      id: analyticsStatus.key(),
      thresholdMs: config.risk.staleData.maxAnalyticsAgeMs,
    });
    expect(s.checkAnalyticsJobs).toBe(true);
    expect(s.heartbeatStaleMs).toBe(config.services.monitor.heartbeatStaleMs);
  });
});
