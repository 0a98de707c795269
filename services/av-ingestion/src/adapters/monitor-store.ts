// monitoring:api:av:* and monitoring:data:stale writes: failures counted by class (atomically across
// processes) with a bounded log, dropped contracts by reason, freshness claims and records, call
// stats, latency, the prefer-IBKR flag and stale feeds. Every text written here is already scrubbed.
import {
  AvDropCounter,
  AvErrorCounter,
  monitoringAvCalls,
  monitoringAvDegraded,
  monitoringAvDropped,
  monitoringAvErrorLog,
  monitoringAvErrors,
  monitoringAvFreshness,
  monitoringAvLatency,
  monitoringDataStale,
  type AvCallStats,
  type AvDegraded,
  type AvFreshness,
  type AvLatency,
  type KeyRef,
  type RedisClient,
  type StaleFeed,
  type Store,
} from '@alphatrader/shared';
import type { z } from 'zod';
import type { ContractDrop, DropReason } from '../core/contracts';
import type { FailureClass } from '../core/errors';
import { script } from './scripts';

export type ClaimResult = 'claimed' | 'fresh' | 'claimed_elsewhere';

export interface FailureRecord {
  cls: FailureClass;
  fn: string;
  symbol: string | null;
  /** Scrubbed text. */
  message: string;
  ts: number;
}

export interface MonitorStore {
  recordFailure(f: FailureRecord): Promise<void>;
  recordDrops(symbol: string, drops: readonly ContractDrop[], ts: number): Promise<void>;
  claim(field: string, now: number, freshForMs: number, holdMs: number): Promise<ClaimResult>;
  recordFreshness(field: string, ok: boolean, attemptAt: number): Promise<void>;
  freshness(): Promise<Record<string, AvFreshness>>;
  publishCalls(stats: AvCallStats): Promise<void>;
  publishLatency(latency: AvLatency): Promise<void>;
  setDegraded(value: AvDegraded | null): Promise<void>;
  publishStale(stale: Readonly<Record<string, StaleFeed>>, clear: readonly string[]): Promise<void>;
}

const ERROR_REST = AvErrorCounter.omit({ count: true });
const DROP_REST = AvDropCounter.omit({ count: true });

export function createMonitorStore(redis: RedisClient, store: Store): MonitorStore {
  const countJson = script<number>(redis, 'atAvCountJson');
  const claimScript = script<number>(redis, 'atAvClaim');
  const errors = monitoringAvErrors.at();
  const errorLog = monitoringAvErrorLog.at();
  const dropped = monitoringAvDropped.at();
  const fresh = monitoringAvFreshness.at();
  const ttlMs = (ref: KeyRef) => (ref.def.ttlSeconds ?? 86_400) * 1000;

  /** Adds `by` to a JSON counter field; `rest` is validated against the entry's schema first. */
  const bump = async <S extends z.ZodType>(
    ref: KeyRef,
    restSchema: S,
    field: string,
    rest: z.input<S>,
    by: number,
  ): Promise<void> => {
    const checked = restSchema.parse(rest);
    await countJson(ref.key, field, JSON.stringify(checked), ttlMs(ref), by);
  };

  return {
    async recordFailure(f) {
      await bump(
        errors,
        ERROR_REST,
        f.cls,
        { lastMessage: f.message, lastFunction: f.fn, lastSymbol: f.symbol, ts: f.ts },
        1,
      );
      await store.push(errorLog, {
        kind: f.cls,
        function: f.fn,
        symbol: f.symbol,
        message: f.message,
        ts: f.ts,
      });
    },
    async recordDrops(symbol, drops, ts) {
      const last = new Map<DropReason, { drop: ContractDrop; n: number }>();
      for (const d of drops) last.set(d.reason, { drop: d, n: (last.get(d.reason)?.n ?? 0) + 1 });
      for (const [reason, { drop, n }] of last) {
        await bump(
          dropped,
          DROP_REST,
          reason,
          {
            lastContract: drop.contractId.slice(0, 64),
            lastSymbol: symbol,
            lastField: drop.field,
            lastValue: drop.value === null ? null : String(drop.value).slice(0, 64),
            ts,
          },
          n,
        );
      }
    },
    async claim(field, now, freshForMs, holdMs) {
      const r = await claimScript(
        fresh.key,
        field,
        Math.round(now),
        Math.round(freshForMs),
        Math.round(holdMs),
        ttlMs(fresh),
      );
      return r === 1 ? 'claimed' : r === 0 ? 'fresh' : 'claimed_elsewhere';
    },
    async recordFreshness(field, ok, attemptAt) {
      const prev = await store.hget(fresh, field);
      const before = prev.ok ? prev.value.lastSuccess : null;
      // Another process may have succeeded meanwhile: never move lastSuccess backwards.
      const lastSuccess = ok ? Math.max(attemptAt, before ?? 0) : before;
      await store.hset(fresh, field, { lastSuccess, lastAttempt: attemptAt, ok });
    },
    async freshness() {
      const all = await store.hgetall(fresh);
      return all.ok ? all.value.values : {};
    },
    publishCalls: (stats) => store.set(monitoringAvCalls.at(), stats),
    publishLatency: (latency) => store.set(monitoringAvLatency.at(), latency),
    async setDegraded(value) {
      if (value === null) await store.del(monitoringAvDegraded.at());
      else await store.set(monitoringAvDegraded.at(), value);
    },
    async publishStale(stale, clear) {
      const ref = monitoringDataStale.at();
      if (Object.keys(stale).length > 0) await store.hsetMany(ref, stale);
      if (clear.length > 0) await store.hdel(ref, ...clear);
    },
  };
}
