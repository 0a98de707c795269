// The service's settings, derived once from the validated config: connection, symbols, buffers,
// quality gates, detectors and timers. Pure data, so the core can be built and tested without config files.
import type { AppConfig, ServiceSections } from '@alphatrader/shared';
import type { UnusualVolumeSettings } from './unusual-volume';
import type { SweepSettings } from './sweep';

type Section = ServiceSections['ibkr-ingestion'];

export interface IngestSettings {
  host: string;
  port: number;
  clientId: number;
  clientIdAttempts: number;
  /** Configured account; null = the first managed account. */
  account: string | null;
  connectTimeoutMs: number;
  maxRequestsPerSecond: number;
  reconnect: { initialDelayMs: number; maxDelayMs: number };
  /** Level-2 symbols (depth + tick-by-tick) first, then the standard ones; all get level 1 and bars. */
  symbols: readonly string[];
  level2: ReadonlySet<string>;
  depthLevels: number;
  flushIntervalMs: number;
  l2SnapshotIntervalMs: number;
  keepAliveMs: number;
  staleAfterMs: number;
  priceBand: number;
  priceBandReanchorCount: number;
  sweep: SweepSettings;
  unusualVolume: UnusualVolumeSettings;
  liveness: { probeIntervalMs: number; timeoutMs: number; silentMs: number };
  metricsIntervalMs: number;
  statusRefreshMs: number;
  competingSessionRetryMs: number;
  depthResyncMinIntervalMs: number;
  options: { pollMs: number; maxSubscriptions: number };
  heapGrowingPercent: number;
}

export function ingestSettings(config: AppConfig, section: Section): IngestSettings {
  const level2 = config.symbols.level2;
  return {
    host: config.ibkr.host,
    port: config.ibkr.port,
    clientId: config.ibkr.clientId,
    clientIdAttempts: section.clientIdAttempts,
    account: config.ibkr.account ?? null,
    connectTimeoutMs: config.ibkr.connectTimeoutMs,
    maxRequestsPerSecond: section.maxRequestsPerSecond,
    reconnect: { ...section.reconnect },
    symbols: [...level2, ...config.symbols.standard],
    level2: new Set(level2),
    depthLevels: section.depthLevels,
    flushIntervalMs: section.flushIntervalMs,
    l2SnapshotIntervalMs: section.l2SnapshotIntervalMs,
    keepAliveMs: section.keepAliveMs,
    staleAfterMs: section.staleAfterMs,
    priceBand: section.priceBand,
    priceBandReanchorCount: section.priceBandReanchorCount,
    sweep: {
      windowMs: section.sweepWindowMs,
      minLevels: section.sweepMinLevels,
      minVenues: section.sweepMinVenues,
    },
    unusualVolume: { ...section.unusualVolume },
    liveness: {
      probeIntervalMs: section.livenessProbeIntervalMs,
      timeoutMs: section.livenessTimeoutMs,
      silentMs: section.silentSocketTimeoutMs,
    },
    metricsIntervalMs: section.metricsIntervalMs,
    statusRefreshMs: section.statusRefreshMs,
    competingSessionRetryMs: section.competingSessionRetryMs,
    depthResyncMinIntervalMs: section.depthResyncMinIntervalMs,
    options: { ...section.options },
    heapGrowingPercent: section.heapGrowingPercent,
  };
}
