// SCAN for keys matching a glob, on every master under Cluster (KEYS would block Redis).
import { Cluster } from 'ioredis';
import type { RedisClient } from '@alphatrader/shared';

export async function scanKeys(redis: RedisClient, pattern: string, count = 500): Promise<string[]> {
  const nodes = redis instanceof Cluster ? redis.nodes('master') : [redis];
  const found = new Set<string>();
  for (const node of nodes) {
    let cursor = '0';
    do {
      const [next, keys] = await node.scan(cursor, 'MATCH', pattern, 'COUNT', count);
      cursor = next;
      for (const k of keys) found.add(k);
    } while (cursor !== '0');
  }
  return [...found].sort();
}
