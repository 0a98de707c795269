// Reads keys as they are in Redis, whatever the registry says: type, TTL, size and elements. Values are
// checked against the registry schema by the caller, not by the typed store (no invalid-data counting).
import type { KeyDef, RedisClient } from '@alphatrader/shared';
import { checkValue } from '../core/validate';
import type { LiveKey, ValueElement } from '../core/render';

/** Runs one command per key (lower-case ioredis method names): a pipeline on a standalone server, single commands under Cluster (slots). */
async function perKey<T>(
  redis: RedisClient,
  keys: readonly string[],
  cmd: (key: string) => [string, ...(string | number)[]],
): Promise<T[]> {
  if (keys.length === 0) return [];
  if (redis.isCluster) return Promise.all(keys.map((k) => redis.call(...cmd(k)) as Promise<T>));
  const out: T[] = [];
  for (let i = 0; i < keys.length; i += 1000) {
    const chunk = keys.slice(i, i + 1000);
    const replies = await redis.pipeline(chunk.map((k) => cmd(k))).exec();
    for (const [err, value] of replies ?? []) out.push(err === null ? (value as T) : (null as T));
  }
  return out;
}

const SIZE_COMMAND: Record<string, string> = {
  string: 'strlen',
  list: 'llen',
  hash: 'hlen',
  set: 'scard',
  zset: 'zcard',
  stream: 'xlen',
};

export async function describeKeys(redis: RedisClient, keys: readonly string[]): Promise<LiveKey[]> {
  const [types, ttls] = await Promise.all([
    perKey<string>(redis, keys, (k) => ['type', k]),
    perKey<number>(redis, keys, (k) => ['pttl', k]),
  ]);
  const sizes = await perKey<number>(redis, keys, (k) => {
    const type = types[keys.indexOf(k)] ?? 'none';
    return [SIZE_COMMAND[type] ?? 'exists', k];
  });
  return keys
    .map((key, i) => ({ key, redisType: types[i] ?? 'none', ttl: ttls[i] ?? -2, size: sizes[i] ?? 0 }))
    .filter((k) => k.redisType !== 'none' && k.ttl !== -2) // expired between SCAN and now
    .map((k) => ({
      key: k.key,
      redisType: k.redisType,
      ttlMs: k.ttl === -1 ? null : k.ttl,
      size: Number(k.size),
    }));
}

export interface RawValue {
  exists: boolean;
  redisType: string | null;
  ttlMs: number | null;
  length: number | null;
  elements: ValueElement[];
}

/** The value of one key: a string, or the first `count` elements (newest first where the type has an order). */
export async function readValue(
  redis: RedisClient,
  def: KeyDef,
  key: string,
  count: number,
): Promise<RawValue> {
  const [type, pttl] = await Promise.all([redis.type(key), redis.pttl(key)]);
  if (type === 'none') return { exists: false, redisType: null, ttlMs: null, length: null, elements: [] };
  const ttlMs = pttl < 0 ? null : pttl;
  const base = { exists: true, redisType: type, ttlMs };
  if (type !== def.type) return { ...base, length: null, elements: [] };
  const check = (raw: string) => checkValue(def, raw);
  switch (type) {
    case 'string': {
      const raw = await redis.get(key);
      return { ...base, length: null, elements: raw === null ? [] : [{ label: null, checked: check(raw) }] };
    }
    case 'list': {
      const [length, items] = await Promise.all([redis.llen(key), redis.lrange(key, 0, count - 1)]);
      return { ...base, length, elements: items.map((raw, i) => ({ label: `[${i}]`, checked: check(raw) })) };
    }
    case 'hash': {
      const all = await redis.hgetall(key);
      const fields = Object.keys(all).sort();
      return {
        ...base,
        length: fields.length,
        elements: fields.slice(0, count).map((f) => ({ label: f, checked: check(all[f] ?? '') })),
      };
    }
    case 'set': {
      const [length, members] = await Promise.all([redis.scard(key), redis.srandmember(key, count)]);
      return { ...base, length, elements: members.map((raw) => ({ label: null, checked: check(raw) })) };
    }
    case 'zset': {
      const [length, flat] = await Promise.all([
        redis.zcard(key),
        redis.zrevrange(key, 0, count - 1, 'WITHSCORES'),
      ]);
      const elements: ValueElement[] = [];
      for (let i = 0; i + 1 < flat.length; i += 2)
        elements.push({ label: `score ${flat[i + 1]}`, checked: check(flat[i]!) });
      return { ...base, length, elements };
    }
    case 'stream': {
      const [length, entries] = await Promise.all([
        redis.xlen(key),
        redis.xrevrange(key, '+', '-', 'COUNT', count),
      ]);
      return {
        ...base,
        length,
        elements: entries.map(([id, fields]) => ({ label: id, checked: check(streamValue(fields)) })),
      };
    }
    default:
      return { ...base, length: null, elements: [] };
  }
}

/** The store writes one field `v` holding the JSON value per stream entry. */
export function streamValue(fields: readonly string[]): string {
  const i = fields.indexOf('v');
  return i >= 0 && i % 2 === 0 ? (fields[i + 1] ?? '') : `<entry without field v: ${JSON.stringify(fields)}>`;
}
