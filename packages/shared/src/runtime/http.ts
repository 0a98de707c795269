// The operations endpoint of every service: GET /healthz (200 healthy, 503 when Redis is down or the
// service is stopping) and GET /metrics (Prometheus text format).
import Fastify from 'fastify';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';

export interface HealthReport {
  healthy: boolean;
  body: Record<string, unknown>;
}

export interface OpsServer {
  readonly port: number;
  readonly url: string;
  close(): Promise<void>;
}

export async function startOpsServer(opts: {
  host: string;
  port: number;
  registry: Registry;
  health: () => HealthReport;
  logger: Logger;
}): Promise<OpsServer> {
  const app = Fastify({ logger: false });
  app.get('/healthz', async (_req, reply) => {
    const report = opts.health();
    return reply.code(report.healthy ? 200 : 503).send(report.body);
  });
  app.get('/metrics', async (_req, reply) => {
    const text = await opts.registry.metrics();
    return reply.header('content-type', opts.registry.contentType).send(text);
  });
  await app.listen({ host: opts.host, port: opts.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : opts.port;
  const hostForUrl = opts.host === '0.0.0.0' || opts.host === '::' ? '127.0.0.1' : opts.host;
  const url = `http://${hostForUrl.includes(':') ? `[${hostForUrl}]` : hostForUrl}:${port}`;
  opts.logger.info({ host: opts.host, port }, 'ops http listening (/healthz, /metrics)');
  return {
    port,
    url,
    close: () => app.close(),
  };
}
