// Keeps a firehose socket from starving the event loop. libuv reads a ready socket in 64 KB chunks, up
// to 32 per poll, and each chunk is decoded synchronously (~2,000 messages), so under a burst one loop
// turn would last tens or hundreds of ms with no flush and no Redis reply in between. The pacer takes
// over the library's chunk entry point (Socket.onData, a method its 'data' listener calls through
// `this`) and hands `consume` slices of `sliceBytes`, at most `budgetMs` per turn; when data is left it
// pauses the socket (TCP flow control holds the rest at the gateway) and continues on the next turn,
// after timers and Redis replies. `afterSlice` runs after every slice: the writer starts a due flush
// there. Consumers reassemble frames split across slices. Each slice carries the time its bytes were read
// from the socket, so latency is measured from arrival, time spent queued here included.
import type { Socket } from 'node:net';

/** The library's socket wrapper: its net.Socket and its chunk entry point. */
export interface ChunkTarget {
  client?: Socket;
  onData(data: Buffer): void;
}

export interface PacerOptions {
  /**
   * Receives the bytes in order with the time (now()) they were read from the socket; gets the library's
   * own entry point to pass bytes on to.
   */
  consume: (piece: Buffer, library: (data: Buffer) => void, arrivedAt: number) => void;
  sliceBytes: number;
  budgetMs: number;
  afterSlice: () => void;
  now?: () => number;
}

export class ReadPacer {
  private readonly queue: Buffer[] = [];
  /** Read time of each queued chunk (parallel to queue). */
  private readonly arrivals: number[] = [];
  private offset = 0;
  private scheduled = false;
  private paused = false;
  private detached = false;
  private readonly original: (data: Buffer) => void;
  private readonly now: () => number;
  /** Turns that ended with data left (the socket was paused to let the loop breathe). */
  yields = 0;

  constructor(
    target: ChunkTarget,
    private readonly socket: Socket,
    private readonly opts: PacerOptions,
  ) {
    this.now = opts.now ?? (() => performance.now());
    this.original = target.onData.bind(target);
    target.onData = (data: Buffer) => this.enqueue(data);
  }

  /** Bytes read from the socket and not yet decoded. */
  get pendingBytes(): number {
    let n = -this.offset;
    for (const b of this.queue) n += b.length;
    return n;
  }

  private enqueue(data: Buffer): void {
    if (this.detached) return;
    this.queue.push(data);
    this.arrivals.push(this.now());
    if (!this.scheduled) this.drain();
  }

  private readonly drain = (): void => {
    this.scheduled = false;
    if (this.detached) return;
    const start = this.now();
    const { sliceBytes, budgetMs } = this.opts;
    while (this.queue.length > 0) {
      const head = this.queue[0]!;
      const arrivedAt = this.arrivals[0]!;
      const end = Math.min(head.length, this.offset + sliceBytes);
      const piece = this.offset === 0 && end === head.length ? head : head.subarray(this.offset, end);
      if (end >= head.length) {
        this.queue.shift();
        this.arrivals.shift();
        this.offset = 0;
      } else {
        this.offset = end;
      }
      this.opts.consume(piece, this.original, arrivedAt);
      if (this.detached) return;
      this.opts.afterSlice();
      if (this.now() - start >= budgetMs) break;
    }
    if (this.queue.length > 0) {
      if (!this.paused) {
        this.paused = true;
        this.socket.pause();
      }
      this.yields++;
      this.scheduled = true;
      setImmediate(this.drain);
    } else if (this.paused) {
      this.paused = false;
      if (!this.socket.destroyed) this.socket.resume();
    }
  };

  detach(): void {
    this.detached = true;
    this.queue.length = 0;
    this.arrivals.length = 0;
  }
}
