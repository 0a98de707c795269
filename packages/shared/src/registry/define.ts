// The building block of the key registry: one KeyDef per Redis key family. A KeyDef knows its key
// shape, Redis type, TTL, list cap and value schema, so no call site ever decides a TTL or spells a key.
import type { z } from 'zod';

export type RedisType = 'string' | 'list' | 'hash' | 'zset' | 'set';

/** Names inside `{…}` in a key pattern, e.g. 'market:{symbol}:book' → 'symbol'. */
export type PatternParams<S extends string> = S extends `${string}{${infer P}}${infer Rest}`
  ? P | PatternParams<Rest>
  : never;

export type KeyArgs<S extends string> = [PatternParams<S>] extends [never]
  ? []
  : [params: Record<PatternParams<S>, string | number>];

export interface KeySpec<S extends string, Schema extends z.ZodType> {
  /** Key shape with `{param}` placeholders, e.g. 'market:{symbol}:book'. */
  pattern: S;
  type: RedisType;
  /** Seconds; null = persistent (never expires, never evicted by the volatile-* policy). */
  ttlSeconds: number | null;
  /** Maximum list length (LTRIM after every push); lists and sorted sets only. */
  cap?: number;
  /** Schema of the value: the whole string value, one list element, one hash field value or one zset member. */
  schema: Schema;
  /** Service that writes the key (other services only read it). */
  owner: string;
  /** One line for docs/redis-keys.md. */
  description: string;
}

export interface KeyDef<S extends string = string, Schema extends z.ZodType = z.ZodType> extends KeySpec<S, Schema> {
  /** Family used for monitoring counters, e.g. 'market' for 'market:{symbol}:book'. */
  readonly family: string;
  /** Builds the concrete key; rejects parameter values that would break the key shape. */
  key(...args: KeyArgs<S>): string;
  /** SCAN-style glob matching every concrete key of this entry. */
  readonly glob: string;
  /** A concrete key bound to its entry, for the typed store: `marketBook.at({ symbol: 'SPY' })`. */
  at(...args: KeyArgs<S>): KeyRef<Schema>;
}

export interface KeyRef<Schema extends z.ZodType = z.ZodType> {
  readonly def: KeyDef<string, Schema>;
  readonly key: string;
}

const SAFE_PARAM = /^[A-Za-z0-9_.\-]+$/;

export function defineKey<const S extends string, Schema extends z.ZodType>(spec: KeySpec<S, Schema>): KeyDef<S, Schema> {
  if (spec.cap !== undefined && spec.type !== 'list' && spec.type !== 'zset') {
    throw new Error(`key ${spec.pattern}: cap is only meaningful for lists and sorted sets`);
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
      if (!SAFE_PARAM.test(text)) throw new Error(`key ${spec.pattern}: unsafe value for '${name}': ${JSON.stringify(text)}`);
      return text;
    });
  };
  const def: KeyDef<S, Schema> = Object.freeze({
    ...spec,
    family,
    glob,
    key,
    at: (...args: KeyArgs<S>): KeyRef<Schema> => ({ def: def, key: key(...args) }),
  });
  return def;
}
