import { describe, expect, it } from 'vitest';
import { DropOldestRing } from './ring';

describe('DropOldestRing', () => {
  it('keeps items in order and drains oldest first', () => {
    const r = new DropOldestRing<number>(3);
    r.push(1);
    r.push(2);
    expect(r.size).toBe(2);
    expect(r.drain()).toEqual([1, 2]);
    expect(r.size).toBe(0);
    expect(r.drain()).toEqual([]);
  });

  it('drops the oldest when full and counts every drop', () => {
    const r = new DropOldestRing<number>(3);
    const dropped = [1, 2, 3, 4, 5].map((x) => r.push(x));
    expect(dropped).toEqual([false, false, false, true, true]);
    expect(r.dropped).toBe(2);
    expect([...r.values()]).toEqual([3, 4, 5]);
    expect(r.last()).toBe(5);
    expect(r.drain()).toEqual([3, 4, 5]);
  });

  it('stays bounded under a burst far larger than its capacity', () => {
    const r = new DropOldestRing<number>(500);
    for (let i = 0; i < 100_000; i++) r.push(i);
    expect(r.size).toBe(500);
    expect(r.dropped).toBe(99_500);
    const items = r.drain();
    expect(items[0]).toBe(99_500);
    expect(items.at(-1)).toBe(99_999);
  });

  it('wraps correctly after partial drains', () => {
    const r = new DropOldestRing<string>(2);
    r.push('a');
    r.push('b');
    r.drain();
    r.push('c');
    r.push('d');
    r.push('e');
    expect(r.drain()).toEqual(['d', 'e']);
  });

  it('rejects a capacity below one', () => {
    expect(() => new DropOldestRing(0)).toThrow();
  });
});
