import { describe, expect, it } from 'vitest';
import { feedKindOf, freshnessField, isFresh, staleFeeds, type FeedExpectation } from './freshness';

describe('freshness', () => {
  it('names feeds by data type and subject', () => {
    expect(feedKindOf({ stream: 'technicals', fn: 'BBANDS' })).toBe('bbands');
    expect(feedKindOf({ stream: 'chains', fn: 'REALTIME_OPTIONS' })).toBe('chain');
    expect(feedKindOf({ stream: 'historical', fn: 'HISTORICAL_OPTIONS' })).toBeNull();
    expect(freshnessField('macro', 'CPI').split(':')).toEqual(['macro', 'CPI']);
  });

  it('treats a success younger than freshFor as fresh, and nothing else', () => {
    const rec = { lastSuccess: 10_000, lastAttempt: 10_000, ok: true };
    expect(isFresh(rec, 13_999, 4_000)).toBe(true);
    expect(isFresh(rec, 14_000, 4_000)).toBe(false);
    expect(isFresh({ ...rec, lastSuccess: null }, 10_001, 4_000)).toBe(false);
    expect(isFresh(undefined, 0, 4_000)).toBe(false);
  });

  it('reports active feeds older than their threshold as stale and clears the rest', () => {
    const e = (field: string, active: boolean, kind: FeedExpectation['kind'] = 'chain'): FeedExpectation => ({
      field,
      kind,
      symbol: field.split(':')[1]!,
      thresholdMs: 15_000,
      active,
    });
    const records = {
      'chain:SPY': { lastSuccess: 90_000, lastAttempt: 99_000, ok: false },
      'chain:QQQ': { lastSuccess: 99_000, lastAttempt: 99_000, ok: true },
      'chain:IWM': { lastSuccess: 1_000, lastAttempt: 1_000, ok: true },
    };
    const r = staleFeeds(
      [e('chain:SPY', true), e('chain:QQQ', true), e('chain:IWM', false), e('chain:SPX', true)],
      records,
      110_000,
      50_000,
    );
    expect(Object.keys(r.stale).sort()).toEqual(['av_chain:SPX', 'av_chain:SPY']);
    expect(r.stale['av_chain:SPY']).toMatchObject({
      symbol: 'SPY',
      feed: 'av_chain',
      lastUpdate: 90_000,
      ageMs: 20_000,
    });
    expect(r.stale['av_chain:SPX']).toMatchObject({ lastUpdate: null, ageMs: 60_000 });
    expect(r.clear.sort()).toEqual(['av_chain:IWM', 'av_chain:QQQ']);
  });
});
