import { describe, expect, it } from 'vitest';
import { ibkrConnected, marketTimestamp, type Heartbeat } from '@alphatrader/shared';
import { areaReports } from './areas';
import { evaluateHealth, evaluateService, formatDuration, summariseIds } from './evaluate';
import type { MonitorSettings } from './settings';
import { emptyMemory, type FeedSpec, type HeartbeatObservation, type Observation } from './types';

// Tuesday 2026-11-24, 10:00 ET (15:00 UTC): the regular session is open.
const OPEN = Date.UTC(2026, 10, 24, 15, 0, 0);
// The same day at 17:00 ET: closed.
const CLOSED = Date.UTC(2026, 10, 24, 22, 0, 0);
const SESSION_OPEN = Date.UTC(2026, 10, 24, 14, 30, 0);
const WALL = 1_700_000_000_000;
const SPY = `${marketTimestamp.family}:SPY`;
const QQQ = `${marketTimestamp.family}:QQQ`;

const marketFeed = (symbol: string): FeedSpec => ({
  id: `${marketTimestamp.family}:${symbol}`,
  family: marketTimestamp.family,
  symbol,
  source: 'market-timestamp',
  owner: 'ibkr-ingestion',
  thresholdMs: 3000,
  marketHoursOnly: true,
});

const settings: MonitorSettings = {
  self: 'monitor',
  publishIntervalMs: 1000,
  heartbeatStaleMs: 15_000,
  expected: ['analytics', 'ibkr-ingestion', 'monitor'],
  feeds: [marketFeed('SPY'), marketFeed('QQQ')],
  checkAnalyticsJobs: true,
  checkIbkr: true,
  checkAv: true,
  redisMemoryWarnFraction: 0.7,
};

function hb(service: string, over: Partial<Heartbeat> = {}): HeartbeatObservation {
  return {
    kind: 'ok',
    heartbeat: {
      service,
      ts: WALL - 1000,
      pid: 100,
      version: '1',
      status: 'running',
      uptimeSeconds: 10,
      lastError: null,
      halted: false,
      ...over,
    },
  };
}

function observation(over: Partial<Observation> = {}): Observation {
  return {
    wallNow: WALL,
    marketNow: OPEN,
    speed: 1,
    heartbeats: new Map([
      ['analytics', hb('analytics')],
      ['ibkr-ingestion', hb('ibkr-ingestion')],
      ['monitor', hb('monitor')],
    ]),
    feeds: new Map([
      [SPY, OPEN - 500],
      [QQQ, OPEN - 200],
    ]),
    ibkrConnected: 1,
    avDegraded: null,
    analyticsJobs: {},
    reportedStale: {},
    halt: null,
    redisMemory: { usedBytes: 100, maxBytes: 1000 },
    ...over,
  };
}

describe('evaluateService', () => {
  const s = { heartbeatStaleMs: 15_000, self: 'monitor' };
  it('is up with a fresh running heartbeat and reports its age', () => {
    expect(evaluateService('analytics', hb('analytics'), WALL, s)).toEqual({
      state: 'up',
      heartbeatAgeMs: 1000,
      reason: null,
    });
  });
  it('is down without a heartbeat, or with one older than heartbeatStaleMs', () => {
    expect(evaluateService('analytics', { kind: 'missing' }, WALL, s).state).toBe('down');
    expect(evaluateService('analytics', undefined, WALL, s).state).toBe('down');
    const old = evaluateService('analytics', hb('analytics', { ts: WALL - 15_001 }), WALL, s);
    expect(old.state).toBe('down');
    expect(old.heartbeatAgeMs).toBe(15_001);
    expect(old.reason).toContain('15.0s old');
    expect(evaluateService('analytics', hb('analytics', { ts: WALL - 15_000 }), WALL, s).state).toBe('up');
  });
  it('is degraded when the service says so, with its last error as the reason', () => {
    const d = evaluateService(
      'analytics',
      hb('analytics', { status: 'degraded', lastError: 'no chain' }),
      WALL,
      s,
    );
    expect(d).toMatchObject({ state: 'degraded', reason: 'no chain' });
    expect(evaluateService('analytics', hb('analytics', { status: 'starting' }), WALL, s).state).toBe(
      'degraded',
    );
    expect(evaluateService('analytics', hb('analytics', { status: 'stopping' }), WALL, s).state).toBe('down');
    expect(
      evaluateService('analytics', { kind: 'invalid', reason: 'pid: expected number' }, WALL, s),
    ).toMatchObject({
      state: 'degraded',
      reason: expect.stringContaining('pid') as string,
    });
  });
  it('never declares itself down: it is the one evaluating', () => {
    expect(evaluateService('monitor', { kind: 'missing' }, WALL, s).state).toBe('up');
  });
  it('clamps a heartbeat from a clock ahead of ours to age 0', () => {
    expect(evaluateService('analytics', hb('analytics', { ts: WALL + 500 }), WALL, s).heartbeatAgeMs).toBe(0);
  });
});

describe('evaluateHealth', () => {
  it('is ok when every expected service is up and every feed fresh', () => {
    const { health } = evaluateHealth(observation(), settings, emptyMemory());
    expect(health.state).toBe('ok');
    expect(health.reasons).toEqual([]);
    expect(health.staleFeeds).toEqual({});
    expect(Object.keys(health.services)).toEqual(['analytics', 'ibkr-ingestion', 'monitor']);
    expect(health.checks).toBe(1);
    expect(health.halted).toBe(false);
  });

  it('is down when an expected service has no heartbeat, naming it', () => {
    const heartbeats = new Map(observation().heartbeats);
    heartbeats.delete('analytics');
    const { health } = evaluateHealth(observation({ heartbeats }), settings, emptyMemory());
    expect(health.state).toBe('down');
    expect(health.services.analytics?.state).toBe('down');
    expect(health.reasons[0]).toMatch(/^analytics down: no heartbeat/);
  });

  it('lists heartbeats of services it does not expect without judging the fleet by them', () => {
    const heartbeats = new Map(observation().heartbeats);
    heartbeats.set('market-sim', hb('market-sim', { status: 'degraded', lastError: 'x' }));
    const { health } = evaluateHealth(observation({ heartbeats }), settings, emptyMemory());
    expect(health.services['market-sim']?.state).toBe('degraded');
    expect(health.state).toBe('ok');
  });

  it('flags a market feed silent longer than its threshold while the market is open', () => {
    const feeds = new Map<string, number | null>([
      [SPY, OPEN - 3001],
      [QQQ, OPEN - 2999],
    ]);
    const { health } = evaluateHealth(observation({ feeds }), settings, emptyMemory());
    expect(health.state).toBe('degraded');
    expect(health.staleFeeds).toEqual({ [SPY]: 3001 });
    expect(health.reasons).toEqual(['market feeds stale (limit 3.0s): SPY silent 3.0s']);
  });

  it('does not flag market feeds while the market is closed', () => {
    const feeds = new Map<string, number | null>([
      [SPY, CLOSED - 3_600_000],
      [QQQ, null],
    ]);
    const { health } = evaluateHealth(observation({ marketNow: CLOSED, feeds }), settings, emptyMemory());
    expect(health.staleFeeds).toEqual({});
    expect(health.state).toBe('ok');
  });

  it('judges silence in real time: ages are divided by the simulated speed', () => {
    const feeds = new Map<string, number | null>([
      [SPY, OPEN - 25_000],
      [QQQ, OPEN - 31_000],
    ]);
    const { health } = evaluateHealth(observation({ feeds, speed: 10 }), settings, emptyMemory());
    // 25 s of market time at x10 is 2.5 s of silence: fresh. 31 s is 3.1 s: stale. Ages stay in market time.
    expect(health.staleFeeds).toEqual({ [QQQ]: 31_000 });
  });

  it('does not count the time before the open bell against a feed', () => {
    const justOpened = SESSION_OPEN + 2000;
    const feeds = new Map<string, number | null>([
      [SPY, SESSION_OPEN - 17 * 3_600_000],
      [QQQ, SESSION_OPEN - 17 * 3_600_000],
    ]);
    const first = evaluateHealth(observation({ marketNow: justOpened, feeds }), settings, emptyMemory());
    expect(first.health.staleFeeds).toEqual({});
    const later = evaluateHealth(
      observation({ marketNow: SESSION_OPEN + 4000, feeds }),
      settings,
      first.memory,
    );
    expect(later.health.staleFeeds).toEqual({ [SPY]: 4000, [QQQ]: 4000 });
  });

  it('remembers the last update of a key that expired, and ages a feed never seen from when watching began', () => {
    const seen = evaluateHealth(observation(), settings, emptyMemory());
    const gone = new Map<string, number | null>([
      [SPY, null],
      [QQQ, null],
    ]);
    const after = evaluateHealth(observation({ marketNow: OPEN + 5000, feeds: gone }), settings, seen.memory);
    expect(after.health.staleFeeds).toEqual({ [SPY]: 5500, [QQQ]: 5200 });

    const fresh = evaluateHealth(observation({ feeds: gone }), settings, emptyMemory());
    expect(fresh.health.staleFeeds).toEqual({});
    const never = evaluateHealth(
      observation({ marketNow: OPEN + 3500, feeds: gone }),
      settings,
      fresh.memory,
    );
    expect(never.health.staleFeeds).toEqual({ [SPY]: 3500, [QQQ]: 3500 });
    expect(never.health.reasons[0]).toContain('SPY no data yet');
    expect(never.health.checks).toBe(2);
  });

  it('treats an invalid feed value as no update and says why', () => {
    const feeds = new Map<string, number | null | { invalid: string }>([
      [SPY, { invalid: 'schema: expected number' }],
      [QQQ, OPEN],
    ]);
    const first = evaluateHealth(observation({ feeds }), settings, emptyMemory());
    feeds.set(QQQ, OPEN + 3500);
    const later = evaluateHealth(observation({ feeds, marketNow: OPEN + 4000 }), settings, first.memory);
    expect(Object.keys(later.health.staleFeeds)).toEqual([SPY]);
    expect(later.health.reasons[0]).toContain('invalid value: schema: expected number');
  });

  it('reports failing analytics jobs, and not quiet ones (event-driven jobs may rightly be quiet)', () => {
    const analyticsJobs = {
      gex: { job: 'gex', ok: false, durationMs: 3, lastError: 'no chain', ts: OPEN },
      portfolio: { job: 'portfolio', ok: true, durationMs: 1, lastError: null, ts: OPEN - 600_000 },
    };
    const { health } = evaluateHealth(observation({ analyticsJobs }), settings, emptyMemory());
    expect(health.state).toBe('degraded');
    expect(health.reasons).toEqual(['analytics job gex failing: no chain']);
    expect(health.staleFeeds).toEqual({});
  });

  it('degrades on a lost gateway connection, a degraded Alpha Vantage, service reports and full memory', () => {
    const cases: Array<[Partial<Observation>, RegExp]> = [
      [{ ibkrConnected: 0 }, /IB Gateway disconnected/],
      [{ ibkrConnected: null }, /IB Gateway connection unknown/],
      [
        { avDegraded: { reason: 'p95 above 2 s for 3 min', p95Ms: 2500 } },
        /Alpha Vantage degraded: p95 2\.5s/,
      ],
      [{ redisMemory: { usedBytes: 700, maxBytes: 1000 } }, /redis memory at 70% of maxmemory/],
      [
        {
          reportedStale: {
            'book:SPY': {
              symbol: 'SPY',
              feed: 'book',
              lastUpdate: null,
              ageMs: 6000,
              thresholdMs: 5000,
              ts: OPEN,
            },
          },
        },
        /reported stale by services: book:SPY/,
      ],
    ];
    for (const [over, reason] of cases) {
      const { health } = evaluateHealth(observation(over), settings, emptyMemory());
      expect(health.state, String(reason)).toBe('degraded');
      expect(health.reasons.join('\n')).toMatch(reason);
    }
  });

  it('does not blame the gateway when ingestion itself is down', () => {
    const heartbeats = new Map(observation().heartbeats);
    heartbeats.delete('ibkr-ingestion');
    const { health } = evaluateHealth(
      observation({ heartbeats, ibkrConnected: null }),
      settings,
      emptyMemory(),
    );
    expect(health.reasons.some((r) => r.includes('IB Gateway'))).toBe(false);
  });

  it('reports a halt without judging the fleet by it', () => {
    const halt = { halted: true as const, reason: 'drill', by: 'ops', ts: WALL };
    const { health } = evaluateHealth(observation({ halt }), settings, emptyMemory());
    expect(health.halted).toBe(true);
    expect(health.state).toBe('ok');
    expect(health.reasons).toEqual(['trading halted by ops: drill']);
  });
});

describe('areaReports (monitors:{area})', () => {
  const withAv: MonitorSettings = { ...settings, expected: [...settings.expected, 'av-ingestion'] };
  const obsFor = (over: Partial<Observation> = {}) => {
    const heartbeats = new Map(observation().heartbeats);
    heartbeats.set('av-ingestion', hb('av-ingestion'));
    return observation({ heartbeats, ...over });
  };

  it('reports the data and analytics areas ok with one check per feed and connection', () => {
    const obs = obsFor();
    const reports = areaReports(evaluateHealth(obs, withAv, emptyMemory()), obs, withAv);
    expect(reports.map((r) => [r.area, r.status])).toEqual([
      ['data', 'ok'],
      ['analytics', 'ok'],
    ]);
    const data = reports[0]!;
    expect(data.checks.map((c) => c.name)).toEqual([
      SPY,
      QQQ,
      ibkrConnected.key(),
      'alphavantage:latency',
      'redis:memory_pct',
    ]);
    expect(data.checks[0]).toMatchObject({ ok: true, value: 500, threshold: 3000 });
    expect(data.ts).toBe(WALL);
  });

  it('warns on a failing check and is critical when a service of the area is down', () => {
    const stale = obsFor({
      feeds: new Map([
        [SPY, OPEN - 9000],
        [QQQ, OPEN],
      ]),
    });
    const warn = areaReports(evaluateHealth(stale, withAv, emptyMemory()), stale, withAv)[0]!;
    expect(warn.status).toBe('warning');
    expect(warn.checks.find((c) => c.name === SPY)).toMatchObject({ ok: false, value: 9000 });

    const heartbeats = new Map(obsFor().heartbeats);
    heartbeats.delete('analytics');
    const down = obsFor({ heartbeats });
    const analytics = areaReports(evaluateHealth(down, withAv, emptyMemory()), down, withAv)[1]!;
    expect(analytics.status).toBe('critical');
    expect(analytics.checks[0]).toMatchObject({ name: 'service:analytics', ok: false });
  });

  it('counts the feeds the services report stale in the data area', () => {
    const obs = obsFor({
      reportedStale: {
        'av_chain:SPY': {
          symbol: 'SPY',
          feed: 'av_chain',
          lastUpdate: null,
          ageMs: 70_000,
          thresholdMs: 60_000,
          ts: OPEN,
        },
      },
    });
    const data = areaReports(evaluateHealth(obs, withAv, emptyMemory()), obs, withAv)[0]!;
    expect(data.status).toBe('warning');
    expect(data.checks.find((c) => c.name === 'av_chain:SPY')).toMatchObject({
      ok: false,
      value: 70_000,
      threshold: 60_000,
    });
  });

  it('does not report an area whose services are not expected', () => {
    const only: MonitorSettings = {
      ...settings,
      expected: ['monitor'],
      feeds: [],
      checkIbkr: false,
      checkAv: false,
      checkAnalyticsJobs: false,
    };
    const obs = observation();
    expect(areaReports(evaluateHealth(obs, only, emptyMemory()), obs, only)).toEqual([]);
  });
});

describe('summariseIds', () => {
  it('lists a few ids, and counts many by kind', () => {
    expect(summariseIds(['book:SPY', 'trades:QQQ'])).toBe('book:SPY, trades:QQQ');
    const many = ['SPY', 'QQQ', 'IWM', 'AAPL']
      .flatMap((s) => [`rsi:${s}`, `macd:${s}`])
      .concat(['chain:SPX']);
    expect(summariseIds(many, 2)).toBe('9 feeds (macd 4, rsi 4, …)');
  });
});

describe('formatDuration', () => {
  it('picks a readable unit', () => {
    expect(formatDuration(850)).toBe('850ms');
    expect(formatDuration(7250)).toBe('7.3s');
    expect(formatDuration(185_000)).toBe('3m 5s');
    expect(formatDuration(2 * 3_600_000 + 60_000)).toBe('2h 1m');
  });
});
