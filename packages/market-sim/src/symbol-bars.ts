// A symbol's running bars: the 5-second bar closes on its boundary and folds into the running minute,
// which closes when the next 5-second bar starts in a new minute (or the session ends).
import type { Bar } from './types';
import { MINUTE_MS } from './bars';
import type { SymbolState } from './state';

/** Restarts the running 5-second and minute bars, flat at the last price. */
export function resetBars(st: SymbolState, barStart: number, minute: number): void {
  st.bar5.reset(barStart, st.last);
  st.barMinute.reset(minute, st.last);
}

/** Closes the running 5-second bar, keeping at most 2 × `kept` (trimmed to `kept`), and starts the next at `next`. */
export function closeBar(st: SymbolState, next: number, kept: number, onBar: (bar: Bar) => void): void {
  const bar = st.bar5.toBar(st.symbol);
  st.bars5s.push(bar);
  if (st.bars5s.length > 2 * kept) st.bars5s.splice(0, st.bars5s.length - kept);
  onBar(bar);
  const minute = Math.floor(bar.ts / MINUTE_MS) * MINUTE_MS;
  if (minute !== st.barMinute.start) {
    closeMinute(st);
    st.barMinute.reset(minute, bar.open);
  }
  st.barMinute.addBar(bar);
  const nextMinute = Math.floor(next / MINUTE_MS) * MINUTE_MS;
  if (nextMinute !== minute) {
    closeMinute(st);
    st.barMinute.reset(nextMinute, st.last);
  }
  st.bar5.reset(next, st.last);
}

/** Appends the running minute to the minute bars if anything was folded into it. */
export function closeMinute(st: SymbolState): void {
  if (!st.barMinute.touched) return;
  st.minuteBars.push(st.barMinute.toBar(st.symbol));
  st.barMinute.touched = false;
}
