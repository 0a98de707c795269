// Incoming byte stream → handshake + framed messages.
// Handshake (client → server, no outer length prefix): "API\0" + uint32 BE length + "v<min>..<max>[ options]".
// After it, both directions use: uint32 BE payload length + fields, each terminated by NUL.

const API_PREFIX = Buffer.from('API\0', 'latin1');
/** Same limit as the client: anything longer is treated as a corrupt stream. */
export const MAX_FRAME_LENGTH = 0xffffff;

export type Incoming =
  | { kind: 'handshake'; minVersion: number; maxVersion: number; raw: string }
  | { kind: 'message'; fields: string[] };

export class FramingError extends Error {
  override readonly name = 'FramingError';
}

const VERSION_RE = /^v(\d+)(?:\.\.(\d+))?/;

export function parseVersionRange(text: string): { minVersion: number; maxVersion: number } | undefined {
  const m = VERSION_RE.exec(text);
  if (!m?.[1]) return undefined;
  const minVersion = Number(m[1]);
  const maxVersion = m[2] ? Number(m[2]) : minVersion;
  if (!Number.isSafeInteger(minVersion) || !Number.isSafeInteger(maxVersion) || maxVersion < minVersion) {
    return undefined;
  }
  return { minVersion, maxVersion };
}

/** Splits a frame payload into its NUL-terminated fields. */
export function splitFields(payload: Buffer): string[] {
  const fields = payload.toString('utf8').split('\0');
  // Every field is terminated, so the split leaves one empty tail element.
  if (fields.length > 0 && fields[fields.length - 1] === '') fields.pop();
  return fields;
}

export class FrameReader {
  private pending: Buffer = Buffer.alloc(0);
  private handshakeDone = false;

  get awaitingHandshake(): boolean {
    return !this.handshakeDone;
  }

  /** Feeds bytes; returns every complete unit. Throws FramingError on a corrupt stream. */
  push(chunk: Buffer): Incoming[] {
    this.pending = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    const out: Incoming[] = [];
    let offset = 0;
    const buf = this.pending;
    for (;;) {
      if (!this.handshakeDone) {
        const avail = buf.length - offset;
        const prefixLen = Math.min(avail, API_PREFIX.length);
        if (buf.compare(API_PREFIX, 0, prefixLen, offset, offset + prefixLen) !== 0) {
          throw new FramingError('handshake does not start with "API\\0"');
        }
        if (avail < 8) break;
        const len = buf.readUInt32BE(offset + 4);
        if (len > MAX_FRAME_LENGTH) throw new FramingError(`handshake length ${len} too large`);
        if (avail < 8 + len) break;
        const raw = buf.toString('latin1', offset + 8, offset + 8 + len);
        const range = parseVersionRange(raw);
        if (!range) throw new FramingError(`unreadable version range "${raw}"`);
        out.push({ kind: 'handshake', ...range, raw });
        offset += 8 + len;
        this.handshakeDone = true;
        continue;
      }
      if (buf.length - offset < 4) break;
      const len = buf.readUInt32BE(offset);
      if (len > MAX_FRAME_LENGTH) throw new FramingError(`frame length ${len} too large`);
      if (buf.length - offset - 4 < len) break;
      out.push({ kind: 'message', fields: splitFields(buf.subarray(offset + 4, offset + 4 + len)) });
      offset += 4 + len;
    }
    this.pending = offset === buf.length ? Buffer.alloc(0) : buf.subarray(offset);
    return out;
  }
}
