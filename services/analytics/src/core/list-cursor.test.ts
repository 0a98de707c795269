import { describe, expect, it } from 'vitest';
import { ListCursor } from './list-cursor';

interface T {
  ts: number;
  id: string;
}
const t = (ts: number, id: string): T => ({ ts, id });
/** Newest first, as market:{s}:trades holds them. */
const newestFirst = (oldestFirst: T[]) => [...oldestFirst].reverse();

describe('ListCursor', () => {
  it('takes the whole list the first time, oldest first (a chunk asks for the whole list)', () => {
    const c = new ListCursor<T>();
    const list = newestFirst([t(1, 'a'), t(2, 'b'), t(3, 'c')]);
    expect(c.take(list.slice(0, 2), false).needMore).toBe(true);
    expect(c.take(list, true).items.map((x) => x.id)).toEqual(['a', 'b', 'c']);
  });

  it('takes only the elements pushed since, including new ones sharing the last timestamp', () => {
    const c = new ListCursor<T>();
    const seen = [t(1000, 'a'), t(2000, 'b'), t(2000, 'c')];
    c.take(newestFirst(seen), true);
    const later = [...seen, t(2000, 'd'), t(3000, 'e'), t(3000, 'f')];
    expect(c.take(newestFirst(later), true).items.map((x) => x.id)).toEqual(['d', 'e', 'f']);
    expect(c.take(newestFirst(later), true).items).toEqual([]);
    expect(c.lastSeenTs).toBe(3000);
  });

  it('answers from a chunk when the chunk reaches back past what was seen', () => {
    const c = new ListCursor<T>();
    const seen = Array.from({ length: 100 }, (_, i) => t(i, `x${i}`));
    c.take(newestFirst(seen), true);
    const later = newestFirst([...seen, t(100, 'n1'), t(101, 'n2')]);
    const r = c.take(later.slice(0, 8), false);
    expect(r.needMore).toBe(false);
    expect(r.items.map((x) => x.id)).toEqual(['n1', 'n2']);
  });

  it('asks for the whole list when the chunk is new up to its end', () => {
    const c = new ListCursor<T>();
    c.take([t(1, 'a')], true);
    const burst = Array.from({ length: 20 }, (_, i) => t(10 + i, `b${i}`));
    const list = newestFirst([t(1, 'a'), ...burst]);
    expect(c.take(list.slice(0, 8), false)).toEqual({ items: [], needMore: true, gap: false });
    expect(c.take(list, true).items).toHaveLength(20);
  });

  it('reports a gap when a full list is entirely new, and restarts after the list expired', () => {
    const c = new ListCursor<T>();
    c.take([t(1, 'a')], true);
    const full = newestFirst(Array.from({ length: 5 }, (_, i) => t(10 + i, `f${i}`)));
    expect(c.take(full, true, 5).gap).toBe(true);
    // The key expired and a new list started: every element is newer than the last seen.
    expect(c.take([t(20, 'z')], true, 5).items.map((x) => x.id)).toEqual(['z']);
  });
});
