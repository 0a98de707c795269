export { runCli, REPO_ROOT, type RunCliOptions } from './cli';
export { parseCliArgs, USAGE, type CliArgs, type Command } from './core/args';
export { EXIT, CliError, type ExitCode } from './core/exit-codes';
export { checkValue, type Checked } from './core/validate';
export type { CliIO } from './commands/context';
