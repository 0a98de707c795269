// `pnpm bench [area]`: runs every bench/*.bench.ts under packages/* and services/* (or one area, the
// package or service folder name) one after another, each in its own process, streaming its JSON lines.
// Each benchmark is bundled first and runs as plain JavaScript, as the fleet's processes do (see
// packages/fleet/src/adapters/bundler.ts): the figures are those of the code that runs in production.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { bundleEntries } from '@alphatrader/fleet';

const root = join(import.meta.dirname, '..');
const wanted = process.argv[2];
const files: string[] = [];
for (const group of ['packages', 'services']) {
  const groupDir = join(root, group);
  if (!existsSync(groupDir)) continue;
  for (const area of readdirSync(groupDir).sort()) {
    if (wanted !== undefined && area !== wanted) continue;
    const benchDir = join(groupDir, area, 'bench');
    if (!existsSync(benchDir)) continue;
    for (const f of readdirSync(benchDir).sort()) if (f.endsWith('.bench.ts')) files.push(join(benchDir, f));
  }
}
if (files.length === 0) {
  console.error(wanted === undefined ? 'no benchmarks found' : `no benchmarks for area '${wanted}'`);
  process.exit(1);
}
const bundles = await bundleEntries(root, files, join(root, '.tmp', 'bench'));
let failures = 0;
for (const file of files) {
  const bundle = bundles.get(file)!;
  const r = spawnSync(process.execPath, ['--expose-gc', bundle], { stdio: 'inherit', cwd: root });
  if (r.status !== 0) {
    failures++;
    console.error(`benchmark failed: ${file} (exit ${r.status})`);
  }
}
process.exit(failures === 0 ? 0 : 1);
