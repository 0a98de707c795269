// Test support: a TCP proxy between the service and tws-sim that forwards every byte and can inject
// whole server frames between the gateway's own (a crossed depth row, an out-of-band print, a broken
// bar), so failure modes the simulator has no fault for are tested over the real wire with the real
// client library. Client requests are decoded to learn request ids.
import { createServer, connect, type AddressInfo, type Server, type Socket } from 'node:net';

export interface ClientRequest {
  msgId: number;
  fields: string[];
}

export interface ProxyOptions {
  /** Listening port (default: any free one). */
  port?: number;
}

export interface TwsProxy {
  readonly port: number;
  readonly requests: ClientRequest[];
  /** Frames the gateway sent, counted by message id. */
  readonly serverFrames: Map<number, number>;
  /** Request id of the latest request of `msgId` for `symbol` (REQ_MKT_DATA 1, REQ_MKT_DEPTH 10, REQ_REAL_TIME_BARS 50, REQ_TICK_BY_TICK 97). */
  reqIdOf(msgId: number, symbol: string): number | undefined;
  /** Sends one frame (fields as the server would) to every connected client. */
  inject(fields: ReadonlyArray<string | number>): void;
  close(): Promise<void>;
}

const REQ_MKT_DATA = 1;
const REQ_MKT_DEPTH = 10;
const REQ_REAL_TIME_BARS = 50;
const REQ_TICK_BY_TICK = 97;

function frame(fields: ReadonlyArray<string | number>): Buffer {
  const payload = Buffer.from(fields.map((f) => `${f}\0`).join(''), 'utf8');
  const head = Buffer.alloc(4);
  head.writeUInt32BE(payload.length);
  return Buffer.concat([head, payload]);
}

/** Where the request id and the symbol sit in each request we care about. */
function reqIdAndSymbol(r: ClientRequest): { reqId: number; symbol: string } | undefined {
  const f = r.fields;
  switch (r.msgId) {
    case REQ_MKT_DATA:
    case REQ_MKT_DEPTH:
    case REQ_REAL_TIME_BARS:
      return { reqId: Number(f[2]), symbol: f[4] ?? '' };
    case REQ_TICK_BY_TICK:
      return { reqId: Number(f[1]), symbol: f[3] ?? '' };
    default:
      return undefined;
  }
}

class Pair {
  private fromClient = Buffer.alloc(0);
  private fromServer = Buffer.alloc(0);
  private handshakeDone = false;

  constructor(
    readonly client: Socket,
    readonly server: Socket,
    private readonly onRequest: (r: ClientRequest) => void,
    private readonly onServerFrame: (msgId: number) => void,
  ) {
    client.on('data', (d: Buffer) => this.clientData(d));
    server.on('data', (d: Buffer) => this.serverData(d));
    const end = () => {
      client.destroy();
      server.destroy();
    };
    client.on('close', end);
    server.on('close', end);
    client.on('error', end);
    server.on('error', end);
  }

  private clientData(d: Buffer): void {
    this.fromClient = Buffer.concat([this.fromClient, d]);
    if (!this.handshakeDone) {
      // "API\0" + uint32 length + version range.
      if (this.fromClient.length < 8) return;
      const len = this.fromClient.readUInt32BE(4);
      if (this.fromClient.length < 8 + len) return;
      this.server.write(this.fromClient.subarray(0, 8 + len));
      this.fromClient = this.fromClient.subarray(8 + len);
      this.handshakeDone = true;
    }
    while (this.fromClient.length >= 4) {
      const len = this.fromClient.readUInt32BE(0);
      if (this.fromClient.length < 4 + len) return;
      const whole = this.fromClient.subarray(0, 4 + len);
      const fields = whole.subarray(4).toString('utf8').split('\0').slice(0, -1);
      this.fromClient = this.fromClient.subarray(4 + len);
      this.onRequest({ msgId: Number(fields[0]), fields });
      this.server.write(whole);
    }
  }

  /** Server frames are forwarded whole, so an injected frame never lands inside one. */
  private serverData(d: Buffer): void {
    this.fromServer = Buffer.concat([this.fromServer, d]);
    let end = 0;
    while (this.fromServer.length - end >= 4) {
      const len = this.fromServer.readUInt32BE(end);
      if (this.fromServer.length - end < 4 + len) break;
      if (this.handshakeDone) {
        const idEnd = this.fromServer.indexOf(0, end + 4);
        this.onServerFrame(Number(this.fromServer.subarray(end + 4, idEnd).toString('utf8')));
      }
      end += 4 + len;
    }
    if (end > 0) {
      // Backpressure like a direct connection: a slow client slows the gateway down (it then drops
      // market data as TWS does) instead of piling up here.
      if (!this.client.write(this.fromServer.subarray(0, end))) {
        this.server.pause();
        this.client.once('drain', () => this.server.resume());
      }
      this.fromServer = this.fromServer.subarray(end);
    }
  }

  inject(buf: Buffer): void {
    if (!this.client.destroyed) this.client.write(buf);
  }
}

export async function startTwsProxy(targetPort: number, opts: ProxyOptions = {}): Promise<TwsProxy> {
  const pairs = new Set<Pair>();
  const requests: ClientRequest[] = [];
  const serverFrames = new Map<number, number>();
  const onServerFrame = (id: number) => serverFrames.set(id, (serverFrames.get(id) ?? 0) + 1);
  const onRequest = (r: ClientRequest): void => void requests.push(r);
  const server: Server = createServer((client) => {
    const upstream = connect({ host: '127.0.0.1', port: targetPort });
    const pair = new Pair(client, upstream, onRequest, onServerFrame);
    pairs.add(pair);
    client.on('close', () => pairs.delete(pair));
  });
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    requests,
    serverFrames,
    reqIdOf(msgId, symbol) {
      for (let i = requests.length - 1; i >= 0; i--) {
        const r = requests[i]!;
        const id = r.msgId === msgId ? reqIdAndSymbol(r) : undefined;
        if (id !== undefined && id.symbol === symbol) return id.reqId;
      }
      return undefined;
    },
    inject(fields) {
      const buf = frame(fields);
      for (const p of pairs) p.inject(buf);
    },
    async close() {
      for (const p of pairs) {
        p.client.destroy();
        p.server.destroy();
      }
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
