// A loggable description of where a client connects: never a password.
import type { RedisConfig } from '../config/index';

export function redactRedisUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password !== '') u.password = '***';
    return u.toString();
  } catch {
    return '(unparsable url)';
  }
}

export function describeRedisTarget(cfg: RedisConfig): Record<string, unknown> {
  switch (cfg.mode) {
    case 'standalone':
      return {
        mode: cfg.mode,
        target:
          cfg.url !== undefined ? redactRedisUrl(cfg.url) : `${cfg.host ?? '127.0.0.1'}:${cfg.port ?? 6379}`,
        user: cfg.username ?? null,
        tls: cfg.tls.enabled || (cfg.url?.startsWith('rediss:') ?? false),
      };
    case 'sentinel':
      return {
        mode: cfg.mode,
        master: cfg.sentinel.name,
        sentinels: cfg.sentinel.nodes.map((n) => `${n.host}:${n.port}`),
        user: cfg.username ?? null,
        tls: cfg.tls.enabled,
      };
    case 'cluster':
      return {
        mode: cfg.mode,
        nodes: cfg.cluster.nodes.map((n) => `${n.host}:${n.port}`),
        user: cfg.username ?? null,
        tls: cfg.tls.enabled,
      };
  }
}
