// No Redis key string outside the registry: keys are built with registry entries
// (`moduleHeartbeat.key({ service })`), so a TTL, cap or schema can never be bypassed by a hand-spelled key.
// This parses every TypeScript file and flags string literals that start with a registry family and a colon.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { REGISTRY_FAMILIES } from '@alphatrader/shared';

const ROOT = join(import.meta.dirname, '..', '..');
const SELF = relative(ROOT, import.meta.filename);
const EXCLUDED_DIRS = [join('packages', 'shared', 'src', 'registry')];

function tsFiles(dir: string): string[] {
  const out: string[] = [];
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return out;
  }
  for (const name of entries) {
    if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...tsFiles(path));
    else if (name.endsWith('.ts')) out.push(path);
  }
  return out;
}

function scannedFiles(): string[] {
  const roots: string[] = [join(ROOT, 'scripts'), join(ROOT, 'tests')];
  for (const group of ['packages', 'services']) {
    for (const name of (() => {
      try {
        return readdirSync(join(ROOT, group));
      } catch {
        return [];
      }
    })()) {
      roots.push(join(ROOT, group, name, 'src'));
    }
  }
  return roots
    .flatMap(tsFiles)
    .map((f) => relative(ROOT, f))
    .filter((f) => f !== SELF && !EXCLUDED_DIRS.some((d) => f.startsWith(d + sep)));
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Text of a string or template literal that starts with a family name and a colon not followed by a
 * space (keys never contain spaces; 'risk: 0.5' in a YAML fixture or a test title is prose, not a key).
 */
export function keyLiteralPattern(families: readonly string[]): RegExp {
  return new RegExp(`^(${families.map(escape).join('|')}):(?!\\s)`);
}

/** String and template literals only, found with the TypeScript parser: comments are prose, not keys. */
export function findKeyLiterals(text: string, pattern: RegExp): Array<{ line: number; match: string }> {
  const source = ts.createSourceFile('scan.ts', text, ts.ScriptTarget.Latest, true);
  const hits: Array<{ line: number; match: string }> = [];
  const visit = (node: ts.Node): void => {
    let literal: string | undefined;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) literal = node.text;
    else if (ts.isTemplateExpression(node)) literal = node.head.text;
    if (literal !== undefined && pattern.test(literal)) {
      const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
      hits.push({ line: line + 1, match: literal.slice(0, 60) });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return hits;
}

describe('no Redis key literals outside the registry', () => {
  const pattern = keyLiteralPattern(REGISTRY_FAMILIES);

  it('detects the literals it is meant to catch', () => {
    const sample = [
      `const a = 'market:SPY:book';`,
      'const b = "options:" + s;',
      'const c = `signals:${id}`;',
      "const ok = 'marketing: yes';",
      "it('risk: rejects an unknown key', () => {});",
      '// a comment naming market:SPY:book is prose',
      'const d = `options:${s}:chain`;',
    ].join('\n');
    expect(findKeyLiterals(sample, pattern).map((h) => h.line)).toEqual([1, 2, 3, 7]);
  });

  it('finds none in packages, services, scripts and tests', () => {
    const files = scannedFiles();
    expect(files.length).toBeGreaterThan(10);
    const offences = files.flatMap((file) =>
      findKeyLiterals(readFileSync(join(ROOT, file), 'utf8'), pattern).map(
        (h) => `${file}:${h.line}: ${h.match}`,
      ),
    );
    expect(offences, `Build keys with registry entries instead:\n${offences.join('\n')}`).toEqual([]);
  });
});
