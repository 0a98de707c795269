import { describe, expect, it } from 'vitest';
import { crossedOrLocked, MonotonicClock, PriceBand } from './quality';

describe('PriceBand', () => {
  it('accepts the first price and moves with accepted prices', () => {
    const band = new PriceBand(0.1, 3);
    expect(band.check(100)).toBe('ok');
    expect(band.check(109)).toBe('ok');
    expect(band.check(119)).toBe('ok');
    expect(band.reference).toBe(119);
  });

  it('rejects a jump beyond the band and keeps the reference', () => {
    const band = new PriceBand(0.1, 3);
    band.check(100);
    expect(band.check(111)).toBe('rejected');
    expect(band.check(1)).toBe('rejected');
    expect(band.reference).toBe(100);
    expect(band.check(101)).toBe('ok');
  });

  it('re-anchors after enough agreeing out-of-band prices (a real gap), not after scattered bad ticks', () => {
    const band = new PriceBand(0.1, 3);
    band.check(100);
    expect(band.check(150)).toBe('rejected');
    expect(band.check(1)).toBe('rejected');
    expect(band.check(151)).toBe('rejected');
    expect(band.check(152)).toBe('rejected');
    expect(band.check(150)).toBe('reanchored');
    expect(band.reference).toBe(150);
    expect(band.check(155)).toBe('ok');
  });
});

describe('MonotonicClock', () => {
  it('accepts equal and later times, rejects earlier and far-future ones, moves only on commit', () => {
    const c = new MonotonicClock(60_000);
    const now = 1_000_000;
    expect(c.verdict(1000, now)).toBeNull();
    c.commit(1000);
    expect(c.verdict(1000, now)).toBeNull();
    expect(c.verdict(999, now)).toBe('out_of_order');
    expect(c.verdict(now + 60_001, now)).toBe('future_time');
    // A time that was judged but not committed (the message failed another check) does not count.
    expect(c.verdict(5000, now)).toBeNull();
    expect(c.verdict(2000, now)).toBeNull();
    c.commit(2000);
    c.commit(1500);
    expect(c.lastTs).toBe(2000);
  });
});

describe('crossedOrLocked', () => {
  it('names the problem for books and quotes', () => {
    expect(crossedOrLocked(10, 10.01, 'quote')).toBeNull();
    expect(crossedOrLocked(10.02, 10.01, 'quote')).toBe('crossed_quote');
    expect(crossedOrLocked(10.01, 10.01, 'book')).toBe('locked_book');
    expect(crossedOrLocked(undefined, 10, 'book')).toBeNull();
  });
});
