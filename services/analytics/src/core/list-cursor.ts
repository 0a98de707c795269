// Which elements of a newest-first list (market:{s}:trades, market:{s}:bars) are new since the last read.
// The lists are capped and short-lived (trades: TTL 1 s), and ingestion rejects out-of-order timestamps,
// so an element is new when its timestamp is later than the last one seen, or equal to it beyond the
// count already seen at that timestamp (feeds stamp prints in whole seconds, so many share one).

export interface Stamped {
  ts: number;
}

export interface TakeResult<T> {
  /** New items, oldest first. */
  items: T[];
  /** The chunk read was new up to its end: read the whole list to be sure nothing is missed. */
  needMore: boolean;
  /** Everything in a full list was new: more may have arrived than the list holds (a gap). */
  gap: boolean;
}

export class ListCursor<T extends Stamped> {
  private lastTs = -Infinity;
  private seenAtLastTs = 0;

  /**
   * @param newestFirst the head of the list as read (newest first)
   * @param complete whether `newestFirst` is the whole list (not just its first chunk)
   * @param cap the list's cap (to detect a gap)
   * Advances the cursor only when the answer is final (not when needMore is returned).
   */
  take(newestFirst: readonly T[], complete: boolean, cap = Infinity): TakeResult<T> {
    const n = newestFirst.length;
    let i0 = 0;
    while (i0 < n && newestFirst[i0]!.ts > this.lastTs) i0++;
    let groupEnd = i0;
    while (groupEnd < n && newestFirst[groupEnd]!.ts === this.lastTs) groupEnd++;
    if (!complete && groupEnd === n) return { items: [], needMore: true, gap: false };

    const atLast = groupEnd - i0;
    const newAtLast = Math.max(0, atLast - this.seenAtLastTs);
    const count = i0 + newAtLast;
    if (count === 0) return { items: [], needMore: false, gap: false };

    const newestTs = newestFirst[0]!.ts;
    if (newestTs > this.lastTs) {
      let same = 0;
      while (same < n && newestFirst[same]!.ts === newestTs) same++;
      this.seenAtLastTs = same;
    } else {
      this.seenAtLastTs = atLast;
    }
    this.lastTs = newestTs;
    const items = newestFirst.slice(0, count).reverse();
    return { items, needMore: false, gap: complete && count === n && n >= cap };
  }

  /** Timestamp of the newest item seen, or null before the first. */
  get lastSeenTs(): number | null {
    return Number.isFinite(this.lastTs) ? this.lastTs : null;
  }
}
