import { describe, expect, it } from 'vitest';
import { etTime } from '@alphatrader/shared';
import { backfillDates, historicalWindowOpen, streamActive } from './windows';

describe('stream windows', () => {
  const fri = (hhmm: string) => etTime('2025-11-21', hhmm);
  it('opens the HISTORICAL_OPTIONS backfill only after 16:30 ET (until pre-market), all day when shut', () => {
    expect(historicalWindowOpen(fri('16:29'), '16:30')).toBe(false);
    expect(historicalWindowOpen(fri('16:30'), '16:30')).toBe(true);
    expect(historicalWindowOpen(fri('03:59'), '16:30')).toBe(true);
    expect(historicalWindowOpen(fri('04:00'), '16:30')).toBe(false);
    expect(historicalWindowOpen(fri('12:00'), '16:30')).toBe(false);
    expect(historicalWindowOpen(etTime('2025-11-22', '12:00'), '16:30')).toBe(true); // Saturday
  });

  it('runs session streams only while the regular session is open', () => {
    expect(streamActive('session', fri('09:29'), '16:30')).toBe(false);
    expect(streamActive('session', fri('09:30'), '16:30')).toBe(true);
    expect(streamActive('session', fri('16:00'), '16:30')).toBe(false);
    expect(streamActive('always', fri('23:00'), '16:30')).toBe(true);
  });

  it('backfills the last sessions whose data is final, newest first', () => {
    expect(backfillDates(fri('17:00'), 3, '16:30')).toEqual(['2025-11-21', '2025-11-20', '2025-11-19']);
    expect(backfillDates(fri('12:00'), 2, '16:30')).toEqual(['2025-11-20', '2025-11-19']);
    expect(backfillDates(etTime('2025-11-24', '02:00'), 2, '16:30')).toEqual(['2025-11-21', '2025-11-20']);
  });
});
