// `pnpm build`: bundles every process of the fleet (the simulators and each services/*/src/main.ts) into
// dist/, mirroring the source paths (services/x/src/main.ts → dist/services/x/src/main.mjs). The Docker
// image runs these; the demo runner builds its own fresh set at start. Type checking is `pnpm typecheck`.
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { bundleEntries } from '@alphatrader/fleet';

const root = join(import.meta.dirname, '..');
const outDir = join(root, 'dist');
const services = readdirSync(join(root, 'services'))
  .map((name) => join(root, 'services', name, 'src', 'main.ts'))
  .filter((entry) => existsSync(entry))
  .sort();
const entries = [join(root, 'packages', 'simulators', 'src', 'main.ts'), ...services];
rmSync(outDir, { recursive: true, force: true });
const started = performance.now();
const bundles = await bundleEntries(root, entries, outDir);
for (const file of bundles.values()) console.log(`built ${file.slice(root.length + 1)}`);
console.log(`${bundles.size} bundles in ${Math.round(performance.now() - started)} ms`);
