// Publishes module:heartbeat:<service> every interval with TTL = 3 × interval, so the key disappears
// on its own when the process dies, and is deleted at once on a clean stop.
import type { Cluster, Redis } from 'ioredis';
import { moduleHeartbeat, type Heartbeat } from '../registry/index';
import type { Store } from '../store/index';

export type ServiceStatus = Heartbeat['status'];

export interface HeartbeatPublisher {
  readonly ttlMs: number;
  publish(): Promise<void>;
  remove(): Promise<void>;
}

export function createHeartbeatPublisher(opts: {
  service: string;
  intervalMs: number;
  store: Store;
  redis: Redis | Cluster;
  snapshot: () => Omit<Heartbeat, 'service' | 'ts' | 'pid'>;
}): HeartbeatPublisher {
  const ref = moduleHeartbeat.at({ service: opts.service });
  const ttlMs = 3 * opts.intervalMs;
  // The registry's TTL is 3 × the default 5 s interval; other intervals keep the 3× rule.
  const registryTtlMs = (moduleHeartbeat.ttlSeconds ?? 0) * 1000;
  return {
    ttlMs,
    async publish() {
      await opts.store.set(ref, {
        service: opts.service,
        ts: Date.now(),
        pid: process.pid,
        ...opts.snapshot(),
      });
      if (ttlMs !== registryTtlMs) await opts.redis.pexpire(ref.key, ttlMs);
    },
    async remove() {
      await opts.store.del(ref);
    },
  };
}
