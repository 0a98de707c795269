// One client connection: incoming framing, outgoing batching with backpressure, and the
// connection's subscriptions. Orders and account state are not here (see the broker).
import type { Socket } from 'node:net';
import { FrameWriter } from './codec/writer';
import { FrameReader, FramingError, type Incoming } from './framing';
import type { BarSub, DepthSub, MktDataSub, TbtSub } from './market/subscriptions';

/** Above this many unsent bytes a connection is congested: market data is dropped, never queued. */
export const HIGH_WATER_BYTES = 4 * 1024 * 1024;

export type SessionState = 'handshake' | 'awaiting-start' | 'ready' | 'closed';

/** What a session needs from the server around it. */
export interface SessionHost {
  /** True while the gateway is "hung": nothing is written to any socket. */
  isSilent(): boolean;
  /** True while market data is halted (connectivity lost). */
  isDataHalted(): boolean;
  scheduleFlush(s: Session): void;
  onUnits(s: Session, units: Incoming[]): void;
  onClose(s: Session, reason: string): void;
  onFramingError(s: Session, err: Error): void;
}

export class Session {
  readonly w = new FrameWriter();
  readonly reader = new FrameReader();
  state: SessionState = 'handshake';
  clientId: number | undefined;
  readonly connectedAt = Date.now();
  /** Frames handed to the socket. */
  messagesSent = 0;
  bytesSent = 0;
  /** Market-data messages not written because the connection was congested or data was halted. */
  dropped = 0;
  readonly mktData = new Map<number, MktDataSub>();
  readonly depth = new Map<number, DepthSub>();
  readonly bars = new Map<number, BarSub>();
  readonly tbt = new Map<number, TbtSub>();
  readonly accountSummary = new Map<number, string>();
  readonly pnl = new Set<number>();
  readonly pnlSingle = new Map<number, number>();
  positionsSubscribed = false;
  private closing = false;

  constructor(
    readonly id: number,
    readonly socket: Socket,
    private readonly host: SessionHost,
  ) {
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('close', () => this.closed('socket closed'));
    socket.on('error', () => {
      // 'close' follows; nothing else to do.
    });
  }

  get remote(): string {
    return `${this.socket.remoteAddress ?? '?'}:${this.socket.remotePort ?? 0}`;
  }

  get outputQueueBytes(): number {
    return this.socket.writableLength + this.w.pendingBytes;
  }

  /** Whether market data may be written now. */
  canStream(): boolean {
    return (
      this.state === 'ready' &&
      !this.host.isSilent() &&
      !this.host.isDataHalted() &&
      this.outputQueueBytes < HIGH_WATER_BYTES
    );
  }

  /** Marks output pending; the server flushes all touched sessions once per event-loop turn. */
  touched(): void {
    this.host.scheduleFlush(this);
  }

  countDropped(n: number): void {
    this.dropped += n;
  }

  /** Writes pending frames to the socket (unless the gateway is silent). */
  flush(): void {
    if (this.state === 'closed' || this.host.isSilent()) return;
    const frames = this.w.frames;
    const bufs = this.w.take();
    if (bufs.length === 0) return;
    this.messagesSent += frames;
    if (bufs.length > 1) this.socket.cork();
    for (const b of bufs) {
      this.bytesSent += b.length;
      this.socket.write(b);
    }
    if (bufs.length > 1) this.socket.uncork();
  }

  /** Flushes what is pending, then closes the connection (as TWS does after error 326). */
  endAfterFlush(): void {
    this.flush();
    this.closing = true;
    this.socket.end();
  }

  destroy(): void {
    this.socket.destroy();
  }

  pause(): void {
    this.socket.pause();
  }

  resume(): void {
    if (!this.closing) this.socket.resume();
  }

  private onData(chunk: Buffer): void {
    if (this.state === 'closed' || this.closing) return;
    let units: Incoming[];
    try {
      units = this.reader.push(chunk);
    } catch (err) {
      if (err instanceof FramingError) {
        this.host.onFramingError(this, err);
        this.destroy();
        return;
      }
      throw err;
    }
    if (units.length > 0) this.host.onUnits(this, units);
  }

  private closed(reason: string): void {
    if (this.state === 'closed') return;
    this.state = 'closed';
    this.host.onClose(this, reason);
  }
}
