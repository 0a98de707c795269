// Two ingestion processes (two Redis connections, one budget) driven by one simulated clock against
// av-sim over HTTP: the budget holds in every rolling minute, each beat's data is fetched once, and a
// short minute sheds optional pulls (technicals first) before chains.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Admission } from './adapters/rate-limiter';
import { createRedisLimiter } from './adapters/rate-limiter';
import type { Ingestion } from './ingestion';
import type { JobOutcome } from './jobs/context';
import { manualClock, startHarness, type Harness, type ManualClock } from './test-support';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.stop();
});
beforeEach(async () => {
  h.reset();
  await h.connect().redis.flushall();
});

/** Records every call the limiter admits for this process. */
function recordAdmissions(ingestion: Ingestion, clock: ManualClock): number[] {
  const times: number[] = [];
  const acquire = ingestion.limiter.acquire.bind(ingestion.limiter);
  ingestion.limiter.acquire = async (o): Promise<Admission> => {
    const r = await acquire(o);
    if (r.admitted) times.push(clock.now());
    return r;
  };
  return times;
}

function peakInAnyMinute(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  let peak = 0;
  let lo = 0;
  for (let hi = 0; hi < sorted.length; hi++) {
    while (sorted[lo]! <= sorted[hi]! - 60_000) lo++;
    peak = Math.max(peak, hi - lo + 1);
  }
  return peak;
}

/**
 * Ticks the processes every 100 ms of simulated time, in a pseudo-random order (whichever process wakes
 * first claims the beat), letting each beat's calls finish.
 */
async function drive(clock: ManualClock, processes: Ingestion[], ms: number): Promise<void> {
  const end = clock.now() + ms;
  let seed = 12345;
  while (clock.now() < end) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    const order = seed % 2 === 0 ? processes : [...processes].reverse();
    for (const p of order) p.tick();
    await Promise.all(processes.map((p) => p.dispatcher.idle()));
    clock.advance(100);
  }
}

const CHAIN_SYMBOLS = ['SPX', 'SPY', 'QQQ', 'IWM'];

describe('one budget shared by two ingestion processes', () => {
  it('never exceeds the budget in any rolling minute and fetches each beat once', async () => {
    const config = h.config({
      alphaVantage: { budgetCallsPerMinute: 60 },
      services: { 'av-ingestion': { chainExpiries: '0dte' as const } },
    });
    const clock = manualClock(h.model.now());
    const outcomes: { id: string; outcome: JobOutcome }[] = [];
    const spawn = (id: string) =>
      h.ingestion(config, {
        clock,
        limiterNow: clock.now,
        processId: id,
        onOutcome: (job, outcome) => outcomes.push({ id: job.id, outcome }),
      }).ingestion;
    const a = spawn('a');
    const b = spawn('b');
    const callsA = recordAdmissions(a, clock);
    const callsB = recordAdmissions(b, clock);

    await drive(clock, [a, b], 120_000);

    const all = [...callsA, ...callsB];
    expect(peakInAnyMinute(all)).toBeLessThanOrEqual(60);
    expect(callsA.length).toBeGreaterThan(0);
    expect(callsB.length).toBeGreaterThan(0);
    // Every HTTP call went through the shared limiter.
    const served = h.simCalls();
    expect(served).toHaveLength(all.length);
    // The budget plan at 60/min keeps the chains whole (48/min) and sheds technicals and sentiment.
    expect(a.plan.streams.find((s) => s.id === 'chains')!.status).toBe('full');
    expect(served.filter((c) => ['RSI', 'MACD', 'BBANDS', 'ATR', 'NEWS_SENTIMENT'].includes(c.fn))).toEqual(
      [],
    );
    // Each chain beat was fetched by one process only (2 minutes × 12 beats per symbol).
    for (const s of CHAIN_SYMBOLS) {
      const n = served.filter((c) => c.fn === 'REALTIME_OPTIONS' && c.symbol === s).length;
      expect([s, n]).toEqual([s, 24]);
    }
    expect(
      outcomes.filter((o) => o.id.startsWith('chains/') && o.outcome === 'claimed_elsewhere').length,
    ).toBeGreaterThan(0);
    expect(outcomes.filter((o) => o.id.startsWith('chains/') && o.outcome === 'skipped_budget')).toEqual([]);
  });

  it('when the minute runs short, skips technicals (and other optional pulls) but still serves the chains', async () => {
    const config = h.config({
      alphaVantage: { budgetCallsPerMinute: 200 },
      services: { 'av-ingestion': { chainExpiries: '0dte' as const } },
    });
    const clock = manualClock(h.model.now());
    // Another process already spent 150 calls of this minute.
    const hogConn = h.connect();
    const hog = createRedisLimiter(hogConn.redis, hogConn.store, {
      budgetPerMinute: 200,
      burstPerSecond: 1000,
      historicalPerMinute: 300,
      now: clock.now,
    });
    for (let i = 0; i < 150; i++) expect((await hog.acquire({ limit: 200 })).admitted).toBe(true);
    clock.advance(1);

    const outcomes: { stream: string; outcome: JobOutcome }[] = [];
    const { ingestion } = h.ingestion(config, {
      clock,
      limiterNow: clock.now,
      onOutcome: (job, outcome) => outcomes.push({ stream: job.stream, outcome }),
    });
    expect(ingestion.limits.technicals).toBeLessThan(150);
    expect(ingestion.limits.chains).toBe(200);
    await drive(clock, [ingestion], 20_000);

    const served = h.simCalls();
    expect(served.filter((c) => c.fn === 'REALTIME_OPTIONS').length).toBeGreaterThanOrEqual(12);
    expect(served.filter((c) => ['RSI', 'MACD', 'BBANDS', 'ATR'].includes(c.fn))).toEqual([]);
    expect(
      outcomes.filter((o) => o.stream === 'technicals' && o.outcome === 'skipped_budget').length,
    ).toBeGreaterThan(0);
    expect(outcomes.filter((o) => o.stream === 'chains' && o.outcome !== 'stored')).toEqual([]);
  });
});
