import { describe, expect, it } from 'vitest';
import { CoalescingScheduler } from './scheduler';

const tick = () => new Promise((r) => setTimeout(r, 5));

describe('CoalescingScheduler', () => {
  it('coalesces marks made while a key is busy into one more run', async () => {
    const runs: string[][] = [];
    let release: () => void = () => undefined;
    const s = new CoalescingScheduler<string>(
      async (_k, dirty) => {
        runs.push([...dirty].sort());
        if (runs.length === 1) await new Promise<void>((r) => (release = r));
      },
      () => undefined,
    );
    s.mark('SPY', 'book');
    s.mark('SPY', 'trades');
    await tick();
    s.mark('SPY', 'book');
    s.mark('SPY', 'book');
    s.mark('SPY', 'bars');
    release();
    await s.idle();
    expect(runs).toEqual([
      ['book', 'trades'],
      ['bars', 'book'],
    ]);
  });

  it('keeps keys independent: a key that hangs or throws does not hold up another', async () => {
    const done: string[] = [];
    const errors: string[] = [];
    const s = new CoalescingScheduler<string>(
      async (key) => {
        if (key === 'HANG') await new Promise(() => undefined);
        if (key === 'BAD') throw new Error('bad data');
        done.push(key);
      },
      (key) => errors.push(key),
    );
    s.mark('HANG', 'book');
    s.mark('BAD', 'book');
    s.mark('QQQ', 'book');
    await tick();
    expect(done).toEqual(['QQQ']);
    expect(errors).toEqual(['BAD']);
    s.mark('BAD', 'book');
    await tick();
    expect(errors).toEqual(['BAD', 'BAD']);
    expect(s.busy).toBe(1);
  });

  it('ignores marks after close', async () => {
    let n = 0;
    const s = new CoalescingScheduler<string>(
      () => {
        n++;
        return Promise.resolve();
      },
      () => undefined,
    );
    await s.close();
    s.mark('SPY', 'book');
    await tick();
    expect(n).toBe(0);
  });
});
