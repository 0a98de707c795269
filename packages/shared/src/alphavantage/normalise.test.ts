import { describe, expect, it } from 'vitest';
import * as b from './av-bodies.fixture';
import { classifyAvResponse } from './classify';
import { parseAvNumber, parseAvPercent } from './numbers';
import { formatOccContractId, parseOccContractId } from './occ';
import { normaliseMacroSeries } from './normalise/macro';
import { avSentimentLabel, normaliseNewsSentiment } from './normalise/news';
import { normaliseOptionContracts } from './normalise/options';
import {
  normaliseAtr,
  normaliseBbands,
  normaliseGlobalQuote,
  normaliseIntradayBars,
  normaliseMacd,
  normaliseRsi,
} from './normalise/series';

function success<T>(r: { kind: string; data?: T }): T {
  if (r.kind !== 'success' || r.data === undefined) throw new Error(`expected success, got ${r.kind}`);
  return r.data;
}

describe('strict number parsing', () => {
  it('reads AV decimal strings and refuses blanks, NaN and junk', () => {
    expect(parseAvNumber('121.7900')).toBe(121.79);
    expect(parseAvNumber('-0.00000')).toBe(-0);
    expect(parseAvNumber('6.3e-05')).toBeCloseTo(0.000063, 12);
    for (const bad of ['', ' ', 'NaN', 'Infinity', '1,000', '12abc', ' 1', '-', '.'])
      expect(parseAvNumber(bad)).toBeNull();
    expect(parseAvPercent('-0.8103%')).toBe(-0.8103);
    expect(parseAvPercent('0.8103')).toBeNull();
  });
});

describe('OCC contract ids', () => {
  it('parses with an anchored pattern and round-trips', () => {
    expect(parseOccContractId('IBM260904P00115000')).toEqual({
      root: 'IBM',
      expiry: '2026-09-04',
      right: 'P',
      strike: 115,
    });
    expect(parseOccContractId('SPY250919C00650500')?.strike).toBe(650.5);
    for (const bad of [
      'XXYYZZ999999C00020000',
      'SPY250919C0065000',
      'xSPY250919C00650000',
      'SPY251319C00650000',
      'SPY 250919C00650000',
      'SPY   250919C00650000', // padded form: AV sends compact ids only
      '1SPY250919C00650000', // a root starts with a letter
    ])
      expect(parseOccContractId(bad), bad).toBeNull();
    const c = { root: 'SPXW', expiry: '2025-08-15', right: 'C' as const, strike: 6425 };
    expect(parseOccContractId(formatOccContractId(c))).toEqual(c);
  });

  it('reads a root + date prefix with a zero placeholder strike', () => {
    expect(parseOccContractId('SPY250919C00000000')).toEqual({
      root: 'SPY',
      expiry: '2025-09-19',
      right: 'C',
      strike: 0,
    });
  });
});

describe('normaliseOptionContracts', () => {
  it('turns strings into numbers, call/put into C/P, Greeks null without require_greeks', () => {
    const { contracts, rejected } = normaliseOptionContracts(
      success(classifyAvResponse('REALTIME_OPTIONS', b.realtimeOptions)),
    );
    expect(rejected).toEqual([]);
    expect(contracts).toHaveLength(2);
    expect(contracts[0]).toMatchObject({
      contractId: 'SPY250919C00650000',
      underlying: 'SPY',
      expiry: '2025-09-19',
      strike: 650,
      right: 'C',
      bid: 5.1,
      ask: 5.2,
      last: 5.12,
      mark: 5.15,
      bidSize: 25,
      askSize: 31,
      volume: 1520,
      openInterest: 10234,
      iv: null,
      delta: null,
      rho: null,
    });
    expect(contracts[1]?.right).toBe('P');
  });

  it('reads IV and Greeks when present', () => {
    const { contracts } = normaliseOptionContracts(
      success(classifyAvResponse('HISTORICAL_OPTIONS', b.historicalOptions)),
    );
    expect(contracts[0]).toMatchObject({
      iv: 0.16533,
      delta: 0.41208,
      gamma: 0.01187,
      theta: -0.21345,
      vega: 0.98511,
      rho: 0.31022,
    });
    expect(contracts[1]?.delta).toBe(-0.00064);
  });

  it('rejects rows with NaN or blank Greeks, bad numbers or types, keeping the good rows', () => {
    const rows = [
      { ...b.optionRow, ...b.optionGreeks },
      { ...b.putRow, ...b.putGreeks, delta: 'NaN' },
      { ...b.putRow, ...b.putGreeks, gamma: '' },
      { ...b.optionRow, bid: '' },
      { ...b.optionRow, type: 'CALL' },
      { ...b.optionRow, expiration: '2099-99-99' },
      { ...b.optionRow, implied_volatility: '0.2' },
    ];
    const { contracts, rejected } = normaliseOptionContracts(rows);
    expect(contracts).toHaveLength(1);
    expect(rejected.map((r) => [r.index, r.field, r.reason])).toEqual([
      [1, 'delta', 'not_a_number'],
      [2, 'gamma', 'not_a_number'],
      [3, 'bid', 'not_a_number'],
      [4, 'type', 'bad_type'],
      [5, 'expiration', 'bad_date'],
      [6, 'delta', 'partial_greeks'],
    ]);
    expect(rejected[0]?.value).toBe('NaN');
  });
});

describe('series normalisers', () => {
  it('intraday bars oldest first with US/Eastern epoch ms', () => {
    const s = normaliseIntradayBars(success(classifyAvResponse('TIME_SERIES_INTRADAY', b.intraday)));
    expect(s.symbol).toBe('IBM');
    expect(s.interval).toBe('1min');
    expect(s.bars.map((x) => x.time)).toEqual(['2020-05-08 14:04:00', '2020-05-08 14:05:00']);
    expect(s.bars[1]).toMatchObject({
      open: 121.79,
      high: 121.86,
      low: 121.7225,
      close: 121.74,
      volume: 31454,
    });
    expect(s.bars[1]?.ts).toBe(Date.UTC(2020, 4, 8, 18, 5, 0)); // EDT = UTC-4
  });

  it('global quote with percent and negative change', () => {
    const body = {
      'Global Quote': { ...b.globalQuoteFields, '09. change': '-1.0000', '10. change percent': '-0.8103%' },
    };
    const q = normaliseGlobalQuote(success(classifyAvResponse('GLOBAL_QUOTE', body)));
    expect(q).toMatchObject({
      symbol: 'IBM',
      price: 121.74,
      previousClose: 121.23,
      change: -1,
      changePercent: -0.8103,
    });
    expect(q.latestTradingDay).toBe('2020-05-08');
  });

  it('indicators: rows oldest first, keys with and without time, any row key order', () => {
    const r = normaliseRsi(success(classifyAvResponse('RSI', b.rsi)));
    expect(r.rows.map((x) => x.rsi)).toEqual([57.7764, 77.5889]);
    const m = normaliseMacd(success(classifyAvResponse('MACD', b.macd)));
    expect(m.rows[0]).toMatchObject({ time: '2020-04-28', macd: 75.1111, signal: 74.2988, hist: 0.8123 });
    const bb = normaliseBbands(success(classifyAvResponse('BBANDS', b.bbands)));
    expect(bb.rows[1]).toMatchObject({
      time: '2017-12-20 14:00',
      upper: 138.2917,
      middle: 118.91,
      lower: 99.5283,
    });
    expect(bb.rows[1]?.ts).toBe(Date.UTC(2017, 11, 20, 19, 0)); // EST = UTC-5
    expect(normaliseAtr(success(classifyAvResponse('ATR', b.atr))).rows[0]?.atr).toBe(4.8682);
  });

  it('news: numeric scores (exponent strings too), UTC publish time', () => {
    const [a] = normaliseNewsSentiment(success(classifyAvResponse('NEWS_SENTIMENT', b.news)));
    expect(a?.publishedAt).toBe(Date.UTC(2022, 6, 1, 20, 45, 49));
    expect(a?.overallScore).toBe(-0.117141);
    expect(a?.tickers[1]?.score).toBeCloseTo(6.3e-5, 12);
    expect(a?.topics[1]).toEqual({ topic: 'Financial Markets', relevance: 0.744043 });
    expect([-0.35, -0.2, 0, 0.15, 0.35].map(avSentimentLabel)).toEqual([
      'Bearish',
      'Somewhat-Bearish',
      'Neutral',
      'Somewhat-Bullish',
      'Bullish',
    ]);
  });

  it('macro: "." → null, oldest first', () => {
    const m = normaliseMacroSeries(success(classifyAvResponse('FEDERAL_FUNDS_RATE', b.federalFundsRate)));
    expect(m.points).toEqual([
      { date: '2022-02-01', value: 0.08 },
      { date: '2022-03-01', value: null },
      { date: '2022-04-01', value: 0.33 },
    ]);
  });
});
