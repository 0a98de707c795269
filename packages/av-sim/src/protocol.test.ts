// Keys, unknown functions and parameters, CSV, news edge cases and call counting, over HTTP.
import axios from 'axios';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AvError, classifyAvResponse } from '@alphatrader/shared';
import { startSimFixture, type SimFixture } from './testing';

let f: SimFixture;
beforeAll(async () => {
  f = await startSimFixture({ validApiKeys: undefined });
});
afterAll(async () => {
  await f.stop();
});

const errorOf = (r: unknown): AvError => {
  expect(r).toBeInstanceOf(AvError);
  return r as AvError;
};

describe('keys and calls', () => {
  it('a missing or empty key gets the real apikey Error Message; any other key is accepted', async () => {
    const http = axios.create({ baseURL: f.sim.url });
    const missing = await http.get('/query', { params: { function: 'GLOBAL_QUOTE', symbol: 'SPY' } });
    expect(missing.status).toBe(200);
    expect(missing.data).toEqual({
      'Error Message': expect.stringMatching(/^the parameter apikey is invalid or missing/),
    });
    expect(errorOf(classifyAvResponse('GLOBAL_QUOTE', missing.data)).kind).toBe('invalid_call');
    const empty = await f.query({ function: 'GLOBAL_QUOTE', symbol: 'SPY', apikey: '' });
    expect(errorOf(classifyAvResponse('GLOBAL_QUOTE', empty.data)).apiMessage).toMatch(/apikey/);
    const random = await f.query({ function: 'GLOBAL_QUOTE', symbol: 'SPY', apikey: 'ANYTHING123' });
    expect(classifyAvResponse('GLOBAL_QUOTE', random.data).kind).toBe('success');
  });

  it('opt-in key check: an unknown key gets the apikey Error Message', async () => {
    const strict = await startSimFixture({ validApiKeys: ['good'] });
    try {
      const bad = await strict.query({ function: 'CPI', apikey: 'bad' });
      expect(errorOf(classifyAvResponse('CPI', bad.data)).apiMessage).toMatch(/apikey is invalid/);
      expect(
        classifyAvResponse('CPI', (await strict.query({ function: 'CPI', apikey: 'good' })).data).kind,
      ).toBe('success');
    } finally {
      await strict.stop();
    }
  });

  it('unknown function, bad parameters and unknown symbols answer as the real API does', async () => {
    const unknown = await f.query({ function: 'GLOBAL_QUOT', symbol: 'SPY' });
    expect(unknown.data).toEqual({ 'Error Message': 'This API function (GLOBAL_QUOT) does not exist.' });
    const badInterval = await f.query({ function: 'TIME_SERIES_INTRADAY', symbol: 'SPY', interval: '2min' });
    expect(errorOf(classifyAvResponse('TIME_SERIES_INTRADAY', badInterval.data)).kind).toBe('invalid_call');
    const noSeriesType = await f.query({
      function: 'RSI',
      symbol: 'SPY',
      interval: '1min',
      time_period: '14',
    });
    expect(errorOf(classifyAvResponse('RSI', noSeriesType.data)).apiMessage).toMatch(/for RSI\.$/);
    const unknownQuote = await f.query({ function: 'GLOBAL_QUOTE', symbol: 'ZZZZ' });
    expect(unknownQuote.data).toEqual({ 'Global Quote': {} });
    expect(errorOf(classifyAvResponse('GLOBAL_QUOTE', unknownQuote.data)).kind).toBe('empty');
    const unknownSeries = await f.query({
      function: 'TIME_SERIES_INTRADAY',
      symbol: 'ZZZZ',
      interval: '1min',
    });
    expect(errorOf(classifyAvResponse('TIME_SERIES_INTRADAY', unknownSeries.data)).kind).toBe('invalid_call');
  });

  it('the symbol is echoed as sent', async () => {
    const r = await f.query({ function: 'GLOBAL_QUOTE', symbol: 'spy' });
    expect((r.data as { 'Global Quote': Record<string, string> })['Global Quote']['01. symbol']).toBe('spy');
  });

  it('counts every call per function, per key and per fault, in the handle and the control API', async () => {
    f.sim.reset();
    await f.query({ function: 'GLOBAL_QUOTE', symbol: 'SPY', apikey: 'k1' });
    await f.query({ function: 'GLOBAL_QUOTE', symbol: 'QQQ', apikey: 'k2' });
    await f.query({ function: 'CPI', apikey: 'k1', avsim_fault: 'premium' });
    await f.query({ function: 'NOPE', apikey: 'k1' });
    const s = f.sim.stats.snapshot();
    expect(s.total).toBe(4);
    expect(s.byFunction).toEqual({ GLOBAL_QUOTE: 2, CPI: 1, NOPE: 1 });
    expect(s.byKey).toEqual({ k1: 3, k2: 1 });
    expect(s.byFault).toEqual({ premium: 1 });
    expect(s.errorMessages).toBe(1);
    const viaHttp = await axios.get(`${f.sim.url}/_control/stats`);
    expect(viaHttp.data).toMatchObject({ total: 4, byKey: { k1: 3, k2: 1 }, callsPerMinute: 600 });
  });
});

describe('CSV', () => {
  it('datatype=csv gives AV headers and CRLF lines; errors stay JSON', async () => {
    const bars = await f.query({
      function: 'TIME_SERIES_INTRADAY',
      symbol: 'SPY',
      interval: '1min',
      datatype: 'csv',
    });
    expect(bars.headers['content-type']).toMatch(/^application\/x-download/);
    const lines = (bars.data as string).split('\r\n');
    expect(lines[0]).toBe('timestamp,open,high,low,close,volume');
    expect(lines.length).toBe(102); // header, 100 bars, trailing empty
    const q = await f.query({ function: 'GLOBAL_QUOTE', symbol: 'SPY', datatype: 'csv' });
    expect((q.data as string).split('\r\n')[0]).toBe(
      'symbol,open,high,low,price,volume,latestDay,previousClose,change,changePercent',
    );
    const chain = await f.query({
      function: 'REALTIME_OPTIONS',
      symbol: 'AAPL',
      datatype: 'csv',
      require_greeks: 'true',
    });
    expect((chain.data as string).split('\r\n')[0]).toMatch(
      /^contractID,symbol,expiration,strike,type,.*,date,implied_volatility,delta,gamma,theta,vega,rho$/,
    );
    const err = await f.query({
      function: 'TIME_SERIES_INTRADAY',
      symbol: 'SPY',
      interval: 'bad',
      datatype: 'csv',
    });
    expect(err.headers['content-type']).toMatch(/^application\/json/);
    expect(err.data).toHaveProperty('Error Message');
  });
});

describe('NEWS_SENTIMENT for ETFs, indices and several tickers', () => {
  it('an ETF is a valid ticker with an empty feed; an index is an invalid input', async () => {
    const etf = await f.query({ function: 'NEWS_SENTIMENT', tickers: 'SPY' });
    expect(etf.data).toMatchObject({ items: '0', feed: [] });
    expect(errorOf(classifyAvResponse('NEWS_SENTIMENT', etf.data)).kind).toBe('empty');
    const index = await f.query({ function: 'NEWS_SENTIMENT', tickers: 'SPX' });
    expect(index.data).toEqual({ Information: expect.stringMatching(/^Invalid inputs/) });
    expect(errorOf(classifyAvResponse('NEWS_SENTIMENT', index.data)).kind).toBe('invalid_call');
  });

  it('tickers are ANDed, limit and sort apply, labels follow the scores', async () => {
    const res = await f.query({
      function: 'NEWS_SENTIMENT',
      tickers: 'AAPL',
      limit: '1000',
      sort: 'EARLIEST',
    });
    const r = classifyAvResponse('NEWS_SENTIMENT', res.data);
    if (r.kind !== 'success') throw r;
    const feed = r.data.feed;
    expect(feed.map((a) => a.time_published)).toEqual([...feed.map((a) => a.time_published)].sort());
    const pair = feed.flatMap((a) => a.ticker_sentiment.map((t) => t.ticker)).find((t) => t !== 'AAPL');
    if (pair !== undefined) {
      const both = await f.query({ function: 'NEWS_SENTIMENT', tickers: `AAPL,${pair}` });
      const b = classifyAvResponse('NEWS_SENTIMENT', both.data);
      if (b.kind !== 'success') throw b;
      for (const a of b.data.feed)
        expect(a.ticker_sentiment.map((t) => t.ticker)).toEqual(expect.arrayContaining(['AAPL', pair]));
    }
    const two = await f.query({ function: 'NEWS_SENTIMENT', tickers: 'AAPL', limit: '2' });
    expect((two.data as { items: string }).items).toBe('2');
    for (const a of feed) {
      const s = a.overall_sentiment_score;
      const expected =
        s <= -0.35
          ? 'Bearish'
          : s <= -0.15
            ? 'Somewhat-Bearish'
            : s < 0.15
              ? 'Neutral'
              : s < 0.35
                ? 'Somewhat-Bullish'
                : 'Bullish';
      expect(a.overall_sentiment_label).toBe(expected);
    }
  });
});
