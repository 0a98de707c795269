// The registry entry of a key an operator typed, or a clear error naming the nearest known keys.
import { REGISTRY, findEntryForKey, type KeyDef } from '@alphatrader/shared';
import { CliError, EXIT } from '../core/exit-codes';

export function entryOrFail(key: string): KeyDef {
  const def = findEntryForKey(key);
  if (def !== undefined) return def;
  const family = key.split(':')[0] ?? '';
  const near = REGISTRY.filter((d) => d.family === family).map((d) => d.pattern);
  throw new CliError(
    `unknown key '${key}': it matches no entry of the key registry` +
      (near.length > 0
        ? `.\nKeys of the '${family}' family:\n  ${near.join('\n  ')}`
        : ` (no '${family}' family either).`) +
      `\nList them all with: pnpm atp keys '*'  (or see docs/redis-keys.md)`,
    EXIT.usage,
  );
}
