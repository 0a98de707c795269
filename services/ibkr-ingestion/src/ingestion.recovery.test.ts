// Recovery without a restart, against tws-sim faults over TCP with the real client library: a dropped
// connection, a silent socket, 1100 → 1102 (kept) and 1100 → 1101 (lost, resubscribe), a client id in
// use (326) and a gateway that is not there yet (502).
import { freePort } from '@alphatrader/testkit';
import { EventName, IBApi } from '@stoqey/ib';
import { K } from './testing/keys';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startIngestion, startWorld, until, type RunningIngestion, type World } from './testing/harness';
import { startTwsProxy } from './testing/tws-proxy';

const CLIENT_ID = 21;
const SECTION = {
  silentSocketTimeoutMs: 1500,
  livenessProbeIntervalMs: 300,
  livenessTimeoutMs: 800,
  // Long enough that ibkr:connected = 0 is observable between sessions.
  reconnect: { initialDelayMs: 600, maxDelayMs: 1200 },
};

let world: World;
let running: RunningIngestion;
const logLines: string[] = [];

beforeAll(async () => {
  world = await startWorld({ speed: 10, seed: 5, simLogLines: logLines });
  running = await startIngestion(world, SECTION, { clientId: CLIENT_ID, logLines });
  await until(() => running.ingestion.gateway.connectionState === 'ready', 5000, 'first session');
});

// On a failure, the service's own account of what happened.
afterEach((ctx) => {
  if (ctx.task.result?.state === 'fail') process.stderr.write(logLines.slice(-40).join(''));
  logLines.length = 0;
});

afterAll(async () => {
  await running?.handle.stop();
  await world?.stop();
});

const connectedKey = () => world.client.get(K.connected);

/** The simulator's view of our session: every subscription in place. */
function fullySubscribedAtGateway(clientId = CLIENT_ID): boolean {
  const c = world.sim.stats().clients.find((x) => x.clientId === clientId);
  return (
    c !== undefined &&
    c.subscriptions.mktData === 12 &&
    c.subscriptions.depth === 3 &&
    c.subscriptions.realTimeBars === 12 &&
    c.subscriptions.tickByTick === 3
  );
}

/** New market data reaches Redis: SPY's timestamp moves on and its book is there. */
async function dataFlows(): Promise<void> {
  const before = Number(await world.client.get(K.timestamp('SPY')));
  await until(
    async () => Number(await world.client.get(K.timestamp('SPY'))) > before,
    5000,
    'fresh SPY data',
  );
  await until(async () => (await world.client.exists(K.book('SPY'))) === 1, 5000, 'SPY book');
}

// Timing-sensitive on a loaded 2-core machine (a resubscription can race the captured request ids): a
// failed attempt is retried from the state it left, which is always connected again.
describe('recovery without a restart', { retry: 2 }, () => {
  it('a dropped connection: connected 0, reconnect with backoff, resubscribe everything', async () => {
    const m = running.ingestion.state.metrics;
    const reconnects = m.reconnects;
    const accepted = world.sim.stats().connectionsAccepted;
    expect(world.sim.faults.dropConnections()).toBe(1);
    await until(async () => (await connectedKey()) === '0', 2000, 'connected 0');
    expect(await world.client.exists(K.account)).toBe(0);
    await until(async () => (await connectedKey()) === '1', 5000, 'connected again');
    expect(m.reconnects).toBe(reconnects + 1);
    expect(world.sim.stats().connectionsAccepted).toBe(accepted + 1);
    await until(() => fullySubscribedAtGateway(), 5000, 'resubscribed');
    expect(await world.client.exists(K.account)).toBe(1);
    await dataFlows();
  });

  it('a silent socket is detected by our own liveness check and replaced', async () => {
    const m = running.ingestion.state.metrics;
    const reconnects = m.reconnects;
    world.sim.faults.silence();
    await until(async () => (await connectedKey()) === '0', 5000, 'silence detected');
    world.sim.faults.endSilence();
    await until(() => m.reconnects === reconnects + 1, 10_000, 'reconnected');
    await until(() => fullySubscribedAtGateway(), 5000, 'resubscribed');
    expect(await connectedKey()).toBe('1');
    await dataFlows();
  });

  it('1100 → 1102: connected 0 with no reconnect storm, then back without resubscribing', async () => {
    const accepted = world.sim.stats().connectionsAccepted;
    const reqIds = running.ingestion.gateway.subscriptions().map((s) => s.reqId);
    world.sim.faults.connectivityLoss();
    await until(async () => (await connectedKey()) === '0', 2000, 'connected 0 on 1100');
    expect(running.ingestion.gateway.connectionState).toBe('lost');
    // Longer than the silent-socket timeout: still the same socket, nothing reconnects.
    await new Promise((r) => setTimeout(r, 2500));
    expect(world.sim.stats().connectionsAccepted).toBe(accepted);
    expect(await connectedKey()).toBe('0');
    world.sim.faults.restoreConnectivity(false);
    await until(async () => (await connectedKey()) === '1', 2000, 'connected 1 on 1102');
    expect(running.ingestion.gateway.subscriptions().map((s) => s.reqId)).toEqual(reqIds);
    expect(world.sim.stats().connectionsAccepted).toBe(accepted);
    await dataFlows();
  });

  it('1100 → 1101: connected again and every subscription requested anew on the same socket', async () => {
    const accepted = world.sim.stats().connectionsAccepted;
    const before = new Set(running.ingestion.gateway.subscriptions().map((s) => s.reqId));
    world.sim.faults.connectivityLoss();
    await until(async () => (await connectedKey()) === '0', 2000, 'connected 0 on 1100');
    world.sim.faults.restoreConnectivity(true);
    await until(async () => (await connectedKey()) === '1', 2000, 'connected 1 on 1101');
    const after = running.ingestion.gateway.subscriptions().map((s) => s.reqId);
    expect(after).toHaveLength(before.size);
    expect(after.some((id) => before.has(id))).toBe(false);
    await until(() => fullySubscribedAtGateway(), 5000, 'resubscribed at the gateway');
    expect(world.sim.stats().connectionsAccepted).toBe(accepted);
    await dataFlows();
  });
});

describe('connection problems at start', () => {
  it('326 (client id in use) moves to the next client id', async () => {
    const squatter = new IBApi({ host: '127.0.0.1', port: world.sim.port });
    const ready = new Promise<void>((resolve) => squatter.once(EventName.nextValidId, () => resolve()));
    squatter.connect(31);
    await ready;
    const second = await startIngestion(world, SECTION, { clientId: 31 });
    try {
      await until(() => second.ingestion.gateway.connectionState === 'ready', 8000, 'second service ready');
      expect(second.ingestion.gateway.clientId).toBe(32);
      const codes = (await world.client.lrange(K.errors, 0, -1)).map(
        (e) => (JSON.parse(e) as { code: number }).code,
      );
      expect(codes).toContain(326);
      await until(() => fullySubscribedAtGateway(32), 5000, 'subscribed as 32');
    } finally {
      await second.handle.stop();
      squatter.disconnect();
    }
  });

  it('502 (gateway unreachable) backs off and connects once the gateway is there', async () => {
    const port = await freePort();
    const late = await startIngestion(world, SECTION, { clientId: 41, port });
    try {
      await new Promise((r) => setTimeout(r, 1500));
      expect(late.ingestion.gateway.connectionState).not.toBe('ready');
      expect(late.ingestion.state.connected).toBe(0);
      const proxy = await startTwsProxy(world.sim.port, { port });
      try {
        await until(
          () => late.ingestion.gateway.connectionState === 'ready',
          8000,
          'connected once the gateway is up',
        );
        await until(() => fullySubscribedAtGateway(41), 5000, 'subscribed');
      } finally {
        await late.handle.stop();
        await proxy.close();
      }
    } catch (err) {
      await late.handle.stop();
      throw err;
    }
  });
});
