// Loads config/config.yaml (or ATP_CONFIG): YAML → ${ENV} substitution → overrides → strict schema →
// a deeply frozen AppConfig. Every problem is collected into one ConfigError listing path and reason.
// ATP_OPS_PORTS=ephemeral makes every service bind its /healthz and /metrics server to port 0 (a free
// port, logged at start-up), so a demo and a test fleet can run side by side on one machine.
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { readEnv, runtimeEnv, type Env } from './env';
import { AppConfigSchema, AppConfigShape, SECRET_ISSUE, type AppConfig } from './schema';
import { formatPath, substituteEnv, type ConfigIssue } from './substitute';

/** The repository's config/config.yaml. */
export const DEFAULT_CONFIG_PATH = fileURLToPath(new URL('../../../../config/config.yaml', import.meta.url));

export type DeepPartial<T> = T extends readonly (infer _U)[]
  ? T
  : T extends object
    ? { [K in keyof T]?: DeepPartial<T[K]> }
    : T;

/** Values merged over the file before validation (objects merge, arrays and scalars replace). */
export type ConfigOverrides = DeepPartial<z.input<typeof AppConfigSchema>> & Record<string, unknown>;

export interface LoadConfigOptions {
  /** Config file; default: ATP_CONFIG, else the repository's config/config.yaml. */
  path?: string;
  /** Environment for ${VAR} references and overrides; default: the process environment. */
  env?: Env;
  /** Applied after substitution and after REDIS_URL (not substituted themselves). */
  overrides?: ConfigOverrides;
  /**
   * Default true. False for tools that call no external API (the operator CLI): a missing secret of an
   * enabled service is then not an error. Services always load with secrets required.
   */
  requireSecrets?: boolean;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(
    readonly path: string,
    readonly issues: readonly ConfigIssue[],
  ) {
    super(`invalid configuration (${path}):\n${issues.map((i) => `  ${i.path}: ${i.message}`).join('\n')}`);
  }
}

export function resolveConfigPath(options: Pick<LoadConfigOptions, 'path' | 'env'> = {}): string {
  const chosen = options.path ?? readEnv('ATP_CONFIG', options.env ?? runtimeEnv());
  return chosen === undefined ? DEFAULT_CONFIG_PATH : resolve(chosen);
}

export function loadConfig(options: LoadConfigOptions = {}): AppConfig {
  const env = options.env ?? runtimeEnv();
  const path = resolveConfigPath({ ...options, env });

  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new ConfigError(path, [{ path: '(file)', message: `cannot read: ${(err as Error).message}` }]);
  }
  let doc: unknown;
  try {
    doc = parseYaml(text, { prettyErrors: true, uniqueKeys: true });
  } catch (err) {
    throw new ConfigError(path, [
      { path: '(yaml)', message: (err as Error).message.split('\n')[0] ?? 'unparsable YAML' },
    ]);
  }
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    throw new ConfigError(path, [{ path: '(root)', message: 'expected a mapping at the top level' }]);
  }

  const issues: ConfigIssue[] = [];
  let raw = substituteEnv(doc, env, issues) as Record<string, unknown>;

  const redisUrl = readEnv('REDIS_URL', env);
  if (redisUrl !== undefined) raw = deepMerge(raw, { redis: { url: redisUrl } });
  if (options.overrides !== undefined) raw = deepMerge(raw, options.overrides);

  const opsPorts = readEnv('ATP_OPS_PORTS', env) ?? 'config';
  if (!OPS_PORT_MODES.includes(opsPorts)) {
    issues.push({
      path: '(env) ATP_OPS_PORTS',
      message: `expected one of ${OPS_PORT_MODES.join(', ')}, got ${JSON.stringify(opsPorts)}`,
    });
  }

  let parsed = AppConfigSchema.safeParse(raw);
  if (!parsed.success && options.requireSecrets === false && parsed.error.issues.every(isSecretIssue)) {
    parsed = AppConfigShape.safeParse(raw); // only secrets are missing, and this caller uses none
  }
  if (!parsed.success) issues.push(...parsed.error.issues.flatMap(toIssues));
  if (issues.length > 0 || !parsed.success) throw new ConfigError(path, dedupe(issues));

  const cfg = opsPorts === 'ephemeral' ? withEphemeralOpsPorts(parsed.data) : parsed.data;
  return deepFreeze(resolvePaths(cfg, dirname(path)));
}

/** For a process entry point: loads the config or prints every issue to stderr and exits 78 (EX_CONFIG). */
export function loadConfigOrExit(options: LoadConfigOptions = {}): AppConfig {
  try {
    return loadConfig(options);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(78);
    }
    throw err;
  }
}

/** ATP_OPS_PORTS: 'config' (default) binds the ports in the file, 'ephemeral' binds port 0 everywhere. */
const OPS_PORT_MODES: readonly string[] = ['config', 'ephemeral'];

/** Every listening port of every service section (`port`, and e.g. the dashboard's `uiPort`) becomes 0. */
function withEphemeralOpsPorts(cfg: AppConfig): AppConfig {
  const zeroPorts = <T extends Record<string, object>>(sections: T): T =>
    Object.fromEntries(
      Object.entries(sections).map(([name, section]) => [
        name,
        Object.fromEntries(
          Object.entries(section).map(([k, v]) => [
            k,
            /^(port|\w+Port)$/.test(k) && typeof v === 'number' ? 0 : v,
          ]),
        ),
      ]),
    ) as T;
  return { ...cfg, services: zeroPorts(cfg.services), extraServices: zeroPorts(cfg.extraServices) };
}

function isSecretIssue(issue: z.core.$ZodIssue): boolean {
  return issue.code === 'custom' && issue.params?.[SECRET_ISSUE] === true;
}

function toIssues(issue: z.core.$ZodIssue): ConfigIssue[] {
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({
      path: formatPath([...issue.path.map(pathPart), key]),
      message: 'unknown key',
    }));
  }
  if (issue.code === 'invalid_type' && issue.input === undefined) {
    return [{ path: formatPath(issue.path.map(pathPart)), message: `missing (${issue.message})` }];
  }
  return [{ path: formatPath(issue.path.map(pathPart)), message: issue.message }];
}

const pathPart = (p: PropertyKey): string | number => (typeof p === 'symbol' ? String(p) : p);

function dedupe(issues: ConfigIssue[]): ConfigIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const id = `${i.path}\u0000${i.message}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function deepMerge(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) {
    if (value === undefined) continue;
    const current = out[key];
    out[key] = isPlainObject(current) && isPlainObject(value) ? deepMerge(current, value) : value;
  }
  return out;
}

/** Relative paths in the file are relative to the file's directory. */
function resolvePaths(cfg: AppConfig, baseDir: string): AppConfig {
  const abs = (p: string | undefined) => (p === undefined || isAbsolute(p) ? p : resolve(baseDir, p));
  return {
    ...cfg,
    dataDir: abs(cfg.dataDir) ?? cfg.dataDir,
    redis: {
      ...cfg.redis,
      tls: {
        ...cfg.redis.tls,
        caFile: abs(cfg.redis.tls.caFile),
        certFile: abs(cfg.redis.tls.certFile),
        keyFile: abs(cfg.redis.tls.keyFile),
      },
    },
  };
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
