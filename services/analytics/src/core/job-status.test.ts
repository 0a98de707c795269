import { AnalyticsJobStatus } from '@alphatrader/shared';
import { describe, expect, it } from 'vitest';
import { JobStatusBook } from './job-status';

describe('JobStatusBook', () => {
  it('reports a job failed when any run since the last publication failed, then recovers', () => {
    const b = new JobStatusBook();
    b.record([{ job: 'gex', ok: true, durationMs: 2, error: null }], 1000);
    b.record([{ job: 'gex', ok: false, durationMs: 5, error: 'spot must be positive' }], 2000);
    b.record([{ job: 'vpin', ok: true, durationMs: 0.1, error: null }], 2000);
    const first = b.publish();
    expect(AnalyticsJobStatus.parse(first.gex)).toEqual({
      job: 'gex',
      ok: false,
      durationMs: 5,
      lastError: 'spot must be positive',
      ts: 2000,
    });
    expect(first.vpin!.ok).toBe(true);
    // No runs since: the last outcome is kept.
    expect(b.publish().gex!.ok).toBe(false);
    b.record([{ job: 'gex', ok: true, durationMs: 1, error: null }], 3000);
    expect(b.publish().gex).toEqual({ job: 'gex', ok: true, durationMs: 1, lastError: null, ts: 3000 });
  });
});
