// A batch of writes sent as one script call (batch.lua) instead of a pipeline of commands: one command to
// build, send and acknowledge per batch however many writes it holds (a market-data flush carries dozens),
// and each call is applied as a unit — no reader sees half of it. A write that fails (a key of the wrong
// type) is reported and the others apply. Under Redis Cluster the writes are grouped by hash slot and
// each group goes out as its own call; very large batches are split into calls of MAX_OPS_PER_CALL
// writes so one script never blocks Redis for long.
import calculateSlot from 'cluster-key-slot';
import type { Cluster, Redis } from 'ioredis';
import type { z } from 'zod';
import type { KeyRef } from '../registry/define';
import { StoreBatchError, type BatchFailure } from './errors';
import {
  delOp,
  hdelOp,
  hsetOp,
  pushOp,
  pushPrevalidatedOp,
  saddOp,
  setOp,
  setPrevalidatedOp,
  sremOp,
  xaddOp,
  zaddOp,
  zremOp,
  type WriteOp,
} from './ops';
import { decodeBatchReply, encodeBatchCall } from './batch-script';
import { asTarget } from './scripts';

/** Writes per script call: a call holds Redis for its whole run (a few µs per write). */
const MAX_OPS_PER_CALL = 1000;
/** From this many characters of values a write is sent as a plain command instead of inside a script. */
const LARGE_WRITE_CHARS = 64 * 1024;

/** A script call (several small writes) or one large write sent as its own command. */
interface Part {
  ops: WriteOp[];
  script: boolean;
}

function partsOf(ops: readonly WriteOp[]): Part[] {
  const parts: Part[] = [];
  let run: WriteOp[] = [];
  const endRun = () => {
    if (run.length > 0) parts.push({ ops: run, script: true });
    run = [];
  };
  for (const op of ops) {
    if ((op.chars ?? 0) >= LARGE_WRITE_CHARS) {
      endRun();
      parts.push({ ops: [op], script: false });
    } else {
      run.push(op);
      if (run.length >= MAX_OPS_PER_CALL) endRun();
    }
  }
  endRun();
  return parts;
}

/**
 * The store's write methods, queued instead of sent; `exec()` sends them. Values are validated when queued
 * (setPrevalidated*: by the caller, before).
 */
export interface Batch {
  set<S extends z.ZodType>(ref: KeyRef<S, 'string'>, value: z.input<S>): Batch;
  /**
   * Like `set`, for a large value the caller has already validated against the entry's schema: it is
   * JSON-encoded without the store parsing it a second time. The caller guarantees that `value` passes
   * `ref`'s schema — it is that schema's output, or built by typed code from validated input whose
   * result is parsed with the schema in that code's tests. Only for hot paths where the parse is
   * repeated work (av-ingestion's 10,000-contract chains, ibkr-ingestion's market-data flushes). Readers still validate: a broken guarantee
   * shows up as an invalid read (counted in monitoring:data:invalid), never as a typed value.
   */
  setPrevalidated<S extends z.ZodType>(ref: KeyRef<S, 'string'>, value: z.output<S>): Batch;
  /**
   * `setPrevalidated` for a value the caller already holds as JSON text (e.g. an API answer stored as
   * received, whose body was validated when it was classified): the text is written as given. The
   * same guarantee: `JSON.parse(json)` passes `ref`'s schema.
   */
  setPrevalidatedJson(ref: KeyRef<z.ZodType, 'string'>, json: string): Batch;
  del(ref: KeyRef): Batch;
  push<S extends z.ZodType>(ref: KeyRef<S, 'list'>, ...values: z.input<S>[]): Batch;
  /** `push` of values the caller has already validated, under the same guarantee as `setPrevalidated`. */
  pushPrevalidated<S extends z.ZodType>(ref: KeyRef<S, 'list'>, values: readonly z.output<S>[]): Batch;
  hset<S extends z.ZodType>(ref: KeyRef<S, 'hash'>, field: string, value: z.input<S>): Batch;
  hsetMany<S extends z.ZodType>(ref: KeyRef<S, 'hash'>, fields: Readonly<Record<string, z.input<S>>>): Batch;
  hdel(ref: KeyRef<z.ZodType, 'hash'>, ...fields: string[]): Batch;
  zadd<S extends z.ZodType>(ref: KeyRef<S, 'zset'>, score: number, member: z.input<S>): Batch;
  zrem<S extends z.ZodType>(ref: KeyRef<S, 'zset'>, ...members: z.input<S>[]): Batch;
  sadd<S extends z.ZodType>(ref: KeyRef<S, 'set'>, ...members: z.input<S>[]): Batch;
  srem<S extends z.ZodType>(ref: KeyRef<S, 'set'>, ...members: z.input<S>[]): Batch;
  xadd<S extends z.ZodType>(ref: KeyRef<S, 'stream'>, value: z.input<S>): Batch;
  /** Number of queued commands. */
  readonly length: number;
  /**
   * Sends every queued write; resolves when Redis applied them. Rejects with StoreBatchError listing the
   * failed writes (the others were applied; a call Redis refused as a whole fails all of its writes).
   * An empty batch resolves without touching Redis.
   */
  exec(): Promise<void>;
}

export function isCluster(redis: Redis | Cluster): redis is Cluster {
  return redis.isCluster;
}

/** Groups ops by hash slot (Cluster) or keeps them in one group (standalone), preserving order within a group. */
export function groupBySlot(ops: readonly WriteOp[], cluster: boolean): WriteOp[][] {
  if (!cluster) return ops.length > 0 ? [[...ops]] : [];
  const groups = new Map<number, WriteOp[]>();
  for (const op of ops) {
    const slot = calculateSlot(op.key);
    const group = groups.get(slot);
    if (group) group.push(op);
    else groups.set(slot, [op]);
  }
  return [...groups.values()];
}

async function execGroup(redis: Redis | Cluster, ops: readonly WriteOp[]): Promise<BatchFailure[]> {
  const parts = partsOf(ops);
  const failed = (op: WriteOp | undefined, message: string): BatchFailure => ({
    key: op?.key ?? '?',
    message,
  });
  // A lone script call needs no pipeline around it (the common case: a flush of small writes).
  if (parts.length === 1 && parts[0]!.script) {
    const only = parts[0]!.ops;
    try {
      const call = encodeBatchCall(only);
      const reply = await asTarget(redis).atStoreBatch(call.keys.length, ...call.keys, ...call.args);
      return decodeBatchReply(reply).map((f) => failed(only[f.index], f.message));
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      return only.map((op) => failed(op, message));
    }
  }
  const pipeline = redis.pipeline();
  const target = asTarget(pipeline);
  for (const part of parts) {
    if (part.script) {
      const call = encodeBatchCall(part.ops);
      target.atStoreBatch(call.keys.length, ...call.keys, ...call.args);
    } else {
      part.ops[0]!.send(target);
    }
  }
  try {
    const replies = (await pipeline.exec()) ?? [];
    const failures: BatchFailure[] = [];
    parts.forEach((part, i) => {
      const [err, reply] = replies[i] ?? [new Error('no reply'), null];
      if (err) {
        for (const op of part.ops) failures.push(failed(op, err.message));
      } else if (part.script) {
        for (const f of decodeBatchReply(reply)) failures.push(failed(part.ops[f.index], f.message));
      }
    });
    return failures;
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return ops.map((op) => failed(op, message));
  }
}

export function createBatch(redis: Redis | Cluster): Batch {
  const ops: WriteOp[] = [];
  const batch: Batch = {
    set(ref, value) {
      ops.push(setOp(ref, value));
      return batch;
    },
    setPrevalidated(ref, value) {
      ops.push(setPrevalidatedOp(ref, JSON.stringify(value)));
      return batch;
    },
    setPrevalidatedJson(ref, json) {
      ops.push(setPrevalidatedOp(ref, json));
      return batch;
    },
    del(ref) {
      ops.push(delOp(ref));
      return batch;
    },
    push(ref, ...values) {
      ops.push(pushOp(ref, values));
      return batch;
    },
    pushPrevalidated(ref, values) {
      ops.push(pushPrevalidatedOp(ref, values));
      return batch;
    },
    hset(ref, field, value) {
      ops.push(hsetOp(ref, [[field, value]]));
      return batch;
    },
    hsetMany(ref, fields) {
      ops.push(hsetOp(ref, Object.entries(fields)));
      return batch;
    },
    hdel(ref, ...fields) {
      ops.push(hdelOp(ref, fields));
      return batch;
    },
    zadd(ref, score, member) {
      ops.push(zaddOp(ref, score, member));
      return batch;
    },
    zrem(ref, ...members) {
      ops.push(zremOp(ref, members));
      return batch;
    },
    sadd(ref, ...members) {
      ops.push(saddOp(ref, members));
      return batch;
    },
    srem(ref, ...members) {
      ops.push(sremOp(ref, members));
      return batch;
    },
    xadd(ref, value) {
      ops.push(xaddOp(ref, value));
      return batch;
    },
    get length() {
      return ops.length;
    },
    async exec() {
      const queued = ops.splice(0, ops.length);
      const groups = groupBySlot(queued, isCluster(redis));
      const failures = (await Promise.all(groups.map((g) => execGroup(redis, g)))).flat();
      if (failures.length > 0) throw new StoreBatchError(failures);
    },
  };
  return batch;
}
