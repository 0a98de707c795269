// A fast path for the market-data messages that make up nearly all of the traffic (TICK_PRICE, TICK_SIZE,
// TICK_STRING, MARKET_DEPTH, MARKET_DEPTH_L2, TICK_BY_TICK Last/AllLast, REAL_TIME_BARS at server
// version 193). They are read straight from the frame bytes — no token arrays, no event emitter — with
// exactly @stoqey/ib's semantics (its Decoder is the oracle in the tests: same values, same tick events,
// including its TICK_PRICE size-tick mapping). Any frame this code does not fully recognise — another
// message id, a field count it does not expect — is left to the library, which decodes it or reports 505.

/** Where decoded market data goes; arguments as the library's events carry them. */
export interface WireSink {
  tickPrice(reqId: number, tickType: number, price: number | undefined): void;
  tickSize(reqId: number, tickType: number, size: number | undefined): void;
  tickString(reqId: number, tickType: number, value: string): void;
  depth(
    reqId: number,
    position: number,
    marketMaker: string | undefined,
    operation: number,
    side: number,
    price: number | undefined,
    size: number | undefined,
  ): void;
  tape(
    reqId: number,
    /** Epoch seconds (the library passes the same value as a string). */
    time: number,
    price: number | undefined,
    size: number | undefined,
    exchange: string,
    specialConditions: string,
  ): void;
  bar(
    reqId: number,
    time: number,
    open: number | undefined,
    high: number | undefined,
    low: number | undefined,
    close: number | undefined,
    volume: number | undefined,
    wap: number | undefined,
    count: number,
  ): void;
}

const TICK_PRICE = 1;
const TICK_SIZE = 2;
const MARKET_DEPTH = 12;
const MARKET_DEPTH_L2 = 13;
const TICK_STRING = 46;
const REAL_TIME_BARS = 50;
const TICK_BY_TICK = 99;

/** Field counts (message id included) of the fast-path forms at v193. */
const FIELDS: Readonly<Record<number, number>> = {
  [TICK_PRICE]: 7,
  [TICK_SIZE]: 5,
  [TICK_STRING]: 5,
  [MARKET_DEPTH]: 8,
  [MARKET_DEPTH_L2]: 10,
  [REAL_TIME_BARS]: 11,
  [TICK_BY_TICK]: 9,
};

/** TICK_PRICE's implied size tick, as the library maps it (BID → BID_SIZE 0, which it then skips). */
function sizeTickOf(tickType: number): number {
  switch (tickType) {
    case 1:
      return 0;
    case 2:
      return 3;
    case 4:
      return 5;
    case 66:
      return 69;
    case 67:
      return 70;
    case 68:
      return 71;
    default:
      return 0;
  }
}

const MAX_FIELDS = 16;
const MAX_INTERNED = 4096;
const ZERO = 0x30;
const NINE = 0x39;
const MINUS = 0x2d;
const DOT = 0x2e;
const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

export class WireDecoder {
  /** Field start offsets; field i spans [starts[i], starts[i + 1] - 1). */
  private readonly starts = new Int32Array(MAX_FIELDS + 1);
  private buf: Buffer = Buffer.alloc(0);
  private readonly interned = new Map<number, string>();
  /** Frames decoded here, and frames left to the library. */
  decoded = 0;
  passed = 0;

  constructor(private readonly sink: WireSink) {}

  /**
   * Decodes a frame payload `buf[start, end)` (fields, each NUL-terminated, no length prefix) if it is a
   * fast-path message. Returns false when the library must decode it.
   */
  decode(buf: Buffer, start: number, end: number): boolean {
    if (end <= start || buf[end - 1] !== 0) return this.pass();
    // Message id: the first field, digits only.
    let msgId = 0;
    let i = start;
    for (; i < end; i++) {
      const c = buf[i]!;
      if (c === 0) break;
      if (c < ZERO || c > NINE || i - start > 3) return this.pass();
      msgId = msgId * 10 + (c - ZERO);
    }
    const expected = FIELDS[msgId];
    if (expected === undefined || i === start) return this.pass();
    // Split into fields; more or fewer than expected → library (it reports a decoding error).
    const starts = this.starts;
    let n = 0;
    starts[0] = start;
    for (let p = start; p < end; p++) {
      if (buf[p] === 0) {
        n++;
        if (n > expected) return this.pass();
        starts[n] = p + 1;
      }
    }
    if (n !== expected) return this.pass();
    this.buf = buf;
    switch (msgId) {
      case TICK_PRICE: {
        const reqId = this.int(2);
        const tickType = this.int(3);
        const price = this.double(4);
        const size = this.decimal(5);
        this.sink.tickPrice(reqId, tickType, price);
        const sizeTick = sizeTickOf(tickType);
        if (sizeTick !== 0) this.sink.tickSize(reqId, sizeTick, size);
        break;
      }
      case TICK_SIZE:
        this.sink.tickSize(this.int(2), this.int(3), this.decimal(4));
        break;
      case TICK_STRING:
        this.sink.tickString(this.int(2), this.int(3), this.str(4));
        break;
      case MARKET_DEPTH:
        this.sink.depth(
          this.int(2),
          this.int(3),
          undefined,
          this.int(4),
          this.int(5),
          this.double(6),
          this.decimal(7),
        );
        break;
      case MARKET_DEPTH_L2:
        this.sink.depth(
          this.int(2),
          this.int(3),
          this.shortStr(4),
          this.int(5),
          this.int(6),
          this.double(7),
          this.decimal(8),
        );
        break;
      case REAL_TIME_BARS:
        this.sink.bar(
          this.int(2),
          this.int(3),
          this.double(4),
          this.double(5),
          this.double(6),
          this.double(7),
          this.decimal(8),
          this.decimal(9),
          this.int(10),
        );
        break;
      case TICK_BY_TICK: {
        const tickType = this.int(2);
        if (tickType !== 1 && tickType !== 2) return this.pass();
        this.sink.tape(
          this.int(1),
          this.int(3),
          this.double(4),
          this.decimal(5),
          this.shortStr(7),
          this.shortStr(8),
        );
        break;
      }
    }
    this.decoded++;
    return true;
  }

  private pass(): false {
    this.passed++;
    return false;
  }

  /**
   * Venue and condition codes repeat endlessly: short ASCII fields are interned by their bytes, so a
   * million depth rows do not make a million strings.
   */
  private shortStr(field: number): string {
    const buf = this.buf;
    const s = this.starts[field]!;
    const e = this.starts[field + 1]! - 1;
    const len = e - s;
    if (len === 0) return '';
    if (len > 6) return this.str(field);
    let key = len;
    for (let i = s; i < e; i++) {
      const c = buf[i]!;
      if (c >= 0x80) return this.str(field);
      key = key * 256 + c;
    }
    let v = this.interned.get(key);
    if (v === undefined) {
      if (this.interned.size >= MAX_INTERNED) this.interned.clear();
      v = buf.toString('latin1', s, e);
      this.interned.set(key, v);
    }
    return v;
  }

  private str(field: number): string {
    const s = this.starts[field]!;
    const e = this.starts[field + 1]! - 1;
    return e > s ? this.buf.toString('utf8', s, e) : '';
  }

  /** readInt: '' → 0, else parseInt. */
  private int(field: number): number {
    const buf = this.buf;
    const s = this.starts[field]!;
    const e = this.starts[field + 1]! - 1;
    if (e === s) return 0;
    let i = s;
    let neg = false;
    if (buf[i] === MINUS) {
      neg = true;
      i++;
    }
    let v = 0;
    let digits = 0;
    for (; i < e; i++) {
      const c = buf[i]!;
      if (c < ZERO || c > NINE) break;
      v = v * 10 + (c - ZERO);
      digits++;
    }
    if (i !== e || digits === 0 || digits > 15) return parseInt(this.buf.toString('latin1', s, e), 10);
    return neg ? -v : v;
  }

  /**
   * Plain decimals ([-]digits[.digits], ≤ 15 digits) exactly as parseFloat reads them (an integer divided by
   * a power of ten is the correctly rounded value); anything else through parseFloat. NaN for no number.
   */
  private num(s: number, e: number, commas: boolean): number {
    const buf = this.buf;
    let i = s;
    let neg = false;
    if (buf[i] === MINUS) {
      neg = true;
      i++;
    }
    let mantissa = 0;
    let digits = 0;
    let frac = -1;
    for (; i < e; i++) {
      const c = buf[i]!;
      if (c >= ZERO && c <= NINE) {
        mantissa = mantissa * 10 + (c - ZERO);
        digits++;
        if (frac >= 0) frac++;
      } else if (c === DOT && frac < 0) {
        frac = 0;
      } else {
        break;
      }
    }
    if (i !== e || digits === 0 || digits > 15) {
      const text = buf.toString('latin1', s, e);
      return parseFloat(commas ? text.replaceAll(',', '') : text);
    }
    const v = frac > 0 ? mantissa / POW10[frac]! : mantissa;
    return neg ? -v : v;
  }

  /** readDouble: '' → 0, Number.MAX_VALUE → undefined. */
  private double(field: number): number | undefined {
    const s = this.starts[field]!;
    const e = this.starts[field + 1]! - 1;
    if (e === s) return 0;
    const v = this.num(s, e, false);
    return v === Number.MAX_VALUE ? undefined : v;
  }

  /** readDecimal: '' → undefined, thousands separators dropped, Number.MAX_VALUE or Infinity → undefined. */
  private decimal(field: number): number | undefined {
    const s = this.starts[field]!;
    const e = this.starts[field + 1]! - 1;
    if (e === s) return undefined;
    const v = this.num(s, e, true);
    return v === Number.MAX_VALUE || v === Infinity ? undefined : v;
  }
}
