import { describe, expect, it } from 'vitest';
import { LivenessMonitor } from './liveness';

const opts = { probeIntervalMs: 1000, timeoutMs: 500, silentMs: 3000 };

describe('LivenessMonitor', () => {
  it('probes every interval and is satisfied by an answer', () => {
    const l = new LivenessMonitor(opts);
    l.sessionStarted(0);
    expect(l.check(500, true, true)).toBe('ok');
    expect(l.check(1000, true, true)).toBe('probe');
    expect(l.check(1200, true, true)).toBe('ok');
    l.onProbeAnswer();
    expect(l.check(1600, true, true)).toBe('ok');
    expect(l.check(2000, true, true)).toBe('probe');
  });

  it('an unanswered probe means a dead socket', () => {
    const l = new LivenessMonitor(opts);
    l.sessionStarted(0);
    l.onData(900);
    expect(l.check(1000, true, true)).toBe('probe');
    expect(l.check(1400, true, true)).toBe('ok');
    expect(l.check(1501, true, true)).toBe('probe_timeout');
  });

  it('silence during market hours is fatal only when data is expected', () => {
    const l = new LivenessMonitor({ ...opts, probeIntervalMs: 60_000 });
    l.sessionStarted(0);
    l.onData(1000);
    expect(l.check(3999, true, true)).toBe('ok');
    expect(l.check(4001, false, true)).toBe('ok');
    expect(l.check(4001, true, false)).toBe('ok');
    expect(l.check(4001, true, true)).toBe('silent_socket');
    expect(l.silentFor(4001)).toBe(3001);
  });

  it('time a probe waits in our own outgoing queue does not count', () => {
    const l = new LivenessMonitor(opts);
    l.sessionStarted(0);
    expect(l.check(1000, true, true, 2000)).toBe('probe');
    expect(l.check(3400, true, false)).toBe('ok');
    expect(l.check(3501, true, false)).toBe('probe_timeout');
  });

  it('a new session resets the clocks', () => {
    const l = new LivenessMonitor(opts);
    l.sessionStarted(0);
    expect(l.check(1000, true, true)).toBe('probe');
    l.sessionStarted(10_000);
    expect(l.check(10_100, true, true)).toBe('ok');
  });
});
