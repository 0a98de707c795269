// Classifies one Alpha Vantage answer. AV answers everything with HTTP 200, so success, throttling,
// premium gating, demo/sample data, invalid calls, empty results and garbage are told apart by the body.
import type { z } from 'zod';
import { AvError, redactAvApiKey, type AvRateLimitScope } from './errors';
import { isAvOptionsFunction, type AvFunction } from './functions';
import { avResponseSchemas, type AvParsedResponse } from './schemas/index';
import { avRealtimeOptionsWithGreeksResponseSchema } from './schemas/options';
import type { AvGlobalQuoteFields } from './schemas/time-series';

export interface AvRequestMeta {
  /** The symbol (or tickers) asked for; carried into errors. */
  symbol?: string;
  /** REALTIME_OPTIONS asked with `require_greeks=true`: every contract must then carry IV and Greeks. */
  requireGreeks?: boolean;
  /** The key used for the call, only to redact it from the API's text. */
  apiKey?: string;
}

/** GLOBAL_QUOTE success always holds the quote fields (the `{}` of an unknown symbol is `empty`). */
export type AvSuccessData<F extends AvFunction> = F extends 'GLOBAL_QUOTE'
  ? { 'Global Quote': AvGlobalQuoteFields }
  : AvParsedResponse<F>;

export interface AvSuccess<F extends AvFunction> {
  kind: 'success';
  endpoint: F;
  symbol: string | undefined;
  data: AvSuccessData<F>;
}

export type AvClassification<F extends AvFunction> = AvSuccess<F> | AvError;

const MAX_TEXT_IN_ERROR = 200;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Formats a zod path as `data[3].strike`. */
export function formatZodPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out === '' ? '(root)' : out;
}

/**
 * A union failure (e.g. a Global Quote that is neither the fields nor `{}`) is reported where the
 * closest branch failed, so the path points at the bad field instead of the union.
 */
function deepestIssue(issue: z.core.$ZodIssue): { path: PropertyKey[]; message: string } {
  if (issue.code !== 'invalid_union' || issue.errors.length === 0) return issue;
  let best: { path: PropertyKey[]; message: string } = issue;
  for (const branch of issue.errors) {
    const inner = branch[0];
    if (inner === undefined) continue;
    const candidate = deepestIssue(inner);
    const path = [...issue.path, ...candidate.path];
    if (path.length > best.path.length) best = { path, message: candidate.message };
  }
  return best;
}

interface NoticeClass {
  kind: 'rate_limited' | 'premium_required' | 'sample_data' | 'invalid_call';
  rateLimit?: AvRateLimitScope;
}

/**
 * Reads an `Information` / `Note` text. The burst text is checked first because it also mentions
 * "per day" and "premium endpoints"; an unrecognised notice is treated as a throttle (back off).
 */
export function classifyAvNotice(text: string): NoticeClass {
  const t = text.toLowerCase();
  if (t.includes('spreading out') || t.includes('1 request per second')) {
    return { kind: 'rate_limited', rateLimit: 'burst' };
  }
  if (t.includes('premium endpoint')) return { kind: 'premium_required' };
  if (t.includes('demo')) return { kind: 'sample_data' };
  if (t.includes('invalid inputs')) return { kind: 'invalid_call' };
  if (t.includes('call frequency') || t.includes('per minute'))
    return { kind: 'rate_limited', rateLimit: 'minute' };
  if (t.includes('per day') || t.includes('daily')) return { kind: 'rate_limited', rateLimit: 'daily' };
  return { kind: 'rate_limited', rateLimit: 'minute' };
}

function textOf(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function decodeBody(body: unknown): { ok: true; value: unknown } | { ok: false; detail: string } {
  let text: string | undefined;
  if (typeof body === 'string') text = body;
  else if (body instanceof Uint8Array) text = Buffer.from(body).toString('utf8');
  if (text === undefined) return { ok: true, value: body };
  if (text.trim() === '') return { ok: false, detail: 'empty body' };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    return {
      ok: false,
      detail: `invalid JSON (${reason}); body starts ${JSON.stringify(text.slice(0, 80))}`,
    };
  }
}

/** What is empty in a schema-valid body, or undefined when it holds data. */
function emptiness(endpoint: AvFunction, data: unknown): string | undefined {
  const d = data as Record<string, unknown>;
  switch (endpoint) {
    case 'REALTIME_OPTIONS':
    case 'HISTORICAL_OPTIONS':
      return (d['data'] as unknown[]).length === 0 ? 'no contracts' : undefined;
    case 'REAL_GDP':
    case 'CPI':
    case 'FEDERAL_FUNDS_RATE':
      return (d['data'] as unknown[]).length === 0 ? 'no observations' : undefined;
    case 'NEWS_SENTIMENT':
      return (d['feed'] as unknown[]).length === 0 ? 'no articles' : undefined;
    case 'TIME_SERIES_INTRADAY':
      return Object.keys(d['Time Series'] as object).length === 0 ? 'empty time series' : undefined;
    case 'GLOBAL_QUOTE':
      return Object.keys(d['Global Quote'] as object).length === 0
        ? 'empty quote (unknown symbol)'
        : undefined;
    case 'RSI':
    case 'MACD':
    case 'BBANDS':
    case 'ATR':
      return Object.keys(d[`Technical Analysis: ${endpoint}`] as object).length === 0
        ? 'empty series'
        : undefined;
  }
}

function schemaFor(endpoint: AvFunction, meta: AvRequestMeta): z.ZodType {
  if (endpoint === 'REALTIME_OPTIONS' && meta.requireGreeks === true)
    return avRealtimeOptionsWithGreeksResponseSchema;
  return avResponseSchemas[endpoint];
}

/**
 * Classifies an AV body (already-parsed JSON, or the raw text/bytes when the client could not parse it).
 * Order: unparseable → `Error Message` → `Information`/`Note` → options `message` ≠ "success" → schema →
 * empty → success.
 */
export function classifyAvResponse<F extends AvFunction>(
  endpoint: F,
  body: unknown,
  meta: AvRequestMeta = {},
): AvClassification<F> {
  const symbol = meta.symbol;
  const fail = (
    kind: AvError['kind'],
    extra: { apiMessage?: string; detail?: string; path?: string; rateLimit?: AvRateLimitScope } = {},
  ): AvError =>
    new AvError({
      kind,
      endpoint,
      symbol,
      ...extra,
      ...(extra.apiMessage === undefined
        ? {}
        : { apiMessage: redactAvApiKey(extra.apiMessage, meta.apiKey) }),
      ...(extra.detail === undefined ? {} : { detail: redactAvApiKey(extra.detail, meta.apiKey) }),
    });

  const decoded = decodeBody(body);
  if (!decoded.ok) return fail('malformed', { detail: decoded.detail });
  const value = decoded.value;
  if (!isPlainObject(value)) {
    const got = value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value;
    return fail('malformed', { detail: `expected a JSON object, got ${got}` });
  }

  const errorMessage = value['Error Message'];
  if (errorMessage !== undefined) return fail('invalid_call', { apiMessage: textOf(errorMessage) });

  const notice = value['Information'] ?? value['Note'];
  if (notice !== undefined) {
    const text = textOf(notice);
    const cls = classifyAvNotice(text);
    return fail(cls.kind, {
      apiMessage: text,
      ...(cls.rateLimit === undefined ? {} : { rateLimit: cls.rateLimit }),
    });
  }

  if (
    isAvOptionsFunction(endpoint) &&
    typeof value['message'] === 'string' &&
    value['message'] !== 'success'
  ) {
    return fail('sample_data', { apiMessage: value['message'] });
  }

  const parsed = schemaFor(endpoint, meta).safeParse(value);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const issue = first === undefined ? undefined : deepestIssue(first);
    const path = issue === undefined ? '(root)' : formatZodPath(issue.path);
    const more = parsed.error.issues.length > 1 ? ` (+${parsed.error.issues.length - 1} more issues)` : '';
    const detail = `${issue?.message ?? 'schema mismatch'}${more}`.slice(0, MAX_TEXT_IN_ERROR);
    return fail('malformed', { path, detail });
  }
  const empty = emptiness(endpoint, parsed.data);
  if (empty !== undefined) return fail('empty', { detail: empty });
  return { kind: 'success', endpoint, symbol, data: parsed.data as AvSuccessData<F> };
}
