// The call budget (seed 004's table): what each stream costs per minute, how the streams fit the budget
// (real-time first, slower cadences into what is left; optional pulls stretched or dropped, technicals
// first, never the chains), and the admission limit each stream gets from the shared rate limiter so
// that a short minute sheds optional calls before it could refuse a chain.
import type { IngestionSettings } from './settings';

export const STREAM_IDS = ['chains', 'intraday', 'macro', 'sentiment', 'technicals', 'historical'] as const;
export type StreamId = (typeof STREAM_IDS)[number];

/** When a stream can run: the regular session, any time, or the after-close backfill window. */
export type StreamWindow = 'session' | 'always' | 'after_close';

export interface StreamDemand {
  id: StreamId;
  /** Calls one cycle makes (symbols × functions). */
  callsPerCycle: number;
  intervalMs: number;
  /** Optional streams are stretched or dropped when the budget is short; chains never are. */
  optional: boolean;
  window: StreamWindow;
}

export type StreamStatus = 'full' | 'stretched' | 'dropped';

export interface StreamPlan extends StreamDemand {
  status: StreamStatus;
  /** The cadence the scheduler uses (longer than intervalMs when stretched). */
  plannedIntervalMs: number;
  plannedCallsPerMinute: number;
}

export interface BudgetPlan {
  budgetPerMinute: number;
  /** Most important first. */
  streams: StreamPlan[];
  /** Planned calls per minute in the busiest window (session or after close). */
  peakCallsPerMinute: number;
  fits: boolean;
}

/** An optional stream is stretched to at most this many times its cadence before it is dropped. */
export const MAX_STRETCH = 4;

const MINUTE_MS = 60_000;

export function callsPerMinute(callsPerCycle: number, intervalMs: number): number {
  return (callsPerCycle * MINUTE_MS) / intervalMs;
}

/** Whether two streams can be running in the same minute. */
export function overlaps(a: StreamWindow, b: StreamWindow): boolean {
  return !((a === 'session' && b === 'after_close') || (a === 'after_close' && b === 'session'));
}

/** The streams of the settings, most important first (the shedding order is the reverse). */
export function streamDemands(s: IngestionSettings): StreamDemand[] {
  const realtime: StreamWindow = s.sessionOnly ? 'session' : 'always';
  const historicalInterval = Math.ceil(MINUTE_MS / s.historical.callsPerMinute);
  const demands: StreamDemand[] = [
    {
      id: 'chains',
      callsPerCycle: s.chains.symbols.length,
      intervalMs: s.chains.intervalMs,
      optional: false,
      window: realtime,
    },
    {
      id: 'intraday',
      callsPerCycle: s.intraday.symbols.length,
      intervalMs: s.intraday.intervalMs,
      optional: true,
      window: realtime,
    },
    {
      id: 'macro',
      callsPerCycle: s.macro.functions.length,
      intervalMs: s.macro.intervalMs,
      optional: true,
      window: 'always',
    },
    {
      id: 'sentiment',
      callsPerCycle: s.sentiment.symbols.length,
      intervalMs: s.sentiment.intervalMs,
      optional: true,
      window: 'always',
    },
    {
      id: 'technicals',
      callsPerCycle: s.technicals.symbols.length * s.technicals.functions.length,
      intervalMs: s.technicals.intervalMs,
      optional: true,
      window: realtime,
    },
    {
      id: 'historical',
      callsPerCycle: s.historical.symbols.length === 0 ? 0 : 1,
      intervalMs: historicalInterval,
      optional: true,
      window: 'after_close',
    },
  ];
  return demands.filter((d) => d.callsPerCycle > 0);
}

/** Whole seconds, so stretched cadences stay on a readable grid. */
const roundUpToSecond = (ms: number): number => Math.ceil(ms / 1000) * 1000;

/**
 * Fits the streams into the budget in importance order. Each stream gets what the more important
 * streams that can run in the same minute leave; an optional stream that does not fit is stretched
 * (up to MAX_STRETCH × its cadence) or dropped; the chains are stretched if they alone exceed it.
 */
export function fitBudget(demands: readonly StreamDemand[], budgetPerMinute: number): BudgetPlan {
  const planned: StreamPlan[] = [];
  for (const d of demands) {
    const used = planned
      .filter((p) => overlaps(p.window, d.window))
      .reduce((sum, p) => sum + p.plannedCallsPerMinute, 0);
    const left = Math.max(0, budgetPerMinute - used);
    const want = callsPerMinute(d.callsPerCycle, d.intervalMs);
    if (want <= left) {
      planned.push({ ...d, status: 'full', plannedIntervalMs: d.intervalMs, plannedCallsPerMinute: want });
      continue;
    }
    const stretchedMs = left > 0 ? roundUpToSecond((d.callsPerCycle * MINUTE_MS) / left) : Infinity;
    if (!d.optional || stretchedMs <= d.intervalMs * MAX_STRETCH) {
      const ms = Number.isFinite(stretchedMs) ? stretchedMs : d.intervalMs * MAX_STRETCH;
      planned.push({
        ...d,
        status: 'stretched',
        plannedIntervalMs: ms,
        plannedCallsPerMinute: callsPerMinute(d.callsPerCycle, ms),
      });
    } else {
      planned.push({ ...d, status: 'dropped', plannedIntervalMs: d.intervalMs, plannedCallsPerMinute: 0 });
    }
  }
  const peak = Math.max(
    0,
    ...(['session', 'after_close'] as const).map((w) =>
      planned.filter((p) => overlaps(p.window, w)).reduce((sum, p) => sum + p.plannedCallsPerMinute, 0),
    ),
  );
  return { budgetPerMinute, streams: planned, peakCallsPerMinute: peak, fits: peak <= budgetPerMinute };
}

/**
 * The rolling-minute count below which each stream may still take a call: the budget minus what the
 * more important streams of the same window are planned to use. When a minute runs short (retries,
 * another process, a stretched plan), technicals hit their limit first and chains last.
 */
export function admissionLimits(plan: BudgetPlan): Record<StreamId, number> {
  const limits = {} as Record<StreamId, number>;
  const seen: StreamPlan[] = [];
  for (const p of plan.streams) {
    const reserved = seen
      .filter((q) => overlaps(q.window, p.window))
      .reduce((sum, q) => sum + q.plannedCallsPerMinute, 0);
    limits[p.id] = p.optional
      ? Math.max(0, Math.floor(plan.budgetPerMinute - reserved))
      : plan.budgetPerMinute;
    seen.push(p);
  }
  for (const id of STREAM_IDS) limits[id] ??= 0;
  return limits;
}
