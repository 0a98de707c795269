// docker/entrypoint.sh decides where a container's service gets its broker, API and clock: the
// simulators when the demo profile put them on the network, the real ones otherwise.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runtimeEnv } from '@alphatrader/shared';

const ROOT = join(import.meta.dirname, '..', '..');
const PRINT_ENV =
  'console.log(JSON.stringify({ host: process.env.IBKR_HOST ?? null, port: process.env.IBKR_PORT ?? null, av: process.env.ALPHAVANTAGE_BASE_URL ?? null, clock: process.env.ATP_CLOCK_MODE ?? null }))';

// A stand-in for getent in front of PATH: only 'market-sim' resolves, and no DNS query leaves the machine.
const fakeBin = mkdtempSync(join(tmpdir(), 'atp-getent-'));
writeFileSync(
  join(fakeBin, 'getent'),
  '#!/bin/sh\n[ "$1" = hosts ] && [ "$2" = market-sim ] && exit 0\nexit 2\n',
);
chmodSync(join(fakeBin, 'getent'), 0o755);
afterAll(() => rmSync(fakeBin, { recursive: true, force: true }));

function entrypoint(env: Record<string, string>) {
  const r = spawnSync('sh', [join(ROOT, 'docker', 'entrypoint.sh'), '-e', PRINT_ENV], {
    cwd: ROOT,
    env: { PATH: `${fakeBin}:${runtimeEnv().PATH ?? '/usr/bin:/bin'}`, ...env },
    encoding: 'utf8',
    timeout: 20_000,
  });
  const last = r.stdout.trim().split('\n').pop() ?? '';
  return {
    status: r.status,
    stderr: r.stderr,
    env: last.startsWith('{') ? (JSON.parse(last) as Record<string, string | null>) : null,
  };
}

describe('docker/entrypoint.sh', () => {
  it('runs the bundle of a source path with plain node when the image has one, its arguments passed on', () => {
    const dir = join(ROOT, 'dist', '.entrypoint-test');
    mkdirSync(dir, { recursive: true });
    try {
      writeFileSync(
        join(dir, 'probe.mjs'),
        'console.log(JSON.stringify({ bundle: true, tsx: process.execArgv.includes("tsx"), args: process.argv.slice(2) }))',
      );
      const r = spawnSync(
        'sh',
        [join(ROOT, 'docker', 'entrypoint.sh'), '.entrypoint-test/probe.ts', '--x', '1'],
        {
          cwd: ROOT,
          env: { PATH: runtimeEnv().PATH ?? '/usr/bin:/bin', ATP_SIMULATORS: 'off' },
          encoding: 'utf8',
          timeout: 20_000,
        },
      );
      expect(r.status, r.stderr).toBe(0);
      expect(JSON.parse(r.stdout.trim())).toEqual({ bundle: true, tsx: false, args: ['--x', '1'] });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('points the service at the simulators when their host resolves (the demo profile)', () => {
    const r = entrypoint({ ATP_SIMULATORS: 'auto', ATP_SIM_WAIT_SECONDS: '1' });
    expect(r.status, r.stderr).toBe(0);
    expect(r.env).toEqual({
      host: 'market-sim',
      port: '4002',
      av: 'http://market-sim:8081/query',
      clock: 'simulated',
    });
    expect(r.stderr).toContain('demo: using the simulators at market-sim');
  });

  it('leaves the real gateway, API and clock alone when the simulators are absent or switched off', () => {
    const absent = entrypoint({
      ATP_SIMULATORS: 'auto',
      ATP_SIM_HOST: 'elsewhere',
      ATP_SIM_WAIT_SECONDS: '1',
      IBKR_HOST: 'gateway',
    });
    expect(absent.status, absent.stderr).toBe(0);
    expect(absent.env).toEqual({ host: 'gateway', port: null, av: null, clock: null });
    const off = entrypoint({ ATP_SIMULATORS: 'off' });
    expect(off.env?.clock).toBeNull();
  });

  it('rejects an unknown mode', () => {
    const r = entrypoint({ ATP_SIMULATORS: 'maybe' });
    expect(r.status).toBe(64);
    expect(r.stderr).toContain('ATP_SIMULATORS must be off, auto or on');
  });
});
