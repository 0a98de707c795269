// Fault injection: the failure modes of a real gateway, switchable at run time (methods here, and the
// same operations over the loopback HTTP control API).
import { errorMessage } from './codec/encoder';
import { Code } from './codec/ids';
import type { PaperBroker } from './broker/broker';
import type { Session } from './session';

export type MalformedKind = 'underrun' | 'overrun' | 'unknown-message';

/** What fault injection needs from the server. */
export interface FaultHost {
  sessions(): Iterable<Session>;
  /** Drops every market-data subscription of every connection (1101: "data lost"). */
  clearMarketData(): void;
  /** Ends every market-data subscription with error `code` for its request id. */
  endMarketData(code: number, message: string): number;
  flushAll(): void;
  simNowSec(): number;
  readonly broker: PaperBroker;
}

export interface FaultState {
  silent: boolean;
  silentUntil: number | null;
  connectivityLost: boolean;
  stoppedSymbols: string[];
  depthDeniedSymbols: string[];
  rejectNextOrder: boolean;
  fillDelayMs: number;
}

const MSG_1100 = 'Connectivity between IB and Trader Workstation has been lost.';
const MSG_1101 = 'Connectivity between IB and Trader Workstation has been restored - data lost.';
const MSG_1102 = 'Connectivity between IB and Trader Workstation has been restored - data maintained.';

export class Faults {
  private silentUntil: number | undefined;
  private silenceTimer: NodeJS.Timeout | undefined;
  private halted = false;
  private restoreTimer: NodeJS.Timeout | undefined;
  private readonly stopped = new Set<string>();
  private readonly depthDenied = new Set<string>();

  constructor(private readonly host: FaultHost) {}

  // ---- state (hot path) ------------------------------------------------------------------------

  isSilent(): boolean {
    return this.silentUntil !== undefined;
  }

  isDataHalted(): boolean {
    return this.halted;
  }

  isSymbolStopped(symbol: string): boolean {
    return this.stopped.size > 0 && this.stopped.has(symbol);
  }

  isDepthDenied(symbol: string): boolean {
    return this.depthDenied.size > 0 && this.depthDenied.has(symbol);
  }

  state(): FaultState {
    const broker = this.host.broker.faultState;
    return {
      silent: this.isSilent(),
      silentUntil: this.silentUntil === undefined || this.silentUntil === Infinity ? null : this.silentUntil,
      connectivityLost: this.halted,
      stoppedSymbols: [...this.stopped],
      depthDeniedSymbols: [...this.depthDenied],
      rejectNextOrder: broker.rejectNext,
      fillDelayMs: broker.fillDelayMs,
    };
  }

  // ---- operations ------------------------------------------------------------------------------

  /** Closes every client connection at once (the gateway restarting). Returns how many. */
  dropConnections(): number {
    let n = 0;
    for (const s of this.host.sessions()) {
      s.destroy();
      n++;
    }
    return n;
  }

  /** Sockets stay open but nothing is read or written, for `ms` or until `endSilence()`. */
  silence(ms?: number): void {
    clearTimeout(this.silenceTimer);
    this.silentUntil = ms === undefined ? Infinity : Date.now() + ms;
    for (const s of this.host.sessions()) s.pause();
    if (ms !== undefined) this.silenceTimer = setTimeout(() => this.endSilence(), ms);
  }

  endSilence(): void {
    clearTimeout(this.silenceTimer);
    this.silenceTimer = undefined;
    if (this.silentUntil === undefined) return;
    this.silentUntil = undefined;
    for (const s of this.host.sessions()) s.resume();
    this.host.flushAll();
  }

  /**
   * Error 1100 to every client and market data stops; after `restoreAfterMs` (if given) 1102, or 1101
   * with every market-data subscription dropped when `dataLost`.
   */
  connectivityLoss(opts: { restoreAfterMs?: number; dataLost?: boolean } = {}): void {
    clearTimeout(this.restoreTimer);
    this.halted = true;
    this.broadcast(Code.CONNECTIVITY_LOST, MSG_1100);
    if (opts.restoreAfterMs !== undefined) {
      this.restoreTimer = setTimeout(
        () => this.restoreConnectivity(opts.dataLost ?? false),
        opts.restoreAfterMs,
      );
    }
  }

  restoreConnectivity(dataLost = false): void {
    clearTimeout(this.restoreTimer);
    this.restoreTimer = undefined;
    if (!this.halted) return;
    this.halted = false;
    if (dataLost) {
      this.host.clearMarketData();
      this.broadcast(Code.CONNECTIVITY_RESTORED_DATA_LOST, MSG_1101);
    } else {
      this.broadcast(Code.CONNECTIVITY_RESTORED_DATA_KEPT, MSG_1102);
    }
  }

  /** The next order (from any client) is rejected with error 201. */
  rejectNextOrder(reason = 'Simulated rejection'): void {
    this.host.broker.setRejectNext(reason);
  }

  /** Orders placed from now on fill no earlier than `ms` later (0 restores immediate fills). */
  delayFills(ms: number): void {
    this.host.broker.setFillDelay(ms);
  }

  /** No more market data of any kind for this symbol (and its options) until resumed. */
  stopSymbol(symbol: string): void {
    this.stopped.add(symbol.toUpperCase());
  }

  resumeSymbol(symbol: string): void {
    this.stopped.delete(symbol.toUpperCase());
  }

  /**
   * Depth requests for this symbol get warning 2152 (missing depth permissions) and no book, so a
   * client must fall back to level 1. `denied = false` restores depth for new requests.
   */
  depthPermission(symbol: string, denied = true): void {
    if (denied) this.depthDenied.add(symbol.toUpperCase());
    else this.depthDenied.delete(symbol.toUpperCase());
  }

  /** A competing live session took the data: error 10197 on every market-data request, which ends. */
  competingSession(): number {
    return this.host.endMarketData(Code.COMPETING_SESSION, 'No market data during competing live session');
  }

  /**
   * Sends one message the client cannot decode: a TICK_PRICE missing fields ("underrun"), a
   * CURRENT_TIME with a field too many ("overrun"), or an unknown message id. The framing stays intact.
   */
  sendMalformed(kind: MalformedKind = 'underrun'): number {
    let n = 0;
    for (const s of this.host.sessions()) {
      if (s.state !== 'ready') continue;
      const w = s.w;
      if (kind === 'underrun') w.message([1, 6, 1]);
      else if (kind === 'overrun') {
        w.message([49, 1, this.host.simNowSec(), 'unexpected']);
      } else w.message([999, 1, 'unknown']);
      s.touched();
      n++;
    }
    return n;
  }

  /** Clears every fault. */
  clear(): void {
    this.endSilence();
    if (this.halted) this.restoreConnectivity(false);
    this.stopped.clear();
    this.depthDenied.clear();
    this.host.broker.setRejectNext(undefined);
    this.host.broker.setFillDelay(0);
  }

  dispose(): void {
    clearTimeout(this.silenceTimer);
    clearTimeout(this.restoreTimer);
  }

  private broadcast(code: number, message: string): void {
    for (const s of this.host.sessions()) {
      if (s.state !== 'ready') continue;
      errorMessage(s.w, -1, code, message);
      s.touched();
    }
  }
}
