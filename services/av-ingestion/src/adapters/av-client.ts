// The Alpha Vantage HTTP client: axios with a per-request timeout, every answer classified by the shared
// zod schemas (success, throttled, premium, sample, invalid, empty, malformed) and transport failures
// typed too; transient failures retried with exponential backoff (p-retry), each attempt taking its own
// slot from the shared rate limiter. The API key goes into the query string only: axios errors (which
// carry the URL and config) are never passed on, only their code and a scrubbed message.
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import axios, { type AxiosInstance } from 'axios';
import pRetry, { AbortError } from 'p-retry';
import { AvError, classifyAvResponse, type AvFunction, type AvSuccessData } from '@alphatrader/shared';
import { AvTransportError, retryFloorMs, safeText, type AvFailure, type FailureClass } from '../core/errors';
import type { CallLimiter } from './rate-limiter';

export interface AvRequest<F extends AvFunction> {
  fn: F;
  /** Symbol for errors and logs (the request parameter itself goes in params). */
  symbol?: string | undefined;
  params: Readonly<Record<string, string>>;
  /** REALTIME_OPTIONS with require_greeks=true: every contract must carry IV and Greeks. */
  requireGreeks?: boolean;
  /** The caller's admission limit on the shared rolling minute. */
  limit: number;
  historical?: boolean;
  /** Give up retrying after this long (ms). */
  maxRetryTimeMs?: number;
}

export type AvResult<F extends AvFunction> =
  | {
      kind: 'ok';
      data: AvSuccessData<F>;
      /** The parsed answer the classifier validated, and the text it was parsed from. */
      body: unknown;
      bodyText: string | undefined;
      attempts: number;
      startedAt: number;
    }
  | { kind: 'failed'; error: AvFailure; attempts: number }
  /** No call was made: the budget refused it (or the service is stopping). */
  | { kind: 'skipped'; reason: 'budget' | 'aborted'; retryAfterMs: number };

export interface AttemptReport {
  fn: AvFunction;
  symbol: string | null;
  /** Wall duration of the HTTP exchange. */
  ms: number;
  outcome: 'success' | FailureClass;
  error?: AvFailure;
}

export interface AvClientOptions {
  /** e.g. https://www.alphavantage.co/query or the simulator's /query URL. */
  baseUrl: string;
  /** Undefined against the simulator (which needs some non-empty key). */
  apiKey: string | undefined;
  timeoutMs: number;
  retries: number;
  limiter: CallLimiter;
  /** Called after every HTTP attempt (latency, counters, failure records). */
  onAttempt?: (report: AttemptReport) => void | Promise<void>;
  /** Aborts in-flight requests and retries (shutdown). */
  signal?: AbortSignal;
  minRetryDelayMs?: number;
  maxRetryDelayMs?: number;
  /** Wall clock for request start times (default Date.now). */
  now?: () => number;
}

export interface AvClient {
  request<F extends AvFunction>(req: AvRequest<F>): Promise<AvResult<F>>;
}

/** Longest wait a retry may ask for (AV's burst throttle asks for about a second). */
export const MAX_RETRY_WAIT_MS = 2_000;

/** The key sent when none is configured: the simulator accepts any non-empty key. */
export const SIMULATOR_API_KEY = 'simulator';

class BudgetRefused extends Error {
  constructor(readonly retryAfterMs: number) {
    super('budget refused the call');
  }
}

function isFailure(err: unknown): err is AvFailure {
  return err instanceof AvError || err instanceof AvTransportError;
}

export function createAvClient(opts: AvClientOptions): AvClient {
  const apiKey = opts.apiKey ?? SIMULATOR_API_KEY;
  const now = opts.now ?? Date.now;
  const minRetryDelayMs = opts.minRetryDelayMs ?? 250;
  const http: AxiosInstance = axios.create({
    timeout: opts.timeoutMs,
    responseType: 'text',
    // Keep the body as text: we parse and classify it ourselves.
    transformResponse: [(data: unknown) => data],
    validateStatus: () => true,
    maxRedirects: 0,
  });

  /** One HTTP exchange, classified. Throws an AvFailure, or a cancellation when aborted. */
  async function once<F extends AvFunction>(
    req: AvRequest<F>,
  ): Promise<{ data: AvSuccessData<F>; body: unknown; bodyText: string | undefined }> {
    const started = performance.now();
    const report = async (outcome: AttemptReport['outcome'], error?: AvFailure) => {
      const r: AttemptReport = {
        fn: req.fn,
        symbol: req.symbol ?? null,
        ms: performance.now() - started,
        outcome,
      };
      if (error !== undefined) r.error = error;
      await opts.onAttempt?.(r);
    };
    let status: number;
    let text: unknown;
    try {
      const res = await http.get<string>(opts.baseUrl, {
        params: { ...req.params, function: req.fn, apikey: apiKey },
        ...(opts.signal === undefined ? {} : { signal: opts.signal }),
      });
      status = res.status;
      text = res.data;
    } catch (err) {
      if (axios.isCancel(err) || opts.signal?.aborted === true) throw new AbortError('aborted');
      const failure = transportFailure(err, req, apiKey);
      await report(failure.kind, failure);
      throw failure;
    }
    if (status !== 200) {
      const failure = new AvTransportError('http', req.fn, req.symbol, `HTTP ${status}`, status);
      await report('http', failure);
      throw failure;
    }
    let body: unknown = text;
    if (typeof text === 'string') {
      try {
        body = JSON.parse(text) as unknown;
      } catch {
        body = text; // the classifier reports it as malformed with the reason
      }
    }
    const cls = classifyAvResponse(req.fn, body, {
      ...(req.symbol === undefined ? {} : { symbol: req.symbol }),
      ...(req.requireGreeks === undefined ? {} : { requireGreeks: req.requireGreeks }),
      apiKey,
    });
    if (cls instanceof AvError) {
      await report(cls.kind, cls);
      throw cls;
    }
    await report('success');
    return { data: cls.data, body, bodyText: typeof text === 'string' ? text : undefined };
  }

  return {
    async request(req) {
      let attempts = 0;
      let lastFailure: AvFailure | undefined;
      let startedAt = 0;
      try {
        const out = await pRetry(
          async () => {
            const admission = await opts.limiter.acquire({
              limit: req.limit,
              historical: req.historical ?? false,
            });
            if (!admission.admitted) throw new AbortError(new BudgetRefused(admission.retryAfterMs));
            attempts += 1;
            startedAt = now();
            try {
              return await once(req);
            } catch (err) {
              if (isFailure(err)) lastFailure = err;
              throw err;
            }
          },
          {
            retries: opts.retries,
            factor: 2,
            minTimeout: minRetryDelayMs,
            maxTimeout: opts.maxRetryDelayMs ?? 2_000,
            randomize: true,
            ...(req.maxRetryTimeMs === undefined ? {} : { maxRetryTime: req.maxRetryTimeMs }),
            ...(opts.signal === undefined ? {} : { signal: opts.signal }),
            // A throttle asking for a long wait (the per-minute plan limit) is not retried within the beat.
            shouldRetry: ({ error }) =>
              isFailure(error) &&
              error.retryable &&
              retryFloorMs(error) <= MAX_RETRY_WAIT_MS &&
              opts.signal?.aborted !== true,
            onFailedAttempt: async ({ error, retriesLeft }) => {
              // AV's burst throttle asks for about a second: wait at least that (on top of the backoff).
              if (!isFailure(error) || !error.retryable || retriesLeft === 0) return;
              const floor = retryFloorMs(error);
              if (floor > MAX_RETRY_WAIT_MS) return; // not retried (see shouldRetry)
              const extra = floor - minRetryDelayMs;
              if (extra > 0)
                await sleep(extra, undefined, opts.signal === undefined ? {} : { signal: opts.signal });
            },
          },
        );
        return { kind: 'ok', data: out.data, body: out.body, bodyText: out.bodyText, attempts, startedAt };
      } catch (err) {
        if (err instanceof BudgetRefused) {
          if (lastFailure !== undefined) return { kind: 'failed', error: lastFailure, attempts };
          return { kind: 'skipped', reason: 'budget', retryAfterMs: err.retryAfterMs };
        }
        if (isFailure(err)) return { kind: 'failed', error: err, attempts };
        if (lastFailure !== undefined && opts.signal?.aborted !== true) {
          return { kind: 'failed', error: lastFailure, attempts };
        }
        return { kind: 'skipped', reason: 'aborted', retryAfterMs: 0 };
      }
    },
  };
}

/** Turns an axios/network error into a typed failure carrying no URL, config or headers. */
function transportFailure(err: unknown, req: AvRequest<AvFunction>, apiKey: string): AvTransportError {
  if (axios.isAxiosError(err)) {
    const code = err.code ?? 'ERR_UNKNOWN';
    const timedOut = code === 'ECONNABORTED' || code === 'ETIMEDOUT' || /timeout/i.test(err.message);
    return new AvTransportError(
      timedOut ? 'timeout' : 'network',
      req.fn,
      req.symbol,
      safeText(`${code}: ${err.message}`, apiKey),
      err.response?.status,
    );
  }
  const message = err instanceof Error ? err.message : String(err);
  return new AvTransportError('network', req.fn, req.symbol, safeText(message, apiKey));
}
