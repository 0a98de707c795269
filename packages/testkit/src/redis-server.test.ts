import { describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { startRedisServer } from './redis-server';

describe('startRedisServer', () => {
  it('starts a private server on a free port and removes it on stop', async () => {
    const a = await startRedisServer();
    const b = await startRedisServer();
    try {
      expect(a.port).not.toBe(b.port);
      await a.client().set('k', 'a');
      expect(await b.client().get('k')).toBeNull();
      expect(await a.client().get('k')).toBe('a');
    } finally {
      await a.stop();
      await b.stop();
    }
    const probe = new Redis({ port: a.port, lazyConnect: true, retryStrategy: () => null, maxRetriesPerRequest: 0 });
    probe.on('error', () => undefined);
    await expect(probe.connect()).rejects.toThrow();
    probe.disconnect();
  });
});
