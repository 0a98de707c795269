// SIGTERM on the real process (src/main.ts under runService): the session closes, the last flush
// completes — connection status 0, account removed, metrics written in the same pipeline — the process
// exits 0, and every key it leaves behind is complete and valid.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_CONFIG_PATH, findEntryForKey } from '@alphatrader/shared';
import { K } from './testing/keys';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { checkKey } from './testing/check-keys';
import { startWorld, until, worldOverrides, type World } from './testing/harness';

const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url));
const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

let world: World;
let dir: string;

function merge(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const out = { ...base };
  for (const [k, v] of Object.entries(over)) {
    const cur = out[k];
    const bothObjects = [cur, v].every((x) => x !== null && typeof x === 'object' && !Array.isArray(x));
    out[k] = bothObjects ? merge(cur as Record<string, unknown>, v as Record<string, unknown>) : v;
  }
  return out;
}

beforeAll(async () => {
  world = await startWorld({ speed: 10, seed: 13 });
  dir = mkdtempSync(join(tmpdir(), 'atp-ibkr-shutdown-'));
});

afterAll(async () => {
  await world?.stop();
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
});

describe('SIGTERM', () => {
  it('completes the last flush, writes connected 0 and exits 0', async () => {
    const config = merge(parse(readFileSync(DEFAULT_CONFIG_PATH, 'utf8')) as Record<string, unknown>, {
      ...(worldOverrides(world, {}, { clientId: 61 }) as Record<string, unknown>),
      log: { level: 'info', pretty: false },
    });
    const configPath = join(dir, 'config.yaml');
    writeFileSync(configPath, stringify(config));
    const proc = spawn(process.execPath, ['--import', 'tsx', MAIN], {
      cwd: REPO_ROOT,
      env: { PATH: process.env.PATH ?? '', ATP_CONFIG: configPath },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out: string[] = [];
    let stderr = '';
    proc.stdout
      .setEncoding('utf8')
      .on('data', (d: string) => out.push(...d.split('\n').filter((l) => l.length > 0)));
    proc.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
    try {
      await until(async () => (await world.client.get(K.connected)) === '1', 20_000, 'connected');
      await until(
        async () => (await world.client.exists(K.book('SPY'), K.ticker('AAPL'))) === 2,
        10_000,
        'data',
      );
      await until(async () => (await world.client.exists(K.metrics)) === 1, 5000, 'metrics');
    } catch (err) {
      proc.kill('SIGKILL');
      throw new Error(`${String(err)}\n${stderr}\n${out.slice(-20).join('\n')}`);
    }

    proc.kill('SIGTERM');
    expect(await exited).toBe(0);

    expect(await world.client.get(K.connected)).toBe('0');
    expect(await world.client.pttl(K.connected)).toBeGreaterThan(0);
    expect(await world.client.exists(K.account)).toBe(0);
    expect(await world.client.exists(K.heartbeat)).toBe(0);
    // The metrics hash is the last write of the final pipeline: its connected = 0 shows it ran to the end.
    const metrics = await world.client.hgetall(K.metrics);
    expect(metrics.connected).toBe('0');
    expect(Number(metrics.flushFailures)).toBe(0);

    const messages = out.map((l) => (JSON.parse(l) as { msg: string }).msg);
    const finalFlush = messages.indexOf('final flush written');
    expect(finalFlush).toBeGreaterThan(-1);
    expect(messages.indexOf('stopped')).toBeGreaterThan(finalFlush);

    // Whatever is left is complete and valid (1 s keys may already have expired).
    const keys = (await world.client.keys('*')).filter((k) => findEntryForKey(k)?.owner === 'ibkr-ingestion');
    expect(keys.length).toBeGreaterThan(10);
    const problems: string[] = [];
    for (const key of keys)
      problems.push(...(await checkKey(world.client, world.store, key, findEntryForKey(key)!)));
    expect(problems).toEqual([]);
  });
});
