import { describe, expect, it } from 'vitest';
import { IbkrAccount } from '@alphatrader/shared';
import { testSettings } from '../testing/settings';
import { collectFlush } from './flush';
import { optionContract } from './options';
import { chooseAccount, IngestState, RejectSampler } from './state';
import { Tick } from './ticks';

const timing = { l2SnapshotIntervalMs: 2000, keepAliveMs: 500, staleAfterMs: 5000 };

describe('chooseAccount', () => {
  it('takes the configured account when TWS manages it, else the first one', () => {
    expect(chooseAccount(['DU111', 'DU222'], 'DU222', 5).account).toEqual({
      accountId: 'DU222',
      managedAccounts: ['DU111', 'DU222'],
      paper: true,
      ts: 5,
    });
    expect(IbkrAccount.parse(chooseAccount([' U9 ', ''], null, 5).account)).toMatchObject({
      accountId: 'U9',
      paper: false,
    });
    expect(chooseAccount(['DU111'], 'DU999', 5)).toMatchObject({
      account: null,
      problem: expect.stringContaining('DU999'),
    });
    expect(chooseAccount([], null, 5).account).toBeNull();
  });
});

describe('RejectSampler', () => {
  it('logs a reason once per symbol and window', () => {
    let t = 0;
    const logged: string[] = [];
    const s = new RejectSampler(
      1000,
      (reason, symbol) => logged.push(`${reason}:${symbol}`),
      () => t,
    );
    s.report('price_band', 'SPY', undefined, 1);
    s.report('price_band', 'SPY', undefined, 2);
    s.report('price_band', 'QQQ', undefined, 3);
    t = 1500;
    s.report('price_band', 'SPY', undefined, 4);
    expect(logged).toEqual(['price_band:SPY', 'price_band:QQQ', 'price_band:SPY']);
  });
});

describe('IngestState and collectFlush', () => {
  it('writes the connection status when it changes or is due, and pending errors once', () => {
    const state = new IngestState(testSettings(), 0);
    expect(collectFlush(state, 1, 1, timing, false).status).toEqual({ connected: 0, account: null });
    expect(collectFlush(state, 1, 1, timing, false).status).toBeNull();
    state.setConnected(1);
    state.setAccount(chooseAccount(['DU1'], null, 1).account);
    state.recordError({ code: 2104, message: 'ok', reqId: -1, symbol: null, ts: 1 });
    const f = collectFlush(state, 2, 2, timing, false);
    expect(f.status).toMatchObject({ connected: 1, account: { accountId: 'DU1' } });
    expect(f.errors).toHaveLength(1);
    expect(collectFlush(state, 3, 3, timing, false)).toMatchObject({ status: null, errors: [] });
    expect(collectFlush(state, 3, 3, timing, true).status).toMatchObject({ connected: 1 });
  });

  it('collects changed option quotes once, with the time their first change arrived', () => {
    const state = new IngestState(testSettings(), 0);
    const feed = state.addOption(optionContract('QQQ260116C00500000')!);
    feed.onTickPrice(Tick.BID, 1.5, 10, 77);
    feed.onTickPrice(Tick.ASK, 1.6, 11, 78);
    const f = collectFlush(state, 12, 12, timing, false);
    expect(f.options).toHaveLength(1);
    expect(f.options[0]).toMatchObject({ occ: 'QQQ260116C00500000', underlying: 'QQQ', pendingSince: 77 });
    expect(collectFlush(state, 13, 13, timing, false).options).toEqual([]);
    state.removeOption('QQQ260116C00500000');
    expect(state.options.size).toBe(0);
  });

  it('counts rejections reported by the feeds', () => {
    const state = new IngestState(testSettings(), 0);
    state.feeds.get('AAPL')!.onTickPrice(Tick.BID, -1, 1, 1, 1);
    expect(state.metrics.invalid.get('non_positive_price')).toBe(1);
  });
});
