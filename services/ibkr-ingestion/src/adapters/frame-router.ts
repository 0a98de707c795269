// Splits the gateway's byte stream into frames and sends each where it is decoded fastest: hot
// market-data frames to the WireDecoder, everything else (the handshake answer, errors, account and
// contract messages, anything unexpected) to @stoqey/ib's own decoder, whole and in order.
import type { WireDecoder } from '../core/wire';

/** The client library's frame limit: beyond it the stream is corrupt and the library disconnects. */
const MAX_FRAME = 0xffffff;

export class FrameRouter {
  private pending: Buffer | null = null;
  private handshakeSeen = false;
  private corrupt = false;

  constructor(
    private readonly wire: WireDecoder,
    /** The library's chunk entry point; always given whole frames (length prefix included). */
    private readonly library: (bytes: Buffer) => void,
    private readonly onError: (err: unknown) => void,
  ) {}

  push(piece: Buffer): void {
    if (this.corrupt) {
      this.library(piece);
      return;
    }
    const buf = this.pending === null ? piece : Buffer.concat([this.pending, piece]);
    this.pending = null;
    let off = 0;
    while (buf.length - off >= 4) {
      const len = buf.readUInt32BE(off);
      if (len > MAX_FRAME) {
        // Not ours to judge: the library sees the same bytes and handles the broken stream.
        this.corrupt = true;
        this.library(buf.subarray(off));
        return;
      }
      const end = off + 4 + len;
      if (end > buf.length) break;
      if (!this.handshakeSeen) {
        this.handshakeSeen = true;
        this.library(buf.subarray(off, end));
      } else {
        let taken = false;
        try {
          taken = this.wire.decode(buf, off + 4, end);
        } catch (err) {
          taken = true; // a handler failed on a decoded message: report it, do not decode it twice
          this.onError(err);
        }
        if (!taken) this.library(buf.subarray(off, end));
      }
      off = end;
    }
    if (off < buf.length) this.pending = buf.subarray(off);
  }
}
