// Helpers of the end-to-end test: which registry keys a running fleet must keep present, and what is
// wrong with a live key (TTL, Redis type, schema), read straight from Redis.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { Redis } from 'ioredis';
import { checkValue } from '@alphatrader/cli';
import { discoverServices } from '@alphatrader/fleet';
import {
  REGISTRY,
  moduleHeartbeat,
  parseKey,
  runtimeEnv,
  type AppConfig,
  type KeyDef,
} from '@alphatrader/shared';

export const ROOT = join(import.meta.dirname, '..', '..');

/** The services the demo runner starts: enabled in config and present with a src/main.ts. */
export function enabledServices(config: AppConfig): string[] {
  const sections = config.services as Readonly<Record<string, { enabled: boolean } | undefined>>;
  return discoverServices(ROOT).filter((name) => sections[name]?.enabled === true);
}

/** Registry entries a running fleet keeps present: presence 'always' and written by a running process. */
export function expectedEntries(running: ReadonlySet<string>): KeyDef[] {
  return REGISTRY.filter((d) => d.presence === 'always' && (running.has(d.owner) || d === moduleHeartbeat));
}

/** Concrete keys that must exist for an entry: one heartbeat per process; otherwise any key of the entry. */
export async function liveKeysOf(redis: Redis, def: KeyDef, running: readonly string[]): Promise<string[]> {
  if (def === moduleHeartbeat) {
    const keys = running.map((service) => moduleHeartbeat.key({ service }));
    const exists = await Promise.all(keys.map((k) => redis.exists(k)));
    return keys.filter((_, i) => exists[i] === 1);
  }
  const found = new Set<string>();
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', def.glob, 'COUNT', 1000);
    cursor = next;
    // A glob can match keys of another entry (raw:ibkr:* also matches raw:ibkr:depth:SPY): keep this entry's.
    for (const k of keys) if (parseKey(k)?.def === def) found.add(k);
  } while (cursor !== '0' && found.size < 200);
  return [...found].sort();
}

/** Elements of any Redis type, at most `max` of them, as raw JSON strings. */
async function rawElements(redis: Redis, type: string, key: string, max: number): Promise<string[]> {
  switch (type) {
    case 'string': {
      const v = await redis.get(key);
      return v === null ? [] : [v];
    }
    case 'list':
      return redis.lrange(key, 0, max - 1);
    case 'hash':
      return Object.values(await redis.hgetall(key)).slice(0, max);
    case 'set':
      return redis.call('SRANDMEMBER', key, max) as Promise<string[]>;
    case 'zset':
      return redis.call('ZRANGE', key, 0, max - 1) as Promise<string[]>;
    case 'stream': {
      const entries = await redis.xrevrange(key, '+', '-', 'COUNT', max);
      return entries.map(([, fields]) => fields[fields.indexOf('v') + 1] ?? '<no field v>');
    }
    default:
      return [];
  }
}

/** What is wrong with a live key: TTL outside the registered one, another Redis type, values failing the schema. */
export async function problemsOf(redis: Redis, def: KeyDef, key: string): Promise<string[]> {
  const [type, pttl] = await Promise.all([redis.type(key), redis.pttl(key)]);
  if (type === 'none') return []; // expired between SCAN and now
  const problems: string[] = [];
  if (type !== def.type) problems.push(`holds a ${type}, registry says ${def.type}`);
  if (def.ttlSeconds === null) {
    if (pttl !== -1) problems.push(`has a TTL (${pttl} ms) but is registered persistent`);
  } else if (pttl === -1) {
    problems.push(`has no TTL, registered ${def.ttlSeconds} s`);
  } else if (pttl > def.ttlSeconds * 1000) {
    problems.push(`TTL ${pttl} ms exceeds the registered ${def.ttlSeconds} s`);
  }
  if (type === def.type) {
    const raws = await rawElements(redis, type, key, 20);
    const bad = raws.map((raw) => checkValue(def, raw)).filter((c) => !c.ok);
    if (bad.length > 0 && !bad[0]!.ok)
      problems.push(`${bad.length}/${raws.length} values fail the schema: ${bad[0]!.reason}`);
  }
  return problems;
}

/** Whether a process with this pid exists (signal 0 only checks). */
export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `pnpm atp …` as its own process (node + tsx, as the root script does) against a Redis URL. */
export function atp(args: string[], redisUrl: string, timeoutMs = 30_000): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(ROOT, 'packages/cli/src/main.ts'), ...args],
      {
        cwd: ROOT,
        env: { ...runtimeEnv(), REDIS_URL: redisUrl },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`atp ${args.join(' ')} did not finish within ${timeoutMs} ms`));
    }, timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

export async function until<T>(
  probe: () => T | null | undefined | false | Promise<T | null | undefined | false>,
  timeoutMs: number,
  stepMs = 250,
): Promise<T | null> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== null && v !== undefined && v !== false) return v;
    if (Date.now() > deadline) return null;
    await new Promise((r) => setTimeout(r, stepMs));
  }
}
