// HTTP control of the running simulation (loopback unless --host says otherwise): status and run-time scenario switching.
// (Fault injection lives in the tws-sim and av-sim control APIs.)
import Fastify, { type FastifyInstance } from 'fastify';
import { z } from 'zod';
import { SCENARIOS, type MarketModel } from '@alphatrader/market-sim';

export interface SimEndpoints {
  twsPort: number;
  twsControlPort: number;
  avUrl: string;
}

export async function startControlServer(
  model: MarketModel,
  endpoints: SimEndpoints,
  port: number,
  host = '127.0.0.1',
): Promise<{ app: FastifyInstance; port: number }> {
  const app = Fastify({ logger: false });
  app.get('/status', () => ({
    simTime: new Date(model.now()).toISOString(),
    scenario: model.scenario(),
    speed: model.speed(),
    seed: model.seed,
    sessionOpen: model.isSessionOpen(),
    symbols: model.symbols,
    ...endpoints,
  }));
  const ScenarioBody = z.strictObject({ name: z.enum(SCENARIOS) });
  app.post('/scenario', async (req, reply) => {
    const body = ScenarioBody.safeParse(req.body);
    if (!body.success) {
      return reply.code(400).send({ error: `scenario must be one of: ${SCENARIOS.join(', ')}` });
    }
    model.setScenario(body.data.name);
    return { scenario: model.scenario() };
  });
  await app.listen({ port, host });
  const address = app.server.address();
  const bound = typeof address === 'object' && address !== null ? address.port : port;
  return { app, port: bound };
}
