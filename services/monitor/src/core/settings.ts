// The monitor's view of the configuration: which services must be alive, which feeds must be fresh and
// how old each may get. Pure: the adapter supplies the service folders that exist.
import {
  analyticsStatus,
  analyticsVpin,
  marketTimestamp,
  optionsChain,
  tradedSymbols,
  type AppConfig,
} from '@alphatrader/shared';
import type { FeedSpec } from './types';

export interface MonitorSettings {
  /** This service's own name (it is alive by definition while it evaluates). */
  readonly self: string;
  readonly publishIntervalMs: number;
  /** A heartbeat older than this (wall ms) marks its service down. */
  readonly heartbeatStaleMs: number;
  /** Services that must be running: enabled in config and present in the code base, sorted. */
  readonly expected: readonly string[];
  readonly feeds: readonly FeedSpec[];
  /** Whether failing analytics jobs (analytics:status) are reported (analytics expected). */
  readonly checkAnalyticsJobs: boolean;
  /** Whether ibkr:connected is checked (ibkr-ingestion expected). */
  readonly checkIbkr: boolean;
  /** Whether monitoring:api:av:degraded is checked (av-ingestion expected). */
  readonly checkAv: boolean;
  /** Redis memory use above this fraction of maxmemory degrades the fleet (seed: < 70 %). */
  readonly redisMemoryWarnFraction: number;
}

export const REDIS_MEMORY_WARN_FRACTION = 0.7;

/** Enabled services of the config that exist among `existing` (service folders with a main). */
export function expectedServices(config: AppConfig, existing: readonly string[]): string[] {
  const sections = config.services as Readonly<Record<string, { enabled: boolean } | undefined>>;
  return existing.filter((name) => sections[name]?.enabled === true).sort();
}

export function monitorSettings(
  config: AppConfig,
  existing: readonly string[],
  self = 'monitor',
): MonitorSettings {
  const expected = expectedServices(config, existing);
  const runs = (name: string) => expected.includes(name);
  const feeds: FeedSpec[] = [];
  const { maxFeedAgeMs, maxAnalyticsAgeMs } = config.risk.staleData;

  if (runs(marketTimestamp.owner)) {
    for (const symbol of tradedSymbols(config)) {
      feeds.push({
        id: `${marketTimestamp.family}:${symbol}`,
        family: marketTimestamp.family,
        symbol,
        source: 'market-timestamp',
        owner: marketTimestamp.owner,
        thresholdMs: maxFeedAgeMs,
        marketHoursOnly: true,
      });
    }
  }
  if (runs(optionsChain.owner)) {
    for (const symbol of config.services['av-ingestion'].chainSymbols) {
      feeds.push({
        id: `${optionsChain.family}:${symbol}`,
        family: optionsChain.family,
        symbol,
        source: 'options-chain',
        owner: optionsChain.owner,
        thresholdMs: config.services.analytics.maxChainAgeMs,
        marketHoursOnly: true,
      });
    }
  }
  if (runs(analyticsStatus.owner)) {
    // The analytics heartbeat (seed: no order while it is older than 10 s): the status hash is rewritten
    // every statusIntervalMs once a job has run, so its age is the age of its last write.
    feeds.push({
      id: analyticsStatus.key(),
      family: analyticsStatus.family,
      symbol: 'status',
      source: 'analytics-status',
      owner: analyticsStatus.owner,
      thresholdMs: maxAnalyticsAgeMs,
      marketHoursOnly: true,
    });
  }
  if (runs(analyticsVpin.owner) && runs(marketTimestamp.owner)) {
    // VPIN of the level-2 symbols: the headline analytics value, fed by the tick-by-tick trades.
    for (const symbol of config.symbols.level2) {
      feeds.push({
        id: `${analyticsVpin.family}:${symbol}`,
        family: analyticsVpin.family,
        symbol,
        source: 'analytics-vpin',
        owner: analyticsVpin.owner,
        thresholdMs: maxAnalyticsAgeMs,
        marketHoursOnly: true,
      });
    }
  }

  return {
    self,
    publishIntervalMs: config.services.monitor.publishIntervalMs,
    heartbeatStaleMs: config.services.monitor.heartbeatStaleMs,
    expected,
    feeds,
    checkAnalyticsJobs: runs(analyticsStatus.owner),
    checkIbkr: runs('ibkr-ingestion'),
    checkAv: runs('av-ingestion'),
    redisMemoryWarnFraction: REDIS_MEMORY_WARN_FRACTION,
  };
}
