// `atp health`: the monitor's report (system:health:main). Exit 4 when there is none (monitor down).
import { systemHealthMain } from '@alphatrader/shared';
import { CliError, EXIT, type ExitCode } from '../core/exit-codes';
import { renderHealth } from '../core/render';
import type { CommandContext } from './context';

export async function healthCommand(ctx: CommandContext): Promise<ExitCode> {
  const read = await ctx.store.get(systemHealthMain.at());
  if (!read.ok) {
    if (read.error.kind === 'missing') {
      throw new CliError(
        `no health report: ${systemHealthMain.key()} does not exist (it lives ${systemHealthMain.ttlSeconds} s). Is the monitor running? (pnpm atp status)`,
        EXIT.missing,
      );
    }
    if (read.error.kind === 'invalid')
      throw new CliError(`the health report fails its schema: ${read.error.reason}`, EXIT.invalid);
    throw new CliError(`cannot read the health report: ${read.error.reason}`, EXIT.failure);
  }
  if (ctx.json) ctx.io.out(JSON.stringify(read.value));
  else for (const line of renderHealth(read.value, ctx.now())) ctx.io.out(line);
  return EXIT.ok;
}
