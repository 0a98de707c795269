// `pnpm atp …`: the operator CLI. Wires the process (argv, stdout/stderr, environment, Ctrl-C) to runCli.
import { runtimeEnv } from '@alphatrader/shared';
import { runCli } from './cli';

const abort = new AbortController();
process.once('SIGINT', () => abort.abort());
process.once('SIGTERM', () => abort.abort());

const code = await runCli(process.argv.slice(2), {
  io: { out: (line) => process.stdout.write(`${line}\n`), err: (line) => process.stderr.write(`${line}\n`) },
  env: runtimeEnv(),
  signal: abort.signal,
});
process.exitCode = code;
// A failed connection can leave an ioredis connect timer behind: exit as soon as the output is flushed.
process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
