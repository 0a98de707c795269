// Encodes a batch's writes as one call of batch.lua: the writes' keys in KEYS, and per write its
// operation, argument count and arguments in ARGV. The ops are the same compiled WriteOps a single write
// sends (ops.ts): they "send" themselves to a recording target here, so TTLs, caps and encodings cannot
// differ between a single write and a batched one.
import type { WriteOp } from './ops';
import type { CommandTarget } from './scripts';

type Arg = string | number;

export interface ScriptCall {
  keys: string[];
  /** Flat: op, argc, args…, op, argc, args…  */
  args: Arg[];
}

class Recorder {
  readonly keys: string[] = [];
  readonly args: Arg[] = [];

  record(key: string, op: string, values: readonly Arg[]): void {
    this.keys.push(key);
    this.args.push(op, values.length);
    for (const v of values) this.args.push(v);
  }
}

function unsupported(what: string): never {
  throw new Error(`${what} cannot be part of a store batch`);
}

function recordingTarget(rec: Recorder): CommandTarget {
  return {
    set(key, value, ...options) {
      // ops.ts sends SET key json [PX ms] (NX only for setIfAbsent, which has no batch form).
      if (options.length === 0) return rec.record(key, 'set', [value, 0]);
      if (options.length === 2 && options[0] === 'PX') return rec.record(key, 'set', [value, options[1]!]);
      return unsupported(`SET ${options.join(' ')}`);
    },
    del: (key) => rec.record(key, 'del', []),
    hdel: (key, ...fields) => rec.record(key, 'hdel', fields),
    zrem: (key, ...members) => rec.record(key, 'zrem', members),
    srem: (key, ...members) => rec.record(key, 'srem', members),
    atStorePush: (key, ...args) => rec.record(key, 'push', args),
    atStoreHset: (key, ...args) => rec.record(key, 'hset', args),
    atStoreZadd: (key, ...args) => rec.record(key, 'zadd', args),
    atStoreSadd: (key, ...args) => rec.record(key, 'sadd', args),
    atStoreXadd: (key, ...args) => rec.record(key, 'xadd', args),
    atStoreCountInvalid: () => unsupported('counting an invalid value'),
    atStoreBatch: () => unsupported('a batch'),
  };
}

/** The batch.lua call for these writes (all of one hash slot under Cluster). */
export function encodeBatchCall(ops: readonly WriteOp[]): ScriptCall {
  const rec = new Recorder();
  const target = recordingTarget(rec);
  for (const op of ops) op.send(target);
  return { keys: rec.keys, args: rec.args };
}

/** batch.lua's reply (index, message, …) as failures by op index; anything else is a protocol error. */
export function decodeBatchReply(reply: unknown): Array<{ index: number; message: string }> {
  if (!Array.isArray(reply) || reply.length % 2 !== 0) {
    throw new Error(`unexpected batch script reply: ${JSON.stringify(reply)?.slice(0, 200)}`);
  }
  const failures: Array<{ index: number; message: string }> = [];
  for (let i = 0; i < reply.length; i += 2) {
    failures.push({ index: Number(reply[i]), message: String(reply[i + 1]) });
  }
  return failures;
}
