// When each stream may run, from the market clock: chains, intraday bars and technicals change only in
// the regular session; the HISTORICAL_OPTIONS backfill runs only after its start time (16:30 ET) until
// the pre-market opens (04:00 ET) and all day when the market is shut, so the real-time scheduler never
// waits for it.
import { etDate, etParts, etTime, isMarketOpen, isTradingDay, previousTradingDay } from '@alphatrader/shared';
import type { StreamWindow } from './plan';

/** Pre-market opens here: the backfill stops before it. */
export const PRE_MARKET_OPEN = '04:00';

const hhmm = (ts: number): string => etParts(ts).time.slice(0, 5);

export function historicalWindowOpen(now: number, after: string): boolean {
  if (!isTradingDay(now)) return true;
  const t = hhmm(now);
  return t >= after || t < PRE_MARKET_OPEN;
}

/** Whether a stream of this window may call now. */
export function streamActive(window: StreamWindow, now: number, historicalAfter: string): boolean {
  switch (window) {
    case 'always':
      return true;
    case 'session':
      return isMarketOpen(now);
    case 'after_close':
      return historicalWindowOpen(now, historicalAfter);
  }
}

/**
 * The last `days` sessions whose data is final at `now`, newest first: today once the backfill start
 * time has passed, then the previous trading days.
 */
export function backfillDates(now: number, days: number, after: string): string[] {
  const today = etDate(now);
  const out: string[] = [];
  let date = isTradingDay(today) && now >= etTime(today, after) ? today : previousTradingDay(today);
  while (out.length < days) {
    out.push(date);
    date = previousTradingDay(date);
  }
  return out;
}
