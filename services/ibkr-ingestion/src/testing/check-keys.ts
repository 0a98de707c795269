// Test support: a key as the registry describes it — Redis type, TTL, cap — and every value valid.
import { isRefOfType, type KeyDef, type KeyRef, type Store } from '@alphatrader/shared';
import type { Redis } from 'ioredis';

/**
 * Reads a key through the typed store (which validates) and checks type, TTL and cap against its entry.
 * A key that expired since it was listed has nothing left to check.
 */
export async function checkKey(client: Redis, store: Store, key: string, def: KeyDef): Promise<string[]> {
  const problems: string[] = [];
  const type = await client.type(key);
  if (type === 'none') return problems;
  if (type !== def.type) problems.push(`${key}: type ${type}, registry ${def.type}`);
  const pttl = await client.pttl(key);
  if (pttl === -2) return problems; // expired just now
  if (def.ttlSeconds === null) {
    if (pttl !== -1) problems.push(`${key}: pttl ${pttl}, registry none`);
  } else if (!(pttl > 0 && pttl <= def.ttlSeconds * 1000)) {
    problems.push(`${key}: pttl ${pttl}, registry ${def.ttlSeconds} s`);
  }
  const ref: KeyRef = { def, key };
  if (isRefOfType(ref, 'string')) {
    const r = await store.get(ref);
    if (!r.ok) problems.push(`${key}: ${r.error.kind} ${r.error.reason}`);
  } else if (isRefOfType(ref, 'list')) {
    const r = await store.range(ref);
    if (!r.ok || r.value.invalid > 0) problems.push(`${key}: invalid list elements`);
    const len = await client.llen(key);
    if (def.cap !== undefined && len > def.cap) problems.push(`${key}: ${len} elements > cap ${def.cap}`);
  } else if (isRefOfType(ref, 'hash')) {
    const r = await store.hgetall(ref);
    if (!r.ok || r.value.invalid > 0) problems.push(`${key}: invalid hash fields`);
  } else if (isRefOfType(ref, 'stream')) {
    const r = await store.xread(ref, '0', { count: 1000 });
    if (!r.ok || r.value.invalid > 0 || r.value.values.length === 0)
      problems.push(`${key}: invalid or empty stream`);
  }
  return problems;
}
