// `atp halt REASON` / `atp resume`: set and clear system:halt with who, why and when. Every service
// reads the flag within a second (runtime.haltPollMs) and sends no new order while it is set.
import { hostname, userInfo } from 'node:os';
import { systemHalt, type HaltFlag } from '@alphatrader/shared';
import { EXIT, type ExitCode } from '../core/exit-codes';
import type { CommandContext } from './context';

export function defaultOperator(): string {
  let user = 'operator';
  try {
    user = userInfo().username || user;
  } catch {
    // no passwd entry (containers): keep the generic name
  }
  return `${user}@${hostname()}`;
}

function describe(flag: HaltFlag): string {
  return `reason: ${flag.reason}; by: ${flag.by}; since: ${new Date(flag.ts).toISOString()}`;
}

async function currentFlag(ctx: CommandContext): Promise<HaltFlag | null> {
  const read = await ctx.store.get(systemHalt.at());
  return read.ok ? read.value : null;
}

export async function haltCommand(ctx: CommandContext, reason: string, by: string | null): Promise<ExitCode> {
  const previous = await currentFlag(ctx);
  const flag: HaltFlag = { halted: true, reason, by: by ?? defaultOperator(), ts: ctx.now() };
  await ctx.store.set(systemHalt.at(), flag);
  if (ctx.json) ctx.io.out(JSON.stringify({ halted: flag, previous }));
  else {
    if (previous !== null) ctx.io.out(`was already halted (${describe(previous)}); updated.`);
    ctx.io.out(`HALTED: no service sends a new order until 'pnpm atp resume'.`);
    ctx.io.out(`  ${describe(flag)}`);
  }
  return EXIT.ok;
}

export async function resumeCommand(ctx: CommandContext): Promise<ExitCode> {
  const previous = await currentFlag(ctx);
  const existed = await ctx.store.del(systemHalt.at());
  if (ctx.json) ctx.io.out(JSON.stringify({ cleared: existed, previous }));
  else if (!existed) ctx.io.out('not halted: nothing to clear.');
  else
    ctx.io.out(
      `resumed: halt cleared${previous !== null ? ` (${describe(previous)})` : ' (the flag was unreadable)'}.`,
    );
  return EXIT.ok;
}
