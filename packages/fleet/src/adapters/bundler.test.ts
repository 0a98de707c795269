import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ibkrConnected } from '@alphatrader/shared';
import { bundleEntries, bundlePath } from './bundler';

const ROOT = join(import.meta.dirname, '..', '..', '..', '..');
const out = mkdtempSync(join(tmpdir(), 'atp-bundle-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('bundleEntries', () => {
  it('bundles workspace code into one plain-JavaScript file that runs with node, npm packages kept as imports', async () => {
    const entry = join(import.meta.dirname, 'bundler-probe.fixture.ts');
    const bundles = await bundleEntries(ROOT, [entry], out);
    const file = bundles.get(entry)!;
    expect(file).toBe(bundlePath(ROOT, out, entry));
    expect(file).toBe(join(out, 'packages/fleet/src/adapters/bundler-probe.fixture.mjs'));

    const r = spawnSync(process.execPath, [file], { encoding: 'utf8', timeout: 20_000 });
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout.trim())).toEqual({
      key: ibkrConnected.at().key,
      // import.meta.dirname still names the source folder: files next to the code are found.
      dir: import.meta.dirname,
      luaFound: true,
      ioredis: 'function',
    });
    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(/from "file:\/\/[^"]*\/ioredis\//);
    expect(text).not.toContain('class Pipeline');
  });

  it('fails with the compiler message when an entry does not build', async () => {
    await expect(bundleEntries(ROOT, [join(import.meta.dirname, 'no-such-entry.ts')], out)).rejects.toThrow(
      /no-such-entry/,
    );
  });
});
