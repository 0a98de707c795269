// Lua scripts of the typed store. They live as .lua files under src/lua/ and are registered on the
// client with defineCommand, so ioredis sends EVALSHA (falling back to EVAL) and pipelines carry them.
// Every script touches exactly one key (KEYS[1]), so it is safe under Redis Cluster.
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
} as const;

export type ScriptName = keyof typeof SCRIPT_FILES;

const SCRIPT_SOURCES: Record<ScriptName, string> = Object.fromEntries(
  Object.entries(SCRIPT_FILES).map(([name, file]) => [name, readFileSync(join(LUA_DIR, file), 'utf8')]),
) as Record<ScriptName, string>;

type Arg = string | number;

/** What the store needs from a client or a pipeline: a few builtins plus the registered scripts. */
export type CommandTarget = {
  set(key: string, value: string, ...options: Array<string | number>): unknown;
  del(key: string): unknown;
  hdel(key: string, ...fields: string[]): unknown;
  zrem(key: string, ...members: string[]): unknown;
  srem(key: string, ...members: string[]): unknown;
} & { [K in ScriptName]: (key: string, ...args: Arg[]) => unknown };

/** Registers the store's scripts on a client once; later calls (other stores on the same client) are no-ops. */
export function registerScripts(redis: Redis | Cluster): void {
  const target = redis as unknown as Partial<Record<ScriptName, unknown>>;
  for (const name of Object.keys(SCRIPT_SOURCES) as ScriptName[]) {
    if (typeof target[name] === 'function') continue;
    redis.defineCommand(name, { lua: SCRIPT_SOURCES[name], numberOfKeys: 1 });
  }
}

export function asTarget(commander: unknown): CommandTarget {
  return commander as CommandTarget;
}
