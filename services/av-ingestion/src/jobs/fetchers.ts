// One fetch per stream: build the request, call through the budgeted client, turn a good answer into
// registry values and store them. A failed, throttled, premium, sample, empty or malformed answer
// never reaches a writer, so the last good value stays in place until its TTL says it is stale.
import { setTimeout as sleep } from 'node:timers/promises';
import {
  AvError,
  expiries,
  marketIntraday,
  normaliseNewsSentiment,
  type AvFunction,
  type AvSuccessData,
} from '@alphatrader/shared';
import type { AvRequest } from '../adapters/av-client';
import { TECHNICAL_REFS, type TechnicalValue } from '../adapters/writers';
import { processChain } from '../core/chain';
import { failureMessage } from '../core/errors';
import type { JobSpec } from '../core/schedule';
import {
  atrValue,
  bbandsValue,
  indicatorInputTs,
  indicatorNeedsRefresh,
  intradaySeries,
  latestBarTs,
  macdValue,
  macroParam,
  macroSeriesValue,
  rsiValue,
} from '../core/series';
import { aggregateSentiment } from '../core/sentiment';
import { TECHNICAL_PERIODS, type MacroFunction, type TechnicalFunction } from '../core/settings';
import type { JobContext, JobOutcome } from './context';

/** A chain refused by a burst limit waits for the slot this long at most, then gives up this beat. */
const MAX_BUDGET_WAIT_MS = 1_500;

export type Fetched<F extends AvFunction> =
  | { ok: true; data: AvSuccessData<F>; body: unknown; bodyText: string | undefined; startedAt: number }
  | { ok: false; outcome: JobOutcome };

/** Calls AV for a job and maps what did not succeed to an outcome (failures are already counted). */
export async function fetchFor<F extends AvFunction>(
  ctx: JobContext,
  job: JobSpec,
  req: Omit<AvRequest<F>, 'limit' | 'maxRetryTimeMs'>,
): Promise<Fetched<F>> {
  const full: AvRequest<F> = { ...req, limit: ctx.limits[job.stream], maxRetryTimeMs: job.intervalMs };
  for (let tries = 0; ; tries++) {
    const res = await ctx.client.request(full);
    if (res.kind === 'ok') {
      return { ok: true, data: res.data, body: res.body, bodyText: res.bodyText, startedAt: res.startedAt };
    }
    if (res.kind === 'failed') {
      ctx.logger.warn(
        {
          job: job.id,
          class: res.error.kind,
          attempts: res.attempts,
          reason: failureMessage(res.error, undefined),
        },
        'alpha vantage call failed: last good value kept',
      );
      return { ok: false, outcome: 'failed' };
    }
    if (res.reason === 'aborted') return { ok: false, outcome: 'aborted' };
    // Chains are never shed: a burst refusal is waited out once or twice within the beat.
    const critical = ctx.plan.streams.find((s) => s.id === job.stream)?.optional === false;
    if (critical && tries < 2 && res.retryAfterMs <= MAX_BUDGET_WAIT_MS) {
      await sleep(res.retryAfterMs);
      continue;
    }
    ctx.telemetry.skipped(job.stream, 'budget');
    ctx.logger.debug({ job: job.id, retryAfterMs: res.retryAfterMs }, 'budget short: pull skipped');
    return { ok: false, outcome: 'skipped_budget' };
  }
}

/** Data that passed the schema but cannot be stored (no contracts left, no article for the symbol). */
export async function rejectData(
  ctx: JobContext,
  job: JobSpec,
  kind: 'empty' | 'malformed',
  detail: string,
): Promise<JobOutcome> {
  const err = new AvError({ kind, endpoint: job.fn, symbol: job.symbol ?? undefined, detail });
  await ctx.telemetry.failure(err);
  return 'failed';
}

export async function fetchChain(ctx: JobContext, job: JobSpec, symbol: string): Promise<JobOutcome> {
  const params: Record<string, string> = { symbol, require_greeks: 'true' };
  if (ctx.settings.chains.expiries === '0dte') {
    const today = expiries(ctx.clock.now()).zeroDte;
    if (today === null) return 'idle';
    params['expiration'] = today;
  }
  const res = await fetchFor(ctx, job, { fn: 'REALTIME_OPTIONS', symbol, params, requireGreeks: true });
  if (!res.ok) return res.outcome;
  const now = ctx.clock.now();
  const out = processChain(
    {
      symbol,
      fn: 'REALTIME_OPTIONS',
      requireGreeks: true,
      data: res.data,
      body: res.body,
      bodyText: res.bodyText,
      fetchedAt: res.startedAt,
      ts: now,
    },
    { maxRejectedFraction: ctx.settings.maxRejectedFraction, unusual: ctx.settings.unusual },
  );
  await ctx.telemetry.drops(symbol, out.validated.drops);
  if (!out.ok) return rejectData(ctx, job, 'malformed', out.reason);
  await ctx.writers.chain(symbol, out.bundle, now);
  return 'stored';
}

export async function fetchIntraday(ctx: JobContext, job: JobSpec, symbol: string): Promise<JobOutcome> {
  const res = await fetchFor(ctx, job, {
    fn: 'TIME_SERIES_INTRADAY',
    symbol,
    params: { symbol, interval: '1min', outputsize: 'compact' },
  });
  if (!res.ok) return res.outcome;
  const now = ctx.clock.now();
  const series = intradaySeries(symbol, res.data, now);
  if (series === null) return rejectData(ctx, job, 'empty', 'no bars');
  await ctx.writers.intraday(series, now);
  return 'stored';
}

function technicalParams(fn: TechnicalFunction, symbol: string, interval: string): Record<string, string> {
  switch (fn) {
    case 'RSI':
      return { symbol, interval, time_period: String(TECHNICAL_PERIODS.RSI), series_type: 'close' };
    case 'MACD':
      return { symbol, interval, series_type: 'close' };
    case 'BBANDS':
      return {
        symbol,
        interval,
        time_period: String(TECHNICAL_PERIODS.BBANDS),
        series_type: 'close',
        nbdevup: '2',
        nbdevdn: '2',
      };
    case 'ATR':
      return { symbol, interval, time_period: String(TECHNICAL_PERIODS.ATR) };
  }
}

/** The stored indicator value, if any. */
async function storedTechnical(
  ctx: JobContext,
  fn: TechnicalFunction,
  symbol: string,
): Promise<TechnicalValue | null> {
  switch (fn) {
    case 'RSI': {
      const r = await ctx.store.get(TECHNICAL_REFS.RSI.at({ symbol }));
      return r.ok ? { fn, value: r.value } : null;
    }
    case 'MACD': {
      const r = await ctx.store.get(TECHNICAL_REFS.MACD.at({ symbol }));
      return r.ok ? { fn, value: r.value } : null;
    }
    case 'BBANDS': {
      const r = await ctx.store.get(TECHNICAL_REFS.BBANDS.at({ symbol }));
      return r.ok ? { fn, value: r.value } : null;
    }
    case 'ATR': {
      const r = await ctx.store.get(TECHNICAL_REFS.ATR.at({ symbol }));
      return r.ok ? { fn, value: r.value } : null;
    }
  }
}

async function callTechnical(
  ctx: JobContext,
  job: JobSpec,
  fn: TechnicalFunction,
  symbol: string,
): Promise<{ value: TechnicalValue | null } | { outcome: JobOutcome }> {
  const params = technicalParams(fn, symbol, ctx.settings.technicals.interval);
  const now = () => ctx.clock.now();
  switch (fn) {
    case 'RSI': {
      const r = await fetchFor(ctx, job, { fn, symbol, params });
      if (!r.ok) return { outcome: r.outcome };
      const v = rsiValue(symbol, r.data, now());
      return { value: v === null ? null : { fn, value: v } };
    }
    case 'MACD': {
      const r = await fetchFor(ctx, job, { fn, symbol, params });
      if (!r.ok) return { outcome: r.outcome };
      const v = macdValue(symbol, r.data, now());
      return { value: v === null ? null : { fn, value: v } };
    }
    case 'BBANDS': {
      const r = await fetchFor(ctx, job, { fn, symbol, params });
      if (!r.ok) return { outcome: r.outcome };
      const v = bbandsValue(symbol, r.data, now());
      return { value: v === null ? null : { fn, value: v } };
    }
    case 'ATR': {
      const r = await fetchFor(ctx, job, { fn, symbol, params });
      if (!r.ok) return { outcome: r.outcome };
      const v = atrValue(symbol, r.data, now());
      return { value: v === null ? null : { fn, value: v } };
    }
  }
}

/**
 * Technicals are refreshed only when their input (the newest intraday bar of the indicator's
 * interval) moved past the stored value; otherwise the stored value is re-stored (its TTL renewed)
 * without a call.
 */
export async function fetchTechnical(
  ctx: JobContext,
  job: JobSpec,
  fn: TechnicalFunction,
  symbol: string,
): Promise<JobOutcome> {
  const stored = await storedTechnical(ctx, fn, symbol);
  if (stored !== null) {
    const bars = await ctx.store.get(marketIntraday.at({ symbol }));
    const input = bars.ok
      ? indicatorInputTs(latestBarTs(bars.value), ctx.settings.technicals.interval)
      : null;
    if (!indicatorNeedsRefresh(stored.value.asOf, input)) {
      const now = ctx.clock.now();
      await ctx.writers.technical(
        symbol,
        { ...stored, value: { ...stored.value, ts: now } } as TechnicalValue,
        now,
        false,
      );
      return 'unchanged';
    }
  }
  const res = await callTechnical(ctx, job, fn, symbol);
  if ('outcome' in res) return res.outcome;
  if (res.value === null) return rejectData(ctx, job, 'empty', 'no indicator points');
  await ctx.writers.technical(symbol, res.value, ctx.clock.now());
  return 'stored';
}

export async function fetchSentiment(ctx: JobContext, job: JobSpec, symbol: string): Promise<JobOutcome> {
  // Settings never schedule ETFs or indices; this guards the rule where the call is made.
  if (!ctx.settings.sentiment.symbols.includes(symbol)) return 'idle';
  const res = await fetchFor(ctx, job, {
    fn: 'NEWS_SENTIMENT',
    symbol,
    params: { tickers: symbol, sort: 'LATEST', limit: '50' },
  });
  if (!res.ok) return res.outcome;
  let items;
  try {
    items = normaliseNewsSentiment(res.data);
  } catch (err) {
    return rejectData(ctx, job, 'malformed', err instanceof Error ? err.message : String(err));
  }
  const now = ctx.clock.now();
  const result = aggregateSentiment(symbol, items, now);
  if (result === null) return rejectData(ctx, job, 'empty', `no article carries a sentiment for ${symbol}`);
  await ctx.writers.sentiment(symbol, result.score, result.articles, now);
  return 'stored';
}

/** Intervals asked per macro series: quarterly GDP, monthly CPI and fed funds. */
export const MACRO_INTERVALS: Record<MacroFunction, string> = {
  REAL_GDP: 'quarterly',
  CPI: 'monthly',
  FEDERAL_FUNDS_RATE: 'monthly',
};

export async function fetchMacro(ctx: JobContext, job: JobSpec, fn: MacroFunction): Promise<JobOutcome> {
  const res = await fetchFor(ctx, job, { fn, params: { interval: MACRO_INTERVALS[fn] } });
  if (!res.ok) return res.outcome;
  const now = ctx.clock.now();
  const series = macroSeriesValue(res.data, now);
  if (series === null) return rejectData(ctx, job, 'empty', 'no observations');
  await ctx.writers.macro(macroParam(fn), series, now);
  return 'stored';
}
