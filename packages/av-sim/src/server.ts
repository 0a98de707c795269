// startAvSim: a fastify server speaking the Alpha Vantage query API over HTTP for the market model,
// plus a loopback control API for faults, the rate limit and call counts.
import { setTimeout as sleep } from 'node:timers/promises';
import Fastify, { LogController, type FastifyBaseLogger } from 'fastify';
import type { MarketModel } from '@alphatrader/market-sim';
import { FaultController, FaultSpecError, parseFaultSpec } from './faults';
import { answerQuery, type QueryDeps } from './query';
import { RollingRateLimiter } from './rate-limit';
import { StatsCounter, type AvSimStats } from './stats';

export interface StartAvSimOptions {
  model: MarketModel;
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  /** Per-key limit in any rolling 60 s (default 600, the options plan); Infinity disables it. */
  callsPerMinute?: number;
  /** Delay of the `slow` fault when none is given (default 2 500 ms, above the 2 s latency threshold). */
  slowMs?: number;
  /** Opt-in: only these keys are accepted (the real API accepts any non-empty key). */
  validApiKeys?: readonly string[];
  /** Wall clock of the rate limiter (tests). */
  clock?: () => number;
  /** A pino-compatible logger; one debug line per call, never with the key. Silent by default. */
  logger?: FastifyBaseLogger;
}

export interface AvSimStatsView {
  snapshot(): AvSimStats;
  reset(): void;
}

export interface AvSimHandle {
  /** e.g. http://127.0.0.1:40123 (append `/query?...`). */
  url: string;
  port: number;
  stop(): Promise<void>;
  faults: FaultController;
  stats: AvSimStatsView;
  setCallsPerMinute(callsPerMinute: number): void;
  /** Clears queued faults, rate-limit windows and counts. */
  reset(): void;
}

export async function startAvSim(options: StartAvSimOptions): Promise<AvSimHandle> {
  const { model, port = 0, host = '127.0.0.1', callsPerMinute = 600, slowMs = 2_500 } = options;
  const faults = new FaultController();
  const stats = new StatsCounter();
  const limiter = new RollingRateLimiter(callsPerMinute, 60_000, options.clock ?? Date.now);
  const deps: QueryDeps = {
    model,
    limiter,
    faults,
    stats,
    validApiKeys: options.validApiKeys === undefined ? undefined : new Set(options.validApiKeys),
    slowMs,
  };
  const stopping = new AbortController();
  const reset = (): void => {
    faults.clear();
    limiter.reset();
    stats.reset();
  };

  const app = Fastify({
    ...(options.logger === undefined ? { logger: false } : { loggerInstance: options.logger }),
    // Fastify's own request lines would print the URL, and with it the apikey: we log our own line.
    logController: new LogController({ disableRequestLogging: true }),
    forceCloseConnections: true,
  });
  // Logs the route, never the URL (it carries the apikey).
  app.setErrorHandler((error, req, reply) => {
    const e = (error instanceof Error ? error : new Error(String(error))) as Error & {
      statusCode?: unknown;
      code?: unknown;
    };
    const status = typeof e.statusCode === 'number' && e.statusCode >= 400 ? e.statusCode : 500;
    const code = typeof e.code === 'string' ? e.code : undefined;
    req.log.error({ err: { message: e.message, code }, route: req.routeOptions.url, status }, 'av-sim error');
    return reply.code(status).send({ error: e.message });
  });

  app.get('/query', async (req, reply) => {
    const started = Date.now();
    const out = answerQuery(deps, req.query as Record<string, unknown>, req.headers);
    if (out.delayMs > 0) {
      try {
        await sleep(out.delayMs, undefined, { signal: stopping.signal });
      } catch {
        // Stopping: answer at once so the socket can close.
      }
    }
    req.log.debug(
      {
        fn: out.fn,
        symbol: out.symbol,
        outcome: out.outcome,
        bytes: out.text.length,
        ms: Date.now() - started,
      },
      'av-sim call',
    );
    return reply.code(out.status).type(out.contentType).send(out.text);
  });

  app.post('/_control/fault', async (req, reply) => {
    try {
      return await reply.send({ injected: faults.inject(parseFaultSpec(req.body)) });
    } catch (err) {
      if (err instanceof FaultSpecError) return reply.code(400).send({ error: err.message });
      throw err;
    }
  });
  app.get('/_control/faults', () => ({ pending: faults.pending() }));
  app.post('/_control/reset', () => {
    reset();
    return { ok: true };
  });
  app.post('/_control/rate-limit', async (req, reply) => {
    const body = req.body as { callsPerMinute?: unknown } | undefined;
    const n = body?.callsPerMinute;
    if (typeof n !== 'number' || !(n > 0))
      return reply.code(400).send({ error: 'callsPerMinute must be a positive number' });
    limiter.setLimit(n);
    return { callsPerMinute: n };
  });
  app.get('/_control/stats', () => ({ ...stats.snapshot(), callsPerMinute: limiter.callsPerMinute }));
  // Control bodies are JSON whatever the client says (or empty, as a bare POST /_control/reset).
  const parseJson = (
    _req: unknown,
    body: string | Buffer,
    done: (err: Error | null, value?: unknown) => void,
  ) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (text.trim() === '') return done(null, undefined);
    try {
      done(null, JSON.parse(text));
    } catch (err) {
      done(err as Error, undefined);
    }
  };
  app.addContentTypeParser('application/json', { parseAs: 'string' }, parseJson);
  app.addContentTypeParser('*', { parseAs: 'string' }, parseJson);

  await app.listen({ port, host });
  const address = app.server.address();
  const boundPort = typeof address === 'object' && address !== null ? address.port : port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${boundPort}`,
    port: boundPort,
    async stop() {
      stopping.abort();
      await app.close();
    },
    faults,
    stats: { snapshot: () => stats.snapshot(), reset: () => stats.reset() },
    setCallsPerMinute: (n) => limiter.setLimit(n),
    reset,
  };
}
