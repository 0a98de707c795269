// The job table and a due-time scheduler read from the market clock. Every job runs on a fixed grid
// (time ≡ offset mod interval, epoch-aligned, so processes sharing a clock share the grid): chains every
// 5 s staggered 1 s per symbol, the other streams spread evenly across their cadence so calls do not
// bunch. The scheduler is pure: the caller ticks it with clock.now(), so simulated time and test clocks
// drive it exactly like the wall clock; missed beats are coalesced, never replayed in a burst.
import type { BudgetPlan, StreamId } from './plan';
import type { IngestionSettings, MacroFunction, TechnicalFunction } from './settings';

export type JobFunction =
  | 'REALTIME_OPTIONS'
  | 'TIME_SERIES_INTRADAY'
  | TechnicalFunction
  | 'NEWS_SENTIMENT'
  | MacroFunction
  | 'HISTORICAL_OPTIONS';

export interface JobSpec {
  /** e.g. `chains/SPY`, `technicals/RSI/AAPL`, `macro/CPI`, `historical`. */
  id: string;
  stream: StreamId;
  fn: JobFunction;
  /** Null for macro series and the historical queue. */
  symbol: string | null;
  intervalMs: number;
  /** Phase on the interval grid. */
  offsetMs: number;
  /** Position of the stream in the importance order (0 = chains). */
  importance: number;
}

/** Evenly spread phase of item k of n over an interval (half a slot in, so it avoids the grid's 0). */
const spread = (k: number, n: number, intervalMs: number): number => Math.floor(((k + 0.5) * intervalMs) / n);

export function buildJobs(settings: IngestionSettings, plan: BudgetPlan): JobSpec[] {
  const jobs: JobSpec[] = [];
  plan.streams.forEach((stream, importance) => {
    if (stream.status === 'dropped') return;
    const intervalMs = stream.plannedIntervalMs;
    const add = (id: string, fn: JobFunction, symbol: string | null, offsetMs: number) =>
      jobs.push({
        id,
        stream: stream.id,
        fn,
        symbol,
        intervalMs,
        offsetMs: offsetMs % intervalMs,
        importance,
      });
    switch (stream.id) {
      case 'chains':
        settings.chains.symbols.forEach((s, i) =>
          add(`chains/${s}`, 'REALTIME_OPTIONS', s, i * settings.chains.staggerMs),
        );
        break;
      case 'intraday': {
        const n = settings.intraday.symbols.length;
        settings.intraday.symbols.forEach((s, i) =>
          add(`intraday/${s}`, 'TIME_SERIES_INTRADAY', s, spread(i, n, intervalMs)),
        );
        break;
      }
      case 'technicals': {
        const { symbols, functions } = settings.technicals;
        const n = symbols.length * functions.length;
        symbols.forEach((s, i) =>
          functions.forEach((fn, j) =>
            add(`technicals/${fn}/${s}`, fn, s, spread(i * functions.length + j, n, intervalMs)),
          ),
        );
        break;
      }
      case 'sentiment': {
        const n = settings.sentiment.symbols.length;
        settings.sentiment.symbols.forEach((s, i) =>
          add(`sentiment/${s}`, 'NEWS_SENTIMENT', s, spread(i, n, intervalMs)),
        );
        break;
      }
      case 'macro': {
        const n = settings.macro.functions.length;
        settings.macro.functions.forEach((fn, i) => add(`macro/${fn}`, fn, null, spread(i, n, intervalMs)));
        break;
      }
      case 'historical':
        add('historical', 'HISTORICAL_OPTIONS', null, 0);
        break;
    }
  });
  return jobs;
}

export interface DueJob {
  job: JobSpec;
  /** The grid time this run belongs to. */
  dueAt: number;
  /** Grid times that passed without a run (late tick); they are not replayed. */
  missed: number;
}

/** The first grid time of the job at or after t. */
export function nextGridTime(job: Pick<JobSpec, 'intervalMs' | 'offsetMs'>, t: number): number {
  const k = Math.ceil((t - job.offsetMs) / job.intervalMs);
  return job.offsetMs + k * job.intervalMs;
}

export class Scheduler {
  private readonly next = new Map<string, number>();

  /** Jobs start at their first grid time at or after `startAt`. */
  constructor(
    readonly jobs: readonly JobSpec[],
    startAt: number,
  ) {
    const ids = new Set<string>();
    for (const job of jobs) {
      if (ids.has(job.id)) throw new Error(`duplicate job id ${job.id}`);
      if (!(job.intervalMs > 0)) throw new Error(`job ${job.id}: interval must be positive`);
      ids.add(job.id);
      this.next.set(job.id, nextGridTime(job, startAt));
    }
  }

  /**
   * Jobs due at `now`, earliest grid time first, then by importance; each moves to its next grid time
   * after `now`.
   */
  due(now: number): DueJob[] {
    const out: DueJob[] = [];
    for (const job of this.jobs) {
      const dueAt = this.next.get(job.id) as number;
      if (dueAt > now) continue;
      const following = nextGridTime(job, now + 1);
      out.push({ job, dueAt, missed: Math.max(0, Math.round((following - dueAt) / job.intervalMs) - 1) });
      this.next.set(job.id, following);
    }
    return out.sort(
      (a, b) => a.dueAt - b.dueAt || a.job.importance - b.job.importance || a.job.offsetMs - b.job.offsetMs,
    );
  }

  /** When the job runs next. */
  nextDueAt(id: string): number | undefined {
    return this.next.get(id);
  }

  /** The earliest next run of any job. */
  nextWakeAt(): number {
    return Math.min(...this.next.values());
  }
}
