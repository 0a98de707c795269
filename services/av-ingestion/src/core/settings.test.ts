import { describe, expect, it } from 'vitest';
import { loadConfig } from '@alphatrader/shared';
import { resolveSettings, SettingsError } from './settings';

const config = (section: Record<string, unknown> = {}) =>
  loadConfig({ env: { ALPHAVANTAGE_API_KEY: 'k' }, overrides: { services: { 'av-ingestion': section } } });

describe('resolveSettings', () => {
  it('gives news sentiment to single names only: no ETFs, no indices', () => {
    const s = resolveSettings(config());
    expect(s.sentiment.symbols.sort()).toEqual([
      'AAPL',
      'AMD',
      'AMZN',
      'GOOGL',
      'META',
      'MSFT',
      'NVDA',
      'TSLA',
    ]);
    for (const etfOrIndex of ['SPY', 'QQQ', 'IWM', 'VXX', 'SPX'])
      expect(s.sentiment.symbols).not.toContain(etfOrIndex);
  });

  it('drops ETFs and indices even when configured for sentiment, and says so', () => {
    const s = resolveSettings(config({ sentimentSymbols: ['AAPL', 'SPY', 'SPX', 'VXX'] }));
    expect(s.sentiment.symbols).toEqual(['AAPL']);
    expect(s.sentiment.skipped).toEqual(['SPY', 'SPX', 'VXX']);
  });

  it('takes the strategy watchlist for technicals and the chain symbols for the backfill by default', () => {
    const s = resolveSettings(config());
    expect(s.technicals.symbols).toEqual(expect.arrayContaining(['SPY', 'QQQ', 'IWM', 'AAPL', 'MSFT']));
    expect(s.historical.symbols).toEqual(['SPX', 'SPY', 'QQQ', 'IWM']);
    expect(s.burstPerSecond).toBe(Math.ceil((2 * 590) / 60));
  });

  it('rejects a symbol the config does not know', () => {
    expect(() => resolveSettings(config({ technicalsSymbols: ['ZZZZ'] }))).toThrow(SettingsError);
  });
});
