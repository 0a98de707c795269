// The monitor's judgement, pure: who is alive, what is stale, and the fleet's overall state.
//
// - A service is down when its heartbeat is missing (the key expired: 3 × its interval without a beat),
//   older than heartbeatStaleMs, or says it is stopping; degraded when it says so (or is starting, or
//   writes an unreadable heartbeat); up otherwise.
// - A feed is stale when it has been silent for longer than its threshold in real time: market-time ages
//   are divided by the clock speed, so an accelerated demo is judged like production. Market feeds are
//   judged only while the regular session is open, and never for the time before today's open bell.
// - Overall: down when an expected service is down; degraded when one is degraded or anything is stale,
//   disconnected or short of memory; ok otherwise. A halt is reported, not judged: it is an operator's act.
import { sessionFor, type ServiceHealth, type SystemHealth } from '@alphatrader/shared';
import type { MonitorSettings } from './settings';
import type { FeedReading, FeedSpec, HeartbeatObservation, MonitorMemory, Observation } from './types';

export interface Evaluation {
  readonly health: SystemHealth;
  readonly memory: MonitorMemory;
  /** Every feed judged this time (none while the market is closed for market-hours feeds). */
  readonly feeds: readonly FeedVerdict[];
}

/** '7.2s', '850ms', '3m 5s'. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)}ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)}s`;
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 60) return `${minutes}m ${Math.round((ms % 60_000) / 1000)}s`;
  return `${Math.floor(minutes / 60)}h ${minutes % 60}m`;
}

export function evaluateService(
  name: string,
  observed: HeartbeatObservation | undefined,
  wallNow: number,
  settings: Pick<MonitorSettings, 'heartbeatStaleMs' | 'self'>,
): ServiceHealth {
  if (observed === undefined || observed.kind === 'missing') {
    if (name === settings.self) return { state: 'up', heartbeatAgeMs: null, reason: null };
    return { state: 'down', heartbeatAgeMs: null, reason: 'no heartbeat (key expired or never written)' };
  }
  if (observed.kind === 'invalid') {
    return { state: 'degraded', heartbeatAgeMs: null, reason: `unreadable heartbeat: ${observed.reason}` };
  }
  const hb = observed.heartbeat;
  const ageMs = Math.max(0, wallNow - hb.ts);
  if (ageMs > settings.heartbeatStaleMs && name !== settings.self) {
    return {
      state: 'down',
      heartbeatAgeMs: ageMs,
      reason: `heartbeat ${formatDuration(ageMs)} old (limit ${formatDuration(settings.heartbeatStaleMs)})`,
    };
  }
  switch (hb.status) {
    case 'running':
      return { state: 'up', heartbeatAgeMs: ageMs, reason: null };
    case 'degraded':
      return { state: 'degraded', heartbeatAgeMs: ageMs, reason: hb.lastError ?? 'reported degraded' };
    case 'starting':
      return { state: 'degraded', heartbeatAgeMs: ageMs, reason: 'starting' };
    case 'stopping':
      return { state: 'down', heartbeatAgeMs: ageMs, reason: 'stopping' };
  }
}

export interface FeedVerdict {
  readonly spec: FeedSpec;
  /** Market-time age (ms) since the last update, or since watching began when none was ever seen. */
  readonly ageMs: number;
  /** The same in real time (ms). */
  readonly silentMs: number;
  readonly stale: boolean;
  readonly note: string | null;
}

function judgeFeed(
  spec: FeedSpec,
  reading: FeedReading | undefined,
  obs: Observation,
  memory: MonitorMemory,
  marketOpenSince: number | null,
): FeedVerdict | null {
  if (spec.marketHoursOnly && marketOpenSince === null) return null;
  const current = typeof reading === 'number' ? reading : null;
  const last = current ?? memory.lastSeen.get(spec.id) ?? null;
  const since = last ?? memory.watchingSince.get(spec.id) ?? obs.marketNow;
  const from = spec.marketHoursOnly && marketOpenSince !== null ? Math.max(since, marketOpenSince) : since;
  const ageMs = Math.max(0, obs.marketNow - from);
  const silentMs = ageMs / obs.speed;
  const note =
    reading !== null && typeof reading === 'object'
      ? `invalid value: ${reading.invalid}`
      : last === null
        ? 'no data yet'
        : null;
  return { spec, ageMs, silentMs, stale: silentMs > spec.thresholdMs, note };
}

/** 'book:SPY, book:QQQ' when few; '70 feeds (av_rsi 12, av_macd 12, …)' when many. */
export function summariseIds(ids: readonly string[], maxListed = 6): string {
  const sorted = [...ids].sort();
  if (sorted.length <= maxListed) return sorted.join(', ');
  const byKind = new Map<string, number>();
  for (const id of sorted) {
    const kind = id.split(':')[0] ?? id;
    byKind.set(kind, (byKind.get(kind) ?? 0) + 1);
  }
  const kinds = [...byKind].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const shown = kinds.slice(0, maxListed).map(([k, n]) => `${k} ${n}`);
  return `${sorted.length} feeds (${shown.join(', ')}${kinds.length > maxListed ? ', …' : ''})`;
}

function staleFamilyReasons(verdicts: readonly FeedVerdict[]): string[] {
  const byFamily = new Map<string, FeedVerdict[]>();
  for (const v of verdicts) byFamily.set(v.spec.family, [...(byFamily.get(v.spec.family) ?? []), v]);
  return [...byFamily].map(([family, list]) => {
    const limit = formatDuration(list[0]?.spec.thresholdMs ?? 0);
    const items = list.map((v) => `${v.spec.symbol} ${v.note ?? `silent ${formatDuration(v.silentMs)}`}`);
    return `${family} feeds stale (limit ${limit}): ${items.join(', ')}`;
  });
}

export function evaluateHealth(
  obs: Observation,
  settings: MonitorSettings,
  memory: MonitorMemory,
): Evaluation {
  const reasons: string[] = [];
  let degradedBy = 0;

  // Services: every expected one, plus any other process that publishes a heartbeat (listed, not judged).
  const services: Record<string, ServiceHealth> = {};
  const names = [...new Set([...settings.expected, ...obs.heartbeats.keys()])].sort();
  for (const name of names)
    services[name] = evaluateService(name, obs.heartbeats.get(name), obs.wallNow, settings);
  const down = settings.expected.filter((n) => services[n]?.state === 'down');
  const degraded = settings.expected.filter((n) => services[n]?.state === 'degraded');
  for (const n of down) reasons.push(`${n} down: ${services[n]?.reason ?? 'unknown'}`);
  for (const n of degraded) reasons.push(`${n} degraded: ${services[n]?.reason ?? 'unknown'}`);

  // Feeds, judged on the market clock.
  const session = sessionFor(obs.marketNow);
  const openSince =
    session !== null && obs.marketNow >= session.open && obs.marketNow < session.close ? session.open : null;
  const verdicts = settings.feeds
    .map((spec) => judgeFeed(spec, obs.feeds.get(spec.id), obs, memory, openSince))
    .filter((v): v is FeedVerdict => v !== null);
  const stale = verdicts.filter((v) => v.stale);
  const staleFeeds: Record<string, number> = {};
  for (const v of stale) staleFeeds[v.spec.id] = Math.round(v.ageMs);
  reasons.push(...staleFamilyReasons(stale));
  degradedBy += stale.length;

  // Analytics jobs that failed in their last period (their silence is judged by the status feed above:
  // a job that runs on events, such as the portfolio, may rightly be quiet).
  if (settings.checkAnalyticsJobs) {
    for (const [job, status] of Object.entries(obs.analyticsJobs).sort(([a], [b]) => a.localeCompare(b))) {
      if (status.ok) continue;
      reasons.push(`analytics job ${job} failing: ${status.lastError ?? 'no error given'}`);
      degradedBy++;
    }
  }

  // Feeds the services themselves report stale (monitoring:data:stale).
  const reported = Object.entries(obs.reportedStale).filter(([id]) => !(id in staleFeeds));
  for (const [id, s] of reported) staleFeeds[id] = Math.round(s.ageMs);
  if (reported.length > 0) {
    reasons.push(`reported stale by services: ${summariseIds(reported.map(([id]) => id))}`);
    degradedBy += reported.length;
  }

  // Broker connection, only while ingestion itself is up (its being down is already the reason).
  if (settings.checkIbkr && services['ibkr-ingestion']?.state !== 'down') {
    const c = obs.ibkrConnected;
    if (c === 0) reasons.push('IB Gateway disconnected (ibkr-ingestion reports connected = 0)');
    else if (c === null)
      reasons.push('IB Gateway connection unknown (ibkr-ingestion publishes no connection state)');
    else if (typeof c === 'object') reasons.push(`IB Gateway connection state unreadable: ${c.invalid}`);
    if (c !== 1) degradedBy++;
  }
  if (settings.checkAv && obs.avDegraded !== null) {
    reasons.push(
      `Alpha Vantage degraded: p95 ${formatDuration(obs.avDegraded.p95Ms)} (${obs.avDegraded.reason})`,
    );
    degradedBy++;
  }
  if (obs.redisMemory !== null && obs.redisMemory.maxBytes > 0) {
    const used = obs.redisMemory.usedBytes / obs.redisMemory.maxBytes;
    if (used >= settings.redisMemoryWarnFraction) {
      reasons.push(
        `redis memory at ${Math.round(used * 100)}% of maxmemory (limit ${Math.round(settings.redisMemoryWarnFraction * 100)}%)`,
      );
      degradedBy++;
    }
  }
  if (obs.halt !== null) reasons.push(`trading halted by ${obs.halt.by}: ${obs.halt.reason}`);

  const state = down.length > 0 ? 'down' : degraded.length > 0 || degradedBy > 0 ? 'degraded' : 'ok';

  const lastSeen = new Map(memory.lastSeen);
  const watchingSince = new Map(memory.watchingSince);
  for (const spec of settings.feeds) {
    const reading = obs.feeds.get(spec.id);
    if (typeof reading === 'number') lastSeen.set(spec.id, Math.max(reading, lastSeen.get(spec.id) ?? 0));
    if (!watchingSince.has(spec.id)) watchingSince.set(spec.id, obs.marketNow);
  }
  const checks = memory.checks + 1;

  return {
    health: {
      state,
      services,
      staleFeeds,
      halted: obs.halt !== null,
      reasons,
      checks,
      ts: obs.wallNow,
    },
    memory: { lastSeen, watchingSince, checks },
    feeds: verdicts,
  };
}
