// Write operations compiled from a registry ref: validated and encoded up front, then sent either on the
// client (one command) or recorded into a batch (one script call). TTL and cap always come from the entry.
import type { z } from 'zod';
import type { KeyRef, RedisType } from '../registry/define';
import { encodeValue } from './codec';
import { StoreWriteError } from './errors';
import type { CommandTarget } from './scripts';

export interface WriteOp<R = unknown> {
  readonly key: string;
  /** Sends (client) or records (batch) the command; a client returns a promise of the raw reply. */
  send(target: CommandTarget): unknown;
  /** Turns the raw reply into the method's result. */
  decode(reply: unknown): R;
  /** Characters of encoded values it carries (SET and list pushes), so a batch can treat large writes apart. */
  readonly chars?: number;
}

export type ScoreBound = number | '-inf' | '+inf';

function ttlMs(ref: KeyRef): number {
  return ref.def.ttlSeconds === null ? 0 : Math.round(ref.def.ttlSeconds * 1000);
}

function expectType(ref: KeyRef, ...types: RedisType[]): void {
  if (!types.includes(ref.def.type)) {
    throw new StoreWriteError(
      ref.key,
      `entry ${ref.def.pattern} is a ${ref.def.type}, not a ${types.join(' or ')}`,
    );
  }
}

function nonEmpty(ref: KeyRef, count: number, what: string): void {
  if (count === 0) throw new StoreWriteError(ref.key, `no ${what} given`);
}

const asNumber = (reply: unknown): number => Number(reply);

export function setOp<S extends z.ZodType>(ref: KeyRef<S, 'string'>, value: z.input<S>): WriteOp<void> {
  expectType(ref, 'string');
  return setJsonOp(ref, encodeValue(ref.def, ref.key, value));
}

/**
 * SET of JSON text the caller vouches for (Batch.setPrevalidated*): no schema parse here, the entry's
 * Redis type and TTL as for setOp.
 */
export function setPrevalidatedOp(ref: KeyRef<z.ZodType, 'string'>, json: string | undefined): WriteOp<void> {
  expectType(ref, 'string');
  // JSON.stringify gives undefined for undefined or a function: a bug in the writer, as in encodeValue.
  if (json === undefined || json.length === 0) {
    throw new StoreWriteError(ref.key, 'prevalidated value does not encode to JSON');
  }
  return setJsonOp(ref, json);
}

function setJsonOp(ref: KeyRef, json: string): WriteOp<void> {
  const ms = ttlMs(ref);
  return {
    key: ref.key,
    chars: json.length,
    send: (t) => (ms > 0 ? t.set(ref.key, json, 'PX', ms) : t.set(ref.key, json)),
    decode: () => undefined,
  };
}

/** SET … NX: writes only when the key does not exist (idempotency records, leases); true when written. */
export function setIfAbsentOp<S extends z.ZodType>(
  ref: KeyRef<S, 'string'>,
  value: z.input<S>,
): WriteOp<boolean> {
  expectType(ref, 'string');
  const json = encodeValue(ref.def, ref.key, value);
  const ms = ttlMs(ref);
  return {
    key: ref.key,
    send: (t) => (ms > 0 ? t.set(ref.key, json, 'PX', ms, 'NX') : t.set(ref.key, json, 'NX')),
    decode: (reply) => reply === 'OK',
  };
}

export function delOp(ref: KeyRef): WriteOp<boolean> {
  return { key: ref.key, send: (t) => t.del(ref.key), decode: (reply) => asNumber(reply) > 0 };
}

export function pushOp<S extends z.ZodType>(ref: KeyRef<S, 'list'>, values: z.input<S>[]): WriteOp<number> {
  expectType(ref, 'list');
  nonEmpty(ref, values.length, 'values');
  return listPushOp(
    ref,
    values.map((v) => encodeValue(ref.def, ref.key, v)),
  );
}

function listPushOp(ref: KeyRef, encoded: readonly string[]): WriteOp<number> {
  const cap = ref.def.cap ?? 0;
  let chars = 0;
  for (const e of encoded) chars += e.length;
  return {
    key: ref.key,
    chars,
    send: (t) => t.atStorePush(ref.key, ttlMs(ref), cap, ...encoded),
    decode: asNumber,
  };
}

/** LPUSH of values the caller vouches for (Batch.pushPrevalidated): JSON-encoded, not parsed; cap and TTL as for pushOp. */
export function pushPrevalidatedOp(
  ref: KeyRef<z.ZodType, 'list'>,
  values: readonly unknown[],
): WriteOp<number> {
  expectType(ref, 'list');
  nonEmpty(ref, values.length, 'values');
  const encoded = new Array<string>(values.length);
  for (let i = 0; i < values.length; i++) {
    const json = JSON.stringify(values[i]);
    if (json === undefined || json.length === 0) {
      throw new StoreWriteError(ref.key, 'prevalidated value does not encode to JSON');
    }
    encoded[i] = json;
  }
  return listPushOp(ref, encoded);
}

export function hsetOp<S extends z.ZodType>(
  ref: KeyRef<S, 'hash'>,
  entries: ReadonlyArray<readonly [string, z.input<S>]>,
): WriteOp<number> {
  expectType(ref, 'hash');
  nonEmpty(ref, entries.length, 'fields');
  const args = entries.flatMap(([field, value]) => [field, encodeValue(ref.def, ref.key, value)]);
  return { key: ref.key, send: (t) => t.atStoreHset(ref.key, ttlMs(ref), ...args), decode: asNumber };
}

export function hdelOp(ref: KeyRef<z.ZodType, 'hash'>, fields: string[]): WriteOp<number> {
  expectType(ref, 'hash');
  nonEmpty(ref, fields.length, 'fields');
  return { key: ref.key, send: (t) => t.hdel(ref.key, ...fields), decode: asNumber };
}

export function zaddOp<S extends z.ZodType>(
  ref: KeyRef<S, 'zset'>,
  score: number,
  member: z.input<S>,
): WriteOp<number> {
  expectType(ref, 'zset');
  if (!Number.isFinite(score)) throw new StoreWriteError(ref.key, `score must be finite, got ${score}`);
  const json = encodeValue(ref.def, ref.key, member);
  return {
    key: ref.key,
    send: (t) => t.atStoreZadd(ref.key, ttlMs(ref), ref.def.cap ?? 0, score, json),
    decode: asNumber,
  };
}

export function zremOp<S extends z.ZodType>(ref: KeyRef<S, 'zset'>, members: z.input<S>[]): WriteOp<number> {
  expectType(ref, 'zset');
  nonEmpty(ref, members.length, 'members');
  const encoded = members.map((m) => encodeValue(ref.def, ref.key, m));
  return { key: ref.key, send: (t) => t.zrem(ref.key, ...encoded), decode: asNumber };
}

export function saddOp<S extends z.ZodType>(ref: KeyRef<S, 'set'>, members: z.input<S>[]): WriteOp<number> {
  expectType(ref, 'set');
  nonEmpty(ref, members.length, 'members');
  const encoded = members.map((m) => encodeValue(ref.def, ref.key, m));
  return { key: ref.key, send: (t) => t.atStoreSadd(ref.key, ttlMs(ref), ...encoded), decode: asNumber };
}

export function sremOp<S extends z.ZodType>(ref: KeyRef<S, 'set'>, members: z.input<S>[]): WriteOp<number> {
  expectType(ref, 'set');
  nonEmpty(ref, members.length, 'members');
  const encoded = members.map((m) => encodeValue(ref.def, ref.key, m));
  return { key: ref.key, send: (t) => t.srem(ref.key, ...encoded), decode: asNumber };
}

export function xaddOp<S extends z.ZodType>(ref: KeyRef<S, 'stream'>, value: z.input<S>): WriteOp<string> {
  expectType(ref, 'stream');
  const json = encodeValue(ref.def, ref.key, value);
  return {
    key: ref.key,
    send: (t) => t.atStoreXadd(ref.key, ttlMs(ref), ref.def.cap ?? 0, json),
    decode: (reply) => String(reply),
  };
}
