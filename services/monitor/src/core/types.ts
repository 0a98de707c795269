// What the monitor observes in one cycle (read from Redis by the adapter) and what it remembers between
// cycles. Market-time values are epoch ms of the market clock (the simulator's in the demo); heartbeat
// ages are wall-clock, since every service stamps its heartbeat with its own wall clock.
import type { AnalyticsJobStatus, HaltFlag, Heartbeat, StaleFeed } from '@alphatrader/shared';

export type HeartbeatObservation =
  | { readonly kind: 'ok'; readonly heartbeat: Heartbeat }
  | { readonly kind: 'missing' }
  | { readonly kind: 'invalid'; readonly reason: string };

/** Which key tells a feed's freshness. */
export type FeedSource = 'market-timestamp' | 'options-chain' | 'analytics-vpin' | 'analytics-status';

/** One data feed whose freshness the monitor checks, e.g. `market:SPY`. */
export interface FeedSpec {
  /** `family:symbol` — the name used in system:health:main's staleFeeds. */
  readonly id: string;
  readonly family: string;
  /** The symbol, or what else the feed is (e.g. 'status' for the analytics job heartbeat). */
  readonly symbol: string;
  readonly source: FeedSource;
  /** Service that writes it: the feed is checked only while that service is expected to run. */
  readonly owner: string;
  /** Silence allowed, in wall-clock ms (market-time ages are divided by the clock speed first). */
  readonly thresholdMs: number;
  /** Only stale while the regular session is open (quotes, chains and analytics stop after the bell). */
  readonly marketHoursOnly: boolean;
}

/** Last update of a feed in market ms; null when the key is absent; 'invalid' when it fails its schema. */
export type FeedReading = number | null | { readonly invalid: string };

export interface Observation {
  /** Wall clock now (heartbeat ages). */
  readonly wallNow: number;
  /** Market clock now (feed ages, market hours). */
  readonly marketNow: number;
  /** Market ms per wall ms: 1 with the real clock, the simulator's speed in the demo. */
  readonly speed: number;
  /** Every service with a heartbeat key, plus every expected service (missing when absent). */
  readonly heartbeats: ReadonlyMap<string, HeartbeatObservation>;
  /** Feed id → last update. */
  readonly feeds: ReadonlyMap<string, FeedReading>;
  /** ibkr:connected: 1, 0, null when absent, or the reason it is unreadable. */
  readonly ibkrConnected: 0 | 1 | null | { readonly invalid: string };
  /** monitoring:api:av:degraded when present. */
  readonly avDegraded: { readonly reason: string; readonly p95Ms: number } | null;
  /** analytics:status, job → status. */
  readonly analyticsJobs: Readonly<Record<string, AnalyticsJobStatus>>;
  /** monitoring:data:stale as reported by the services themselves (field = feed:symbol). */
  readonly reportedStale: Readonly<Record<string, StaleFeed>>;
  readonly halt: HaltFlag | null;
  /** Redis memory use; null when unknown or maxmemory is unlimited. */
  readonly redisMemory: { readonly usedBytes: number; readonly maxBytes: number } | null;
}

/** What the monitor carries from one cycle to the next. */
export interface MonitorMemory {
  /** Feed id → the last update seen (market ms), kept when the key later expires. */
  readonly lastSeen: ReadonlyMap<string, number>;
  /** Feed id → when the monitor started watching it (market ms): the age of a feed never seen. */
  readonly watchingSince: ReadonlyMap<string, number>;
  /** Number of evaluations so far. */
  readonly checks: number;
}

export function emptyMemory(): MonitorMemory {
  return { lastSeen: new Map(), watchingSince: new Map(), checks: 0 };
}
