// One connection attempt to TWS / IB Gateway through @stoqey/ib's IBApi. A fresh IBApi per attempt:
// a reused instance can stay half-open after a gateway restart, and requests queued while disconnected
// would be replayed on the next connection. Closing removes every listener first, so nothing from a dead
// session reaches the service.
import {
  EventName,
  IBApi,
  OptionType,
  SecType,
  TickByTickDataType,
  WhatToShow,
  type Contract,
} from '@stoqey/ib';
import type { Socket } from 'node:net';
import type { OptionContractSpec } from '../core/options';
import { WireDecoder } from '../core/wire';
import { FrameRouter } from './frame-router';
import { ReadPacer, type ChunkTarget } from './read-pacer';

/** What a session reports; every market-data callback carries the request id it belongs to. */
export interface SessionHandler {
  onSocketOpen(): void;
  onReady(): void;
  onAccounts(accountsList: string): void;
  onClosed(reason: string): void;
  /** TWS messages (errors and notices); reqId -1 for connection-level ones. */
  onMessage(code: number, reqId: number, message: string): void;
  onCurrentTime(): void;
  /**
   * The bytes about to be decoded were read from the socket at `arrivedAt` (performance.now()): every
   * message of the slice arrived then. Only called while reads are paced.
   */
  onSlice(arrivedAt: number): void;
  onTickPrice(reqId: number, tickType: number, price: number): void;
  onTickSize(reqId: number, tickType: number, size: number): void;
  onTickString(reqId: number, tickType: number, value: string): void;
  onDepth(
    reqId: number,
    position: number,
    marketMaker: string | undefined,
    operation: number,
    side: number,
    price: number,
    size: number,
  ): void;
  onTape(
    reqId: number,
    /** Epoch seconds; a string when the library decoded the message. */
    time: string | number,
    price: number,
    size: number,
    exchange: string,
    specialConditions: string,
  ): void;
  onBar(
    reqId: number,
    time: number,
    open: number,
    high: number,
    low: number,
    close: number,
    volume: number,
    wap: number,
    count: number,
  ): void;
  onOptionComputation(
    reqId: number,
    tickType: number,
    iv: number | undefined,
    delta: number | undefined,
    gamma: number | undefined,
    vega: number | undefined,
    theta: number | undefined,
    undPrice: number | undefined,
  ): void;
  /** A callback threw: a bug of ours, reported instead of killing the feed. */
  onHandlerError(err: unknown, event: string): void;
}

export interface SessionOptions {
  host: string;
  port: number;
  maxRequestsPerSecond: number;
  /** Longest decoding run per event-loop turn before yielding (see ReadPacer). */
  readBudgetMs: number;
  /** Bytes handed to the decoder at a time. */
  readSliceBytes: number;
  /** Runs after every decoded slice. */
  afterChunk: () => void;
  /** Monotonic wall clock (ms) for arrival times; default performance.now. */
  now?: () => number;
}

/**
 * The library's socket wrapper (private in @stoqey/ib 1.6.10: IBApi.controller.socket, with the net.Socket
 * in `client` and the chunk entry point `onData`). Without it the session still works, unpaced.
 */
function chunkTargetOf(ib: IBApi): (ChunkTarget & { client: Socket }) | undefined {
  const target = (ib as unknown as { controller?: { socket?: Partial<ChunkTarget> } }).controller?.socket;
  if (target?.client === undefined || typeof target.onData !== 'function') return undefined;
  return target as ChunkTarget & { client: Socket };
}

export const stockContract = (symbol: string): Contract => ({
  symbol,
  secType: SecType.STK,
  exchange: 'SMART',
  currency: 'USD',
});

export const optionContractOf = (spec: OptionContractSpec): Contract => ({
  symbol: spec.underlying,
  secType: SecType.OPT,
  lastTradeDateOrContractMonth: spec.lastTradeDate,
  strike: spec.strike,
  right: spec.right === 'C' ? OptionType.Call : OptionType.Put,
  multiplier: 100,
  exchange: 'SMART',
  currency: 'USD',
  tradingClass: spec.tradingClass,
});

export class IbSession {
  private readonly ib: IBApi;
  private closed = false;
  private pacer: ReadPacer | undefined;
  private wire: WireDecoder | undefined;

  constructor(
    private readonly opts: SessionOptions,
    private readonly handler: SessionHandler,
  ) {
    this.ib = new IBApi({ host: opts.host, port: opts.port, maxReqPerSec: opts.maxRequestsPerSecond });
    this.attach();
  }

  /** Wraps a callback so an exception in our code is reported, not thrown into the decoder. */
  private guard<A extends unknown[]>(event: string, fn: (...args: A) => void): (...args: A) => void {
    return (...args: A) => {
      if (this.closed) return;
      try {
        fn(...args);
      } catch (err) {
        this.handler.onHandlerError(err, event);
      }
    };
  }

  private attach(): void {
    const h = this.handler;
    const ib = this.ib;
    ib.on(
      EventName.connected,
      this.guard('connected', () => h.onSocketOpen()),
    );
    ib.on(
      EventName.nextValidId,
      this.guard('nextValidId', () => h.onReady()),
    );
    ib.on(
      EventName.managedAccounts,
      this.guard('managedAccounts', (list: string) => h.onAccounts(String(list))),
    );
    ib.on(
      EventName.disconnected,
      this.guard('disconnected', () => h.onClosed('socket closed')),
    );
    ib.on(
      EventName.error,
      this.guard('error', (err: Error, code: number, reqId: number) =>
        h.onMessage(Number(code), typeof reqId === 'number' ? reqId : -1, err?.message ?? String(err)),
      ),
    );
    ib.on(
      EventName.info,
      this.guard('info', (message: string, code: number) => h.onMessage(Number(code), -1, String(message))),
    );
    ib.on(
      EventName.currentTime,
      this.guard('currentTime', () => h.onCurrentTime()),
    );
    ib.on(
      EventName.tickPrice,
      this.guard('tickPrice', (reqId: number, tickType: number, price: number) =>
        h.onTickPrice(reqId, tickType, price),
      ),
    );
    ib.on(
      EventName.tickSize,
      this.guard('tickSize', (reqId: number, tickType?: number, size?: number) => {
        if (tickType !== undefined) h.onTickSize(reqId, tickType, size ?? NaN);
      }),
    );
    ib.on(
      EventName.tickString,
      this.guard('tickString', (reqId: number, tickType: number, value: string) =>
        h.onTickString(reqId, tickType, value),
      ),
    );
    ib.on(
      EventName.updateMktDepthL2,
      this.guard(
        'updateMktDepthL2',
        (
          reqId: number,
          position: number,
          marketMaker: string,
          operation: number,
          side: number,
          price: number,
          size: number,
        ) => h.onDepth(reqId, position, marketMaker, operation, side, price, size),
      ),
    );
    ib.on(
      EventName.updateMktDepth,
      this.guard(
        'updateMktDepth',
        (reqId: number, position: number, operation: number, side: number, price: number, size: number) =>
          h.onDepth(reqId, position, undefined, operation, side, price, size),
      ),
    );
    ib.on(
      EventName.tickByTickAllLast,
      this.guard(
        'tickByTickAllLast',
        (
          reqId: number,
          _type: number,
          time: string,
          price: number,
          size: number,
          _attr: unknown,
          exchange: string,
          special: string,
        ) => h.onTape(reqId, time, price, size, exchange, special),
      ),
    );
    ib.on(
      EventName.realtimeBar,
      this.guard(
        'realtimeBar',
        (
          reqId: number,
          time: number,
          open: number,
          high: number,
          low: number,
          close: number,
          volume: number,
          wap: number,
          count: number,
        ) => h.onBar(reqId, time, open, high, low, close, volume, wap, count),
      ),
    );
    ib.on(
      EventName.tickOptionComputation,
      this.guard(
        'tickOptionComputation',
        (
          reqId: number,
          tickType: number,
          _attrib: number | undefined,
          iv?: number,
          delta?: number,
          _optPrice?: number,
          _pvDividend?: number,
          gamma?: number,
          vega?: number,
          theta?: number,
          undPrice?: number,
        ) => h.onOptionComputation(reqId, tickType, iv, delta, gamma, vega, theta, undPrice),
      ),
    );
  }

  connect(clientId: number): void {
    this.ib.connect(clientId);
    const target = chunkTargetOf(this.ib);
    if (target !== undefined) {
      const router = this.fastPath();
      this.pacer = new ReadPacer(target, target.client, {
        consume: (piece, library, arrivedAt) => {
          this.handler.onSlice(arrivedAt);
          router(piece, library);
        },
        sliceBytes: this.opts.readSliceBytes,
        budgetMs: this.opts.readBudgetMs,
        afterSlice: this.opts.afterChunk,
        now: this.opts.now,
      });
    }
  }

  /**
   * Hot market-data frames are decoded by the WireDecoder straight into the handler; the rest go to the
   * library. Both paths deliver to the same handler methods, in stream order.
   */
  private fastPath(): (piece: Buffer, library: (data: Buffer) => void) => void {
    const h = this.handler;
    const live = () => !this.closed;
    this.wire = new WireDecoder({
      tickPrice: (reqId, tickType, price) => live() && h.onTickPrice(reqId, tickType, price ?? NaN),
      tickSize: (reqId, tickType, size) => live() && h.onTickSize(reqId, tickType, size ?? NaN),
      tickString: (reqId, tickType, value) => live() && h.onTickString(reqId, tickType, value),
      depth: (reqId, position, mm, operation, side, price, size) =>
        live() && h.onDepth(reqId, position, mm, operation, side, price ?? NaN, size ?? NaN),
      tape: (reqId, time, price, size, exchange, special) =>
        live() && h.onTape(reqId, time, price ?? NaN, size ?? NaN, exchange, special),
      bar: (reqId, time, open, high, low, close, volume, wap, count) =>
        live() &&
        h.onBar(
          reqId,
          time,
          open ?? NaN,
          high ?? NaN,
          low ?? NaN,
          close ?? NaN,
          volume ?? NaN,
          wap ?? NaN,
          count,
        ),
    });
    let router: FrameRouter | undefined;
    return (piece, library) => {
      router ??= new FrameRouter(this.wire!, library, (err) => h.onHandlerError(err, 'fast path'));
      router.push(piece);
    };
  }

  /** Frames decoded by the fast path and frames left to the library, this session. */
  get decodeCounts(): { fast: number; library: number } {
    return { fast: this.wire?.decoded ?? 0, library: this.wire?.passed ?? 0 };
  }

  /** Whether reads are paced (the library's internals were found). */
  get paced(): boolean {
    return this.pacer !== undefined;
  }

  /** Times reading was paused to let timers and Redis replies through. */
  get readYields(): number {
    return this.pacer?.yields ?? 0;
  }

  /** Stops listening and closes the socket; idempotent. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.pacer?.detach();
    this.ib.removeAllListeners();
    // The library emits 'error' on a socket error; with no listener left it must not throw.
    this.ib.on(EventName.error, () => undefined);
    try {
      this.ib.disconnect();
    } catch {
      // already closed
    }
  }

  get isClosed(): boolean {
    return this.closed;
  }

  probe(): void {
    this.ib.reqCurrentTime();
  }

  reqQuote(reqId: number, symbol: string): void {
    this.ib.reqMktData(reqId, stockContract(symbol), '233', false, false);
  }

  reqDepth(reqId: number, symbol: string, rows: number): void {
    this.ib.reqMktDepth(reqId, stockContract(symbol), rows, true);
  }

  reqBars(reqId: number, symbol: string): void {
    this.ib.reqRealTimeBars(reqId, stockContract(symbol), 5, WhatToShow.TRADES, false);
  }

  reqTape(reqId: number, symbol: string): void {
    this.ib.reqTickByTickData(reqId, stockContract(symbol), TickByTickDataType.AllLast, 0, false);
  }

  reqOption(reqId: number, spec: OptionContractSpec): void {
    this.ib.reqMktData(reqId, optionContractOf(spec), '', false, false);
  }

  cancelQuote(reqId: number): void {
    this.ib.cancelMktData(reqId);
  }

  cancelDepth(reqId: number): void {
    this.ib.cancelMktDepth(reqId, true);
  }

  cancelBars(reqId: number): void {
    this.ib.cancelRealTimeBars(reqId);
  }

  cancelTape(reqId: number): void {
    this.ib.cancelTickByTickData(reqId);
  }
}
