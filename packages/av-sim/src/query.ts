// The GET /query pipeline: apikey → per-key rate limit → function → faults → endpoint → serialisation.
// Every answer is HTTP 200 as at the real API; only a bad simulator control header gets a 400.
import type { MarketModel } from '@alphatrader/market-sim';
import { isAvOptionsFunction } from '@alphatrader/shared';
import { handlers, isSimFunction, type Answer, type RequestContext } from './endpoints/index';
import { faultApplies, FaultSpecError, parseFaultList, type FaultController, type FaultKind } from './faults';
import { avMessages } from './messages';
import type { RollingRateLimiter } from './rate-limit';
import type { StatsCounter } from './stats';

export interface QueryDeps {
  model: MarketModel;
  limiter: RollingRateLimiter;
  faults: FaultController;
  stats: StatsCounter;
  /** When set, keys outside it get the apikey `Error Message` (the real API accepts any non-empty key). */
  validApiKeys: ReadonlySet<string> | undefined;
  slowMs: number;
}

export interface QueryOutcome {
  status: 200 | 400;
  contentType: string;
  text: string;
  /** Wait this long before sending (the `slow` fault). */
  delayMs: number;
  /** For the log line: never the key. */
  fn: string;
  symbol: string | undefined;
  outcome: string;
}

const JSON_TYPE = 'application/json';
const CSV_TYPE = 'application/x-download';

function first(v: unknown): string | undefined {
  if (Array.isArray(v)) return first(v[0]);
  return typeof v === 'string' ? v : undefined;
}

function headerValue(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v.join(',') : v;
}

/** The body each replacing fault sends instead of data; undefined for faults that shape the data. */
function replacement(kind: FaultKind, fn: string, apiKey: string): Record<string, string> | undefined {
  switch (kind) {
    case 'rate_limit':
      return { Information: avMessages.burst };
    case 'rate_limit_daily':
      return { Information: avMessages.daily(apiKey) };
    case 'rate_limit_note':
      return { Note: avMessages.legacyNote };
    case 'premium':
      return { Information: avMessages.premium };
    case 'error_message':
      return { 'Error Message': avMessages.invalidCall(fn) };
    case 'invalid_apikey':
      return { 'Error Message': avMessages.apikeyMissing };
    case 'sample_data':
      return isAvOptionsFunction(fn) ? undefined : { Information: avMessages.demo };
    default:
      return undefined;
  }
}

export function answerQuery(
  deps: QueryDeps,
  query: Record<string, unknown>,
  headers: Record<string, string | string[] | undefined>,
): QueryOutcome {
  const params: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(query)) params[k] = first(v);
  const fn = (params['function'] ?? '').toUpperCase();
  const symbol = params['symbol'] ?? params['tickers'];
  const apiKey = params['apikey'] ?? '';
  const json = (body: unknown, outcome: string, delayMs = 0): QueryOutcome => ({
    status: 200,
    contentType: JSON_TYPE,
    text: JSON.stringify(body),
    delayMs,
    fn,
    symbol,
    outcome,
  });

  let requested: FaultKind[];
  try {
    requested = [
      ...parseFaultList(headerValue(headers['x-avsim-fault'])),
      ...parseFaultList(params['avsim_fault']),
    ];
  } catch (err) {
    const message = err instanceof FaultSpecError ? err.message : String(err);
    return { ...json({ error: message }, 'bad_fault_header'), status: 400 };
  }

  deps.stats.call(fn, apiKey);
  if (apiKey.trim() === '' || (deps.validApiKeys !== undefined && !deps.validApiKeys.has(apiKey))) {
    deps.stats.errorMessage();
    return json({ 'Error Message': avMessages.apikeyMissing }, 'apikey');
  }
  if (!deps.limiter.tryTake(apiKey)) {
    deps.stats.rateLimited();
    return json({ Information: avMessages.burst }, 'rate_limited');
  }
  if (!isSimFunction(fn)) {
    deps.stats.errorMessage();
    return json(
      { 'Error Message': avMessages.unknownFunction(params['function'] ?? '') },
      'unknown_function',
    );
  }

  const queued = deps.faults.take(fn, symbol);
  const kinds = new Set(requested.filter((k) => faultApplies(k, fn)));
  if (queued !== undefined) kinds.add(queued.kind);
  for (const k of kinds) deps.stats.fault(k);
  const headerDelay = Number(headerValue(headers['x-avsim-delay-ms']) ?? params['avsim_delay_ms'] ?? NaN);
  const delayMs = kinds.has('slow')
    ? ((queued?.kind === 'slow' ? queued.delayMs : undefined) ??
      (Number.isFinite(headerDelay) && headerDelay > 0 ? headerDelay : deps.slowMs))
    : 0;

  for (const k of kinds) {
    const body = replacement(k, fn, apiKey);
    if (body !== undefined) return json(body, `fault:${k}`, delayMs);
  }

  const ctx: RequestContext = {
    model: deps.model,
    fn,
    params,
    csv: params['datatype']?.toLowerCase() === 'csv' && fn !== 'NEWS_SENTIMENT',
    empty: kinds.has('empty'),
    greeksFault: kinds.has('nan_greeks') ? 'nan' : kinds.has('empty_greeks') ? 'empty' : undefined,
    optionsPlaceholder: kinds.has('sample_data'),
  };
  const answer: Answer = handlers[fn](ctx);
  if ('Error Message' in answer.body) deps.stats.errorMessage();
  const isCsv = answer.csv !== undefined;
  let text = answer.csv ?? JSON.stringify(answer.body);
  let outcome = kinds.size > 0 ? `fault:${[...kinds].join('+')}` : 'ok';
  if (kinds.has('malformed_json')) text = `${text.replace(/\}\s*$/, '')},}`;
  if (kinds.has('truncated')) text = text.slice(0, Math.floor(text.length / 2));
  if ('Error Message' in answer.body) outcome = 'invalid_call';
  return { status: 200, contentType: isCsv ? CSV_TYPE : JSON_TYPE, text, delayMs, fn, symbol, outcome };
}
