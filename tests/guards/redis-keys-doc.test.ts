// docs/redis-keys.md is generated from the registry; a registry change without `pnpm docs:keys` fails here.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REGISTRY, renderRedisKeysDoc } from '@alphatrader/shared';

describe('docs/redis-keys.md', () => {
  it('matches the registry (run `pnpm docs:keys` after changing a key)', () => {
    const committed = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'redis-keys.md'), 'utf8');
    expect(committed).toBe(renderRedisKeysDoc());
  });

  it('lists every registry entry with its TTL', () => {
    const doc = renderRedisKeysDoc();
    for (const def of REGISTRY) expect(doc).toContain(`| \`${def.pattern}\` | ${def.type} |`);
  });
});
