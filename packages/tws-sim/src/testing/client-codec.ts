// Test support: @stoqey/ib's own encoder and decoder used as the oracle of the wire format.
// Requests are produced exactly as the real client writes them; responses are read by the real decoder,
// whose 505 "decoding error" / "underrun" reports reveal any field-order mistake.
import { Decoder } from '@stoqey/ib/dist/core/io/decoder';
import { Encoder } from '@stoqey/ib/dist/core/io/encoder';
import { splitFields } from '../framing';

export interface DecodedEvent {
  name: string;
  args: unknown[];
}

export interface DecodedStream {
  events: DecodedEvent[];
  errors: { message: string; code: number; reqId: number | undefined }[];
  infos: { message: string; code: number }[];
}

/** Splits framed server output into frame payloads. */
export function frames(bufs: readonly Buffer[]): Buffer[] {
  const all = Buffer.concat(bufs);
  const out: Buffer[] = [];
  let off = 0;
  while (off + 4 <= all.length) {
    const len = all.readUInt32BE(off);
    out.push(all.subarray(off + 4, off + 4 + len));
    off += 4 + len;
  }
  if (off !== all.length) throw new Error(`trailing ${all.length - off} bytes outside a frame`);
  return out;
}

/** Decodes framed server output with the real client decoder at server version 193. */
export function decodeWithClient(bufs: readonly Buffer[]): DecodedStream {
  const out: DecodedStream = { events: [], errors: [], infos: [] };
  const decoder = new Decoder({
    serverVersion: 193,
    emitEvent: (name, ...args) => out.events.push({ name: String(name), args }),
    emitError: (message, code, reqId) => out.errors.push({ message, code, reqId }),
    emitInfo: (message, code) => out.infos.push({ message, code }),
  });
  for (const f of frames(bufs)) decoder.enqueueMessage(splitFields(f));
  decoder.process();
  return out;
}

type EncoderMethods = {
  [K in keyof Encoder]: Encoder[K] extends (...args: never[]) => unknown ? K : never;
}[keyof Encoder];

/** The fields the real client sends for one API call (booleans as 1/0, undefined as ''). */
export function clientRequest<K extends EncoderMethods>(
  method: K,
  ...args: Parameters<Encoder[K]>
): string[] {
  let sent: unknown[] | undefined;
  const encoder = new Encoder({
    serverVersion: 193,
    sendMsg: (...tokens: unknown[]) => {
      sent = tokens;
    },
    emitError: (msg: string) => {
      throw new Error(`client encoder refused: ${msg}`);
    },
  });
  (encoder[method] as (...a: unknown[]) => void)(...args);
  if (!sent) throw new Error(`${method} sent nothing`);
  const flat: unknown[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) for (const x of v as unknown[]) walk(x);
    else flat.push(v);
  };
  walk(sent);
  return flat.map((v) =>
    v === true ? '1' : v === false ? '0' : v === undefined || v === null ? '' : String(v as string | number),
  );
}
