// `pnpm bench [area]`: runs every bench/*.bench.ts under packages/* and services/* (or one area, the
// package or service folder name) one after another, each in its own process, streaming its JSON lines.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

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
let failures = 0;
for (const file of files) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--expose-gc', file], { stdio: 'inherit', cwd: root });
  if (r.status !== 0) {
    failures++;
    console.error(`benchmark failed: ${file} (exit ${r.status})`);
  }
}
process.exit(failures === 0 ? 0 : 1);
