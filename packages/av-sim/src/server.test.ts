// Every endpoint over real HTTP against a real model: bodies parse with the production schemas and agree
// with the model at the moment of the request.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  classifyAvResponse,
  normaliseBbands,
  normaliseGlobalQuote,
  normaliseIntradayBars,
  normaliseMacd,
  normaliseMacroSeries,
  normaliseNewsSentiment,
  normaliseOptionContracts,
  normaliseRsi,
  parseOccContractId,
  type AvFunction,
} from '@alphatrader/shared';
import { startSimFixture, type SimFixture } from './testing';

/** `shown` is `raw` printed with `dp` decimals (AV's precision). */
function expectRounded(shown: number | null, raw: number, dp: number): void {
  expect(shown).not.toBeNull();
  expect(Math.abs((shown as number) - raw)).toBeLessThanOrEqual(0.5 * 10 ** -dp + 1e-9);
}

const easternDate = (ts: number): string =>
  new Date(ts).toLocaleDateString('en-CA', { timeZone: 'America/New_York' });

let f: SimFixture;
beforeAll(async () => {
  f = await startSimFixture();
});
afterAll(async () => {
  await f.stop();
});

async function ok<F extends AvFunction>(fn: F, params: Record<string, string>, requireGreeks = false) {
  const res = await f.query({ function: fn, ...params });
  expect(res.status).toBe(200);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  const r = classifyAvResponse(fn, res.data, {
    symbol: params['symbol'] ?? params['tickers'],
    requireGreeks,
  });
  if (r.kind !== 'success') throw new Error(`${fn} ${JSON.stringify(params)}: ${r.message}`);
  return r.data;
}

describe('every endpoint parses with the production schemas', () => {
  const cases: [AvFunction, Record<string, string>][] = [
    ['REALTIME_OPTIONS', { symbol: 'SPY' }],
    ['REALTIME_OPTIONS', { symbol: 'SPY', require_greeks: 'true' }],
    ['REALTIME_OPTIONS', { symbol: 'SPX', require_greeks: 'true' }],
    ['HISTORICAL_OPTIONS', { symbol: 'AAPL' }],
    ['TIME_SERIES_INTRADAY', { symbol: 'SPY', interval: '1min' }],
    ['TIME_SERIES_INTRADAY', { symbol: 'QQQ', interval: '5min', outputsize: 'full' }],
    ['GLOBAL_QUOTE', { symbol: 'NVDA' }],
    ['RSI', { symbol: 'SPY', interval: '1min', time_period: '14', series_type: 'close' }],
    ['RSI', { symbol: 'SPY', interval: 'daily', time_period: '5', series_type: 'close' }],
    ['MACD', { symbol: 'QQQ', interval: '5min', series_type: 'close' }],
    ['BBANDS', { symbol: 'AAPL', interval: '15min', time_period: '20', series_type: 'close' }],
    ['ATR', { symbol: 'MSFT', interval: '60min', time_period: '14' }],
    ['NEWS_SENTIMENT', { tickers: 'AAPL' }],
    ['NEWS_SENTIMENT', { topics: 'technology' }],
    ['REAL_GDP', {}],
    ['REAL_GDP', { interval: 'quarterly' }],
    ['CPI', {}],
    ['CPI', { interval: 'semiannual' }],
    ['FEDERAL_FUNDS_RATE', {}],
    ['FEDERAL_FUNDS_RATE', { interval: 'daily' }],
    ['FEDERAL_FUNDS_RATE', { interval: 'weekly' }],
  ];
  it.each(cases)('%s %j → success', async (fn, params) => {
    await ok(fn, params, params['require_greeks'] === 'true');
  });
});

describe('options agree with the model at the moment of the request', () => {
  it('REALTIME_OPTIONS with Greeks: same contracts, prices and Greeks as model.optionChain, AV order', async () => {
    const data = await ok('REALTIME_OPTIONS', { symbol: 'SPY', require_greeks: 'true' }, true);
    const { contracts, rejected } = normaliseOptionContracts(data);
    expect(rejected).toEqual([]);
    const model = new Map(f.model.optionChain('SPY').map((q) => [q.contractId, q]));
    expect(contracts.length).toBe(model.size);
    expect(contracts.length).toBeGreaterThan(100);
    for (const c of contracts) {
      const q = model.get(c.contractId);
      if (q === undefined) throw new Error(`not in the model: ${c.contractId}`);
      expect(parseOccContractId(c.contractId)).toEqual({
        root: 'SPY',
        expiry: c.expiry,
        right: c.right,
        strike: c.strike,
      });
      expect(c.right).toBe(q.right);
      expect(c.strike).toBe(q.strike);
      expectRounded(c.bid, q.bid, 2);
      expectRounded(c.ask, q.ask, 2);
      expectRounded(c.mark, q.mark, 2);
      expect(c.openInterest).toBe(Math.round(q.openInterest));
      expectRounded(c.iv, q.iv, 5);
      expectRounded(c.delta, q.delta, 5);
      expectRounded(c.gamma, q.gamma, 5);
      expectRounded(c.theta, q.theta, 5);
      expectRounded(c.vega, q.vega, 5);
      expectRounded(c.rho, q.rho, 5);
      expect(c.date).toBe(easternDate(f.model.now()));
    }
    for (let i = 1; i < contracts.length; i++) {
      const a = contracts[i - 1]!;
      const b = contracts[i]!;
      const order =
        a.expiry < b.expiry ||
        (a.expiry === b.expiry &&
          (a.strike < b.strike || (a.strike === b.strike && a.right === 'C' && b.right === 'P')));
      expect(order, `${a.contractId} before ${b.contractId}`).toBe(true);
    }
  });

  it('without require_greeks the six fields are absent; expiration and contract filters apply', async () => {
    const plain = await ok('REALTIME_OPTIONS', { symbol: 'QQQ' });
    expect(Object.keys(plain.data[0]!).at(-1)).toBe('date');
    expect(normaliseOptionContracts(plain).contracts.every((c) => c.delta === null && c.iv === null)).toBe(
      true,
    );
    const expiry = f.model.expiries('QQQ')[1]!;
    const one = await ok('REALTIME_OPTIONS', { symbol: 'QQQ', expiration: expiry });
    expect(one.data.length).toBe(f.model.optionChain('QQQ', [expiry]).length);
    expect(one.data.every((r) => r.expiration === expiry)).toBe(true);
    const id = one.data[5]!.contractID;
    const single = await ok(
      'REALTIME_OPTIONS',
      { symbol: 'QQQ', contract: id, require_greeks: 'true' },
      true,
    );
    expect(single.data.map((r) => r.contractID)).toEqual([id]);
  });

  it('follows the model as it moves: spot and Greeks after a step are the new ones', async () => {
    const before = normaliseGlobalQuote(await ok('GLOBAL_QUOTE', { symbol: 'SPY' }));
    expectRounded(before.price, f.model.quote('SPY')!.last, 4);
    const atm = f.model.optionChain('SPY').find((q) => q.delta > 0.45 && q.delta < 0.55)!;
    f.model.step(5 * 60_000);
    const after = normaliseGlobalQuote(await ok('GLOBAL_QUOTE', { symbol: 'SPY' }));
    const q = f.model.quote('SPY')!;
    expect(after.price).not.toBe(before.price);
    expectRounded(after.price, q.last, 4);
    expectRounded(after.previousClose, q.prevClose, 4);
    expectRounded(after.change, q.last - q.prevClose, 4);
    expect(after.volume).toBe(Math.round(q.volume));
    const data = await ok(
      'REALTIME_OPTIONS',
      { symbol: 'SPY', contract: atm.contractId, require_greeks: 'true' },
      true,
    );
    const now = f.model.optionQuote(atm.contractId)!;
    const [c] = normaliseOptionContracts(data).contracts;
    expect(now.delta).not.toBe(atm.delta);
    expectRounded(c!.delta, now.delta, 5);
    expectRounded(c!.iv, now.iv, 5);
    expect(c!.date).toBe(easternDate(f.model.now()));
  });

  it('HISTORICAL_OPTIONS always has Greeks and is stamped with the asked date', async () => {
    const data = await ok('HISTORICAL_OPTIONS', { symbol: 'AAPL', date: '2026-11-20' });
    const { contracts, rejected } = normaliseOptionContracts(data);
    expect(rejected).toEqual([]);
    expect(contracts.every((c) => c.date === '2026-11-20' && c.delta !== null)).toBe(true);
  });
});

describe('series and indicators come from the model path', () => {
  it('intraday bars are the model bars, newest first, keyed in US/Eastern', async () => {
    const data = await ok('TIME_SERIES_INTRADAY', { symbol: 'SPY', interval: '1min' });
    const keys = Object.keys(data['Time Series']);
    expect(keys.length).toBe(100);
    expect(keys[0]! > keys[1]!).toBe(true);
    const bars = normaliseIntradayBars(data).bars;
    const model = f.model.intradayBars('SPY', 1, 100);
    expect(bars.map((b) => b.ts)).toEqual(model.map((b) => b.ts));
    bars.forEach((b, i) => expectRounded(b.close, model[i]!.close, 4));
    expect(data['Meta Data']['3. Last Refreshed']).toBe(bars.at(-1)!.time);
  });

  it('BBANDS middle band is the SMA of the served closes; MACD hist = MACD − signal; RSI in [0, 100]', async () => {
    const closes = normaliseIntradayBars(
      await ok('TIME_SERIES_INTRADAY', { symbol: 'AAPL', interval: '5min', outputsize: 'full' }),
    ).bars;
    const bb = normaliseBbands(
      await ok('BBANDS', { symbol: 'AAPL', interval: '5min', time_period: '20', series_type: 'close' }),
    );
    const last = bb.rows.at(-1)!;
    const i = closes.findIndex((b) => b.time.startsWith(last.time));
    expect(i).toBe(closes.length - 1);
    const sma = closes.slice(i - 19, i + 1).reduce((s, b) => s + b.close, 0) / 20;
    expect(last.middle).toBeCloseTo(sma, 3);
    expect(last.upper).toBeGreaterThan(last.middle);
    expect(last.upper - last.middle).toBeCloseTo(last.middle - last.lower, 3);
    const macd = normaliseMacd(await ok('MACD', { symbol: 'AAPL', interval: '5min', series_type: 'close' }));
    for (const r of macd.rows) expect(r.hist).toBeCloseTo(r.macd - r.signal, 3);
    const rsi = normaliseRsi(
      await ok('RSI', { symbol: 'AAPL', interval: '5min', time_period: '14', series_type: 'close' }),
    );
    expect(rsi.rows.length).toBe(closes.length - 14);
    expect(rsi.rows.every((r) => r.rsi >= 0 && r.rsi <= 100)).toBe(true);
  });

  it('macro series end before the simulated date; news is deterministic and already published', async () => {
    const today = new Date(f.model.now()).toISOString().slice(0, 10);
    const ffr = normaliseMacroSeries(await ok('FEDERAL_FUNDS_RATE', { interval: 'daily' }));
    expect(ffr.points.at(-1)!.date < today).toBe(true);
    expect(ffr.points.every((p) => p.value !== null && p.value >= 0 && p.value < 10)).toBe(true);
    const first = await ok('NEWS_SENTIMENT', { tickers: 'MSFT' });
    const again = await ok('NEWS_SENTIMENT', { tickers: 'MSFT' });
    expect(again).toEqual(first);
    const news = normaliseNewsSentiment(first);
    expect(news.length).toBeGreaterThan(0);
    expect(
      news.every((a) => a.publishedAt <= f.model.now() && a.tickers.some((t) => t.ticker === 'MSFT')),
    ).toBe(true);
  });
});
