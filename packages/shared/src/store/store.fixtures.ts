// Registry entries used only by the store's tests: one per Redis type, with TTLs and caps small enough
// to observe. Not exported from the package.
import { z } from 'zod';
import { defineKey } from '../registry/define';

export const Quote = z.strictObject({ symbol: z.string(), price: z.number(), ts: z.number().int() });
export type Quote = z.infer<typeof Quote>;

export const testString = defineKey({
  pattern: 'storetest:{id}:quote',
  type: 'string',
  ttlSeconds: 5,
  schema: Quote,
  owner: 'operator',
  description: 'test string',
});

export const testPersistent = defineKey({
  pattern: 'storetest:{id}:persistent',
  type: 'string',
  ttlSeconds: null,
  schema: Quote,
  owner: 'operator',
  description: 'test string without TTL',
});

export const testList = defineKey({
  pattern: 'storetest:{id}:trades',
  type: 'list',
  ttlSeconds: 10,
  cap: 3,
  schema: Quote,
  owner: 'operator',
  description: 'test list',
});

export const testLongList = defineKey({
  pattern: 'storetest:{id}:tape',
  type: 'list',
  ttlSeconds: 10,
  cap: 2500,
  schema: Quote,
  owner: 'operator',
  description: 'test list with a cap above one LPUSH chunk',
});

export const testHash = defineKey({
  pattern: 'storetest:{id}:hash',
  type: 'hash',
  ttlSeconds: 60,
  schema: Quote,
  owner: 'operator',
  description: 'test hash',
});

export const testZset = defineKey({
  pattern: 'storetest:{id}:zset',
  type: 'zset',
  ttlSeconds: 30,
  cap: 3,
  schema: z.string(),
  owner: 'operator',
  description: 'test sorted set',
});

export const testSet = defineKey({
  pattern: 'storetest:{id}:set',
  type: 'set',
  ttlSeconds: null,
  schema: z.string(),
  owner: 'operator',
  description: 'test set',
});

export const testStream = defineKey({
  pattern: 'storetest:{id}:stream',
  type: 'stream',
  ttlSeconds: 120,
  cap: 100,
  schema: Quote,
  owner: 'operator',
  description: 'test stream',
});

export const quote = (price: number, ts = 1_732_262_400_000): Quote => ({ symbol: 'SPY', price, ts });
