// The Alpha Vantage budget shared by every process through Redis: a sliding-window log (sorted set
// under the registry's ratelimit entries) checked and appended by one Lua script, so no two processes
// can both take the last slot of a minute. Each caller passes its stream's admission limit (chains the
// full budget, optional streams less), and a per-second cap smooths bursts. The historical backfill
// also takes a slot in its own 300/min window first.
import { randomUUID } from 'node:crypto';
import { avHistoricalRateLimit, avRateLimit, type RedisClient, type Store } from '@alphatrader/shared';
import { script } from './scripts';

export const WINDOW_MS = 60_000;
export const BURST_WINDOW_MS = 1_000;

export interface Admission {
  admitted: boolean;
  /** Calls in the rolling window after this decision, all processes together. */
  callsInWindow: number;
  /** When refused: ms until a slot frees up. */
  retryAfterMs: number;
}

export interface AcquireOptions {
  /** Calls allowed in the window for this caller's priority (≤ the budget). */
  limit: number;
  /** The backfill also needs a slot in the historical window. */
  historical?: boolean;
}

export interface CallLimiter {
  readonly budgetPerMinute: number;
  acquire(opts: AcquireOptions): Promise<Admission>;
  /** Calls in the rolling minute, all processes together. */
  callsLastMinute(): Promise<number>;
}

export interface RedisLimiterOptions {
  budgetPerMinute: number;
  burstPerSecond: number;
  historicalPerMinute: number;
  /** Clock for call times; default: the Redis server's clock, one time source for every process. */
  now?: () => number;
  /** Prefix of call ids (process identity); default a random id. */
  id?: string;
}

export function createRedisLimiter(redis: RedisClient, store: Store, opts: RedisLimiterOptions): CallLimiter {
  const run = script<[number, number, number, number]>(redis, 'atAvSlidingWindow');
  const id = opts.id ?? randomUUID().slice(0, 8);
  let seq = 0;
  const calls = avRateLimit.at();
  const historical = avHistoricalRateLimit.at();

  const take = async (
    key: string,
    member: string,
    limit: number,
    burst: number,
    ttlSeconds: number | null,
    cap: number | undefined,
  ): Promise<Admission> => {
    const now = opts.now === undefined ? '' : Math.round(opts.now());
    const [ok, used, wait] = await run(
      key,
      now,
      WINDOW_MS,
      Math.min(limit, opts.budgetPerMinute),
      // Members are JSON strings, as the typed store writes and reads them.
      JSON.stringify(member),
      BURST_WINDOW_MS,
      burst,
      (ttlSeconds ?? 120) * 1000,
      cap ?? 0,
    );
    return { admitted: ok === 1, callsInWindow: used, retryAfterMs: wait };
  };

  return {
    budgetPerMinute: opts.budgetPerMinute,
    async acquire({ limit, historical: isHistorical = false }) {
      const member = `${id}:${++seq}`;
      if (isHistorical) {
        const h = await take(
          historical.key,
          member,
          opts.historicalPerMinute,
          0,
          historical.def.ttlSeconds,
          historical.def.cap,
        );
        if (!h.admitted) return h;
      }
      const a = await take(
        calls.key,
        member,
        limit,
        opts.burstPerSecond,
        calls.def.ttlSeconds,
        calls.def.cap,
      );
      // Refused by the budget: give the historical slot back so the backfill rate stays honest.
      if (!a.admitted && isHistorical) await store.zrem(historical, member);
      return a;
    },
    async callsLastMinute() {
      const now = opts.now?.() ?? Date.now();
      // Scores are whole ms: (now − window, now] is [now − window + 1, +inf).
      const read = await store.zrangeByScore(calls, now - WINDOW_MS + 1, '+inf');
      return read.ok ? read.value.values.length : 0;
    },
  };
}
