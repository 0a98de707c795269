// Entry bundled by bundler.test.ts: workspace code (the key registry), a file read next to its module
// through import.meta.dirname, and an npm package (which must stay an import, not be inlined).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { ibkrConnected } from '@alphatrader/shared';

const lua = readFileSync(
  join(import.meta.dirname, '..', '..', '..', 'shared', 'src', 'lua', 'push.lua'),
  'utf8',
);
console.log(
  JSON.stringify({
    key: ibkrConnected.at().key,
    dir: import.meta.dirname,
    luaFound: lua.includes('store_push'),
    ioredis: typeof Redis,
  }),
);
