// SCAN (never KEYS, which blocks Redis) for keys matching a glob, on every master under Cluster.
import type { RedisClient } from '@alphatrader/shared';
import type { Redis } from 'ioredis';

export function nodesOf(redis: RedisClient): Redis[] {
  return redis.isCluster
    ? (redis as unknown as { nodes(role: 'master'): Redis[] }).nodes('master')
    : [redis as Redis];
}

export async function scanKeys(
  redis: RedisClient,
  pattern: string,
  limit: number,
): Promise<{ keys: string[]; truncated: boolean }> {
  const found = new Set<string>();
  for (const node of nodesOf(redis)) {
    let cursor = '0';
    do {
      const [next, keys] = await node.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
      cursor = next;
      for (const k of keys) {
        if (found.size >= limit) return { keys: [...found].sort(), truncated: true };
        found.add(k);
      }
    } while (cursor !== '0');
  }
  return { keys: [...found].sort(), truncated: false };
}
