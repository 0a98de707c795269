import { describe, expect, it } from 'vitest';
import * as b from './av-bodies.fixture';
import { classifyAvResponse } from './classify';
import { AvError } from './errors';
import type { AvFunction } from './functions';

function expectError(r: unknown): AvError {
  expect(r).toBeInstanceOf(AvError);
  return r as AvError;
}

describe('classifyAvResponse: success on bodies shaped like AV', () => {
  const cases: [AvFunction, unknown][] = [
    ['REALTIME_OPTIONS', b.realtimeOptions],
    ['REALTIME_OPTIONS', b.realtimeOptionsWithGreeks],
    ['HISTORICAL_OPTIONS', b.historicalOptions],
    ['TIME_SERIES_INTRADAY', b.intraday],
    ['GLOBAL_QUOTE', b.globalQuote],
    ['RSI', b.rsi],
    ['MACD', b.macd],
    ['BBANDS', b.bbands],
    ['ATR', b.atr],
    ['NEWS_SENTIMENT', b.news],
    ['FEDERAL_FUNDS_RATE', b.federalFundsRate],
    [
      'CPI',
      {
        ...b.federalFundsRate,
        name: 'Consumer Price Index for all Urban Consumers',
        unit: 'index 1982-1984=100',
      },
    ],
    ['REAL_GDP', { ...b.federalFundsRate, name: 'Real Gross Domestic Product', interval: 'quarterly' }],
  ];
  it.each(cases)('%s', (fn, body) => {
    const r = classifyAvResponse(fn, body, { symbol: 'IBM' });
    expect(r.kind, r instanceof AvError ? r.message : '').toBe('success');
    expect(r.symbol).toBe('IBM');
  });

  it('accepts the raw JSON text as well as a parsed object', () => {
    const r = classifyAvResponse('GLOBAL_QUOTE', JSON.stringify(b.globalQuote));
    expect(r.kind).toBe('success');
    if (r.kind === 'success') expect(r.data['Global Quote']['05. price']).toBe('121.7400');
  });

  it('accepts the delayed-entitlement Global Quote key and a dynamic Time Series key', () => {
    const delayed = { 'Global Quote - DATA DELAYED BY 15 MINUTES': b.globalQuoteFields };
    const r = classifyAvResponse('GLOBAL_QUOTE', delayed);
    expect(r.kind).toBe('success');
    const fiveMin = {
      'Meta Data': b.intraday['Meta Data'],
      'Time Series (5min)': b.intraday['Time Series (1min)'],
    };
    const s = classifyAvResponse('TIME_SERIES_INTRADAY', fiveMin);
    expect(s.kind).toBe('success');
    if (s.kind === 'success') expect(Object.keys(s.data['Time Series'])).toHaveLength(2);
  });
});

describe('classifyAvResponse: errors', () => {
  it('Error Message → invalid_call with the API text, endpoint and symbol', () => {
    const e = expectError(
      classifyAvResponse(
        'TIME_SERIES_INTRADAY',
        { 'Error Message': b.messages.invalidCall },
        { symbol: 'XYZ' },
      ),
    );
    expect(e.kind).toBe('invalid_call');
    expect(e.apiMessage).toBe(b.messages.invalidCall);
    expect(e.endpoint).toBe('TIME_SERIES_INTRADAY');
    expect(e.symbol).toBe('XYZ');
    expect(e.retryable).toBe(false);
    expect(expectError(classifyAvResponse('CPI', { 'Error Message': b.messages.apikeyMissing })).kind).toBe(
      'invalid_call',
    );
  });

  it('burst Information → rate_limited (burst, retry in ~1 s) although it mentions premium endpoints', () => {
    const e = expectError(classifyAvResponse('RSI', { Information: b.messages.burst }));
    expect(e.kind).toBe('rate_limited');
    expect(e.rateLimit).toBe('burst');
    expect(e.retryable).toBe(true);
    expect(e.retryAfterMs).toBe(1000);
  });

  it('legacy Note → rate_limited per minute; daily cap → rate_limited daily, not retryable', () => {
    const note = expectError(classifyAvResponse('GLOBAL_QUOTE', { Note: b.messages.legacyNote }));
    expect([note.kind, note.rateLimit, note.retryable]).toEqual(['rate_limited', 'minute', true]);
    const daily = expectError(classifyAvResponse('GLOBAL_QUOTE', { Information: b.messages.daily }));
    expect([daily.kind, daily.rateLimit, daily.retryable]).toEqual(['rate_limited', 'daily', false]);
  });

  it('redacts the API key the daily notice quotes, and a key passed in meta', () => {
    const daily = expectError(classifyAvResponse('GLOBAL_QUOTE', { Information: b.messages.daily }));
    expect(daily.apiMessage).not.toContain('SECRETKEY123');
    expect(daily.message).not.toContain('SECRETKEY123');
    expect(daily.apiMessage).toContain('API key as ***');
    const other = expectError(
      classifyAvResponse('GLOBAL_QUOTE', { Information: 'odd notice for key abc999' }, { apiKey: 'abc999' }),
    );
    expect(other.apiMessage).toBe('odd notice for key ***');
  });

  it('premium Information → premium_required', () => {
    const e = expectError(classifyAvResponse('HISTORICAL_OPTIONS', { Information: b.messages.premium }));
    expect(e.kind).toBe('premium_required');
    expect(e.retryable).toBe(false);
  });

  it('demo-key Information → sample_data; options message ≠ success → sample_data (fake rows never accepted)', () => {
    expect(expectError(classifyAvResponse('GLOBAL_QUOTE', { Information: b.messages.demo })).kind).toBe(
      'sample_data',
    );
    const e = expectError(
      classifyAvResponse('REALTIME_OPTIONS', b.optionsPremiumPlaceholder, { symbol: 'SPY' }),
    );
    expect(e.kind).toBe('sample_data');
    expect(e.apiMessage).toContain('This is a premium endpoint');
  });

  it('news "Invalid inputs" Information → invalid_call, not a rate limit', () => {
    expect(
      expectError(classifyAvResponse('NEWS_SENTIMENT', { Information: b.messages.newsInvalid })).kind,
    ).toBe('invalid_call');
  });

  it('empty: no contracts, unknown-symbol quote, empty series, no articles, no observations', () => {
    const empties: [AvFunction, unknown][] = [
      ['REALTIME_OPTIONS', { ...b.realtimeOptions, data: [] }],
      ['GLOBAL_QUOTE', { 'Global Quote': {} }],
      ['TIME_SERIES_INTRADAY', { 'Meta Data': b.intraday['Meta Data'], 'Time Series (1min)': {} }],
      ['ATR', { ...b.atr, 'Technical Analysis: ATR': {} }],
      ['NEWS_SENTIMENT', { ...b.news, items: '0', feed: [] }],
      ['CPI', { ...b.federalFundsRate, data: [] }],
    ];
    for (const [fn, body] of empties)
      expect(expectError(classifyAvResponse(fn, body)).kind, fn).toBe('empty');
  });

  it('malformed: unparseable or truncated text, non-object JSON, empty body', () => {
    const text = JSON.stringify(b.realtimeOptions);
    const truncated = expectError(classifyAvResponse('REALTIME_OPTIONS', text.slice(0, text.length / 2)));
    expect(truncated.kind).toBe('malformed');
    expect(truncated.retryable).toBe(true);
    expect(truncated.detail).toMatch(/invalid JSON/);
    expect(expectError(classifyAvResponse('CPI', '')).kind).toBe('malformed');
    expect(expectError(classifyAvResponse('CPI', '[1,2]')).kind).toBe('malformed');
    expect(expectError(classifyAvResponse('CPI', null)).kind).toBe('malformed');
  });

  it('malformed: schema failure carries the zod path', () => {
    const badStrike = { ...b.realtimeOptions, data: [b.optionRow, { ...b.putRow, strike: 650 }] };
    const e = expectError(classifyAvResponse('REALTIME_OPTIONS', badStrike, { symbol: 'SPY' }));
    expect(e.kind).toBe('malformed');
    expect(e.path).toBe('data[1].strike');
    const badBar = structuredClone(b.intraday) as unknown as Record<
      string,
      Record<string, Record<string, string>>
    >;
    badBar['Time Series (1min)']!['2020-05-08 14:04:00']!['4. close'] = 'n/a';
    const s = expectError(classifyAvResponse('TIME_SERIES_INTRADAY', badBar));
    expect(s.path).toBe('Time Series.2020-05-08 14:04:00.4. close');
    const noPct = { 'Global Quote': { ...b.globalQuoteFields, '10. change percent': '0.4207' } };
    expect(expectError(classifyAvResponse('GLOBAL_QUOTE', noPct)).path).toBe(
      'Global Quote.10. change percent',
    );
  });

  it('require_greeks: a chain without Greek fields is malformed when Greeks were asked for', () => {
    const e = expectError(classifyAvResponse('REALTIME_OPTIONS', b.realtimeOptions, { requireGreeks: true }));
    expect(e.kind).toBe('malformed');
    expect(e.path).toMatch(/^data\[0\]\.(implied_volatility|delta|gamma|theta|vega|rho)$/);
    expect(
      classifyAvResponse('REALTIME_OPTIONS', b.realtimeOptionsWithGreeks, { requireGreeks: true }).kind,
    ).toBe('success');
    expect(expectError(classifyAvResponse('HISTORICAL_OPTIONS', b.realtimeOptions)).kind).toBe('malformed');
  });
});
