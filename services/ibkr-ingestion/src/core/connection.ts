// The gateway connection as a state machine: events in (socket ready/closed, TWS codes, liveness
// failures, timers), actions out (connect, tear down, schedule a retry, publish ibkr:connected,
// (re)subscribe). No I/O here, so every path — 1100 without a reconnect storm, 1101 resubscribe, 1102
// keep, 326 next client id, 502 backoff, silent socket — is unit-tested.
import type { Backoff } from './backoff';
import { codePolicy } from './codes';

export type ConnState =
  /** Not started. */
  | 'idle'
  /** Socket opening, handshake, waiting for nextValidId. */
  | 'connecting'
  /** Session up, data expected: ibkr:connected = 1. */
  | 'ready'
  /** Socket up but TWS lost IB (1100/2110): ibkr:connected = 0, no reconnect — TWS restores it. */
  | 'lost'
  /** Waiting for the reconnect timer. */
  | 'waiting'
  | 'stopped';

export type ConnEvent =
  | { type: 'start'; now: number }
  | { type: 'ready'; now: number }
  | { type: 'closed'; now: number; reason: string }
  | { type: 'connect_timeout'; now: number }
  | { type: 'liveness_failed'; now: number; reason: 'probe_timeout' | 'silent_socket' }
  | { type: 'retry'; now: number }
  | { type: 'code'; now: number; code: number; reqId: number }
  /** Market data arrived (only reported while 'lost'). */
  | { type: 'data'; now: number }
  | { type: 'stop' };

export type ConnAction =
  | { type: 'connect'; clientId: number }
  | { type: 'teardown'; reason: string }
  | { type: 'schedule_retry'; delayMs: number }
  | { type: 'set_connected'; value: 0 | 1 }
  /** fresh: a new socket (nothing subscribed); else resubscribe everything on the same socket (1101). */
  | { type: 'subscribe_all'; fresh: boolean }
  | { type: 'count_reconnect' }
  | { type: 'status'; status: 'running' | 'degraded'; reason: string | null };

export interface ConnectionOptions {
  clientId: number;
  clientIdAttempts: number;
  backoff: Backoff;
  /** A session that stayed up this long resets the backoff when it ends. */
  stableAfterMs: number;
  /** While 'lost', market data this long after the 1100 means IB is back without a restore notice. */
  dataResumesAfterMs?: number;
}

export class ConnectionMachine {
  private current: ConnState = 'idle';
  private clientIdOffset = 0;
  private readyOnce = false;
  private readyAt = 0;
  private lostAt = 0;
  private readonly resumeAfterMs: number;

  constructor(private readonly opts: ConnectionOptions) {
    this.resumeAfterMs = opts.dataResumesAfterMs ?? 1000;
  }

  get state(): ConnState {
    return this.current;
  }

  get clientId(): number {
    return this.opts.clientId + this.clientIdOffset;
  }

  /** Whether the adapter must report market data (only needed to leave 'lost'). */
  get wantsDataEvents(): boolean {
    return this.current === 'lost';
  }

  handle(ev: ConnEvent): ConnAction[] {
    const s = this.current;
    if (s === 'stopped') return [];
    switch (ev.type) {
      case 'start':
        if (s !== 'idle') return [];
        this.current = 'connecting';
        return [{ type: 'connect', clientId: this.clientId }];
      case 'retry':
        if (s !== 'waiting') return [];
        this.current = 'connecting';
        return [{ type: 'connect', clientId: this.clientId }];
      case 'ready': {
        if (s !== 'connecting') return [];
        this.current = 'ready';
        this.readyAt = ev.now;
        const actions: ConnAction[] = [
          { type: 'set_connected', value: 1 },
          { type: 'subscribe_all', fresh: true },
          { type: 'status', status: 'running', reason: null },
        ];
        if (this.readyOnce) actions.push({ type: 'count_reconnect' });
        this.readyOnce = true;
        return actions;
      }
      case 'closed':
        return this.drop(ev.now, ev.reason);
      case 'connect_timeout':
        return s === 'connecting' ? this.drop(ev.now, 'no nextValidId before the connect timeout') : [];
      case 'liveness_failed':
        return s === 'ready' || s === 'lost' ? this.drop(ev.now, `liveness: ${ev.reason}`) : [];
      case 'data':
        if (s === 'lost' && ev.now - this.lostAt >= this.resumeAfterMs) {
          this.current = 'ready';
          return [
            { type: 'set_connected', value: 1 },
            { type: 'status', status: 'running', reason: null },
          ];
        }
        return [];
      case 'stop':
        this.current = 'stopped';
        return [
          { type: 'teardown', reason: 'stopping' },
          { type: 'set_connected', value: 0 },
        ];
      case 'code':
        return this.onCode(ev.now, ev.code, ev.reqId);
    }
  }

  private onCode(now: number, code: number, reqId: number): ConnAction[] {
    const s = this.current;
    const { kind } = codePolicy(code);
    switch (kind) {
      case 'connectivity_lost':
        if (s !== 'ready') return [];
        this.current = 'lost';
        this.lostAt = now;
        return [
          { type: 'set_connected', value: 0 },
          { type: 'status', status: 'degraded', reason: `TWS lost connectivity to IB (${code})` },
        ];
      case 'restored_data_lost':
        if (s !== 'lost' && s !== 'ready') return [];
        this.current = 'ready';
        return [
          { type: 'set_connected', value: 1 },
          { type: 'subscribe_all', fresh: false },
          { type: 'status', status: 'running', reason: null },
        ];
      case 'restored_data_kept':
        if (s !== 'lost' && s !== 'ready') return [];
        this.current = 'ready';
        return s === 'lost'
          ? [
              { type: 'set_connected', value: 1 },
              { type: 'status', status: 'running', reason: null },
            ]
          : [];
      case 'client_id_in_use':
        if (s !== 'connecting' && s !== 'ready') return [];
        this.clientIdOffset = (this.clientIdOffset + 1) % this.opts.clientIdAttempts;
        return this.drop(now, `client id in use (326), next ${this.clientId}`);
      case 'connect_failed':
        // 502 with a request id is about that request; without one the socket failed.
        if (reqId >= 0) return [];
        return s === 'connecting' || s === 'ready' || s === 'lost'
          ? this.drop(now, `cannot connect (${code})`)
          : [];
      case 'socket_dropped':
        return s === 'ready' || s === 'lost' ? this.drop(now, `TWS dropped the socket (${code})`) : [];
      default:
        return [];
    }
  }

  /** Ends the session (if any) and schedules the next attempt with backoff. */
  private drop(now: number, reason: string): ConnAction[] {
    const s = this.current;
    if (s !== 'connecting' && s !== 'ready' && s !== 'lost') return [];
    if ((s === 'ready' || s === 'lost') && now - this.readyAt >= this.opts.stableAfterMs)
      this.opts.backoff.reset();
    this.current = 'waiting';
    return [
      { type: 'teardown', reason },
      { type: 'set_connected', value: 0 },
      { type: 'status', status: 'degraded', reason },
      { type: 'schedule_retry', delayMs: this.opts.backoff.next() },
    ];
  }
}
