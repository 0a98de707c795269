// Connecting real @stoqey/ib clients: handshake, START_API, what TWS sends at connect, client ids.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { EventName } from '@stoqey/ib';
import { RecordingClient, startHarness, type SimHarness } from './testing/harness';

let h: SimHarness;
const clients: RecordingClient[] = [];
const client = (): RecordingClient => {
  const c = new RecordingClient(h.sim.port);
  clients.push(c);
  return c;
};

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.stop();
});
afterEach(() => {
  for (const c of clients.splice(0)) c.disconnect();
});

describe('connecting', () => {
  it('answers the handshake with server version 193 and sends accounts, next id and farm statuses', async () => {
    const c = client();
    let server: unknown[] = [];
    c.ib.once(EventName.server, (...args: unknown[]) => (server = args));
    await c.connect(11);
    await c.waitFor(() => c.infos.length >= 3, 'farm statuses');
    expect(server[0]).toBe(193);
    expect(server[1]).toMatch(/^20260105 09:35:00 EST$/);
    expect(c.named(EventName.managedAccounts)).toEqual([['DU1234567']]);
    expect(c.named(EventName.nextValidId)).toEqual([[1]]);
    expect(c.infos.map((i) => i.code)).toEqual([2104, 2106, 2158]);
    expect(c.unexpectedErrors()).toEqual([]);
  });

  it('answers CURRENT_TIME with the simulated clock and REQ_IDS with the next id', async () => {
    const c = client();
    await c.connect(12);
    c.ib.reqCurrentTime();
    const [t] = await c.waitForEvent(EventName.currentTime);
    expect(t).toBe(Math.floor(h.model.now() / 1000));
    c.ib.reqIds();
    await c.waitFor(() => c.count(EventName.nextValidId) === 2, 'second nextValidId');
    c.ib.reqManagedAccts();
    await c.waitFor(() => c.count(EventName.managedAccounts) === 2, 'second managedAccounts');
    expect(c.unexpectedErrors()).toEqual([]);
  });

  it('serves several clients with distinct client ids at once', async () => {
    const a = client();
    const b = client();
    const d = client();
    await Promise.all([a.connect(21), b.connect(22), d.connect(23)]);
    const ids = h.sim
      .stats()
      .clients.map((x) => x.clientId)
      .filter((x) => x !== null && x >= 21);
    expect(ids.sort()).toEqual([21, 22, 23]);
    for (const c of [a, b, d]) expect(c.unexpectedErrors()).toEqual([]);
  });

  it('refuses a second connection with a client id in use: 326, then the socket closes', async () => {
    const first = client();
    await first.connect(31);
    const second = client();
    second.ib.connect(31);
    await second.waitFor(() => second.infos.some((i) => i.code === 326), 'info 326');
    await second.waitForEvent(EventName.disconnected);
    expect(second.count(EventName.nextValidId)).toBe(0);
    // The first connection is untouched.
    first.ib.reqCurrentTime();
    await first.waitForEvent(EventName.currentTime);
    expect(first.unexpectedErrors()).toEqual([]);
    expect(second.unexpectedErrors()).toEqual([]);
  });

  it('frees the client id when its connection closes', async () => {
    const first = client();
    await first.connect(41);
    first.disconnect();
    await first.waitForEvent(EventName.disconnected);
    await new Promise((r) => setTimeout(r, 50));
    const again = client();
    await again.connect(41);
    expect(again.infos.some((i) => i.code === 326)).toBe(false);
  });
});
