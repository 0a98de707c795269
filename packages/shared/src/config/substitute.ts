// ${VAR} / ${VAR:-default} substitution in the string values of a parsed YAML document. Substituting
// after parsing (not in the raw text) means a secret containing ':' '#' or quotes can never change the
// document's structure.
import type { Env } from './env';

export interface ConfigIssue {
  /** Dotted path in the config document, e.g. 'redis.password'. */
  readonly path: string;
  readonly message: string;
}

// $${...} is an escaped literal '${...}'.
const REFERENCE = /\$(\$?)\{([^}]*)\}/g;
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function formatPath(path: ReadonlyArray<string | number>): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? part : `.${part}`;
  }
  return out === '' ? '(root)' : out;
}

/** Substitutes references in one string; unset variables without a default are reported as issues. */
export function substituteString(
  text: string,
  env: Env,
  path: ReadonlyArray<string | number>,
  issues: ConfigIssue[],
): string {
  if (!text.includes('${')) return text;
  return text.replace(REFERENCE, (whole, escape: string, body: string) => {
    if (escape === '$') return whole.slice(1);
    const sep = body.indexOf(':-');
    const name = sep === -1 ? body : body.slice(0, sep);
    if (!NAME.test(name)) {
      issues.push({ path: formatPath(path), message: `invalid environment reference \${${body}}` });
      return '';
    }
    const value = env[name];
    if (sep !== -1) return value === undefined || value === '' ? body.slice(sep + 2) : value;
    if (value === undefined) {
      issues.push({ path: formatPath(path), message: `environment variable ${name} is not set` });
      return '';
    }
    return value;
  });
}

/** Returns a copy of `doc` with every string value substituted. */
export function substituteEnv(
  doc: unknown,
  env: Env,
  issues: ConfigIssue[],
  path: Array<string | number> = [],
): unknown {
  if (typeof doc === 'string') return substituteString(doc, env, path, issues);
  if (Array.isArray(doc)) return doc.map((item, i) => substituteEnv(item, env, issues, [...path, i]));
  if (doc !== null && typeof doc === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(doc))
      out[key] = substituteEnv(value, env, issues, [...path, key]);
    return out;
  }
  return doc;
}
