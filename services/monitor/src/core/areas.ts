// The overseer's per-area reports (monitors:{area}) from one evaluation: the data area (market, chain
// and Alpha Vantage feeds, the gateway connection, Redis memory) and the analytics area (the analytics
// heartbeat, VPIN freshness, failing jobs). Areas whose services do not run here are not reported.
import { ibkrConnected, type MonitorReport } from '@alphatrader/shared';
import type { Evaluation, FeedVerdict } from './evaluate';
import type { MonitorSettings } from './settings';
import type { Observation } from './types';

type Check = MonitorReport['checks'][number];

/** Services whose being down makes an area critical. */
const AREA_OWNERS: Record<'data' | 'analytics', readonly string[]> = {
  data: ['ibkr-ingestion', 'av-ingestion'],
  analytics: ['analytics'],
};

function areaOf(v: FeedVerdict): 'data' | 'analytics' {
  return v.spec.source === 'analytics-vpin' || v.spec.source === 'analytics-status' ? 'analytics' : 'data';
}

function feedCheck(v: FeedVerdict): Check {
  return {
    name: v.spec.id,
    ok: !v.stale,
    value: Math.round(v.silentMs),
    threshold: v.spec.thresholdMs,
    detail: v.note ?? (v.stale ? 'silent longer than the limit (real-time ms)' : null),
  };
}

export function areaReports(e: Evaluation, obs: Observation, settings: MonitorSettings): MonitorReport[] {
  const checks: Record<'data' | 'analytics', Check[]> = { data: [], analytics: [] };
  for (const v of e.feeds) checks[areaOf(v)].push(feedCheck(v));
  const closed = settings.feeds.filter((f) => f.marketHoursOnly).length > 0 && e.feeds.length === 0;

  // Feeds the services report stale themselves (monitoring:data:stale): all of them are data feeds.
  for (const [id, f] of Object.entries(obs.reportedStale).sort(([a], [b]) => a.localeCompare(b))) {
    checks.data.push({
      name: id,
      ok: false,
      value: Math.round(f.ageMs),
      threshold: f.thresholdMs,
      detail: 'reported stale by its writer',
    });
  }
  if (settings.checkIbkr) {
    const c = obs.ibkrConnected;
    checks.data.push({
      name: ibkrConnected.key(),
      ok: c === 1,
      value: typeof c === 'number' ? c : null,
      threshold: 1,
      detail:
        c === 1
          ? null
          : c === 0
            ? 'IB Gateway disconnected'
            : c === null
              ? 'no connection state published'
              : c.invalid,
    });
  }
  if (settings.checkAv) {
    checks.data.push({
      name: 'alphavantage:latency',
      ok: obs.avDegraded === null,
      value: obs.avDegraded?.p95Ms ?? null,
      threshold: null,
      detail: obs.avDegraded?.reason ?? null,
    });
  }
  if (obs.redisMemory !== null && checks.data.length > 0) {
    const pct = (100 * obs.redisMemory.usedBytes) / obs.redisMemory.maxBytes;
    checks.data.push({
      name: 'redis:memory_pct',
      ok: pct < settings.redisMemoryWarnFraction * 100,
      value: Math.round(pct * 10) / 10,
      threshold: settings.redisMemoryWarnFraction * 100,
      detail: null,
    });
  }
  if (settings.checkAnalyticsJobs) {
    for (const [job, s] of Object.entries(obs.analyticsJobs).sort(([a], [b]) => a.localeCompare(b))) {
      checks.analytics.push({
        name: `job:${job}`,
        ok: s.ok,
        value: s.durationMs,
        threshold: null,
        detail: s.lastError,
      });
    }
  }

  const reports: MonitorReport[] = [];
  for (const area of ['data', 'analytics'] as const) {
    const owners = AREA_OWNERS[area].filter((o) => settings.expected.includes(o));
    if (owners.length === 0) continue;
    const ownerDown = owners.filter((o) => e.health.services[o]?.state === 'down');
    const list = checks[area];
    for (const o of ownerDown) {
      list.unshift({
        name: `service:${o}`,
        ok: false,
        value: null,
        threshold: null,
        detail: e.health.services[o]?.reason ?? 'down',
      });
    }
    if (closed && list.every((c) => c.ok)) {
      list.push({
        name: 'market',
        ok: true,
        value: null,
        threshold: null,
        detail: 'closed: market feeds not judged',
      });
    }
    const status: MonitorReport['status'] =
      ownerDown.length > 0 ? 'critical' : list.some((c) => !c.ok) ? 'warning' : 'ok';
    reports.push({ area, status, checks: list, ts: obs.wallNow });
  }
  return reports;
}
