// `pnpm docs:keys`: writes docs/redis-keys.md from the key registry. tests/guards/redis-keys-doc.test.ts
// fails when the committed file differs from what this would write.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderRedisKeysDoc } from '@alphatrader/shared';

const target = join(import.meta.dirname, '..', 'docs', 'redis-keys.md');
writeFileSync(target, renderRedisKeysDoc());
console.log(`wrote ${target}`);
