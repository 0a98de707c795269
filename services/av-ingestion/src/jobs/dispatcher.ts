// Drives the scheduler from the market clock: each tick asks which jobs are due at clock.now() and
// starts them without waiting (a slow chain never delays the next symbol's beat); a job still running
// from its previous beat is not started twice. stop() waits for the runs in flight.
import type { Logger } from 'pino';
import type { Clock } from '@alphatrader/shared';
import type { DueJob, JobSpec, Scheduler } from '../core/schedule';
import type { JobOutcome } from './context';

export interface DispatchRecord {
  job: JobSpec;
  dueAt: number;
  startedAt: number;
}

export interface DispatcherOptions {
  scheduler: Scheduler;
  clock: Clock;
  run: (job: JobSpec) => Promise<JobOutcome>;
  logger: Logger;
  /** Observes every start (tests, debug). */
  onDispatch?: (record: DispatchRecord) => void;
  onOutcome?: (job: JobSpec, outcome: JobOutcome) => void;
}

export class Dispatcher {
  private readonly inFlight = new Map<string, Promise<void>>();
  private stopped = false;
  /** Beats that found the job still running from the previous one. */
  overlaps = 0;

  constructor(private readonly o: DispatcherOptions) {}

  /** Starts every due job; returns what was started. */
  tick(): DueJob[] {
    if (this.stopped) return [];
    const now = this.o.clock.now();
    const started: DueJob[] = [];
    for (const due of this.o.scheduler.due(now)) {
      const { job } = due;
      if (this.inFlight.has(job.id)) {
        this.overlaps += 1;
        this.o.logger.debug({ job: job.id }, 'previous run still in flight: beat skipped');
        continue;
      }
      this.o.onDispatch?.({ job, dueAt: due.dueAt, startedAt: now });
      const p = this.o
        .run(job)
        .then(
          (outcome) => this.o.onOutcome?.(job, outcome),
          (err: unknown) => this.o.logger.error({ err, job: job.id }, 'job failed unexpectedly'),
        )
        .finally(() => this.inFlight.delete(job.id));
      this.inFlight.set(job.id, p);
      started.push(due);
    }
    return started;
  }

  get running(): number {
    return this.inFlight.size;
  }

  /** Resolves when every run in flight has finished. */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight.values()]);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.idle();
  }
}
