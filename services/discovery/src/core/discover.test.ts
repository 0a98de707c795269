import { flowToxicity } from '@alphatrader/quant';
import {
  CorrelationMatrix,
  LookbackParams,
  ToxicityParams,
  VolRegimeParams,
  VpinBucketParams,
  loadConfig,
} from '@alphatrader/shared';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { correlatedBars, snapshots, trades } from '../testing/fixtures';
import { discover, type SymbolData } from './discover';
import { discoverySettings } from './settings';
import { obiVolatility, symbolToxicity } from './toxicity';
import { discoveredYaml } from './yaml';

const settings = discoverySettings(
  loadConfig({ env: { ALPHAVANTAGE_BASE_URL: 'http://127.0.0.1:9/query' } }),
);
const NOW = Date.UTC(2025, 5, 2, 15, 0, 0);

function dataset(): Map<string, SymbolData> {
  const bars = correlatedBars(
    { SPY: { price: 500, beta: 0.9 }, QQQ: { price: 400, beta: 0.85 }, AAPL: { price: 200, beta: 0.5 } },
    { n: 100, endTs: NOW },
  );
  const d = new Map<string, SymbolData>();
  for (const [s, i] of [
    ['SPY', 1],
    ['QQQ', 2],
    ['AAPL', 3],
  ] as const) {
    d.set(s, {
      trades: trades(1000, { price: bars[s]![0]!.close, ts: NOW - 60_000, seed: i }),
      bars: [{ barSeconds: 5, bars: bars[s]!.map((b) => ({ ts: b.ts, close: b.close })) }],
      snapshots: s === 'AAPL' ? [] : snapshots(s, 30, { mid: 100.005, ts: NOW - 60_000 }),
    });
  }
  d.set('VXX', { trades: trades(10, { price: 20, ts: NOW }), bars: [], snapshots: [] });
  return d;
}

describe('discover', () => {
  const r = discover(dataset(), settings, { now: NOW, fallbackBucket: () => 1000 });

  it('derives every parameter for symbols with data, valid under the registry schemas', () => {
    for (const s of ['SPY', 'QQQ', 'AAPL']) {
      const b = VpinBucketParams.parse(r.vpinBucket[s]);
      expect(b.bucketVolume).toBeGreaterThanOrEqual(50);
      expect(b.sampleTrades).toBe(1000);
      const l = LookbackParams.parse(r.lookback[s]);
      expect(l.barSeconds).toBe(5);
      expect(l.bars).toBeGreaterThanOrEqual(1);
      VolRegimeParams.parse(r.volRegimes[s]);
      ToxicityParams.parse(r.toxicity[s]);
    }
    const c = CorrelationMatrix.parse(r.correlation);
    expect(c.symbols).toEqual(['SPY', 'QQQ', 'AAPL']);
    // Common-factor loadings 0.9 and 0.85: correlation about 0.77, well above AAPL's with either.
    expect(c.matrix[0]![1]).toBeGreaterThan(0.6);
    expect(c.matrix[0]![1]).toBeGreaterThan(c.matrix[0]![2]!);
  });

  it('skips, with a reason, what the data cannot support', () => {
    expect(r.vpinBucket.VXX).toBeUndefined();
    expect(r.skipped['VXX.vpin_bucket']).toMatch(/10 trades/);
    expect(r.skipped['VXX.lookback']).toBeDefined();
    expect(r.correlation!.symbols).not.toContain('VXX');
  });

  it('measures toxicity with the bucket it just discovered and the analytics blend', () => {
    const d = dataset().get('SPY')!;
    const t = symbolToxicity(d.trades, d.snapshots, r.vpinBucket.SPY!.bucketVolume, settings)!;
    expect(r.toxicity.SPY!.score).toBeCloseTo(t.score, 12);
    const blend = flowToxicity(
      { vpin: t.vpin, patterns: t.patternScore, obiVolatility: t.obiVolatility },
      settings.toxicityWeights,
    )!;
    expect(t.score).toBeCloseTo(blend.score, 12);
    expect(t.obiVolatility).toBe(obiVolatility(d.snapshots, settings.obiDepthWeights));
    expect(t.obiVolatility).not.toBeNull();
  });

  it('writes a clean YAML document that reads back to the same numbers', () => {
    const text = discoveredYaml(r, {
      generatedAt: NOW,
      symbols: ['SPY', 'QQQ', 'AAPL', 'VXX'],
      durationMs: 1.5,
    });
    expect(text).not.toMatch(/!!|!</);
    const doc = parse(text) as {
      vpin_bucket: Record<string, { shares: number }>;
      correlation: { symbols: string[]; matrix: number[][] };
      skipped: Record<string, string>;
    };
    expect(doc.vpin_bucket.SPY!.shares).toBe(r.vpinBucket.SPY!.bucketVolume);
    expect(doc.correlation.symbols).toEqual(r.correlation!.symbols);
    expect(doc.correlation.matrix[0]![1]).toBeCloseTo(r.correlation!.matrix[0]![1]!, 4);
    expect(doc.skipped['VXX.vpin_bucket']).toBe(r.skipped['VXX.vpin_bucket']);
  });
});
