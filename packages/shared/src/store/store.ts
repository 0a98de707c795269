// The typed store: every Redis read and write in the fleet goes through a registry ref, so TTLs, caps,
// JSON encoding and schema validation are applied in one place. Reads never throw into a service loop:
// they return a ReadResult, and rejected values are counted in monitoring:data:invalid and logged once.
import type { Cluster, Redis } from 'ioredis';
import type { z } from 'zod';
import type { KeyDef, KeyRef } from '../registry/define';
import { createBatch, type Batch } from './batch';
import { decodeValue } from './codec';
import type { ManyRead, ReadResult, StoreReadError, StoreReadErrorKind } from './errors';
import { InvalidReporter, type StoreLogger } from './invalid-reporter';
import {
  delOp,
  hdelOp,
  hsetOp,
  pushOp,
  saddOp,
  setIfAbsentOp,
  setOp,
  sremOp,
  xaddOp,
  zaddOp,
  zremOp,
  type ScoreBound,
  type WriteOp,
} from './ops';
import { asTarget, registerScripts } from './scripts';

export interface StoreOptions {
  /** Receives one warning per rejected key+reason and window (pino loggers fit). */
  logger?: StoreLogger;
  /** Service name added to those warnings. */
  service?: string;
  /** Clock for monitoring timestamps; defaults to Date.now. */
  now?: () => number;
  /** A given key+reason is counted and logged at most once per this many ms (default 10 minutes). */
  invalidReportWindowMs?: number;
}

export interface ScoredMember<T> {
  readonly member: T;
  readonly score: number;
}

export interface StreamEntry<T> {
  /** Stream entry id, e.g. '1732262400000-0'; pass the last one seen to xread. */
  readonly id: string;
  readonly value: T;
}

export interface Store {
  /** String value. Missing key → error 'missing'. */
  get<S extends z.ZodType>(ref: KeyRef<S, 'string'>): Promise<ReadResult<z.output<S>>>;
  /** Validates, JSON-encodes and writes a string value with the entry's TTL. Throws StoreWriteError if invalid. */
  set<S extends z.ZodType>(ref: KeyRef<S, 'string'>, value: z.input<S>): Promise<void>;
  /** Writes only when the key does not exist yet (idempotency, leases); true when this call wrote it. */
  setIfAbsent<S extends z.ZodType>(ref: KeyRef<S, 'string'>, value: z.input<S>): Promise<boolean>;
  /** Deletes the key; true when it existed. */
  del(ref: KeyRef): Promise<boolean>;
  /** LPUSH (newest first: the last argument ends up at index 0), LTRIM to cap, refresh TTL — atomically. Returns the length. */
  push<S extends z.ZodType>(ref: KeyRef<S, 'list'>, ...values: z.input<S>[]): Promise<number>;
  /** List elements start..stop (inclusive, newest first); a missing list reads as empty. */
  range<S extends z.ZodType>(
    ref: KeyRef<S, 'list'>,
    start?: number,
    stop?: number,
  ): Promise<ReadResult<ManyRead<z.output<S>[]>>>;
  /** Removes and returns the oldest element (RPOP) of a queue-like list. Empty list → error 'missing'. */
  pop<S extends z.ZodType>(ref: KeyRef<S, 'list'>): Promise<ReadResult<z.output<S>>>;
  /**
   * Like pop, but waits up to timeoutSeconds for an element (BRPOP; 0 waits forever). Blocks the connection:
   * give it a store on a dedicated connection. Timeout → error 'missing'.
   */
  bpop<S extends z.ZodType>(ref: KeyRef<S, 'list'>, timeoutSeconds: number): Promise<ReadResult<z.output<S>>>;
  /** HSET one field and refresh the key's TTL, atomically. */
  hset<S extends z.ZodType>(ref: KeyRef<S, 'hash'>, field: string, value: z.input<S>): Promise<void>;
  /** HSET several fields and refresh the key's TTL, atomically. */
  hsetMany<S extends z.ZodType>(
    ref: KeyRef<S, 'hash'>,
    fields: Readonly<Record<string, z.input<S>>>,
  ): Promise<void>;
  /** One hash field. Missing key or field → error 'missing'. */
  hget<S extends z.ZodType>(ref: KeyRef<S, 'hash'>, field: string): Promise<ReadResult<z.output<S>>>;
  /** All fields; a missing hash reads as empty. */
  hgetall<S extends z.ZodType>(
    ref: KeyRef<S, 'hash'>,
  ): Promise<ReadResult<ManyRead<Record<string, z.output<S>>>>>;
  /** Removes hash fields; returns how many existed. */
  hdel(ref: KeyRef<z.ZodType, 'hash'>, ...fields: string[]): Promise<number>;
  /** ZADD, keep the cap highest scores, refresh TTL — atomically. Members are JSON-encoded values. */
  zadd<S extends z.ZodType>(ref: KeyRef<S, 'zset'>, score: number, member: z.input<S>): Promise<void>;
  zrem<S extends z.ZodType>(ref: KeyRef<S, 'zset'>, ...members: z.input<S>[]): Promise<number>;
  /** Members with min <= score <= max, lowest score first. */
  zrangeByScore<S extends z.ZodType>(
    ref: KeyRef<S, 'zset'>,
    min: ScoreBound,
    max: ScoreBound,
    limit?: { offset: number; count: number },
  ): Promise<ReadResult<ManyRead<ScoredMember<z.output<S>>[]>>>;
  /** SADD and refresh TTL, atomically; returns how many members were new. */
  sadd<S extends z.ZodType>(ref: KeyRef<S, 'set'>, ...members: z.input<S>[]): Promise<number>;
  srem<S extends z.ZodType>(ref: KeyRef<S, 'set'>, ...members: z.input<S>[]): Promise<number>;
  smembers<S extends z.ZodType>(ref: KeyRef<S, 'set'>): Promise<ReadResult<ManyRead<z.output<S>[]>>>;
  /** XADD with MAXLEN ~ cap and the entry's TTL, atomically; returns the entry id. */
  xadd<S extends z.ZodType>(ref: KeyRef<S, 'stream'>, value: z.input<S>): Promise<string>;
  /**
   * Entries after `afterId` ('0' = from the start, '$' = only new ones), oldest first. With blockMs the call
   * waits for new entries: give it a store on a dedicated connection, since a blocked connection serves nobody else.
   */
  xread<S extends z.ZodType>(
    ref: KeyRef<S, 'stream'>,
    afterId: string,
    opts?: { count?: number; blockMs?: number },
  ): Promise<ReadResult<ManyRead<StreamEntry<z.output<S>>[]>>>;
  /** Remaining time to live in ms; null when the key never expires; error 'missing' when absent. */
  ttl(ref: KeyRef): Promise<ReadResult<number | null>>;
  /** Queue writes and send them as one script call (per hash slot under Cluster); see batch.ts. */
  batch(): Batch;
}

const DEFAULT_REPORT_WINDOW_MS = 10 * 60_000;

function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function readError(
  kind: StoreReadErrorKind,
  key: string,
  reason: string,
): { ok: false; error: StoreReadError } {
  return { ok: false, error: { kind, key, reason } };
}

export function createStore(redis: Redis | Cluster, opts: StoreOptions = {}): Store {
  registerScripts(redis);
  const client = asTarget(redis);
  const reporter = new InvalidReporter(redis, {
    logger: opts.logger,
    service: opts.service,
    now: opts.now ?? Date.now,
    windowMs: opts.invalidReportWindowMs ?? DEFAULT_REPORT_WINDOW_MS,
  });

  /** Builds the op inside the async function so a validation failure rejects the promise instead of throwing. */
  async function write<R>(build: () => WriteOp<R>): Promise<R> {
    const op = build();
    return op.decode(await op.send(client));
  }

  /**
   * Runs a Redis read and maps failures: a WRONGTYPE reply means the key holds something the registry does
   * not describe (counted as invalid); anything else means Redis could not answer.
   */
  async function attempt<T>(def: KeyDef, key: string, read: () => Promise<T>): Promise<ReadResult<T>> {
    try {
      return { ok: true, value: await read() };
    } catch (err) {
      const message = errorMessage(err);
      if (message.startsWith('WRONGTYPE')) {
        await reporter.report(def.family, key, message);
        return readError('invalid', key, message);
      }
      return readError('unavailable', key, message);
    }
  }

  async function decodeOne<S extends z.ZodType>(
    def: KeyDef<string, S>,
    key: string,
    raw: string | null,
  ): Promise<ReadResult<z.output<S>>> {
    if (raw === null) return readError('missing', key, 'no value');
    const decoded = decodeValue(def, raw);
    if (decoded.ok) return { ok: true, value: decoded.value };
    await reporter.report(def.family, key, decoded.reason);
    return readError('invalid', key, decoded.reason);
  }

  /** Decodes many raw elements; invalid ones are reported and skipped. */
  async function decodeMany<S extends z.ZodType, In, Out>(
    def: KeyDef<string, S>,
    key: string,
    items: readonly In[],
    rawOf: (item: In) => string,
    build: (value: z.output<S>, item: In) => Out,
  ): Promise<ManyRead<Out[]>> {
    const values: Out[] = [];
    let invalid = 0;
    for (const item of items) {
      const decoded = decodeValue(def, rawOf(item));
      if (decoded.ok) {
        values.push(build(decoded.value, item));
      } else {
        invalid += 1;
        await reporter.report(def.family, key, decoded.reason);
      }
    }
    return { values, invalid };
  }

  const store: Store = {
    async get(ref) {
      const raw = await attempt(ref.def, ref.key, () => redis.get(ref.key));
      return raw.ok ? decodeOne(ref.def, ref.key, raw.value) : raw;
    },
    set: (ref, value) => write(() => setOp(ref, value)),
    setIfAbsent: (ref, value) => write(() => setIfAbsentOp(ref, value)),
    del: (ref) => write(() => delOp(ref)),
    push: (ref, ...values) => write(() => pushOp(ref, values)),
    async range(ref, start = 0, stop = -1) {
      const raw = await attempt(ref.def, ref.key, () => redis.lrange(ref.key, start, stop));
      if (!raw.ok) return raw;
      return {
        ok: true,
        value: await decodeMany(
          ref.def,
          ref.key,
          raw.value,
          (s) => s,
          (v) => v,
        ),
      };
    },
    async pop(ref) {
      const raw = await attempt(ref.def, ref.key, () => redis.rpop(ref.key));
      return raw.ok ? decodeOne(ref.def, ref.key, raw.value) : raw;
    },
    async bpop(ref, timeoutSeconds) {
      const raw = await attempt(ref.def, ref.key, () => redis.brpop(ref.key, timeoutSeconds));
      if (!raw.ok) return raw;
      if (raw.value === null) return readError('missing', ref.key, `nothing within ${timeoutSeconds} s`);
      return decodeOne(ref.def, ref.key, raw.value[1]);
    },
    async hset(ref, field, value) {
      await write(() => hsetOp(ref, [[field, value]]));
    },
    async hsetMany(ref, fields) {
      await write(() => hsetOp(ref, Object.entries(fields)));
    },
    async hget(ref, field) {
      const raw = await attempt(ref.def, ref.key, () => redis.hget(ref.key, field));
      if (!raw.ok) return raw;
      if (raw.value === null) return readError('missing', ref.key, `no field '${field}'`);
      return decodeOne(ref.def, ref.key, raw.value);
    },
    async hgetall(ref) {
      const raw = await attempt(ref.def, ref.key, () => redis.hgetall(ref.key));
      if (!raw.ok) return raw;
      const many = await decodeMany(
        ref.def,
        ref.key,
        Object.entries(raw.value),
        ([, v]) => v,
        (v, [f]) => [f, v] as const,
      );
      return { ok: true, value: { values: Object.fromEntries(many.values), invalid: many.invalid } };
    },
    hdel: (ref, ...fields) => write(() => hdelOp(ref, fields)),
    async zadd(ref, score, member) {
      await write(() => zaddOp(ref, score, member));
    },
    zrem: (ref, ...members) => write(() => zremOp(ref, members)),
    async zrangeByScore(ref, min, max, limit) {
      const raw = await attempt(ref.def, ref.key, () =>
        limit
          ? redis.zrangebyscore(ref.key, min, max, 'WITHSCORES', 'LIMIT', limit.offset, limit.count)
          : redis.zrangebyscore(ref.key, min, max, 'WITHSCORES'),
      );
      if (!raw.ok) return raw;
      const pairs: Array<[string, number]> = [];
      for (let i = 0; i + 1 < raw.value.length; i += 2) pairs.push([raw.value[i]!, Number(raw.value[i + 1])]);
      const many = await decodeMany(
        ref.def,
        ref.key,
        pairs,
        ([m]) => m,
        (member, [, score]) => ({ member, score }),
      );
      return { ok: true, value: many };
    },
    sadd: (ref, ...members) => write(() => saddOp(ref, members)),
    srem: (ref, ...members) => write(() => sremOp(ref, members)),
    async smembers(ref) {
      const raw = await attempt(ref.def, ref.key, () => redis.smembers(ref.key));
      if (!raw.ok) return raw;
      return {
        ok: true,
        value: await decodeMany(
          ref.def,
          ref.key,
          raw.value,
          (s) => s,
          (v) => v,
        ),
      };
    },
    xadd: (ref, value) => write(() => xaddOp(ref, value)),
    async xread(ref, afterId, readOpts = {}) {
      const count = readOpts.count ?? 100;
      const raw = await attempt(ref.def, ref.key, () =>
        readOpts.blockMs !== undefined
          ? redis.xread('COUNT', count, 'BLOCK', readOpts.blockMs, 'STREAMS', ref.key, afterId)
          : redis.xread('COUNT', count, 'STREAMS', ref.key, afterId),
      );
      if (!raw.ok) return raw;
      const entries = raw.value?.[0]?.[1] ?? [];
      const many = await decodeMany(
        ref.def,
        ref.key,
        entries,
        ([, fields]) =>
          fields[0] === 'v' && fields[1] !== undefined ? fields[1] : '<entry without field v>',
        (value, [id]) => ({ id, value }),
      );
      return { ok: true, value: many };
    },
    async ttl(ref) {
      const raw = await attempt(ref.def, ref.key, () => redis.pttl(ref.key));
      if (!raw.ok) return raw;
      if (raw.value === -2) return readError('missing', ref.key, 'no value');
      return { ok: true, value: raw.value === -1 ? null : raw.value };
    },
    batch: () => createBatch(redis),
  };
  return store;
}
