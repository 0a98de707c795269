import { describe, expect, it } from 'vitest';
import { Backoff } from './backoff';
import { codePolicy } from './codes';
import { ConnectionMachine, type ConnAction } from './connection';

const types = (actions: ConnAction[]) => actions.map((a) => a.type);
const connected = (actions: ConnAction[]) =>
  actions
    .filter((a): a is Extract<ConnAction, { type: 'set_connected' }> => a.type === 'set_connected')
    .map((a) => a.value);

function machine(opts: { clientIdAttempts?: number; stableAfterMs?: number } = {}) {
  return new ConnectionMachine({
    clientId: 7,
    clientIdAttempts: opts.clientIdAttempts ?? 3,
    backoff: new Backoff(1000, 8000, () => 1),
    stableAfterMs: opts.stableAfterMs ?? 30_000,
  });
}

function ready(m: ConnectionMachine, now = 0): ConnAction[] {
  m.handle({ type: 'start', now });
  return m.handle({ type: 'ready', now });
}

describe('ConnectionMachine', () => {
  it('connects with the configured client id and publishes connected + subscribes once ready', () => {
    const m = machine();
    expect(m.handle({ type: 'start', now: 0 })).toEqual([{ type: 'connect', clientId: 7 }]);
    expect(m.state).toBe('connecting');
    const actions = m.handle({ type: 'ready', now: 10 });
    expect(actions).toContainEqual({ type: 'subscribe_all', fresh: true });
    expect(connected(actions)).toEqual([1]);
    expect(types(actions)).not.toContain('count_reconnect');
    expect(m.state).toBe('ready');
  });

  it('a dropped socket publishes 0, tears down and retries with growing backoff; the next session counts a reconnect', () => {
    const m = machine();
    ready(m);
    const drop = m.handle({ type: 'closed', now: 100, reason: 'socket closed' });
    expect(types(drop)).toEqual(['teardown', 'set_connected', 'status', 'schedule_retry']);
    expect(connected(drop)).toEqual([0]);
    expect(drop.at(-1)).toEqual({ type: 'schedule_retry', delayMs: 1000 });
    expect(m.state).toBe('waiting');
    expect(m.handle({ type: 'closed', now: 101, reason: 'again' })).toEqual([]);
    expect(m.handle({ type: 'retry', now: 1100 })).toEqual([{ type: 'connect', clientId: 7 }]);
    const second = m.handle({ type: 'closed', now: 1200, reason: 'refused' });
    expect(second.at(-1)).toEqual({ type: 'schedule_retry', delayMs: 2000 });
    m.handle({ type: 'retry', now: 3200 });
    expect(types(m.handle({ type: 'ready', now: 3300 }))).toContain('count_reconnect');
  });

  it('a session that stayed up long enough resets the backoff', () => {
    const m = machine({ stableAfterMs: 10_000 });
    ready(m);
    m.handle({ type: 'closed', now: 100, reason: 'x' });
    m.handle({ type: 'retry', now: 1000 });
    m.handle({ type: 'closed', now: 1100, reason: 'x' });
    m.handle({ type: 'retry', now: 3000 });
    m.handle({ type: 'ready', now: 3000 });
    const drop = m.handle({ type: 'closed', now: 20_000, reason: 'x' });
    expect(drop.at(-1)).toEqual({ type: 'schedule_retry', delayMs: 1000 });
  });

  it('1100 sets connected 0 without tearing down or reconnecting; 1102 restores without resubscribing', () => {
    const m = machine();
    ready(m);
    const lost = m.handle({ type: 'code', now: 5, code: 1100, reqId: -1 });
    expect(connected(lost)).toEqual([0]);
    expect(types(lost)).not.toContain('teardown');
    expect(types(lost)).not.toContain('schedule_retry');
    expect(m.state).toBe('lost');
    // Repeated notices change nothing (no storm).
    expect(m.handle({ type: 'code', now: 6, code: 1100, reqId: -1 })).toEqual([]);
    const kept = m.handle({ type: 'code', now: 50, code: 1102, reqId: -1 });
    expect(connected(kept)).toEqual([1]);
    expect(types(kept)).not.toContain('subscribe_all');
    expect(m.state).toBe('ready');
  });

  it('1101 restores and resubscribes on the same socket', () => {
    const m = machine();
    ready(m);
    m.handle({ type: 'code', now: 5, code: 1100, reqId: -1 });
    const restored = m.handle({ type: 'code', now: 50, code: 1101, reqId: -1 });
    expect(restored).toContainEqual({ type: 'subscribe_all', fresh: false });
    expect(connected(restored)).toEqual([1]);
    expect(types(restored)).not.toContain('teardown');
  });

  it('while lost, data flowing again well after the 1100 counts as restored', () => {
    const m = machine();
    ready(m);
    m.handle({ type: 'code', now: 1000, code: 1100, reqId: -1 });
    expect(m.wantsDataEvents).toBe(true);
    expect(m.handle({ type: 'data', now: 1200 })).toEqual([]);
    expect(connected(m.handle({ type: 'data', now: 2500 }))).toEqual([1]);
    expect(m.wantsDataEvents).toBe(false);
  });

  it('326 moves to the next client id and wraps within the allowed range', () => {
    const m = machine({ clientIdAttempts: 2 });
    m.handle({ type: 'start', now: 0 });
    const clash = m.handle({ type: 'code', now: 1, code: 326, reqId: -1 });
    expect(types(clash)).toContain('teardown');
    expect(m.clientId).toBe(8);
    expect(m.handle({ type: 'retry', now: 2000 })).toEqual([{ type: 'connect', clientId: 8 }]);
    m.handle({ type: 'code', now: 2001, code: 326, reqId: -1 });
    expect(m.clientId).toBe(7);
  });

  it('502 (gateway unreachable) backs off; a 502 about a request id is not about the socket', () => {
    const m = machine();
    m.handle({ type: 'start', now: 0 });
    expect(m.handle({ type: 'code', now: 1, code: 502, reqId: 17 })).toEqual([]);
    const unreachable = m.handle({ type: 'code', now: 1, code: 502, reqId: -1 });
    expect(unreachable.at(-1)).toEqual({ type: 'schedule_retry', delayMs: 1000 });
    m.handle({ type: 'retry', now: 1001 });
    expect(m.handle({ type: 'code', now: 1002, code: 502, reqId: -1 }).at(-1)).toEqual({
      type: 'schedule_retry',
      delayMs: 2000,
    });
  });

  it('a liveness failure (silent socket, unanswered probe) reconnects; informational codes change nothing', () => {
    const m = machine();
    ready(m);
    for (const code of [2104, 2106, 2158, 2103, 2152, 10197, 300]) {
      expect(m.handle({ type: 'code', now: 2, code, reqId: 5 })).toEqual([]);
    }
    const dead = m.handle({ type: 'liveness_failed', now: 3, reason: 'silent_socket' });
    expect(dead[0]).toEqual({ type: 'teardown', reason: 'liveness: silent_socket' });
    expect(m.state).toBe('waiting');
  });

  it('a connect timeout only matters while connecting', () => {
    const m = machine();
    m.handle({ type: 'start', now: 0 });
    expect(types(m.handle({ type: 'connect_timeout', now: 10_000 }))).toContain('schedule_retry');
    m.handle({ type: 'retry', now: 11_000 });
    m.handle({ type: 'ready', now: 11_001 });
    expect(m.handle({ type: 'connect_timeout', now: 20_000 })).toEqual([]);
  });

  it('stop tears down, publishes 0 and ignores everything afterwards', () => {
    const m = machine();
    ready(m);
    expect(m.handle({ type: 'stop' })).toEqual([
      { type: 'teardown', reason: 'stopping' },
      { type: 'set_connected', value: 0 },
    ]);
    expect(m.handle({ type: 'closed', now: 1, reason: 'x' })).toEqual([]);
    expect(m.handle({ type: 'retry', now: 2 })).toEqual([]);
  });
});

describe('codePolicy', () => {
  it('classifies the codes the service handles deliberately', () => {
    expect([2104, 2106, 2158].map((c) => codePolicy(c).kind)).toEqual(['info', 'info', 'info']);
    expect(codePolicy(1100).kind).toBe('connectivity_lost');
    expect(codePolicy(1101).kind).toBe('restored_data_lost');
    expect(codePolicy(1102).kind).toBe('restored_data_kept');
    expect(codePolicy(2152).kind).toBe('depth_unavailable');
    expect(codePolicy(10197).kind).toBe('competing_session');
    expect(codePolicy(326).kind).toBe('client_id_in_use');
    expect(codePolicy(502).kind).toBe('connect_failed');
    expect(codePolicy(505).kind).toBe('malformed');
    expect(codePolicy(2199).kind).toBe('warning');
    expect(codePolicy(123).kind).toBe('error');
  });
});
