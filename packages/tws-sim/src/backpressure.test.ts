// A client that stops reading: the server drops market data instead of queueing it without bound, and
// once the client reads again its depth book is rebuilt so that it matches the model again.
import type { Socket } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { EventName, Stock } from '@stoqey/ib';
import { HIGH_WATER_BYTES } from './session';
import { RecordingClient, startHarness, type SimHarness } from './testing/harness';

let h: SimHarness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.stop();
});

/** The TCP socket inside @stoqey/ib (internal; used here only to stop reading). */
function clientSocket(client: RecordingClient): Socket {
  return (client.ib as unknown as { controller: { socket: { client: Socket } } }).controller.socket.client;
}

type Row = { price: number; size: number; venue: string };

/** Applies MARKET_DEPTH_L2 operations to a local book as they arrive. */
function liveBook(client: RecordingClient, reqId: number): { bids: Row[]; asks: Row[] } {
  const book = { bids: [] as Row[], asks: [] as Row[] };
  client.ib.on(
    EventName.updateMktDepthL2,
    (
      id: number,
      position: number,
      venue: string,
      operation: number,
      side: number,
      price: number,
      size: number,
    ) => {
      if (id !== reqId) return;
      const rows = side === 1 ? book.bids : book.asks;
      if (operation === 0) rows.splice(position, 0, { price, size, venue });
      else if (operation === 1) rows[position] = { price, size, venue };
      else rows.splice(position, 1);
    },
  );
  return book;
}

let open: RecordingClient | undefined;
afterEach(() => {
  h.sim.firehose.stop();
  open?.disconnect();
});

describe('backpressure', () => {
  it('drops market data for a client that does not read, then rebuilds its book when it reads again', async () => {
    const c = new RecordingClient(h.sim.port);
    open = c;
    await c.connect(900);
    const local = liveBook(c, 1);
    c.ib.reqMktDepth(1, new Stock('SPY'), 10, true, []);
    await c.waitFor(() => local.bids.length === 10 && local.asks.length === 10, 'initial book');
    const socket = clientSocket(c);
    socket.pause();
    const me = () => h.sim.stats().clients.find((x) => x.clientId === 900)!;
    // Fill the connection up to its limit, then move the market: those updates are dropped.
    h.sim.firehose.start({ perSubscription: 500 });
    await h.until(() => me().outputQueueBytes >= HIGH_WATER_BYTES, 'a full output queue', 10_000);
    h.sim.firehose.stop();
    await h.step(1_000);
    expect(me().marketDataDropped).toBeGreaterThan(0);
    expect(me().outputQueueBytes).toBeLessThan(2 * HIGH_WATER_BYTES);
    socket.resume();
    // The next book change triggers the rebuild.
    await h.step(2_000);
    const book = h.model.book('SPY')!;
    const want = JSON.stringify({ bids: book.bids, asks: book.asks });
    const same = () => JSON.stringify(local) === want;
    await c.waitFor(same, 'client book equal to the model book', 10_000);
    expect(c.unexpectedErrors()).toEqual([]);
  });
});
