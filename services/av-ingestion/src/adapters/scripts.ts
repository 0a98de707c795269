// This service's Lua scripts, kept as files beside this module and registered on a client with
// defineCommand (EVALSHA with an EVAL fallback). Each touches exactly one key, so they are Cluster-safe.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RedisClient } from '@alphatrader/shared';

const FILES = {
  atAvSlidingWindow: 'sliding-window.lua',
  atAvCountJson: 'count-json.lua',
  atAvClaim: 'claim.lua',
} as const;

export type AvScript = keyof typeof FILES;

const SOURCES = Object.fromEntries(
  Object.entries(FILES).map(([name, file]) => [
    name,
    readFileSync(join(import.meta.dirname, 'lua', file), 'utf8'),
  ]),
) as Record<AvScript, string>;

export type ScriptCall<R> = (key: string, ...args: Array<string | number>) => Promise<R>;

/** The script bound to the client (registered on first use). */
export function script<R>(redis: RedisClient, name: AvScript): ScriptCall<R> {
  const target = redis as unknown as Record<string, unknown>;
  if (typeof target[name] !== 'function') redis.defineCommand(name, { lua: SOURCES[name], numberOfKeys: 1 });
  const fn = target[name] as ScriptCall<R>;
  return (key, ...args) => fn.call(redis, key, ...args);
}
