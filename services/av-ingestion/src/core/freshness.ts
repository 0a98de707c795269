// Freshness per data type and subject (symbol or macro series): when each was last fetched
// successfully, whether a job's data is still fresh enough to skip the call ("only stale data is
// fetched"), and which feeds have gone stale (reported in monitoring:data:stale until fresh again).
import type { AvFreshness, StaleFeed } from '@alphatrader/shared';
import type { JobSpec } from './schedule';

export const FEED_KINDS = [
  'chain',
  'intraday',
  'rsi',
  'macd',
  'bbands',
  'atr',
  'sentiment',
  'macro',
] as const;
export type FeedKind = (typeof FEED_KINDS)[number];

/** The data type a job refreshes (null for the historical backfill, tracked per session date instead). */
export function feedKindOf(job: Pick<JobSpec, 'stream' | 'fn'>): FeedKind | null {
  switch (job.stream) {
    case 'chains':
      return 'chain';
    case 'intraday':
      return 'intraday';
    case 'sentiment':
      return 'sentiment';
    case 'macro':
      return 'macro';
    case 'technicals':
      return job.fn.toLowerCase() as FeedKind;
    case 'historical':
      return null;
  }
}

/** Field of monitoring:api:av:freshness, e.g. `chain:SPY`, `rsi:AAPL`, `macro:CPI` (field names, not keys). */
export function freshnessField(kind: FeedKind, subject: string): string {
  return `${kind}:${subject}`;
}

/**
 * A job's data is fresh (no call needed) when it succeeded within `freshForMs`. Runs are on a grid, so
 * freshForMs is a little under the cadence: the previous beat's success does not block this beat.
 */
export function isFresh(record: AvFreshness | undefined, now: number, freshForMs: number): boolean {
  return (
    record?.lastSuccess != null && now - record.lastSuccess >= 0 && now - record.lastSuccess < freshForMs
  );
}

/** Share of the cadence within which a success counts as fresh. */
export const FRESH_FRACTION = 0.8;

export interface FeedExpectation {
  /** Freshness field. */
  field: string;
  kind: FeedKind;
  /** Ticker, or null for macro series. */
  symbol: string | null;
  /** Stale once the last success is older than this. */
  thresholdMs: number;
  /** Whether the feed is expected to update now (session-only feeds rest outside the session). */
  active: boolean;
}

/** Field of monitoring:data:stale for an AV feed, e.g. `av_chain:SPY`, `av_macro:CPI`. */
export function staleField(e: Pick<FeedExpectation, 'kind' | 'field'>): string {
  return `av_${e.field}`;
}

export interface StaleReport {
  /** Field of monitoring:data:stale → entry. */
  stale: Record<string, StaleFeed>;
  /** Fields to remove from monitoring:data:stale (fresh again, or not expected now). */
  clear: string[];
}

/**
 * Active feeds whose last success is older than their threshold (or that never succeeded since
 * `since`, the process start) are stale; every other expected feed is cleared.
 */
export function staleFeeds(
  expectations: readonly FeedExpectation[],
  records: Readonly<Record<string, AvFreshness>>,
  now: number,
  since: number,
): StaleReport {
  const stale: Record<string, StaleFeed> = {};
  const clear: string[] = [];
  for (const e of expectations) {
    const field = staleField(e);
    const last = records[e.field]?.lastSuccess ?? null;
    const ageMs = Math.max(0, now - (last ?? since));
    if (e.active && ageMs > e.thresholdMs) {
      stale[field] = {
        symbol: e.symbol,
        feed: `av_${e.kind}`,
        lastUpdate: last,
        ageMs,
        thresholdMs: e.thresholdMs,
        ts: now,
      };
    } else {
      clear.push(field);
    }
  }
  return { stale, clear };
}
