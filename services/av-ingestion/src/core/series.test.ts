import { describe, expect, it } from 'vitest';
import { etTime } from '@alphatrader/shared';
import { indicatorInputTs, indicatorNeedsRefresh } from './series';

describe('technicals input', () => {
  const bar = etTime('2025-11-21', '10:07');
  it('is the start of the indicator bar holding the newest 1-minute bar', () => {
    expect(indicatorInputTs(bar, '1min')).toBe(bar);
    expect(indicatorInputTs(bar, '5min')).toBe(etTime('2025-11-21', '10:05'));
    expect(indicatorInputTs(bar, '60min')).toBe(etTime('2025-11-21', '10:00'));
    expect(indicatorInputTs(bar, 'daily')).toBe(etTime('2025-11-21', '00:00'));
    expect(indicatorInputTs(null, '1min')).toBeNull();
  });

  it('needs a call only when the input moved past the stored value (or either is unknown)', () => {
    expect(indicatorNeedsRefresh(bar, bar)).toBe(false);
    expect(indicatorNeedsRefresh(bar, bar + 60_000)).toBe(true);
    expect(indicatorNeedsRefresh(null, bar)).toBe(true);
    expect(indicatorNeedsRefresh(bar, null)).toBe(true);
  });
});
