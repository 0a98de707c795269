// Command line of `atp`: one command, its arguments and a few global options.
import { parseArgs } from 'node:util';
import { CliError, EXIT } from './exit-codes';

export type Command =
  | { name: 'status' }
  | { name: 'health' }
  | { name: 'keys'; pattern: string; limit: number }
  | { name: 'get'; key: string; count: number }
  | { name: 'tail'; key: string; count: number; max: number | null; timeoutSeconds: number | null }
  | { name: 'halt'; reason: string; by: string | null }
  | { name: 'resume' }
  | { name: 'help' };

export interface CliArgs {
  command: Command;
  json: boolean;
  /** Config file (default: ATP_CONFIG, else config/config.yaml). */
  configPath: string | null;
}

export const USAGE = `Usage: pnpm atp <command> [options]

Commands:
  status                 the fleet status table (services, data age, headline figures), once
  health                 the monitor's report (system:health:main)
  keys [PATTERN]         registry entries and the live keys matching a glob (default *), with TTL and size
  get KEY                a value, pretty and validated against its registry schema
  tail KEY               follow new elements of a list or stream (Ctrl-C stops)
  halt REASON            set system:halt: no service sends a new order
  resume                 clear system:halt

Options:
  --json                 machine-readable output (one JSON document; tail: one per line)
  --config PATH          config file (default: ATP_CONFIG, else config/config.yaml)
  --count N              get: list/stream elements shown (default 20); tail: last N shown first (default 0)
  --limit N              keys: most live keys scanned (default 10000)
  --by WHO               halt: who halts (default user@host)
  --max N                tail: stop after N new elements
  --timeout S            tail: stop after S seconds

Redis: the config's redis section; REDIS_URL=redis://host:port overrides it.
Exit codes: 0 ok, 1 failure (Redis unreachable, bad config), 2 usage or unknown key,
            3 value fails its schema, 4 key or report missing.`;

function positiveInt(name: string, raw: string | undefined, fallback: number, min = 1): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min)
    throw new CliError(`--${name} must be an integer ≥ ${min}, got '${raw}'`, EXIT.usage);
  return n;
}

export function parseCliArgs(argv: readonly string[]): CliArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        json: { type: 'boolean', default: false },
        config: { type: 'string' },
        count: { type: 'string' },
        limit: { type: 'string' },
        by: { type: 'string' },
        max: { type: 'string' },
        timeout: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (err) {
    throw new CliError(`${(err as Error).message}\n\n${USAGE}`, EXIT.usage);
  }
  const { values, positionals } = parsed;
  const [name, ...rest] = positionals;
  const base = { json: values.json, configPath: values.config ?? null };
  const expect = (n: number, what: string) => {
    if (rest.length !== n) throw new CliError(`${name} takes ${what}\n\n${USAGE}`, EXIT.usage);
  };
  if (values.help || name === undefined || name === 'help') return { ...base, command: { name: 'help' } };
  switch (name) {
    case 'status':
    case 'health':
    case 'resume':
      expect(0, 'no argument');
      return { ...base, command: { name } };
    case 'keys':
      if (rest.length > 1) throw new CliError(`keys takes at most one PATTERN\n\n${USAGE}`, EXIT.usage);
      return {
        ...base,
        command: { name, pattern: rest[0] ?? '*', limit: positiveInt('limit', values.limit, 10_000) },
      };
    case 'get':
      expect(1, 'one KEY');
      return { ...base, command: { name, key: rest[0]!, count: positiveInt('count', values.count, 20) } };
    case 'tail':
      expect(1, 'one KEY (a list or a stream)');
      return {
        ...base,
        command: {
          name,
          key: rest[0]!,
          count: positiveInt('count', values.count, 0, 0),
          max: values.max === undefined ? null : positiveInt('max', values.max, 1),
          timeoutSeconds: values.timeout === undefined ? null : positiveInt('timeout', values.timeout, 1),
        },
      };
    case 'halt': {
      const reason = rest.join(' ').trim();
      if (reason === '')
        throw new CliError(`halt needs a REASON, e.g. pnpm atp halt "broker outage"`, EXIT.usage);
      return { ...base, command: { name, reason, by: values.by ?? null } };
    }
    default:
      throw new CliError(`unknown command '${name}'\n\n${USAGE}`, EXIT.usage);
  }
}
