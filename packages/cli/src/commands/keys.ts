// `atp keys [PATTERN]`: registry entries matching a glob with the live keys SCAN finds for each (TTL,
// size), and live keys that no entry describes.
import { REGISTRY, parseKey, type KeyDef } from '@alphatrader/shared';
import { describeKeys } from '../adapters/inspect';
import { scanKeys } from '../adapters/scan';
import { EXIT, type ExitCode } from '../core/exit-codes';
import { globToRegExp } from '../core/glob';
import { renderKeys, summarise, type KeysReport, type LiveKey } from '../core/render';
import type { CommandContext } from './context';

export async function keysReport(ctx: CommandContext, pattern: string, limit: number): Promise<KeysReport> {
  const { keys, truncated } = await scanKeys(ctx.redis, pattern, limit);
  const live = await describeKeys(ctx.redis, keys);
  const byEntry = new Map<KeyDef, LiveKey[]>();
  const unregistered: LiveKey[] = [];
  for (const k of live) {
    const def = parseKey(k.key)?.def;
    if (def === undefined) unregistered.push(k);
    else byEntry.set(def, [...(byEntry.get(def) ?? []), k]);
  }
  const match = globToRegExp(pattern);
  const entries = REGISTRY.filter((d) => byEntry.has(d) || match.test(d.pattern) || match.test(d.glob)).map(
    (d) => ({ entry: summarise(d), live: byEntry.get(d) ?? [] }),
  );
  return { pattern, entries, unregistered, scanned: keys.length, truncated };
}

export async function keysCommand(ctx: CommandContext, pattern: string, limit: number): Promise<ExitCode> {
  const report = await keysReport(ctx, pattern, limit);
  if (ctx.json) ctx.io.out(JSON.stringify(report));
  else for (const line of renderKeys(report)) ctx.io.out(line);
  return EXIT.ok;
}
