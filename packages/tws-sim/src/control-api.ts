// Loopback HTTP control API: the fault operations of `Faults`, the firehose and the statistics.
import Fastify, { type FastifyReply } from 'fastify';
import { z } from 'zod';
import type { Faults } from './faults';
import type { Firehose } from './market/firehose';
import type { TwsSimStats } from './server';

export interface ControlApiOptions {
  host: string;
  port: number;
  faults: Faults;
  firehose: Firehose;
  stats: () => TwsSimStats;
}

export interface ControlApi {
  port: number;
  close(): Promise<void>;
}

const empty = z.object({}).passthrough();
const bodies = {
  silence: z.object({ ms: z.number().int().positive().optional() }),
  connectivityLoss: z.object({
    restoreAfterMs: z.number().int().min(0).optional(),
    dataLost: z.boolean().optional(),
  }),
  restore: z.object({ dataLost: z.boolean().optional() }),
  rejectNext: z.object({ reason: z.string().min(1).max(200).optional() }),
  delayFills: z.object({ ms: z.number().int().min(0) }),
  symbol: z.object({ symbol: z.string().min(1).max(12) }),
  depthPermission: z.object({ symbol: z.string().min(1).max(12), denied: z.boolean().optional() }),
  malformed: z.object({ kind: z.enum(['underrun', 'overrun', 'unknown-message']).optional() }),
  firehose: z.object({ perSubscription: z.number().int().positive().max(100_000).optional() }),
};

export async function startControlApi(opts: ControlApiOptions): Promise<ControlApi> {
  const app = Fastify({ logger: false });
  const { faults } = opts;

  /** Validates a JSON body (absent = {}); answers 400 with the zod issues when invalid. */
  function parse<T>(schema: z.ZodType<T>, body: unknown, reply: FastifyReply): T | undefined {
    const r = schema.safeParse(body ?? {});
    if (r.success) return r.data;
    void reply.code(400).send({
      error: 'invalid body',
      issues: r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`),
    });
    return undefined;
  }

  app.get('/stats', () => opts.stats());
  app.get('/faults', () => faults.state());

  app.post('/faults/drop-connections', () => ({ dropped: faults.dropConnections() }));
  app.post('/faults/silence', (req, reply) => {
    const b = parse(bodies.silence, req.body, reply);
    if (!b) return reply;
    faults.silence(b.ms);
    return faults.state();
  });
  app.post('/faults/silence/end', () => {
    faults.endSilence();
    return faults.state();
  });
  app.post('/faults/connectivity-loss', (req, reply) => {
    const b = parse(bodies.connectivityLoss, req.body, reply);
    if (!b) return reply;
    faults.connectivityLoss(b);
    return faults.state();
  });
  app.post('/faults/connectivity-restore', (req, reply) => {
    const b = parse(bodies.restore, req.body, reply);
    if (!b) return reply;
    faults.restoreConnectivity(b.dataLost ?? false);
    return faults.state();
  });
  app.post('/faults/reject-next-order', (req, reply) => {
    const b = parse(bodies.rejectNext, req.body, reply);
    if (!b) return reply;
    faults.rejectNextOrder(b.reason);
    return faults.state();
  });
  app.post('/faults/delay-fills', (req, reply) => {
    const b = parse(bodies.delayFills, req.body, reply);
    if (!b) return reply;
    faults.delayFills(b.ms);
    return faults.state();
  });
  app.post('/faults/stop-symbol', (req, reply) => {
    const b = parse(bodies.symbol, req.body, reply);
    if (!b) return reply;
    faults.stopSymbol(b.symbol);
    return faults.state();
  });
  app.post('/faults/resume-symbol', (req, reply) => {
    const b = parse(bodies.symbol, req.body, reply);
    if (!b) return reply;
    faults.resumeSymbol(b.symbol);
    return faults.state();
  });
  app.post('/faults/depth-permission', (req, reply) => {
    const b = parse(bodies.depthPermission, req.body, reply);
    if (!b) return reply;
    faults.depthPermission(b.symbol, b.denied ?? true);
    return faults.state();
  });
  app.post('/faults/competing-session', (req, reply) => {
    if (!parse(empty, req.body, reply)) return reply;
    return { ended: faults.competingSession() };
  });
  app.post('/faults/malformed', (req, reply) => {
    const b = parse(bodies.malformed, req.body, reply);
    if (!b) return reply;
    return { sent: faults.sendMalformed(b.kind) };
  });
  app.post('/faults/clear', (req, reply) => {
    if (!parse(empty, req.body, reply)) return reply;
    faults.clear();
    return faults.state();
  });
  app.post('/firehose/start', (req, reply) => {
    const b = parse(bodies.firehose, req.body, reply);
    if (!b) return reply;
    opts.firehose.start(b);
    return { firehose: true };
  });
  app.post('/firehose/stop', () => {
    opts.firehose.stop();
    return { firehose: false };
  });

  await app.listen({ host: opts.host, port: opts.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : opts.port;
  return { port, close: () => app.close() };
}
