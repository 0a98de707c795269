// Fault injection. A fault is asked per request (header `x-avsim-fault: kind[,kind]` or query
// `avsim_fault=kind[,kind]`, delay via `x-avsim-delay-ms` / `avsim_delay_ms`) or queued through the
// control API / handle (`{ kind, count?, symbol?, function?, delayMs? }`): each matching request
// consumes one count of the first queued fault that applies to it.
import { isAvOptionsFunction } from '@alphatrader/shared';

export const FAULT_KINDS = [
  /** `Information`: the burst/per-minute throttle text. */
  'rate_limit',
  /** `Information`: the daily-cap text (it quotes the caller's key). */
  'rate_limit_daily',
  /** `Note`: the legacy per-minute text. */
  'rate_limit_note',
  /** `Information`: "This is a premium endpoint…". */
  'premium',
  /** Options: the placeholder envelope with fake rows; other endpoints: the demo-key `Information`. */
  'sample_data',
  /** `Error Message`: "Invalid API call…" for the function. */
  'error_message',
  /** `Error Message`: the missing/invalid apikey text. */
  'invalid_apikey',
  /** The normal body made unparseable (a trailing comma before the closing brace). */
  'malformed_json',
  /** The first half of the normal body. */
  'truncated',
  /** The normal body after a delay (default `slowMs`, 2 500 ms). */
  'slow',
  /** Options with Greeks: every third contract's IV and Greeks are "NaN". */
  'nan_greeks',
  /** Options with Greeks: every third contract's IV and Greeks are "". */
  'empty_greeks',
  /** An empty chain (options), empty series (intraday, indicators), `{}` quote, empty feed or data. */
  'empty',
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface FaultSpec {
  kind: FaultKind;
  /** How many matching requests get it (default 1). */
  count?: number;
  /** Only requests for this symbol (or news ticker list), case-insensitive. */
  symbol?: string;
  /** Only requests of this function, e.g. REALTIME_OPTIONS. */
  function?: string;
  /** For `slow`: the delay in ms. */
  delayMs?: number;
}

export interface PendingFault {
  id: number;
  kind: FaultKind;
  remaining: number;
  symbol: string | undefined;
  function: string | undefined;
  delayMs: number | undefined;
}

export class FaultSpecError extends Error {
  override readonly name = 'FaultSpecError';
}

const OPTIONS_ONLY: ReadonlySet<FaultKind> = new Set(['nan_greeks', 'empty_greeks']);

export function isFaultKind(value: unknown): value is FaultKind {
  return typeof value === 'string' && (FAULT_KINDS as readonly string[]).includes(value);
}

/** Whether a fault kind changes anything for this function. */
export function faultApplies(kind: FaultKind, fn: string): boolean {
  return !OPTIONS_ONLY.has(kind) || isAvOptionsFunction(fn);
}

function optionalString(o: Record<string, unknown>, key: string): string | undefined {
  const v = o[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string' || v === '') throw new FaultSpecError(`${key} must be a non-empty string`);
  return v;
}

function optionalPositiveInt(o: Record<string, unknown>, key: string): number | undefined {
  const v = o[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1)
    throw new FaultSpecError(`${key} must be a positive integer`);
  return v;
}

/** Validates a fault spec from the control API. */
export function parseFaultSpec(value: unknown): FaultSpec {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new FaultSpecError('expected a JSON object');
  const o = value as Record<string, unknown>;
  if (!isFaultKind(o['kind'])) throw new FaultSpecError(`kind must be one of ${FAULT_KINDS.join(', ')}`);
  const spec: FaultSpec = { kind: o['kind'] };
  const count = optionalPositiveInt(o, 'count');
  const symbol = optionalString(o, 'symbol');
  const fn = optionalString(o, 'function');
  const delayMs = optionalPositiveInt(o, 'delayMs');
  if (count !== undefined) spec.count = count;
  if (symbol !== undefined) spec.symbol = symbol;
  if (fn !== undefined) spec.function = fn;
  if (delayMs !== undefined) spec.delayMs = delayMs;
  return spec;
}

/** Parses a per-request fault list ("slow,nan_greeks"); throws on an unknown kind. */
export function parseFaultList(text: string | undefined): FaultKind[] {
  if (text === undefined || text.trim() === '') return [];
  return text.split(',').map((t) => {
    const k = t.trim();
    if (!isFaultKind(k))
      throw new FaultSpecError(`unknown fault '${k}'; expected one of ${FAULT_KINDS.join(', ')}`);
    return k;
  });
}

/** The queue of control-API faults. */
export class FaultController {
  private queue: PendingFault[] = [];
  private nextId = 1;

  inject(spec: FaultSpec): PendingFault {
    const checked = parseFaultSpec(spec);
    const fault: PendingFault = {
      id: this.nextId++,
      kind: checked.kind,
      remaining: checked.count ?? 1,
      symbol: checked.symbol?.toUpperCase(),
      function: checked.function?.toUpperCase(),
      delayMs: checked.delayMs,
    };
    this.queue.push(fault);
    return { ...fault };
  }

  clear(): void {
    this.queue = [];
  }

  pending(): PendingFault[] {
    return this.queue.map((f) => ({ ...f }));
  }

  /** Consumes one count of the first queued fault matching this request. */
  take(fn: string, symbol: string | undefined): PendingFault | undefined {
    const sym = symbol?.toUpperCase();
    const i = this.queue.findIndex(
      (f) =>
        (f.function === undefined || f.function === fn) &&
        (f.symbol === undefined || f.symbol === sym) &&
        faultApplies(f.kind, fn),
    );
    if (i < 0) return undefined;
    const f = this.queue[i] as PendingFault;
    f.remaining -= 1;
    if (f.remaining <= 0) this.queue.splice(i, 1);
    return { ...f };
  }
}
