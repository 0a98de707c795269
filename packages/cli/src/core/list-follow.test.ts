import { describe, expect, it } from 'vitest';
import { followList } from './list-follow';

describe('followList', () => {
  it('returns every element on the first read, oldest first', () => {
    const s = followList([], ['c', 'b', 'a']);
    expect(s).toEqual({ fresh: ['a', 'b', 'c'], gap: false, signature: ['c', 'b', 'a'] });
  });
  it('returns only what was pushed in front of the previous head', () => {
    const first = followList([], ['c', 'b', 'a']);
    const next = followList(first.signature, ['e', 'd', 'c', 'b', 'a']);
    expect(next.fresh).toEqual(['d', 'e']);
    expect(next.gap).toBe(false);
    expect(followList(next.signature, ['e', 'd', 'c']).fresh).toEqual([]);
  });
  it('tells repeated identical values apart by the elements behind them', () => {
    const first = followList([], ['x', 'y', 'x']);
    expect(followList(first.signature, ['x', 'x', 'y', 'x']).fresh).toEqual(['x']);
  });
  it('copes with a list trimmed to a cap', () => {
    const first = followList([], ['c', 'b', 'a']);
    expect(followList(first.signature, ['d', 'c', 'b']).fresh).toEqual(['d']);
  });
  it('reports a gap when the previous head is gone', () => {
    const first = followList([], ['c', 'b', 'a']);
    expect(followList(first.signature, ['z', 'y'])).toMatchObject({ fresh: ['y', 'z'], gap: true });
    expect(followList(first.signature, [])).toMatchObject({ fresh: [], gap: false });
  });
});
