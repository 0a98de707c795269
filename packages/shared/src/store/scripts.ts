// Lua scripts of the typed store. They live as .lua files under src/lua/ and are registered on the
// client with defineCommand, so ioredis sends EVALSHA (falling back to EVAL). lib.lua holds the write
// steps (TTL, caps) and is prepended to every script, so a single write and the same write inside a
// batch behave alike. Every script but the batch touches exactly one key (KEYS[1]); a batch call only
// carries keys of one hash slot (batch.ts), so all are safe under Redis Cluster.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Cluster, Redis } from 'ioredis';

const LUA_DIR = join(import.meta.dirname, '..', 'lua');

const SCRIPT_FILES = {
  atStorePush: 'push.lua',
  atStoreHset: 'hset.lua',
  atStoreZadd: 'zadd.lua',
  atStoreSadd: 'sadd.lua',
  atStoreXadd: 'xadd.lua',
  atStoreCountInvalid: 'count-invalid.lua',
  atStoreBatch: 'batch.lua',
} as const;

/** Scripts whose key count varies: the call passes it first (numkeys, keys…, args…). */
const VARIADIC_KEYS: ReadonlySet<ScriptName> = new Set(['atStoreBatch']);

export type ScriptName = keyof typeof SCRIPT_FILES;

const readLua = (file: string) => readFileSync(join(LUA_DIR, file), 'utf8');
const LIB = readLua('lib.lua');
const SCRIPT_SOURCES: Record<ScriptName, string> = Object.fromEntries(
  Object.entries(SCRIPT_FILES).map(([name, file]) => [name, `${LIB}\n${readLua(file)}`]),
) as Record<ScriptName, string>;

type Arg = string | number;

/** What the store needs from a client (or a batch recorder): a few builtins plus the registered scripts. */
export type CommandTarget = {
  set(key: string, value: string, ...options: Array<string | number>): unknown;
  del(key: string): unknown;
  hdel(key: string, ...fields: string[]): unknown;
  zrem(key: string, ...members: string[]): unknown;
  srem(key: string, ...members: string[]): unknown;
} & { [K in Exclude<ScriptName, 'atStoreBatch'>]: (key: string, ...args: Arg[]) => unknown } & {
  atStoreBatch(keyCount: number, ...keysThenArgs: Arg[]): unknown;
};

/** Registers the store's scripts on a client once; later calls (other stores on the same client) are no-ops. */
export function registerScripts(redis: Redis | Cluster): void {
  const target = redis as unknown as Partial<Record<ScriptName, unknown>>;
  for (const name of Object.keys(SCRIPT_SOURCES) as ScriptName[]) {
    if (typeof target[name] === 'function') continue;
    redis.defineCommand(
      name,
      VARIADIC_KEYS.has(name)
        ? { lua: SCRIPT_SOURCES[name] }
        : { lua: SCRIPT_SOURCES[name], numberOfKeys: 1 },
    );
  }
}

export function asTarget(commander: unknown): CommandTarget {
  return commander as CommandTarget;
}
