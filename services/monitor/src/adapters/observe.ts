// Reads one observation of the fleet from Redis through the typed store: heartbeats (SCAN of
// module:heartbeat:* plus the expected names), feed freshness, connection and degradation flags, the
// halt flag and memory use. A read Redis cannot answer fails the whole cycle: a half observation would
// report healthy services as down.
import {
  analyticsStatus,
  analyticsVpin,
  ibkrConnected,
  marketTimestamp,
  moduleHeartbeat,
  monitoringAvDegraded,
  monitoringDataStale,
  optionsChain,
  parseKey,
  simClock,
  systemHalt,
  type Clock,
  type KeyRef,
  type ReadResult,
  type RedisClient,
  type Store,
} from '@alphatrader/shared';
import type { MonitorSettings } from '../core/settings';
import type { FeedReading, FeedSpec, HeartbeatObservation, Observation } from '../core/types';
import { scanKeys } from './scan';

export class RedisUnavailableError extends Error {
  override readonly name = 'RedisUnavailableError';
}

function need<T>(read: ReadResult<T>): ReadResult<T> {
  if (!read.ok && read.error.kind === 'unavailable') {
    throw new RedisUnavailableError(`${read.error.key}: ${read.error.reason}`);
  }
  return read;
}

/** The value when present and valid; null when missing; the reason when invalid. */
function valueOf<T>(read: ReadResult<T>): T | null | { invalid: string } {
  const r = need(read);
  if (r.ok) return r.value;
  return r.error.kind === 'missing' ? null : { invalid: r.error.reason };
}

export interface ObserverDeps {
  redis: RedisClient;
  store: Store;
  clock: Clock;
  clockMode: 'real' | 'simulated';
  settings: MonitorSettings;
  wallNow?: () => number;
}

export function createObserver(deps: ObserverDeps): () => Promise<Observation> {
  const { store, redis, settings } = deps;
  const wallNow = deps.wallNow ?? Date.now;

  async function heartbeats(): Promise<Map<string, HeartbeatObservation>> {
    const found = (await scanKeys(redis, moduleHeartbeat.glob))
      .map((key) => parseKey(key)?.params.service)
      .filter((s): s is string => s !== undefined);
    const names = [...new Set([...settings.expected, ...found])].sort();
    const reads = await Promise.all(names.map((service) => store.get(moduleHeartbeat.at({ service }))));
    return new Map(
      names.map((name, i): [string, HeartbeatObservation] => {
        const v = valueOf(reads[i]!);
        if (v === null) return [name, { kind: 'missing' }];
        if ('invalid' in v) return [name, { kind: 'invalid', reason: v.invalid }];
        return [name, { kind: 'ok', heartbeat: v }];
      }),
    );
  }

  /** When a key with a TTL was last written, in market ms: its TTL is reset on every write. */
  async function lastWrite(ref: KeyRef, marketNow: number, speed: number): Promise<FeedReading> {
    const ttl = valueOf(await store.ttl(ref));
    if (ttl === null || typeof ttl !== 'number') return null;
    const writtenAgoMs = Math.max(0, (ref.def.ttlSeconds ?? 0) * 1000 - ttl);
    return Math.round(marketNow - writtenAgoMs * speed);
  }

  async function feed(spec: FeedSpec, marketNow: number, speed: number): Promise<FeedReading> {
    switch (spec.source) {
      case 'market-timestamp':
        return valueOf(await store.get(marketTimestamp.at({ symbol: spec.symbol })));
      case 'analytics-vpin': {
        const v = valueOf(await store.get(analyticsVpin.at({ symbol: spec.symbol })));
        return v === null || 'invalid' in v ? v : v.ts;
      }
      case 'options-chain':
        // A chain is large: its age comes from the TTL the store refreshes on every write, not its body.
        return lastWrite(optionsChain.at({ symbol: spec.symbol }), marketNow, speed);
      case 'analytics-status':
        return lastWrite(analyticsStatus.at(), marketNow, speed);
    }
  }

  async function redisMemory(): Promise<Observation['redisMemory']> {
    try {
      const info = await redis.info('memory');
      const field = (name: string) => Number(new RegExp(`^${name}:(\\d+)`, 'm').exec(info)?.[1] ?? NaN);
      const usedBytes = field('used_memory');
      const maxBytes = field('maxmemory');
      return Number.isFinite(usedBytes) && Number.isFinite(maxBytes) && maxBytes > 0
        ? { usedBytes, maxBytes }
        : null;
    } catch {
      return null;
    }
  }

  return async function observe(): Promise<Observation> {
    const clockState = deps.clockMode === 'simulated' ? valueOf(await store.get(simClock.at())) : null;
    const speed = clockState !== null && !('invalid' in clockState) ? clockState.speed : 1;
    const marketNow = deps.clock.now();
    const now = wallNow();

    const [hbs, feedReadings, connected, av, jobs, reported, halt, memory] = await Promise.all([
      heartbeats(),
      Promise.all(settings.feeds.map(async (spec) => [spec.id, await feed(spec, marketNow, speed)] as const)),
      settings.checkIbkr ? store.get(ibkrConnected.at()) : null,
      settings.checkAv ? store.get(monitoringAvDegraded.at()) : null,
      settings.checkAnalyticsJobs ? store.hgetall(analyticsStatus.at()) : null,
      store.hgetall(monitoringDataStale.at()),
      store.get(systemHalt.at()),
      redisMemory(),
    ]);

    const avValue = av === null ? null : valueOf(av);
    const jobsRead = jobs === null ? null : need(jobs);
    const reportedRead = need(reported);
    const haltValue = valueOf(halt);
    return {
      wallNow: now,
      marketNow,
      speed,
      heartbeats: hbs,
      feeds: new Map(feedReadings),
      ibkrConnected: connected === null ? 1 : valueOf(connected),
      avDegraded:
        avValue === null || 'invalid' in avValue ? null : { reason: avValue.reason, p95Ms: avValue.p95Ms },
      analyticsJobs: jobsRead?.ok ? jobsRead.value.values : {},
      reportedStale: reportedRead.ok ? reportedRead.value.values : {},
      // An unreadable halt flag halts the runtime too (see the halt watcher): report it as a halt.
      halt:
        haltValue === null
          ? null
          : 'invalid' in haltValue
            ? { halted: true, reason: `unreadable halt flag: ${haltValue.invalid}`, by: 'unknown', ts: now }
            : haltValue,
      redisMemory: memory,
    };
  };
}
