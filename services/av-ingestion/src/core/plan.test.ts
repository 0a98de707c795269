import { describe, expect, it } from 'vitest';
import { etTime, loadConfig } from '@alphatrader/shared';
import { admissionLimits, callsPerMinute, fitBudget, streamDemands, type StreamId } from './plan';
import { buildJobs, Scheduler } from './schedule';
import { resolveSettings } from './settings';

const repoConfig = (overrides: Record<string, unknown> = {}) =>
  loadConfig({ env: { ALPHAVANTAGE_API_KEY: 'test-key' }, overrides });

const byId = (plan: ReturnType<typeof fitBudget>, id: StreamId) => plan.streams.find((s) => s.id === id)!;

/** Most calls in any rolling 60 s of a schedule run for `minutes` (jobs dispatched when due). */
function peakCallsInAnyMinute(jobs: ReturnType<typeof buildJobs>, minutes: number): number {
  const t0 = etTime('2025-11-21', '10:00');
  const scheduler = new Scheduler(jobs, t0);
  const times: number[] = [];
  for (let t = t0; t <= t0 + minutes * 60_000; t += 50) {
    for (const _ of scheduler.due(t)) times.push(t);
  }
  let peak = 0;
  let lo = 0;
  for (let hi = 0; hi < times.length; hi++) {
    while (times[lo]! <= times[hi]! - 60_000) lo++;
    peak = Math.max(peak, hi - lo + 1);
  }
  return peak;
}

describe('the configured schedule (config/config.yaml) fits the budget', () => {
  const settings = resolveSettings(repoConfig());
  const plan = fitBudget(streamDemands(settings), settings.budgetPerMinute);

  it('costs what seed 004 budgets per stream', () => {
    expect(settings.budgetPerMinute).toBe(590);
    expect(byId(plan, 'chains').plannedCallsPerMinute).toBe(48);
    expect(byId(plan, 'intraday').plannedCallsPerMinute).toBe(44);
    expect(byId(plan, 'macro').plannedCallsPerMinute).toBeLessThan(5);
    expect(plan.streams.every((s) => s.status === 'full')).toBe(true);
    expect(plan.fits).toBe(true);
    expect(plan.peakCallsPerMinute).toBeLessThanOrEqual(settings.budgetPerMinute);
  });

  it('never schedules more calls than the budget in any rolling minute, session or after close', () => {
    const jobs = buildJobs(settings, plan);
    const session = jobs.filter((j) => j.stream !== 'historical');
    const afterClose = jobs.filter((j) => ['historical', 'macro', 'sentiment'].includes(j.stream));
    const sessionPeak = peakCallsInAnyMinute(session, 11);
    const afterPeak = peakCallsInAnyMinute(afterClose, 11);
    expect(sessionPeak).toBeLessThanOrEqual(settings.budgetPerMinute);
    expect(afterPeak).toBeLessThanOrEqual(settings.budgetPerMinute);
    // The real-time streams alone are exactly the seed's 48 + 44 per minute (+ 4 calls per symbol of technicals).
    const realtime = jobs.filter((j) => j.stream === 'chains' || j.stream === 'intraday');
    expect(peakCallsInAnyMinute(realtime, 3)).toBeLessThanOrEqual(48 + 44 + 1);
  });
});

describe('fitBudget', () => {
  const settings = resolveSettings(repoConfig());
  const demands = streamDemands(settings);

  it('on a short plan drops optional pulls, technicals first, and keeps the chains whole', () => {
    const plan = fitBudget(demands, 75);
    expect(byId(plan, 'chains').status).toBe('full');
    expect(byId(plan, 'technicals').status).toBe('dropped');
    expect(byId(plan, 'sentiment').status).toBe('dropped');
    expect(byId(plan, 'intraday').status).toBe('stretched');
    expect(byId(plan, 'intraday').plannedIntervalMs).toBeGreaterThan(settings.intraday.intervalMs);
    expect(plan.peakCallsPerMinute).toBeLessThanOrEqual(75);
    expect(plan.fits).toBe(true);
  });

  it('stretches the chains rather than dropping them when they alone exceed the budget', () => {
    const plan = fitBudget(demands, 30);
    expect(byId(plan, 'chains').status).toBe('stretched');
    expect(byId(plan, 'chains').plannedCallsPerMinute).toBeLessThanOrEqual(30);
    expect(
      plan.streams.filter((s) => s.optional && s.window === 'session').every((s) => s.status === 'dropped'),
    ).toBe(true);
  });

  it('keeps every stream at full cadence on the 1200/min plan', () => {
    const plan = fitBudget(demands, 1200);
    expect(plan.streams.every((s) => s.status === 'full')).toBe(true);
  });

  it('lets the after-close backfill use what the session streams leave, at most its own throttle', () => {
    const plan = fitBudget(demands, 590);
    expect(byId(plan, 'historical').plannedCallsPerMinute).toBeCloseTo(
      callsPerMinute(1, Math.ceil(60_000 / 300)),
      6,
    );
  });
});

describe('admissionLimits', () => {
  it('gives the chains the whole budget and sheds technicals before any other session stream', () => {
    const settings = resolveSettings(repoConfig());
    const limits = admissionLimits(fitBudget(streamDemands(settings), 590));
    expect(limits.chains).toBe(590);
    expect(limits.intraday).toBe(590 - 48);
    expect(limits.technicals).toBeLessThan(limits.sentiment);
    expect(limits.sentiment).toBeLessThan(limits.macro);
    expect(limits.macro).toBeLessThan(limits.intraday);
    expect(limits.historical).toBeGreaterThan(limits.technicals); // after close the session streams rest
  });

  it('closes optional streams entirely when the plan leaves them nothing', () => {
    const settings = resolveSettings(repoConfig());
    const limits = admissionLimits(fitBudget(streamDemands(settings), 48));
    expect(limits.chains).toBe(48);
    expect(limits.intraday).toBe(0);
    expect(limits.technicals).toBe(0);
  });
});
