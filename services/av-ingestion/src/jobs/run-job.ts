// One scheduled run: outside its stream's window it rests; otherwise it claims the data type in the
// shared freshness record (fresh data or another process's claim means no call), fetches, and records
// the attempt's freshness with the time the request started.
import { feedKindOf, freshnessField, FRESH_FRACTION } from '../core/freshness';
import type { JobSpec } from '../core/schedule';
import type { MacroFunction, TechnicalFunction } from '../core/settings';
import { streamActive } from '../core/windows';
import type { JobContext, JobOutcome } from './context';
import { fetchChain, fetchIntraday, fetchMacro, fetchSentiment, fetchTechnical } from './fetchers';
import type { HistoricalBackfill } from './historical';

async function fetchJob(ctx: JobContext, job: JobSpec): Promise<JobOutcome> {
  const symbol = job.symbol ?? '';
  switch (job.stream) {
    case 'chains':
      return fetchChain(ctx, job, symbol);
    case 'intraday':
      return fetchIntraday(ctx, job, symbol);
    case 'technicals':
      return fetchTechnical(ctx, job, job.fn as TechnicalFunction, symbol);
    case 'sentiment':
      return fetchSentiment(ctx, job, symbol);
    case 'macro':
      return fetchMacro(ctx, job, job.fn as MacroFunction);
    case 'historical':
      return 'idle'; // run by the backfill
  }
}

export async function runJob(
  ctx: JobContext,
  job: JobSpec,
  backfill: HistoricalBackfill,
): Promise<JobOutcome> {
  const stream = ctx.plan.streams.find((s) => s.id === job.stream);
  const now = ctx.clock.now();
  if (stream === undefined || !streamActive(stream.window, now, ctx.settings.historical.after)) return 'idle';
  if (job.stream === 'historical') return backfill.run(ctx, job);

  const kind = feedKindOf(job);
  if (kind === null) return 'idle';
  const field = freshnessField(kind, job.symbol ?? job.fn);
  const hold = job.intervalMs * FRESH_FRACTION;
  const claim = await ctx.monitor.claim(field, now, hold, hold);
  if (claim === 'fresh') return 'fresh';
  if (claim === 'claimed_elsewhere') return 'claimed_elsewhere';

  const outcome = await fetchJob(ctx, job);
  if (outcome === 'stored' || outcome === 'unchanged') await ctx.monitor.recordFreshness(field, true, now);
  else if (outcome === 'failed') await ctx.monitor.recordFreshness(field, false, now);
  if (outcome === 'stored') ctx.telemetry.stored(job.stream);
  return outcome;
}
