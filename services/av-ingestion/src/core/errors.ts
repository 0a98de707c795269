// The typed failures of one Alpha Vantage call. AvError (shared) covers what the body says; transport
// failures (timeout, refused connection, non-200 status) are AvTransportError. Both carry only the
// function, symbol and a text already scrubbed of the API key — never a URL or request config.
import { AV_ERROR_KINDS, AvError, redactAvApiKey, type AvFunction } from '@alphatrader/shared';

export const TRANSPORT_KINDS = ['timeout', 'network', 'http'] as const;
export type TransportKind = (typeof TRANSPORT_KINDS)[number];

/** Every class a failure is counted under in monitoring:api:av:errors. */
export const FAILURE_CLASSES = [...AV_ERROR_KINDS, ...TRANSPORT_KINDS] as const;
export type FailureClass = (typeof FAILURE_CLASSES)[number];

export class AvTransportError extends Error {
  override readonly name = 'AvTransportError';

  constructor(
    readonly kind: TransportKind,
    readonly endpoint: AvFunction,
    readonly symbol: string | undefined,
    detail: string,
    readonly status: number | undefined = undefined,
  ) {
    super(`${symbol === undefined ? endpoint : `${endpoint} ${symbol}`}: ${kind}: ${detail}`);
  }

  /** Timeouts, dropped connections and 5xx / 429 answers may succeed on a retry. */
  get retryable(): boolean {
    if (this.kind !== 'http') return true;
    return this.status === undefined || this.status >= 500 || this.status === 429 || this.status === 408;
  }

  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      kind: this.kind,
      endpoint: this.endpoint,
      symbol: this.symbol,
      status: this.status,
      message: this.message,
    };
  }
}

export type AvFailure = AvError | AvTransportError;

export function failureClass(err: AvFailure): FailureClass {
  return err.kind;
}

export function isRetryable(err: AvFailure): boolean {
  return err.retryable;
}

/** Least wait before retrying (AV's burst throttle asks for about a second). */
export function retryFloorMs(err: AvFailure): number {
  return err instanceof AvError ? (err.retryAfterMs ?? 0) : 0;
}

/** A text safe for logs, errors and Redis: the key removed however it appears, and bounded. */
export function safeText(text: string, apiKey: string | undefined, max = 300): string {
  const out = redactAvApiKey(text, apiKey);
  return out.length > max ? `${out.slice(0, max - 1)}…` : out;
}

/** The message a failure is recorded with (the API's own words when it gave any). */
export function failureMessage(err: AvFailure, apiKey: string | undefined): string {
  if (err instanceof AvError) {
    const parts = [err.apiMessage, err.path === undefined ? undefined : `at ${err.path}`, err.detail];
    const text = parts.filter((p) => p !== undefined && p !== '').join(' ');
    return safeText(text === '' ? err.kind : text, apiKey);
  }
  return safeText(err.message, apiKey);
}
