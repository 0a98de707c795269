// The building block of the key registry: one KeyDef per Redis key family. A KeyDef knows its key
// shape, Redis type, TTL, list cap and value schema, so no call site ever decides a TTL or spells a key.
import type { z } from 'zod';
import type { KeyOwner } from './services';

/** Redis data type of a key. 'stream' entries are appended with XADD and trimmed with MAXLEN ~ cap. */
export type RedisType = 'string' | 'list' | 'hash' | 'zset' | 'set' | 'stream';

/**
 * Whether a running fleet keeps the key present ('always': refreshed continuously, so its absence means a
 * writer is down or data is stale) or writes it only when something happens ('event': alerts, signals, orders).
 */
export type KeyPresence = 'always' | 'event';

/** Names inside `{…}` in a key pattern, e.g. 'market:{symbol}:book' → 'symbol'. */
export type PatternParams<S extends string> = S extends `${string}{${infer P}}${infer Rest}`
  ? P | PatternParams<Rest>
  : never;

export type KeyArgs<S extends string> = [PatternParams<S>] extends [never]
  ? []
  : [params: Record<PatternParams<S>, string | number>];

export interface KeySpec<S extends string, Schema extends z.ZodType, T extends RedisType = RedisType> {
  /** Key shape with `{param}` placeholders, e.g. 'market:{symbol}:book'. */
  pattern: S;
  type: T;
  /** Seconds; null = persistent (never expires, never evicted by the volatile-* policy). */
  ttlSeconds: number | null;
  /** Maximum length: lists (LTRIM after every push), sorted sets (lowest scores dropped), streams (MAXLEN ~). */
  cap?: number;
  /**
   * Schema of the value: the whole string value, one list element, one hash field value, one set or
   * zset member, or one stream entry.
   */
  schema: Schema;
  /** Service that writes the key (other services only read it). */
  owner: KeyOwner;
  /** One line for docs/redis-keys.md. */
  description: string;
  /** Default 'always'. */
  presence?: KeyPresence;
}

export interface KeyDef<
  S extends string = string,
  Schema extends z.ZodType = z.ZodType,
  T extends RedisType = RedisType,
> extends KeySpec<S, Schema, T> {
  /** Family used for monitoring counters, e.g. 'market' for 'market:{symbol}:book'. */
  readonly family: string;
  readonly presence: KeyPresence;
  /** Builds the concrete key; rejects parameter values that would break the key shape. */
  key(...args: KeyArgs<S>): string;
  /** SCAN-style glob matching every concrete key of this entry. */
  readonly glob: string;
  /** A concrete key bound to its entry, for the typed store: `marketBook.at({ symbol: 'SPY' })`. */
  at(...args: KeyArgs<S>): KeyRef<Schema, T>;
}

export interface KeyRef<Schema extends z.ZodType = z.ZodType, T extends RedisType = RedisType> {
  readonly def: KeyDef<string, Schema, T>;
  readonly key: string;
}

const SAFE_PARAM = /^[A-Za-z0-9_.\-]+$/;

export function defineKey<const S extends string, Schema extends z.ZodType, const T extends RedisType>(
  spec: KeySpec<S, Schema, T>,
): KeyDef<S, Schema, T> {
  if (spec.cap !== undefined && spec.type !== 'list' && spec.type !== 'zset' && spec.type !== 'stream') {
    throw new Error(`key ${spec.pattern}: cap is only meaningful for lists, sorted sets and streams`);
  }
  if (spec.cap !== undefined && !(Number.isInteger(spec.cap) && spec.cap > 0)) {
    throw new Error(`key ${spec.pattern}: cap must be a positive integer`);
  }
  if (spec.ttlSeconds !== null && !(spec.ttlSeconds > 0)) {
    throw new Error(`key ${spec.pattern}: ttlSeconds must be positive or null`);
  }
  const family = spec.pattern.split(':')[0] ?? spec.pattern;
  const glob = spec.pattern.replace(/\{[^}]+\}/g, '*');
  const key = (...args: KeyArgs<S>): string => {
    const params = (args[0] ?? {}) as Record<string, string | number>;
    return spec.pattern.replace(/\{([^}]+)\}/g, (_m, name: string) => {
      const value = params[name];
      if (value === undefined) throw new Error(`key ${spec.pattern}: missing parameter '${name}'`);
      const text = String(value);
      if (!SAFE_PARAM.test(text))
        throw new Error(`key ${spec.pattern}: unsafe value for '${name}': ${JSON.stringify(text)}`);
      return text;
    });
  };
  const def: KeyDef<S, Schema, T> = Object.freeze({
    ...spec,
    presence: spec.presence ?? 'always',
    family,
    glob,
    key,
    at: (...args: KeyArgs<S>): KeyRef<Schema, T> => ({ def: def, key: key(...args) }),
  });
  return def;
}

/** Narrows a ref of unknown Redis type (e.g. from refForKey) so it can be passed to the matching store method. */
export function isRefOfType<T extends RedisType>(ref: KeyRef, type: T): ref is KeyRef<z.ZodType, T> {
  return ref.def.type === type;
}
