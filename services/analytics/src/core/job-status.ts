// Health of each analytics job across symbols, published to analytics:status (field = job) every status
// interval: a job is ok when none of its runs since the last publication failed.
import type { AnalyticsJobStatus } from '@alphatrader/shared';
import type { JobName, JobRun } from './types';

interface JobWindow {
  lastRunAt: number;
  runs: number;
  failures: number;
  maxDurationMs: number;
  lastError: string | null;
  /** Outcome published last, kept while the job does not run. */
  published: AnalyticsJobStatus | null;
}

export class JobStatusBook {
  private readonly jobs = new Map<JobName, JobWindow>();

  record(runs: readonly JobRun[], now: number): void {
    for (const r of runs) {
      let w = this.jobs.get(r.job);
      if (w === undefined) {
        w = { lastRunAt: now, runs: 0, failures: 0, maxDurationMs: 0, lastError: null, published: null };
        this.jobs.set(r.job, w);
      }
      w.lastRunAt = now;
      w.runs++;
      w.maxDurationMs = Math.max(w.maxDurationMs, r.durationMs);
      if (!r.ok) {
        w.failures++;
        w.lastError = r.error;
      }
    }
  }

  /** Status per job that has ever run; resets the window. ts = the job's last run. */
  publish(): Record<string, AnalyticsJobStatus> {
    const out: Record<string, AnalyticsJobStatus> = {};
    for (const [job, w] of this.jobs) {
      if (w.runs > 0) {
        w.published = {
          job,
          ok: w.failures === 0,
          durationMs: Math.max(0, w.maxDurationMs),
          lastError: w.failures === 0 ? null : w.lastError,
          ts: Math.max(0, Math.round(w.lastRunAt)),
        };
      }
      w.runs = 0;
      w.failures = 0;
      w.maxDurationMs = 0;
      w.lastError = null;
      if (w.published !== null) out[job] = w.published;
    }
    return out;
  }
}
