// IBApiNext (RxJS) against the simulator: its observables and promises receive data with no error.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstValueFrom, filter, take, toArray, timeout } from 'rxjs';
import { IBApiNextTickType, IBApiTickType, Option, OptionType, SecType, Stock } from '@stoqey/ib';
import { RecordingNext, startHarness, type SimHarness } from './testing/harness';

let h: SimHarness;
let next: RecordingNext;
let driver: NodeJS.Timeout;

beforeAll(async () => {
  h = await startHarness();
  next = new RecordingNext(h.sim.port);
  await next.connect(201);
  // Observables need a moving market: advance the model in the background.
  driver = setInterval(() => h.model.step(250), 20);
});
afterAll(async () => {
  clearInterval(driver);
  next.disconnect();
  await h.stop();
});

describe('IBApiNext', () => {
  it('resolves current time, managed accounts and contract details', async () => {
    expect(await next.api.getCurrentTime()).toBeGreaterThan(1.7e9);
    expect(await next.api.getManagedAccounts()).toEqual(['DU1234567']);
    const details = await next.api.getContractDetails(new Stock('MSFT'));
    expect(details).toHaveLength(1);
    expect(details[0]!.contract).toMatchObject({ symbol: 'MSFT', secType: SecType.STK });
    const params = await next.api.getSecDefOptParams('SPY', '', SecType.STK, 0);
    expect(next.errors).toEqual([]);
    expect(params).toHaveLength(1);
    expect(params[0]!.expirations).toEqual(h.model.expiries('SPY').map((e) => e.replaceAll('-', '')));
    expect(params[0]!.strikes.length).toBeGreaterThan(20);
  });

  it('getMarketData delivers bid, ask, last, sizes and volume', async () => {
    const T = IBApiTickType;
    const data = await firstValueFrom(
      next.api.getMarketData(new Stock('AAPL'), '233', false, false).pipe(
        filter((u) => [T.BID, T.ASK, T.LAST, T.BID_SIZE, T.ASK_SIZE, T.VOLUME].every((t) => u.all.has(t))),
        timeout(5_000),
      ),
    );
    const bid = data.all.get(IBApiTickType.BID)!.value!;
    const ask = data.all.get(IBApiTickType.ASK)!.value!;
    expect(bid).toBeGreaterThan(0);
    expect(ask).toBeGreaterThan(bid);
    expect(data.all.get(IBApiTickType.BID_SIZE)!.value).toBeGreaterThan(0);
    expect(next.errors).toEqual([]);
  });

  it('getMarketData on an option carries the model Greeks', async () => {
    const expiry = h.model.expiries('SPY')[2]!;
    const q = h.model
      .optionChain('SPY', [expiry])
      .find((x) => x.right === 'P' && x.delta < -0.3 && x.delta > -0.7)!;
    const data = await firstValueFrom(
      next.api
        .getMarketData(
          new Option('SPY', expiry.replaceAll('-', ''), q.strike, OptionType.Put),
          '',
          false,
          false,
        )
        .pipe(
          filter(
            (u) =>
              u.all.has(IBApiNextTickType.MODEL_OPTION_DELTA) && u.all.has(IBApiNextTickType.MODEL_OPTION_IV),
          ),
          timeout(5_000),
        ),
    );
    const delta = data.all.get(IBApiNextTickType.MODEL_OPTION_DELTA)!.value!;
    expect(delta).toBeLessThan(0);
    expect(data.all.get(IBApiNextTickType.MODEL_OPTION_IV)!.value).toBeGreaterThan(0);
    expect(next.errors).toEqual([]);
  });

  it('getMarketDepth builds a 10-level book per side', async () => {
    const depth = await firstValueFrom(
      next.api.getMarketDepth(new Stock('SPY'), 10, true).pipe(
        filter((d) => d.all.bids.size === 10 && d.all.asks.size === 10),
        timeout(5_000),
      ),
    );
    const bestBid = depth.all.bids.get(0)!;
    const bestAsk = depth.all.asks.get(0)!;
    expect(bestAsk.price).toBeGreaterThan(bestBid.price);
    expect(typeof bestBid.marketMaker).toBe('string');
    expect(next.errors).toEqual([]);
  });

  it('getRealTimeBars and getTickByTickAllLastDataUpdates stream', async () => {
    const bars = await firstValueFrom(
      next.api.getRealTimeBars(new Stock('MSFT')).pipe(take(2), toArray(), timeout(8_000)),
    );
    expect(Number(bars[1]!.time) - Number(bars[0]!.time)).toBe(5);
    // IBApiNext requests type "Last" and emits the latest print each time.
    const ticks = await firstValueFrom(
      next.api.getTickByTickAllLastDataUpdates(new Stock('AAPL')).pipe(take(5), toArray(), timeout(5_000)),
    );
    for (const t of ticks) {
      expect(t.tickType).toBe(1);
      expect(t.price).toBeGreaterThan(0);
      expect(t.size).toBeGreaterThanOrEqual(100);
      expect(t.contract?.symbol).toBe('AAPL');
    }
    expect(next.errors).toEqual([]);
  });

  it('getPositions, getAccountSummary and getPnL answer for the paper account', async () => {
    const positions = await firstValueFrom(next.api.getPositions().pipe(timeout(5_000)));
    expect(positions.all).toBeDefined();
    const summary = await firstValueFrom(
      next.api.getAccountSummary('All', 'NetLiquidation,TotalCashValue,BuyingPower').pipe(timeout(5_000)),
    );
    const acct = summary.all.get('DU1234567')!;
    expect(Number(acct.get('NetLiquidation')!.get('USD')!.value)).toBeGreaterThan(0);
    const pnl = await firstValueFrom(next.api.getPnL('DU1234567').pipe(timeout(5_000)));
    expect(pnl.dailyPnL).toBe(0);
    expect(next.errors).toEqual([]);
  });
});
