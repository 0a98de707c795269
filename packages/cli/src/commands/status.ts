// `atp status`: the demo's status table, once — enabled services that exist, plus any other process
// that publishes a heartbeat (the simulators in the demo).
import { discoverServices, readStatus, renderStatus } from '@alphatrader/fleet';
import { moduleHeartbeat, parseKey, tradedSymbols } from '@alphatrader/shared';
import { scanKeys } from '../adapters/scan';
import type { CommandContext } from './context';
import { EXIT, type ExitCode } from '../core/exit-codes';

export function expectedServices(ctx: Pick<CommandContext, 'config' | 'root'>): string[] {
  const sections = ctx.config.services as Readonly<Record<string, { enabled: boolean } | undefined>>;
  return discoverServices(ctx.root).filter((name) => sections[name]?.enabled === true);
}

export async function statusCommand(ctx: CommandContext): Promise<ExitCode> {
  const expected = expectedServices(ctx);
  const { keys } = await scanKeys(ctx.redis, moduleHeartbeat.glob, 1000);
  const others = keys
    .map((k) => parseKey(k)?.params.service)
    .filter((s): s is string => s !== undefined && !expected.includes(s))
    .sort();
  const snapshot = await readStatus(ctx.store, {
    services: [...others, ...expected],
    symbols: tradedSymbols(ctx.config),
    headlineSymbol: ctx.config.symbols.level2[0],
    now: ctx.now(),
  });
  if (ctx.json) ctx.io.out(JSON.stringify(snapshot));
  else for (const line of renderStatus(snapshot)) ctx.io.out(line);
  return EXIT.ok;
}
