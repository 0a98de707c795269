// Connects to the configured Redis with a short timeout: an operator asking for status must hear at once
// that Redis is unreachable, and where the CLI looked for it.
import {
  closeRedis,
  createLogger,
  createRedis,
  describeRedisTarget,
  waitForRedis,
  type RedisClient,
  type RedisConfig,
} from '@alphatrader/shared';
import { CliError, EXIT } from '../core/exit-codes';

export const CONNECT_TIMEOUT_MS = 3000;

export function describeTarget(cfg: RedisConfig): string {
  const d = describeRedisTarget(cfg);
  switch (cfg.mode) {
    case 'standalone':
      return String(d.target);
    case 'sentinel':
      return `sentinel master '${cfg.sentinel.name}' via ${(d.sentinels as string[]).join(', ')}`;
    case 'cluster':
      return `cluster ${(d.nodes as string[]).join(', ')}`;
  }
}

export async function connect(cfg: RedisConfig, timeoutMs = CONNECT_TIMEOUT_MS): Promise<RedisClient> {
  const logger = createLogger({ service: 'atp-cli', level: 'silent' });
  const redis = createRedis(
    {
      ...cfg,
      connectTimeoutMs: Math.min(cfg.connectTimeoutMs, timeoutMs),
      maxRetriesPerRequest: 1,
      // Short reconnect delays: a pending reconnect timer must not keep the process alive after a failure.
      retry: { baseDelayMs: 50, maxDelayMs: 250 },
    },
    logger,
    { role: 'cli', connectionName: 'atp:cli' },
  );
  // The first connection error ends the wait (refused, unknown host, bad password): an operator wants the
  // answer now, not after the timeout. A host that does not answer at all runs into the timeout.
  let lastError = '';
  const failed = new Promise<never>((_, reject) =>
    redis.once('error', (err: Error) => {
      lastError = err.message.replace(/\.$/, '');
      reject(err);
    }),
  );
  failed.catch(() => undefined);
  try {
    await Promise.race([waitForRedis(redis, timeoutMs), failed]);
  } catch {
    redis.disconnect();
    throw new CliError(
      `cannot reach Redis at ${describeTarget(cfg)}` +
        `${lastError !== '' ? `: ${lastError}` : ` within ${timeoutMs / 1000}s`}.\n` +
        'Is it running? Set REDIS_URL=redis://host:port (or redis.url in the config) to point elsewhere.',
      EXIT.failure,
    );
  }
  redis.on('error', () => undefined);
  return redis;
}

export async function disconnect(redis: RedisClient): Promise<void> {
  await closeRedis(redis, 1000);
}
