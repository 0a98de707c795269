// Test support: IngestSettings as config/config.yaml would give them, with overrides.
import type { IngestSettings } from '../core/settings';

export function testSettings(over: Partial<IngestSettings> = {}): IngestSettings {
  return {
    host: '127.0.0.1',
    port: 4002,
    clientId: 1,
    clientIdAttempts: 5,
    account: null,
    connectTimeoutMs: 10_000,
    maxRequestsPerSecond: 45,
    reconnect: { initialDelayMs: 1000, maxDelayMs: 30_000 },
    symbols: ['SPY', 'QQQ', 'AAPL'],
    level2: new Set(['SPY', 'QQQ']),
    depthLevels: 10,
    flushIntervalMs: 3,
    l2SnapshotIntervalMs: 2000,
    keepAliveMs: 500,
    staleAfterMs: 5000,
    priceBand: 0.1,
    priceBandReanchorCount: 5,
    sweep: { windowMs: 1000, minLevels: 3, minVenues: 3 },
    unusualVolume: { windowSeconds: 60, ratio: 3, slotMinutes: 30, minSamples: 12, minVolume: 0 },
    liveness: { probeIntervalMs: 5000, timeoutMs: 5000, silentMs: 15_000 },
    metricsIntervalMs: 1000,
    statusRefreshMs: 5000,
    competingSessionRetryMs: 60_000,
    depthResyncMinIntervalMs: 2000,
    options: { pollMs: 1000, maxSubscriptions: 80 },
    heapGrowingPercent: 0,
    ...over,
  };
}
