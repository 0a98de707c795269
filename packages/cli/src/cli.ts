// `atp`: parses the command line, loads the config (secrets not required: the CLI calls no external
// API), connects to Redis with a short timeout and runs one command. Returns the exit code.
import { fileURLToPath } from 'node:url';
import {
  ConfigError,
  createLogger,
  createStore,
  loadConfig,
  type AppConfig,
  type Env,
} from '@alphatrader/shared';
import { connect, disconnect } from './adapters/connect';
import { parseCliArgs, USAGE, type Command } from './core/args';
import { CliError, EXIT, type ExitCode } from './core/exit-codes';
import type { CliIO, CommandContext } from './commands/context';
import { getCommand } from './commands/get';
import { haltCommand, resumeCommand } from './commands/halt';
import { healthCommand } from './commands/health';
import { keysCommand } from './commands/keys';
import { statusCommand } from './commands/status';
import { tailCommand } from './commands/tail';

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export interface RunCliOptions {
  io: CliIO;
  env: Env;
  signal?: AbortSignal;
  root?: string;
  now?: () => number;
}

function run(ctx: CommandContext, command: Command): Promise<ExitCode> {
  switch (command.name) {
    case 'status':
      return statusCommand(ctx);
    case 'health':
      return healthCommand(ctx);
    case 'keys':
      return keysCommand(ctx, command.pattern, command.limit);
    case 'get':
      return getCommand(ctx, command.key, command.count);
    case 'tail':
      return tailCommand(ctx, command);
    case 'halt':
      return haltCommand(ctx, command.reason, command.by);
    case 'resume':
      return resumeCommand(ctx);
    case 'help':
      return Promise.resolve(EXIT.ok);
  }
}

export async function runCli(argv: readonly string[], opts: RunCliOptions): Promise<ExitCode> {
  const { io } = opts;
  try {
    const args = parseCliArgs(argv);
    if (args.command.name === 'help') {
      io.out(USAGE);
      return EXIT.ok;
    }
    let config: AppConfig;
    try {
      config = loadConfig({
        env: opts.env,
        requireSecrets: false,
        ...(args.configPath !== null ? { path: args.configPath } : {}),
      });
    } catch (err) {
      if (err instanceof ConfigError) throw new CliError(err.message, EXIT.failure);
      throw err;
    }
    const redis = await connect(config.redis);
    try {
      const store = createStore(redis, {
        logger: createLogger({ service: 'atp-cli', level: 'silent' }),
        service: 'atp-cli',
      });
      const ctx: CommandContext = {
        redis,
        store,
        config,
        io,
        json: args.json,
        root: opts.root ?? REPO_ROOT,
        signal: opts.signal ?? new AbortController().signal,
        now: opts.now ?? Date.now,
      };
      return await run(ctx, args.command);
    } finally {
      await disconnect(redis);
    }
  } catch (err) {
    if (err instanceof CliError) {
      io.err(err.message);
      return err.code;
    }
    io.err(`error: ${err instanceof Error ? err.message : String(err)}`);
    return EXIT.failure;
  }
}
