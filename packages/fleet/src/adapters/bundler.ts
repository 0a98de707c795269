// Production bundles: every process of the fleet runs as plain JavaScript, not through tsx. A service
// under tsx carries the TypeScript loader and a transformed copy of every workspace module in its heap
// (about 50 MB more RSS per process, measured on ibkr-ingestion); a bundle is one ESM file per entry.
//
// What is bundled: the workspace's own TypeScript (packages/*, services/*). What is not: npm packages —
// they stay as imports, resolved at build time to the exact files tsx would load, so the bundle uses the
// same dependency code (pino's worker files, @stoqey/ib's config reader and friends keep their layout).
// `import.meta.dirname` / `import.meta.url` in workspace files are replaced by the source file's own
// location, so files read next to the code (Lua scripts, config/config.yaml) resolve as they do under
// tsx. A bundle is therefore tied to the checkout it was built from, like node_modules.
//
// Output mirrors the source: services/analytics/src/main.ts → <outDir>/services/analytics/src/main.mjs.
import { builtinModules } from 'node:module';
import { readFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';

const BUILTINS = new Set(builtinModules);
const WORKSPACE_SCOPE = '@alphatrader/';

/** Where the bundle of `entry` (absolute, under `root`) is written. */
export function bundlePath(root: string, outDir: string, entry: string): string {
  return join(outDir, relative(root, entry)).replace(/\.ts$/, '.mjs');
}

function workspacePlugin(root: string): Plugin {
  const inWorkspace = (path: string) => path.startsWith(root) && !path.includes('/node_modules/');
  return {
    name: 'alphatrader-workspace',
    setup(b) {
      b.onResolve({ filter: /^[^./]/ }, async (args) => {
        if (args.path.startsWith(WORKSPACE_SCOPE) || args.pluginData === 'resolving') return undefined;
        if (args.path.startsWith('node:') || BUILTINS.has(args.path.split('/')[0]!)) {
          return { path: args.path, external: true };
        }
        const r = await b.resolve(args.path, {
          kind: args.kind,
          resolveDir: args.resolveDir,
          importer: args.importer,
          pluginData: 'resolving',
        });
        if (r.errors.length > 0) return { errors: r.errors };
        return { path: pathToFileURL(r.path).href, external: true };
      });
      b.onLoad({ filter: /\.ts$/ }, async (args) => {
        if (!inWorkspace(args.path)) return undefined;
        const source = await readFile(args.path, 'utf8');
        const contents = source
          .replaceAll('import.meta.dirname', JSON.stringify(dirname(args.path)))
          .replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href));
        return { contents, loader: 'ts' };
      });
    },
  };
}

/**
 * Bundles the given entries (absolute paths of .ts files under `root`) into `outDir` in one esbuild run;
 * returns entry → bundle path. Throws with esbuild's messages when an entry does not build.
 */
export async function bundleEntries(
  root: string,
  entries: readonly string[],
  outDir: string,
): Promise<Map<string, string>> {
  const points: Record<string, string> = {};
  const out = new Map<string, string>();
  for (const entry of entries) {
    const target = bundlePath(root, outDir, entry);
    points[relative(outDir, target).replace(/\.mjs$/, '')] = entry;
    out.set(entry, target);
  }
  await build({
    entryPoints: points,
    outdir: outDir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Not minified: a stack trace points at readable code in the bundle.
    logLevel: 'silent',
    plugins: [workspacePlugin(root)],
  });
  return out;
}
