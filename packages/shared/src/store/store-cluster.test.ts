// The store against a real three-node Redis Cluster: batches spanning many hash slots and the Lua
// scripts must work without any cross-slot command.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Cluster } from 'ioredis';
import calculateSlot from 'cluster-key-slot';
import { startRedisServer, type RedisServerHandle } from '@alphatrader/testkit';
import { InvalidDataCounter, monitoringDataInvalid } from '../registry/index';
import { createStore, type Store } from './store';
import { quote, testHash, testList, testString } from './store.fixtures';

const run = promisify(execFile);

let nodes: RedisServerHandle[] = [];
let cluster: Cluster;
let store: Store;

async function waitForClusterOk(node: RedisServerHandle): Promise<void> {
  const client = node.client();
  for (let i = 0; i < 100; i++) {
    const info = await client.cluster('INFO');
    if (info.includes('cluster_state:ok')) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('cluster did not reach cluster_state:ok');
}

beforeAll(async () => {
  nodes = await Promise.all(
    [0, 1, 2].map(() =>
      startRedisServer([
        '--cluster-enabled',
        'yes',
        '--cluster-config-file',
        'nodes.conf',
        '--cluster-node-timeout',
        '2000',
      ]),
    ),
  );
  await run('redis-cli', [
    '--cluster',
    'create',
    ...nodes.map((n) => `${n.host}:${n.port}`),
    '--cluster-replicas',
    '0',
    '--cluster-yes',
  ]);
  await Promise.all(nodes.map(waitForClusterOk));
  cluster = new Cluster(nodes.map((n) => ({ host: n.host, port: n.port })));
  store = createStore(cluster);
}, 60_000);

afterAll(async () => {
  await cluster?.quit();
  await Promise.all(nodes.map((n) => n.stop()));
});

describe('typed store on Redis Cluster', () => {
  it('sends a batch whose keys span many slots', async () => {
    const ids = Array.from({ length: 40 }, (_, i) => `c${i}`);
    expect(new Set(ids.map((id) => calculateSlot(testString.key({ id })))).size).toBeGreaterThan(10);
    const batch = store.batch();
    for (const [i, id] of ids.entries()) {
      batch
        .set(testString.at({ id }), quote(i))
        .push(testList.at({ id }), quote(i), quote(i + 1))
        .hset(testHash.at({ id }), 'SPY', quote(i));
    }
    await batch.exec();
    for (const [i, id] of ids.entries()) {
      expect(await store.get(testString.at({ id }))).toEqual({ ok: true, value: quote(i) });
      const list = await store.range(testList.at({ id }));
      expect(list.ok && list.value.values).toEqual([quote(i + 1), quote(i)]);
      expect(await store.hget(testHash.at({ id }), 'SPY')).toEqual({ ok: true, value: quote(i) });
    }
  });

  it('counts invalid values in the monitoring hash on whichever node owns it', async () => {
    const ref = testString.at({ id: 'bad' });
    await cluster.set(ref.key, 'not json');
    const res = await store.get(ref);
    expect(!res.ok && res.error.kind).toBe('invalid');
    const field = await cluster.hget(monitoringDataInvalid.key(), 'storetest');
    expect(InvalidDataCounter.parse(JSON.parse(field!))).toMatchObject({ count: 1, lastKey: ref.key });
  });
});
