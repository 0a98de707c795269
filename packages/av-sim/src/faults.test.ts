// Each fault produces the real API's answer over HTTP and the production classifier reads it right.
import axios from 'axios';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AvError, classifyAvResponse, normaliseOptionContracts, type AvFunction } from '@alphatrader/shared';
import { startSimFixture, type SimFixture } from './testing';

let f: SimFixture;
beforeAll(async () => {
  f = await startSimFixture();
});
afterAll(async () => {
  await f.stop();
});
beforeEach(() => {
  f.sim.reset();
});

const chain = { function: 'REALTIME_OPTIONS', symbol: 'SPY', require_greeks: 'true' };
const quote = { function: 'GLOBAL_QUOTE', symbol: 'SPY' };

async function classify(params: Record<string, string>, headers: Record<string, string> = {}) {
  const res = await f.query(params, headers);
  expect(res.status).toBe(200);
  const fn = params['function'] as AvFunction;
  return classifyAvResponse(fn, res.data, {
    symbol: params['symbol'],
    requireGreeks: params['require_greeks'] === 'true',
  });
}

/** REALTIME_OPTIONS with Greeks for SPY, expected to succeed. */
async function chainSuccess(headers: Record<string, string> = {}) {
  const res = await f.query(chain, headers);
  const r = classifyAvResponse('REALTIME_OPTIONS', res.data, { symbol: 'SPY', requireGreeks: true });
  if (r.kind !== 'success') throw r;
  return r.data;
}

async function expectError(
  params: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<AvError> {
  const r = await classify(params, headers);
  expect(r).toBeInstanceOf(AvError);
  return r as AvError;
}

describe('faults asked per request (header or query parameter)', () => {
  const cases: [string, Record<string, string>, AvError['kind'], string | undefined][] = [
    ['rate_limit', quote, 'rate_limited', 'burst'],
    ['rate_limit_note', quote, 'rate_limited', 'minute'],
    ['rate_limit_daily', quote, 'rate_limited', 'daily'],
    ['premium', chain, 'premium_required', undefined],
    ['sample_data', chain, 'sample_data', undefined],
    ['sample_data', quote, 'sample_data', undefined],
    [
      'error_message',
      { function: 'TIME_SERIES_INTRADAY', symbol: 'SPY', interval: '1min' },
      'invalid_call',
      undefined,
    ],
    ['invalid_apikey', quote, 'invalid_call', undefined],
    ['malformed_json', chain, 'malformed', undefined],
    ['truncated', chain, 'malformed', undefined],
    ['truncated', { function: 'CPI' }, 'malformed', undefined],
    ['empty', chain, 'empty', undefined],
    ['empty', quote, 'empty', undefined],
    [
      'empty',
      { function: 'RSI', symbol: 'SPY', interval: '1min', time_period: '14', series_type: 'close' },
      'empty',
      undefined,
    ],
  ];
  it.each(cases)('%s on %j → %s', async (kind, params, expected, scope) => {
    const viaHeader = await expectError(params, { 'x-avsim-fault': kind });
    expect(viaHeader.kind).toBe(expected);
    expect(viaHeader.rateLimit).toBe(scope);
    expect(viaHeader.endpoint).toBe(params['function']);
    const viaQuery = await expectError({ ...params, avsim_fault: kind });
    expect(viaQuery.kind).toBe(expected);
    // Without the fault the same call succeeds.
    expect((await classify(params)).kind).toBe('success');
  });

  it('answers carry the real texts: premium notice, placeholder envelope, Error Message', async () => {
    const premium = await f.query(quote, { 'x-avsim-fault': 'premium' });
    expect(premium.data).toEqual({ Information: expect.stringContaining('This is a premium endpoint') });
    const sample = await f.query(chain, { 'x-avsim-fault': 'sample_data' });
    expect(sample.data).toMatchObject({
      endpoint: 'Realtime Options',
      message: expect.stringContaining('SAMPLE DATA'),
    });
    expect((sample.data as { data: { contractID: string }[] }).data[0]?.contractID).toBe(
      'XXYYZZ999999C00020000',
    );
    const error = await expectError({ ...quote, avsim_fault: 'error_message' });
    expect(error.apiMessage).toMatch(/^Invalid API call\. .* for GLOBAL_QUOTE\.$/);
  });

  it('the daily-cap text quotes the key, and the classifier redacts it', async () => {
    const res = await f.query({ ...quote, apikey: 'SECRET-KEY-1' }, { 'x-avsim-fault': 'rate_limit_daily' });
    expect(JSON.stringify(res.data)).toContain('SECRET-KEY-1');
    const e = classifyAvResponse('GLOBAL_QUOTE', res.data) as AvError;
    expect(e.message).not.toContain('SECRET-KEY-1');
  });

  it('malformed and truncated bodies are not JSON; the classifier names the problem', async () => {
    const bad = await f.query(chain, { 'x-avsim-fault': 'malformed_json' });
    expect(typeof bad.data).toBe('string');
    expect(() => JSON.parse(bad.data as string) as unknown).toThrow();
    const cut = await f.query(chain, { 'x-avsim-fault': 'truncated' });
    const full = await f.query(chain);
    expect((cut.data as string).length).toBeLessThan(JSON.stringify(full.data).length);
    expect((classifyAvResponse('REALTIME_OPTIONS', cut.data) as AvError).detail).toMatch(/invalid JSON/);
  });

  it.each([
    ['nan_greeks', 'NaN'],
    ['empty_greeks', ''],
  ])('%s: the body still parses, every third contract is rejected by the normaliser', async (kind, raw) => {
    const data = await chainSuccess({ 'x-avsim-fault': kind });
    const rows = data.data.length;
    const { contracts, rejected } = normaliseOptionContracts(data);
    expect(rejected.length).toBe(Math.ceil(rows / 3));
    expect(contracts.length).toBe(rows - rejected.length);
    expect(rejected.every((x) => x.reason === 'not_a_number' && x.value === raw && x.index % 3 === 0)).toBe(
      true,
    );
  });

  it('slow: the answer comes after the delay (default above 2 s) and a client with a shorter timeout gives up', async () => {
    const started = Date.now();
    const r = await classify(quote, { 'x-avsim-fault': 'slow' });
    expect(r.kind).toBe('success');
    expect(Date.now() - started).toBeGreaterThanOrEqual(2_500);
    const timedOut = axios.get(`${f.sim.url}/query`, {
      params: { ...quote, apikey: 'k', avsim_fault: 'slow', avsim_delay_ms: '1500' },
      timeout: 300,
    });
    await expect(timedOut).rejects.toMatchObject({ code: 'ECONNABORTED' });
  });

  it('an unknown fault name is refused with 400 (simulator control error, not an AV answer)', async () => {
    const res = await f.query(quote, { 'x-avsim-fault': 'gremlins' });
    expect(res.status).toBe(400);
  });
});

describe('faults queued through the control API', () => {
  const control = () => axios.create({ baseURL: `${f.sim.url}/_control`, validateStatus: () => true });

  it('applies to `count` matching requests of the given symbol and function only', async () => {
    const res = await control().post('/fault', {
      kind: 'premium',
      count: 2,
      symbol: 'SPY',
      function: 'GLOBAL_QUOTE',
    });
    expect(res.status).toBe(200);
    expect((await classify({ ...quote, symbol: 'QQQ' })).kind).toBe('success');
    expect((await classify(chain)).kind).toBe('success');
    expect((await expectError(quote)).kind).toBe('premium_required');
    expect((await expectError(quote)).kind).toBe('premium_required');
    expect((await classify(quote)).kind).toBe('success');
  });

  it('faults are consumed in order; Greek faults wait for an options call', async () => {
    await control().post('/fault', { kind: 'nan_greeks' });
    await control().post('/fault', { kind: 'rate_limit_note' });
    expect((await expectError(quote)).kind).toBe('rate_limited');
    expect(normaliseOptionContracts(await chainSuccess()).rejected.length).toBeGreaterThan(0);
    expect((await control().get('/faults')).data).toEqual({ pending: [] });
  });

  it('the handle API does the same; reset clears pending faults; bad specs get 400', async () => {
    f.sim.faults.inject({ kind: 'empty', function: 'REALTIME_OPTIONS' });
    expect((await expectError(chain)).kind).toBe('empty');
    f.sim.faults.inject({ kind: 'error_message' });
    expect((await control().post('/reset')).status).toBe(200);
    expect((await classify(quote)).kind).toBe('success');
    expect((await control().post('/fault', { kind: 'nope' })).status).toBe(400);
    expect((await control().post('/fault', { kind: 'slow', count: 0 })).status).toBe(400);
  });

  it('slow with its own delay from the control API', async () => {
    await control().post('/fault', { kind: 'slow', delayMs: 600 });
    const started = Date.now();
    expect((await classify(quote)).kind).toBe('success');
    expect(Date.now() - started).toBeGreaterThanOrEqual(600);
  });
});
