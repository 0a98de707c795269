// The HISTORICAL_OPTIONS backfill: after 16:30 ET, one (symbol, session) at a time, only those whose
// options:{s}:oi:{date} is missing (kept 30 days), throttled by its job cadence and the shared 300/min
// window. Each process walks the queue in its own shuffled order so two processes rarely pick the same
// item at once.
import { optionsOiHistory } from '@alphatrader/shared';
import { openInterestHistory } from '../core/chain-metrics';
import { chainRejection, validateContracts } from '../core/contracts';
import type { JobSpec } from '../core/schedule';
import { backfillDates } from '../core/windows';
import type { JobContext, JobOutcome } from './context';
import { fetchFor, rejectData } from './fetchers';

export class HistoricalBackfill {
  private readonly done = new Set<string>();
  private readonly order: number[] = [];

  constructor(private readonly random: () => number = Math.random) {}

  private queue(ctx: JobContext): { symbol: string; date: string }[] {
    const { symbols, days, after } = ctx.settings.historical;
    const items = backfillDates(ctx.clock.now(), days, after).flatMap((date) =>
      symbols.map((symbol) => ({ symbol, date })),
    );
    while (this.order.length < items.length) {
      // Random position for each new item (a lazily built shuffle).
      this.order.push(this.random());
    }
    return items
      .map((item, i) => ({ item, rank: this.order[i] ?? 0 }))
      .sort((a, b) => a.rank - b.rank)
      .map((x) => x.item);
  }

  /** Fetches the next missing session, or reports that none is missing. */
  async run(ctx: JobContext, job: JobSpec): Promise<JobOutcome> {
    for (const { symbol, date } of this.queue(ctx)) {
      const id = `${symbol}:${date}`;
      if (this.done.has(id)) continue;
      const ref = optionsOiHistory.at({ symbol, date });
      const exists = await ctx.store.ttl(ref);
      if (exists.ok) {
        this.done.add(id);
        continue;
      }
      return this.fetch(ctx, { ...job, symbol }, symbol, date, id);
    }
    return 'done';
  }

  private async fetch(
    ctx: JobContext,
    job: JobSpec,
    symbol: string,
    date: string,
    id: string,
  ): Promise<JobOutcome> {
    const res = await fetchFor(ctx, job, {
      fn: 'HISTORICAL_OPTIONS',
      symbol,
      params: { symbol, date },
      historical: true,
    });
    if (!res.ok) return res.outcome;
    const validated = validateContracts(res.data.data, {
      symbol,
      requireGreeks: false,
      checkGreeks: false,
    });
    await ctx.telemetry.drops(symbol, validated.drops);
    const reason = chainRejection(validated, ctx.settings.maxRejectedFraction);
    if (reason !== null) return rejectData(ctx, job, 'malformed', reason);
    const now = ctx.clock.now();
    await ctx.writers.oiHistory(
      symbol,
      date,
      openInterestHistory(symbol, date, validated.contracts, now),
      now,
    );
    this.done.add(id);
    return 'stored';
  }
}
