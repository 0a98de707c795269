import { describe, expect, it } from 'vitest';
import { SubscriptionTable, wantedKinds } from './subscriptions';

describe('wantedKinds', () => {
  it('asks level 1 and bars for every symbol, depth and tape for level-2 symbols', () => {
    expect(wantedKinds(false, false)).toEqual(['quote', 'bars']);
    expect(wantedKinds(true, true)).toEqual(['quote', 'bars', 'depth', 'tape']);
    expect(wantedKinds(true, false)).toEqual(['quote', 'bars', 'tape']);
  });
});

describe('SubscriptionTable', () => {
  it('never reuses a request id and remembers cancelled ones', () => {
    const t = new SubscriptionTable(100);
    const a = t.add('quote', 'SPY');
    const b = t.add('option', 'SPY', 'SPY260116C00600000');
    expect([a.reqId, b.reqId]).toEqual([100, 101]);
    expect(t.find('option', 'SPY260116C00600000')).toBe(b);
    expect(t.find('quote', 'SPY')).toBe(a);
    t.remove(a.reqId);
    expect(t.get(100)).toBeUndefined();
    expect(t.wasCancelled(100)).toBe(true);
    const cleared = t.clear();
    expect(cleared).toEqual([b]);
    expect(t.size).toBe(0);
    expect(t.add('bars', 'QQQ').reqId).toBe(102);
    expect(t.ofKind('bars')).toHaveLength(1);
  });
});
