// Fast frame writer: fields go straight into a large Buffer chunk (no intermediate strings for
// integers, no per-message allocation). Completed frames are handed to the socket in batches.

const DEFAULT_CHUNK = 256 * 1024;
const NUL = 0;
const MINUS = 45;
const ZERO = 48;
const ONE = 49;

/** A value as the generic field writer accepts it: numbers as decimals, booleans as 1/0, nullish as empty. */
export type Field = string | number | boolean | undefined | null;

/** Pre-encodes constant fields (each NUL-terminated) for copying into frames. */
export function preEncode(...fields: Field[]): Uint8Array {
  return Buffer.from(fields.map((f) => `${fieldText(f)}\0`).join(''), 'utf8');
}

export function fieldText(f: Field): string {
  if (f === undefined || f === null) return '';
  if (typeof f === 'boolean') return f ? '1' : '0';
  if (typeof f === 'number') return Number.isFinite(f) ? String(f) : '';
  return f;
}

export class FrameWriter {
  private chunk: Buffer;
  private pos = 0;
  /** Start of the region not yet handed out by take(). */
  private flushed = 0;
  private frameStart = -1;
  private readonly ready: Buffer[] = [];
  private readyBytes = 0;
  /** Frames completed since the last take(). */
  frames = 0;

  constructor(private readonly chunkSize = DEFAULT_CHUNK) {
    this.chunk = Buffer.allocUnsafe(chunkSize);
  }

  /** Bytes of complete frames waiting for take(). */
  get pendingBytes(): number {
    return this.readyBytes + ((this.frameStart >= 0 ? this.frameStart : this.pos) - this.flushed);
  }

  begin(): this {
    this.ensure(4);
    this.frameStart = this.pos;
    this.pos += 4;
    return this;
  }

  end(): void {
    const start = this.frameStart;
    if (start < 0) throw new Error('FrameWriter.end() without begin()');
    this.chunk.writeUInt32BE(this.pos - start - 4, start);
    this.frameStart = -1;
    this.frames++;
  }

  /** Drops a frame under construction. */
  abort(): void {
    if (this.frameStart >= 0) {
      this.pos = this.frameStart;
      this.frameStart = -1;
    }
  }

  /** Copies pre-encoded, already NUL-terminated fields. */
  raw(bytes: Uint8Array): this {
    const n = bytes.length;
    this.ensure(n);
    const c = this.chunk;
    let p = this.pos;
    if (n <= 16) {
      for (let i = 0; i < n; i++) c[p++] = bytes[i]!;
    } else {
      c.set(bytes, p);
      p += n;
    }
    this.pos = p;
    return this;
  }

  empty(): this {
    this.ensure(1);
    this.chunk[this.pos++] = NUL;
    return this;
  }

  bool(b: boolean): this {
    this.ensure(2);
    this.chunk[this.pos++] = b ? ONE : ZERO;
    this.chunk[this.pos++] = NUL;
    return this;
  }

  /** Integer field written digit by digit. */
  int(n: number): this {
    if (!Number.isSafeInteger(n)) return this.num(n);
    this.ensure(18);
    const c = this.chunk;
    let p = this.pos;
    let v = n;
    if (v < 0) {
      c[p++] = MINUS;
      v = -v;
    }
    if (v < 10) {
      c[p++] = ZERO + v;
    } else {
      let digits = 1;
      for (let t = v; t >= 10; t = Math.floor(t / 10)) digits++;
      let q = p + digits - 1;
      while (v >= 10) {
        const d = v % 10;
        c[q--] = ZERO + d;
        v = (v - d) / 10;
      }
      c[q] = ZERO + v;
      p += digits;
    }
    c[p++] = NUL;
    this.pos = p;
    return this;
  }

  /** Double field; non-finite or undefined is written as an empty field. */
  num(x: number | undefined): this {
    if (x === undefined || !Number.isFinite(x)) return this.empty();
    if (Number.isInteger(x) && Math.abs(x) < 1e15) return this.int(x);
    return this.ascii(String(x));
  }

  /** Field known to be ASCII (numbers, codes, symbols). */
  ascii(s: string): this {
    const n = s.length;
    this.ensure(n + 1);
    const c = this.chunk;
    let p = this.pos;
    for (let i = 0; i < n; i++) c[p++] = s.charCodeAt(i);
    c[p++] = NUL;
    this.pos = p;
    return this;
  }

  /** Free text field (UTF-8). */
  str(s: string): this {
    const n = Buffer.byteLength(s, 'utf8');
    this.ensure(n + 1);
    this.chunk.write(s, this.pos, n, 'utf8');
    this.pos += n;
    this.chunk[this.pos++] = NUL;
    return this;
  }

  field(f: Field): this {
    if (f === undefined || f === null) return this.empty();
    if (typeof f === 'number') return this.num(f);
    if (typeof f === 'boolean') return this.bool(f);
    return this.str(f);
  }

  fields(list: readonly Field[]): this {
    for (const f of list) this.field(f);
    return this;
  }

  /** A whole message from a field list (cold paths). */
  message(list: readonly Field[]): void {
    this.begin();
    this.fields(list);
    this.end();
  }

  /** Hands out every complete frame written since the last call. */
  take(): Buffer[] {
    if (this.frameStart >= 0) throw new Error('FrameWriter.take() inside a frame');
    const out = this.ready.splice(0);
    this.readyBytes = 0;
    if (this.pos > this.flushed) {
      out.push(this.chunk.subarray(this.flushed, this.pos));
      this.flushed = this.pos;
    }
    this.frames = 0;
    return out;
  }

  /** Forgets every complete frame not yet taken (a frame under construction stays). */
  discard(): void {
    this.ready.length = 0;
    this.readyBytes = 0;
    this.flushed = this.frameStart >= 0 ? this.frameStart : this.pos;
    this.frames = 0;
  }

  private ensure(n: number): void {
    if (this.pos + n <= this.chunk.length) return;
    const frameStart = this.frameStart;
    const keepFrom = frameStart >= 0 ? frameStart : this.pos;
    if (keepFrom > this.flushed) {
      const done = this.chunk.subarray(this.flushed, keepFrom);
      this.ready.push(done);
      this.readyBytes += done.length;
    }
    const partial = this.pos - keepFrom;
    const next = Buffer.allocUnsafe(Math.max(this.chunkSize, (partial + n) * 2));
    if (partial > 0) this.chunk.copy(next, 0, keepFrom, this.pos);
    this.chunk = next;
    this.flushed = 0;
    this.pos = partial;
    if (frameStart >= 0) this.frameStart = 0;
  }
}
