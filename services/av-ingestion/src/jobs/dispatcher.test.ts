import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { Scheduler, type JobSpec } from '../core/schedule';
import { manualClock } from '../test-support';
import { Dispatcher } from './dispatcher';

const job = (id: string, offsetMs: number): JobSpec => ({
  id,
  stream: 'chains',
  fn: 'REALTIME_OPTIONS',
  symbol: id,
  intervalMs: 5_000,
  offsetMs,
  importance: 0,
});

describe('Dispatcher', () => {
  it('starts due jobs without waiting for them, never runs a job twice at once, and drains on stop', async () => {
    const clock = manualClock(1_700_000_000_000);
    const release: Array<() => void> = [];
    const started: string[] = [];
    const d = new Dispatcher({
      scheduler: new Scheduler([job('SPY', 0), job('QQQ', 1_000)], clock.now()),
      clock,
      logger: pino({ level: 'silent' }),
      run: (j) => {
        started.push(j.id);
        return new Promise((resolve) => release.push(() => resolve('stored')));
      },
    });
    expect(d.tick().map((x) => x.job.id)).toEqual(['SPY']);
    clock.advance(1_000);
    expect(d.tick().map((x) => x.job.id)).toEqual(['QQQ']); // SPY still running does not block QQQ
    clock.advance(4_000);
    expect(d.tick()).toEqual([]); // SPY's next beat finds it still in flight
    expect(d.overlaps).toBe(1);
    expect(d.running).toBe(2);
    let stopped = false;
    const stopping = d.stop().then(() => (stopped = true));
    await Promise.resolve();
    expect(stopped).toBe(false);
    release.forEach((r) => r());
    await stopping;
    expect(d.running).toBe(0);
    clock.advance(5_000);
    expect(d.tick()).toEqual([]); // stopped: no new work
    expect(started).toEqual(['SPY', 'QQQ']);
  });
});
