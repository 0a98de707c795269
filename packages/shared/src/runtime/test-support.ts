// Helpers shared by the runtime tests: a config file for a test Redis and a spawned fixture service
// whose JSON log lines can be awaited.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, stringify } from 'yaml';
import { DEFAULT_CONFIG_PATH, runtimeEnv } from '../config/index';

export const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
export const FIXTURE = fileURLToPath(new URL('./fixtures/echo-service.ts', import.meta.url));
/** Alpha Vantage pointed at a simulator address: no API key needed. */
export const TEST_ENV = { ALPHAVANTAGE_BASE_URL: 'http://127.0.0.1:9/query' };

function merge(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const out = { ...base };
  for (const [k, v] of Object.entries(over)) {
    const cur = out[k];
    out[k] =
      cur !== null &&
      typeof cur === 'object' &&
      !Array.isArray(cur) &&
      v !== null &&
      typeof v === 'object' &&
      !Array.isArray(v)
        ? merge(cur as Record<string, unknown>, v as Record<string, unknown>)
        : v;
  }
  return out;
}

/** Writes config/config.yaml with `over` merged in, to `dir/name.yaml`. */
export function writeTestConfig(dir: string, name: string, over: Record<string, unknown>): string {
  const doc = parse(readFileSync(DEFAULT_CONFIG_PATH, 'utf8')) as Record<string, unknown>;
  const path = join(dir, `${name}.yaml`);
  writeFileSync(path, stringify(merge(doc, over)));
  return path;
}

export interface LogRecord {
  msg: string;
  level: string;
  [k: string]: unknown;
}

export interface SpawnedService {
  readonly proc: ChildProcess;
  readonly records: LogRecord[];
  readonly stderr: () => string;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  waitForLog(pred: (r: LogRecord) => boolean, timeoutMs?: number): Promise<LogRecord>;
}

export function spawnFixture(args: string[], env: Record<string, string>): SpawnedService {
  const proc = spawn(process.execPath, ['--import', 'tsx', FIXTURE, ...args], {
    cwd: REPO_ROOT,
    env: { PATH: runtimeEnv().PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const records: LogRecord[] = [];
  const waiters = new Set<() => void>();
  let buffer = '';
  let err = '';
  proc.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    buffer += chunk;
    let nl: number;
    while ((nl = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, nl);
      buffer = buffer.slice(nl + 1);
      try {
        records.push(JSON.parse(line) as LogRecord);
      } catch {
        err += `${line}\n`;
      }
    }
    for (const w of waiters) w();
  });
  proc.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    proc.once('exit', (code, signal) => {
      for (const w of waiters) w();
      resolve({ code, signal });
    }),
  );
  return {
    proc,
    records,
    stderr: () => err,
    exited,
    waitForLog(pred, timeoutMs = 15_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const hit = records.find(pred);
          if (hit !== undefined) {
            waiters.delete(check);
            clearTimeout(timer);
            resolve(hit);
          } else if (proc.exitCode !== null || proc.signalCode !== null) {
            waiters.delete(check);
            clearTimeout(timer);
            reject(new Error(`process exited before the log line appeared; stderr: ${err}`));
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`log line not seen within ${timeoutMs} ms; stderr: ${err}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
  };
}

/** Resolves with the exit, or rejects if the process is still running after timeoutMs. */
export async function exitWithin(
  service: SpawnedService,
  timeoutMs: number,
): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`still running after ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    return await Promise.race([service.exited, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export async function until(
  cond: () => boolean | Promise<boolean>,
  timeoutMs = 10_000,
  stepMs = 25,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await cond())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, stepMs));
  }
}
