// The typed failure of one Alpha Vantage call. Every outcome of AV is HTTP 200, so the kind is read from
// the body; `apiMessage` keeps the API's own words (with any API key redacted).
import type { AvFunction } from './functions';

export const AV_ERROR_KINDS = [
  'rate_limited',
  'premium_required',
  'sample_data',
  'invalid_call',
  'empty',
  'malformed',
] as const;
export type AvErrorKind = (typeof AV_ERROR_KINDS)[number];

/** Which limit a rate-limited answer refers to: a per-second burst, the per-minute plan, or a daily cap. */
export type AvRateLimitScope = 'burst' | 'minute' | 'daily';

export interface AvErrorInit {
  kind: AvErrorKind;
  endpoint: AvFunction;
  symbol?: string | undefined;
  /** The API's own text (`Information`, `Note`, `Error Message` or a non-success `message`). */
  apiMessage?: string | undefined;
  /** Our description of what was wrong (parse error, zod issue). */
  detail?: string | undefined;
  /** For schema failures: where in the body, e.g. `data[3].strike`. */
  path?: string | undefined;
  rateLimit?: AvRateLimitScope | undefined;
}

export class AvError extends Error {
  override readonly name = 'AvError';
  readonly kind: AvErrorKind;
  readonly endpoint: AvFunction;
  readonly symbol: string | undefined;
  readonly apiMessage: string | undefined;
  readonly detail: string | undefined;
  readonly path: string | undefined;
  readonly rateLimit: AvRateLimitScope | undefined;

  constructor(init: AvErrorInit) {
    const where = init.symbol === undefined ? init.endpoint : `${init.endpoint} ${init.symbol}`;
    const what = [init.apiMessage, init.path === undefined ? undefined : `at ${init.path}`, init.detail]
      .filter((s) => s !== undefined && s !== '')
      .join(' ');
    super(`${where}: ${init.kind}${what === '' ? '' : `: ${what}`}`);
    this.kind = init.kind;
    this.endpoint = init.endpoint;
    this.symbol = init.symbol;
    this.apiMessage = init.apiMessage;
    this.detail = init.detail;
    this.path = init.path;
    this.rateLimit = init.rateLimit;
  }

  /**
   * Whether the same call may succeed if retried soon: throttles (not the daily cap) and malformed or
   * truncated bodies. Premium, sample, invalid and empty answers will not change on a retry.
   */
  get retryable(): boolean {
    if (this.kind === 'rate_limited') return this.rateLimit !== 'daily';
    return this.kind === 'malformed';
  }

  /** A suggested wait before a retry, when the API's text implies one. */
  get retryAfterMs(): number | undefined {
    if (this.kind !== 'rate_limited') return undefined;
    if (this.rateLimit === 'burst') return 1_000;
    if (this.rateLimit === 'minute') return 60_000;
    return undefined;
  }

  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      kind: this.kind,
      endpoint: this.endpoint,
      symbol: this.symbol,
      apiMessage: this.apiMessage,
      detail: this.detail,
      path: this.path,
      rateLimit: this.rateLimit,
    };
  }
}

export function isAvError(value: unknown): value is AvError {
  return value instanceof AvError;
}

/**
 * Removes an API key from a text: the daily-cap notice quotes it ("detected your API key as XXXX"),
 * and URLs carry it as `apikey=`. The key must never reach a log, an error or Redis.
 */
export function redactAvApiKey(text: string, apiKey?: string): string {
  let out = text.replace(/(API key as )([^\s,.;]+)/gi, '$1***').replace(/([?&]apikey=)[^&#\s]*/gi, '$1***');
  if (apiKey !== undefined && apiKey.length > 0) out = out.split(apiKey).join('***');
  return out;
}
