import { describe, expect, it } from 'vitest';
import { parseRtVolume, TICK_NAMES, Tick } from './ticks';

describe('parseRtVolume', () => {
  it('parses a print', () => {
    expect(parseRtVolume('189.51;100;1767268800000;123456;189.40;true')).toEqual({
      price: 189.51,
      size: 100,
      ts: 1767268800000,
      totalVolume: 123456,
      vwap: 189.4,
      single: true,
    });
  });

  it('parses a volume-only update (no price)', () => {
    expect(parseRtVolume(';0;1767268800000;123456;189.40;false')).toMatchObject({
      price: null,
      size: 0,
      single: false,
    });
  });

  it.each([
    ['189.51;100;1767268800000;123456;189.40'],
    ['abc;100;1767268800000;123456;189.40;true'],
    ['-1;100;1767268800000;123456;189.40;true'],
    ['189.51;0;1767268800000;123456;189.40;true'],
    ['189.51;100;;123456;189.40;true'],
    ['189.51;100;1767268800000;-5;189.40;true'],
    ['189.51;100;1767268800000;123456;189.40;maybe'],
  ])('rejects %s', (value) => {
    expect(parseRtVolume(value)).toBeNull();
  });

  it('names tick types as TWS does', () => {
    expect(TICK_NAMES[Tick.BID_SIZE]).toBe('BID_SIZE');
    expect(TICK_NAMES[Tick.RT_VOLUME]).toBe('RT_VOLUME');
  });
});
