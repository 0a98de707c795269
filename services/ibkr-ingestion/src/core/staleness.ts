// Stale feeds for monitoring:data:stale: during market hours, a symbol's quote, depth (level-2 symbols
// still on depth) or bars that have not updated within their threshold are reported (field
// `ibkr_<feed>:<symbol>`); fields reported earlier and fresh again (or outside market hours) are cleared.
import type { StaleFeed } from '@alphatrader/shared';
import type { SymbolFeed } from './symbol-feed';

export type StaleFeedKind = 'quote' | 'depth' | 'bars';

export interface StaleReport {
  stale: Record<string, StaleFeed>;
  clear: string[];
}

export const staleField = (kind: StaleFeedKind, symbol: string): string => `ibkr_${kind}:${symbol}`;

/** Bars arrive every 5 s: they get three times the threshold, and never less than three bars. */
const barsThreshold = (staleAfterMs: number): number => Math.max(3 * staleAfterMs, 15_000);

export class StaleTracker {
  private readonly reported = new Set<string>();

  constructor(
    private readonly staleAfterMs: number,
    /** Wall time of the process start: a feed that never updated is stale only after the threshold. */
    private readonly startedAt: number,
  ) {}

  /** Fields a previous run may have left behind (cleared once at start). */
  static fieldsFor(feeds: readonly SymbolFeed[]): string[] {
    const out: string[] = [];
    for (const f of feeds) {
      out.push(staleField('quote', f.symbol), staleField('bars', f.symbol));
      if (f.level2) out.push(staleField('depth', f.symbol));
    }
    return out;
  }

  /**
   * Ages are measured in monotonic wall time (`wallNow`: transport freshness, whatever the simulated
   * speed); stamps (`ts`, `lastUpdate`) are market time.
   */
  evaluate(
    feeds: readonly SymbolFeed[],
    marketOpen: boolean,
    wallNow: number,
    clockNow: number,
  ): StaleReport {
    const stale: Record<string, StaleFeed> = {};
    const clear: string[] = [];
    const consider = (feed: SymbolFeed, kind: StaleFeedKind, at: number, thresholdMs: number) => {
      const field = staleField(kind, feed.symbol);
      const ageMs = Math.max(0, wallNow - (at >= 0 ? at : this.startedAt));
      if (marketOpen && ageMs > thresholdMs) {
        const last = kind === 'quote' ? feed.quoteTs : kind === 'depth' ? feed.depthTs : feed.barTs;
        stale[field] = {
          symbol: feed.symbol,
          feed: `ibkr_${kind}`,
          lastUpdate: at >= 0 && last > 0 ? last : null,
          ageMs,
          thresholdMs,
          ts: clockNow,
        };
        this.reported.add(field);
      } else if (this.reported.delete(field)) {
        clear.push(field);
      }
    };
    for (const f of feeds) {
      consider(f, 'quote', f.quoteAt, this.staleAfterMs);
      consider(f, 'bars', f.barsAt, barsThreshold(this.staleAfterMs));
      if (f.level2 && f.depthEnabled) consider(f, 'depth', f.depthAt, this.staleAfterMs);
      else if (this.reported.delete(staleField('depth', f.symbol))) clear.push(staleField('depth', f.symbol));
    }
    return { stale, clear };
  }
}
