// The only place in the code base that reads process.env. Everything else receives values through the
// validated AppConfig, or asks here for the few process-level switches that are not configuration.

export type Env = Readonly<Record<string, string | undefined>>;

/** The process environment, read-only. */
export function runtimeEnv(): Env {
  return process.env;
}

/** One environment variable; an empty string counts as unset. */
export function readEnv(name: string, env: Env = runtimeEnv()): string | undefined {
  const value = env[name];
  return value === undefined || value === '' ? undefined : value;
}
