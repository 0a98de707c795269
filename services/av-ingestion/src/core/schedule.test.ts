import { describe, expect, it } from 'vitest';
import { etTime, loadConfig } from '@alphatrader/shared';
import { fitBudget, streamDemands } from './plan';
import { buildJobs, nextGridTime, Scheduler, type JobSpec } from './schedule';
import { resolveSettings } from './settings';

const settings = resolveSettings(loadConfig({ env: { ALPHAVANTAGE_API_KEY: 'k' } }));
const jobs = buildJobs(settings, fitBudget(streamDemands(settings), settings.budgetPerMinute));
const T0 = etTime('2025-11-21', '10:00'); // on every cadence's grid (a whole minute)

/** Runs the scheduler over [from, to] in `step` ms ticks and returns every dispatch. */
function run(scheduler: Scheduler, from: number, to: number, step = 100) {
  const out: { id: string; at: number; dueAt: number; missed: number }[] = [];
  for (let t = from; t <= to; t += step) {
    for (const d of scheduler.due(t)) out.push({ id: d.job.id, at: t, dueAt: d.dueAt, missed: d.missed });
  }
  return out;
}

describe('scheduler', () => {
  it('runs 0DTE chains for SPX, SPY, QQQ, IWM every 5 s, staggered 1 s apart in that order', () => {
    const chains = jobs.filter((j) => j.stream === 'chains');
    const runs = run(new Scheduler(chains, T0), T0, T0 + 20_000 - 1);
    expect(runs.slice(0, 4).map((r) => [r.id, r.at - T0])).toEqual([
      ['chains/SPX', 0],
      ['chains/SPY', 1000],
      ['chains/QQQ', 2000],
      ['chains/IWM', 3000],
    ]);
    for (const s of ['SPX', 'SPY', 'QQQ', 'IWM']) {
      const times = runs.filter((r) => r.id === `chains/${s}`).map((r) => r.at);
      expect(times).toHaveLength(4);
      expect(times.slice(1).map((t, i) => t - times[i]!)).toEqual([5000, 5000, 5000]);
    }
  });

  it('runs every job once per cadence: intraday every 15 s, technicals every 60 s, macro every 5 min', () => {
    const runs = run(new Scheduler(jobs, T0), T0, T0 + 10 * 60_000 - 1);
    const count = (id: string) => runs.filter((r) => r.id === id).length;
    expect(count('chains/SPY')).toBe(120);
    expect(count('intraday/AAPL')).toBe(40);
    expect(count('technicals/RSI/NVDA')).toBe(10);
    expect(count('macro/CPI')).toBe(2);
    expect(count('sentiment/MSFT')).toBe(2);
    // Every run happens at (or within one tick after) its grid time.
    expect(runs.every((r) => r.at - r.dueAt < 100 && r.missed === 0)).toBe(true);
  });

  it('spreads the intraday symbols across the 15 s cadence instead of bursting them', () => {
    const intraday = jobs.filter((j) => j.stream === 'intraday');
    const runs = run(new Scheduler(intraday, T0), T0, T0 + 15_000 - 1);
    expect(runs).toHaveLength(settings.intraday.symbols.length);
    const gaps = runs.slice(1).map((r, i) => r.at - runs[i]!.at);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(1000);
    // Chains run on whole seconds; intraday calls never land on them.
    expect(jobs.filter((j) => j.stream === 'chains').every((j) => j.offsetMs % 1000 === 0)).toBe(true);
    expect(intraday.every((j) => j.offsetMs % 1000 !== 0)).toBe(true);
  });

  it('orders jobs due at the same instant by importance (chains before optional pulls)', () => {
    const a: JobSpec = {
      id: 'technicals/RSI/SPY',
      stream: 'technicals',
      fn: 'RSI',
      symbol: 'SPY',
      intervalMs: 1000,
      offsetMs: 0,
      importance: 4,
    };
    const b: JobSpec = {
      id: 'chains/SPY',
      stream: 'chains',
      fn: 'REALTIME_OPTIONS',
      symbol: 'SPY',
      intervalMs: 1000,
      offsetMs: 0,
      importance: 0,
    };
    const due = new Scheduler([a, b], T0).due(T0);
    expect(due.map((d) => d.job.id)).toEqual(['chains/SPY', 'technicals/RSI/SPY']);
  });

  it('coalesces beats missed by a late tick instead of replaying them in a burst', () => {
    const chain = jobs.find((j) => j.id === 'chains/SPX')!;
    const scheduler = new Scheduler([chain], T0);
    expect(scheduler.due(T0)).toHaveLength(1);
    const late = scheduler.due(T0 + 12_000); // the 5 s and 10 s beats passed unseen
    expect(late).toHaveLength(1);
    expect(late[0]!.missed).toBe(1);
    expect(scheduler.nextDueAt('chains/SPX')).toBe(T0 + 15_000);
  });

  it('puts every process on the same epoch-aligned grid whenever it starts', () => {
    const job = jobs.find((j) => j.id === 'chains/QQQ')!;
    const early = new Scheduler([job], T0 - 7_300);
    const late = new Scheduler([job], T0 + 1_234);
    expect(Math.abs((early.nextDueAt(job.id)! - late.nextDueAt(job.id)!) % job.intervalMs)).toBe(0);
    expect(nextGridTime(job, T0 + 1_234)).toBe(T0 + 2_000);
  });
});
