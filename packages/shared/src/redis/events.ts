// Connection events of a client, logged without secrets. Errors repeat every reconnect attempt while
// Redis is down, so identical errors are logged at most once per window with a count of the rest.
import type { Cluster, Redis } from 'ioredis';
import type { Logger } from 'pino';

export interface ConnectionLogOptions {
  /** Identical errors are logged at most once per this many ms (default 10 s). */
  errorWindowMs?: number;
  now?: () => number;
}

export function logConnectionEvents(
  client: Redis | Cluster,
  log: Logger,
  opts: ConnectionLogOptions = {},
): void {
  const windowMs = opts.errorWindowMs ?? 10_000;
  const now = opts.now ?? Date.now;
  let lastErrorText = '';
  let lastErrorAt = -Infinity;
  let suppressed = 0;
  let errorsSinceReady = 0;
  let reconnects = 0;

  const onError = (err: Error, extra: Record<string, unknown> = {}) => {
    errorsSinceReady++;
    const text = `${(err as { code?: string }).code ?? ''} ${err.message}`;
    const t = now();
    if (text === lastErrorText && t - lastErrorAt < windowMs) {
      suppressed++;
      return;
    }
    log.error(
      { err: { message: err.message, code: (err as { code?: string }).code }, suppressed, ...extra },
      'redis error',
    );
    lastErrorText = text;
    lastErrorAt = t;
    suppressed = 0;
  };

  client.on('connect', () => log.debug('redis connected'));
  client.on('ready', () => {
    if (errorsSinceReady > 0 || reconnects > 0)
      log.info({ errors: errorsSinceReady, reconnects }, 'redis ready again');
    else log.info('redis ready');
    errorsSinceReady = 0;
    reconnects = 0;
    lastErrorText = '';
  });
  client.on('error', (err: Error) => onError(err));
  client.on('close', () => log.debug('redis connection closed'));
  client.on('reconnecting', (delayMs: unknown) => {
    reconnects++;
    // First attempt at warn, the rest at debug: the error log above already says Redis is down.
    if (reconnects === 1) log.warn({ delayMs }, 'redis reconnecting');
    else log.debug({ delayMs, attempt: reconnects }, 'redis reconnecting');
  });
  client.on('end', () => log.info('redis connection ended'));
  client.on('node error', (err: Error, address: unknown) => onError(err, { node: address }));
  client.on('+node', (node: { options?: { host?: string; port?: number } }) =>
    log.debug({ node: `${node.options?.host}:${node.options?.port}` }, 'redis cluster node added'),
  );
  client.on('-node', (node: { options?: { host?: string; port?: number } }) =>
    log.info({ node: `${node.options?.host}:${node.options?.port}` }, 'redis cluster node removed'),
  );
}
