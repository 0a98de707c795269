import { describe, expect, it } from 'vitest';
import type { KeyDef } from './define';
import {
  REGISTRY,
  REGISTRY_FAMILIES,
  NON_SERVICE_OWNERS,
  SERVICE_NAMES,
  analyticsBars,
  analyticsStatus,
  analyticsVpin,
  discoveredCorrelation,
  executionFillsRecent,
  executionOrders,
  findEntryForKey,
  marketBars,
  marketBook,
  marketL2Snapshots,
  marketLast,
  marketTicker,
  marketTrades,
  moduleHeartbeat,
  optionsChain,
  optionsGreeks,
  orderflowIbkrL2,
  parseKey,
  pnlDaily,
  pnlRealized,
  positionsActive,
  rawIbkrDepth,
  rawIbkrQuote,
  refForKey,
  sentimentArticles,
  sentimentScore,
  signalById,
  signalsPending,
  systemHalt,
  technicalsAtr,
  technicalsRsi,
} from './index';

const SAMPLE_PARAMS: Record<string, string> = {
  symbol: 'SPY',
  service: 'analytics',
  id: 'SIG-0dte-SPY-1',
  contract: 'SPY251219C00600000',
  date: '2025-12-19',
  strategy: '0dte',
  timeframe: '5m',
  channel: 'discord',
  tier: 'premium',
  area: 'data',
  series: 'cpi',
};

function sampleKey(def: KeyDef): string {
  const params: Record<string, string | undefined> = {};
  for (const m of def.pattern.matchAll(/\{([^}]+)\}/g)) params[m[1]!] = SAMPLE_PARAMS[m[1]!];
  return (def.key as (p: Record<string, string | undefined>) => string)(params);
}

describe('key registry', () => {
  it('has a unique pattern per entry', () => {
    const patterns = REGISTRY.map((d) => d.pattern);
    expect(new Set(patterns).size).toBe(patterns.length);
    expect(REGISTRY.length).toBeGreaterThan(100);
  });

  it.each(REGISTRY.map((d) => [d.pattern, d] as const))('%s builds a key that maps back to it', (_p, def) => {
    const key = sampleKey(def);
    expect(key).not.toMatch(/[{}*]/);
    expect(
      new RegExp(`^${def.glob.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^:]+')}$`).test(key),
    ).toBe(true);
    expect(findEntryForKey(key)).toBe(def);
    expect(def.family).toBe(key.split(':')[0]);
  });

  it.each(REGISTRY.map((d) => [d.pattern, d] as const))(
    '%s has a description, an owner and limits',
    (_p, def) => {
      expect(def.description.trim().length).toBeGreaterThan(10);
      expect(def.description).not.toMatch(/\n/);
      expect([...SERVICE_NAMES, ...NON_SERVICE_OWNERS]).toContain(def.owner);
      if (def.type === 'list' || def.type === 'stream') expect(def.cap).toBeGreaterThan(0);
      if (def.ttlSeconds !== null) expect(def.ttlSeconds).toBeGreaterThan(0);
    },
  );

  it('carries the seed TTL strategy', () => {
    const expected: Array<[KeyDef, number | null]> = [
      [marketBook, 1],
      [marketTrades, 1],
      [marketLast, 1],
      [marketTicker, 1],
      [rawIbkrQuote, 1],
      [marketBars, 10],
      [optionsChain, 10],
      [optionsGreeks, 10],
      [analyticsVpin, 5],
      [signalsPending, 60],
      [signalById, 60],
      [sentimentScore, 300],
      [sentimentArticles, 300],
      [technicalsRsi, 60],
      [technicalsAtr, 60],
      [rawIbkrDepth, 180],
      [marketL2Snapshots, 180],
      [discoveredCorrelation, 86_400],
      [moduleHeartbeat, 15],
      [positionsActive, null],
      [pnlRealized, null],
      [pnlDaily, null],
      [executionOrders, null],
      [executionFillsRecent, null],
      [systemHalt, null],
    ];
    for (const [def, ttl] of expected)
      expect({ pattern: def.pattern, ttl: def.ttlSeconds }).toEqual({ pattern: def.pattern, ttl });
  });

  it('gives calculated metrics 5 s, discovered parameters 24 h and the book of record no TTL', () => {
    const by = (prefix: string) => REGISTRY.filter((d) => d.pattern.startsWith(prefix));
    for (const def of by('analytics:{symbol}:').filter((d) => d !== analyticsBars))
      expect(def.ttlSeconds).toBe(5);
    for (const def of by('discovered:')) expect(def.ttlSeconds).toBe(86_400);
    for (const def of [...by('positions:active'), ...by('pnl:'), ...by('execution:orders')])
      expect(def.ttlSeconds).toBeNull();
    for (const def of by('market:{symbol}:').filter((d) =>
      ['book', 'trades', 'last', 'ticker', 'spread', 'imbalance'].some((s) => d.pattern.endsWith(s)),
    ))
      expect(def.ttlSeconds).toBe(1);
  });

  it('carries the seed list caps', () => {
    expect(marketTrades.cap).toBe(1000);
    expect(marketBars.cap).toBe(100);
    expect(orderflowIbkrL2.cap).toBe(500);
    expect(orderflowIbkrL2.type).toBe('list');
  });

  it('maps concrete keys to entries and parameters', () => {
    expect(findEntryForKey('market:SPY:book')).toBe(marketBook);
    expect(findEntryForKey('raw:ibkr:depth:QQQ')).toBe(rawIbkrDepth);
    expect(findEntryForKey('raw:ibkr:QQQ')).toBe(rawIbkrQuote);
    expect(findEntryForKey('signals:pending')).toBe(signalsPending);
    expect(findEntryForKey('signals:SIG-1dte-IWM-7')).toBe(signalById);
    expect(findEntryForKey('analytics:status')).toBe(analyticsStatus);
    expect(parseKey('analytics:SPY:bars:15m')).toEqual({
      def: analyticsBars,
      params: { symbol: 'SPY', timeframe: '15m' },
    });
    expect(refForKey('module:heartbeat:risk')).toEqual({
      def: moduleHeartbeat,
      key: 'module:heartbeat:risk',
    });
    expect(findEntryForKey('market:SPY:book:extra')).toBeUndefined();
    expect(findEntryForKey('nope:SPY')).toBeUndefined();
    expect(refForKey('market:*:book')).toBeUndefined();
  });

  it('lists the families', () => {
    expect(REGISTRY_FAMILIES).toEqual([...REGISTRY_FAMILIES].sort());
    for (const f of [
      'market',
      'options',
      'analytics',
      'signals',
      'positions',
      'pnl',
      'risk',
      'system',
      'discovered',
    ]) {
      expect(REGISTRY_FAMILIES).toContain(f);
    }
  });
});
