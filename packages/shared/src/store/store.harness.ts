// Test support: one redis-server for a store test file, flushed before each test. Registers the vitest
// hooks itself; read `raw` (plain client) and `store` inside tests, after beforeAll has run.
import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { Redis } from 'ioredis';
import { startRedisServer, type RedisServerHandle } from '@alphatrader/testkit';
import { createStore, type Store } from './store';

export interface StoreServer {
  readonly raw: Redis;
  readonly store: Store;
  /** A store on a connection of its own (e.g. for blocking reads); closed with the server. */
  separateStore(): Store;
}

export function useStoreServer(): StoreServer {
  let server: RedisServerHandle | undefined;
  let raw: Redis | undefined;
  let store: Store | undefined;
  beforeAll(async () => {
    server = await startRedisServer();
    raw = server.client();
    store = createStore(server.client());
  });
  afterAll(async () => {
    await server?.stop();
  });
  beforeEach(async () => {
    await raw?.flushall();
  });
  const ready = <T>(v: T | undefined): T => {
    if (v === undefined) throw new Error('store test server not started (use it inside a test)');
    return v;
  };
  return {
    get raw() {
      return ready(raw);
    },
    get store() {
      return ready(store);
    },
    separateStore: () => createStore(ready(server).client()),
  };
}
