// Raw TWS API client for the throughput benchmark, run in its own process so that reading does not
// compete with the server for its thread. It performs the handshake, subscribes with the exact
// requests @stoqey/ib writes, and counts framed market-data messages at the socket without decoding them.
import { connect } from 'node:net';
import { SecType, type Contract } from '@stoqey/ib';
import { clientRequest } from '../src/testing/client-codec';

interface Params {
  port: number;
  symbols: string[];
  clientId: number;
}

const params = JSON.parse(process.argv[2] ?? '{}') as Params;
const { port, symbols, clientId } = params;
const send = (m: object): void => {
  process.send?.(m);
};

/** Market-data message ids: tick price/size/option/generic/string, depth, depth L2, bars, tick-by-tick. */
const MARKET_DATA = new Set([1, 2, 21, 45, 46, 12, 13, 50, 99]);

function frame(fields: string[]): Buffer {
  const payload = Buffer.from(fields.map((f) => `${f}\0`).join(''), 'utf8');
  const head = Buffer.alloc(4);
  head.writeUInt32BE(payload.length);
  return Buffer.concat([head, payload]);
}

let marketData = 0;
let frames = 0;
let bytes = 0;
let handshakeDone = false;
let subscribed = false;
let pending: Buffer = Buffer.alloc(0);

const socket = connect({ host: '127.0.0.1', port }, () => {
  const version = Buffer.from('v100..193', 'latin1');
  const len = Buffer.alloc(4);
  len.writeUInt32BE(version.length);
  socket.write(Buffer.concat([Buffer.from('API\0', 'latin1'), len, version]));
});
socket.setNoDelay(true);

function subscribe(): void {
  subscribed = true;
  let reqId = 1;
  const out: Buffer[] = [];
  for (const symbol of symbols) {
    const c: Contract = { symbol, secType: SecType.STK, exchange: 'SMART', currency: 'USD' };
    out.push(frame(clientRequest('reqMktData', reqId++, c, '233', false, false)));
    out.push(frame(clientRequest('reqMktDepth', reqId++, c, 10, true, [])));
    out.push(frame(clientRequest('reqTickByTickData', reqId++, c, 'AllLast' as never, 0, false)));
  }
  socket.write(Buffer.concat(out));
  setTimeout(() => send({ type: 'ready' }), 300);
}

/** Message id of a frame payload: the digits before the first NUL. */
function messageId(buf: Buffer, start: number): number {
  let id = 0;
  for (let i = start; ; i++) {
    const b = buf[i]!;
    if (b === 0) return id;
    id = id * 10 + (b - 48);
  }
}

socket.on('data', (chunk: Buffer) => {
  bytes += chunk.length;
  const buf = pending.length > 0 ? Buffer.concat([pending, chunk]) : chunk;
  let off = 0;
  while (buf.length - off >= 4) {
    const len = buf.readUInt32BE(off);
    if (buf.length - off - 4 < len) break;
    frames++;
    if (!handshakeDone) {
      handshakeDone = true;
      socket.write(frame(['71', '2', String(clientId), '']));
    } else {
      const id = messageId(buf, off + 4);
      if (MARKET_DATA.has(id)) marketData++;
      else if (id === 9 && !subscribed) subscribe();
    }
    off += 4 + len;
  }
  pending = off === buf.length ? Buffer.alloc(0) : buf.subarray(off);
});

socket.on('error', (err) => send({ type: 'error', message: err.message }));

process.on('message', (m: { type: string }) => {
  if (m.type === 'mark') send({ type: 'mark', marketData, frames, bytes, t: performance.now() });
  if (m.type === 'close') {
    socket.destroy();
    process.disconnect?.();
  }
});
