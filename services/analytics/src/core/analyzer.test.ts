import { flowToxicity, gammaExposure, VpinCalculator } from '@alphatrader/quant';
import {
  AggregateGreeks,
  DeltaExposure,
  GammaExposure,
  GexProfile,
  HiddenOrders,
  LiquidityScore,
  MocPrediction,
  ObiValue,
  RegimeValue,
  TimeframeBars,
  ToxicityValue,
  VolForecast,
  VpinValue,
} from '@alphatrader/shared';
import { describe, expect, it } from 'vitest';
import { book, chain, fiveSecondBars, ticker, trades } from '../testing/fixtures';
import { SESSION_NOON, testSettings } from '../testing/settings';
import { SymbolAnalyzer } from './analyzer';
import type { OutputKind, UpdateResult } from './types';

const NOW = SESSION_NOON;
const settings = testSettings({ alertCooldownMs: 0 });

function out(r: UpdateResult, kind: OutputKind): unknown {
  return r.outputs.find((o) => o.kind === kind)?.value;
}

describe('order book', () => {
  it('gives level-1 and depth-weighted OBI, weighted mid and liquidity with ts, input age and confidence', () => {
    const a = new SymbolAnalyzer('SPY', 'level2', settings);
    const b = book('SPY', { mid: 500.005, ts: NOW, sourceTs: NOW - 200, bidSize: 900, askSize: 300 });
    const r = a.update({ now: NOW, book: { ok: true, value: b } });
    const obi = ObiValue.parse(out(r, 'obi'));
    expect(obi.level1).toBeCloseTo(0.5, 12);
    expect(obi.level1Normalised).toBeCloseTo(0.75, 12);
    // Σw(B−A)/Σw(B+A) with w = 1, 0.9 … 0.1, B = 900 + 100i, A = 300 + 100i: 3300 / 9900.
    expect(obi.depthWeighted!).toBeCloseTo(1 / 3, 12);
    expect(obi.levels).toBe(10);
    expect(obi.weightedMid!).toBeCloseTo((500 * 300 + 500.01 * 900) / 1200, 9);
    expect(obi.source).toBe('book');
    expect(obi.ts).toBe(NOW);
    expect(obi.inputAgesMs).toEqual({ book: 200 });
    expect(obi.confidence).toBeCloseTo(1 - 200 / settings.staleBookMs, 12);
    const liq = LiquidityScore.parse(out(r, 'liquidity'));
    expect(liq.spreadBps).toBeCloseTo((0.01 / 500.005) * 10_000, 9);
    expect(liq.grade).toMatch(/^[A-D]$/);
  });

  it('recomputes nothing for a book it has already seen (same source time and ts)', () => {
    const a = new SymbolAnalyzer('SPY', 'level2', settings);
    const b = book('SPY', { mid: 500, ts: NOW });
    expect(a.update({ now: NOW, book: { ok: true, value: b } }).jobs.length).toBeGreaterThan(0);
    const again = a.update({ now: NOW + 50, book: { ok: true, value: b } });
    expect(again.jobs).toEqual([]);
    expect(again.outputs).toEqual([]);
  });

  it('publishes nothing from a stale book: alert stale_book, old outputs deleted', () => {
    const a = new SymbolAnalyzer('SPY', 'level2', settings);
    const r = a.update({
      now: NOW,
      book: { ok: true, value: book('SPY', { mid: 500, ts: NOW, sourceTs: NOW - 6_000 }) },
    });
    expect(r.outputs).toEqual([]);
    expect(r.alerts.map((x) => x.kind)).toEqual(['stale_book']);
    expect(r.cleared).toEqual(expect.arrayContaining(['obi', 'liquidity']));
  });

  it('publishes nothing from a crossed book: alert impossible_value', () => {
    const a = new SymbolAnalyzer('SPY', 'level2', settings);
    const b = book('SPY', { mid: 500, ts: NOW });
    b.bids[0]!.price = 501;
    const r = a.update({ now: NOW, book: { ok: true, value: b } });
    expect(r.outputs).toEqual([]);
    expect(r.alerts[0]!.kind).toBe('impossible_value');
    expect(r.alerts[0]!.message).toContain('crossed');
  });

  it('treats an invalid stored book as no input: alert invalid_input', () => {
    const a = new SymbolAnalyzer('SPY', 'level2', settings);
    const r = a.update({ now: NOW, book: { ok: false, reason: 'invalid', detail: 'schema: bids.0.size' } });
    expect(r.outputs).toEqual([]);
    expect(r.alerts[0]!.kind).toBe('invalid_input');
  });

  it('uses the level-1 quote for symbols without depth', () => {
    const a = new SymbolAnalyzer('AAPL', 'standard', settings);
    const r = a.update({
      now: NOW,
      ticker: {
        ok: true,
        value: ticker('AAPL', { bid: 200, ask: 200.02, ts: NOW, bidSize: 300, askSize: 100 }),
      },
    });
    const obi = ObiValue.parse(out(r, 'obi'));
    expect(obi.source).toBe('ticker');
    expect(obi.level1).toBeCloseTo(0.5, 12);
    expect(obi.depthWeighted).toBeNull();
  });

  it('flags a book that stopped updating during market hours in the sweep', () => {
    const a = new SymbolAnalyzer('SPY', 'level2', settings);
    a.update({ now: NOW, book: { ok: true, value: book('SPY', { mid: 500, ts: NOW }) } });
    expect(a.sweep(NOW + 1_000).alerts).toEqual([]);
    const late = a.sweep(NOW + settings.staleBookMs + 1);
    expect(late.alerts.map((x) => x.kind)).toEqual(['stale_book']);
    expect(late.cleared).toContain('obi');
  });
});

describe('trades: VPIN, toxicity, hidden orders', () => {
  const tape = trades(3_000, { price: 500, ts: NOW - 60_000, stepMs: 20 });
  const volume = tape.reduce((a, t) => a + t.size, 0);

  it('matches the quant calculator fed the same trades, with the configured bucket and window', () => {
    const a = new SymbolAnalyzer('SPY', 'level2', settings);
    a.update({ now: NOW, book: { ok: true, value: book('SPY', { mid: 500, ts: NOW }) } });
    const r = a.update({ now: NOW, trades: tape });
    const v = VpinValue.parse(out(r, 'vpin'));
    const ref = new VpinCalculator({ bucketVolume: 1000, window: 50, classification: 'tick' });
    ref.pushAll(tape);
    expect(v.bucketVolume).toBe(settings.vpinDefaultBucketShares);
    expect(v.buckets).toBe(Math.floor(volume / 1000));
    expect(v.value).toBe(ref.value);
    expect(v.value).not.toBeNull();
    expect(v.confidence).toBe(1);
    expect(v.inputAgesMs.trades).toBe(NOW - tape.at(-1)!.ts);
  });

  it('rebuilds the buckets when discovery publishes a new bucket size', () => {
    const a = new SymbolAnalyzer('SPY', 'level2', settings);
    a.update({ now: NOW, trades: tape });
    const r = a.update({ now: NOW + 1, params: { bucketVolume: 500, lookbackBars: null } });
    const v = VpinValue.parse(out(r, 'vpin'));
    expect(v.bucketVolume).toBe(500);
    expect(v.buckets).toBe(Math.floor(volume / 500));
    expect(a.update({ now: NOW + 2, params: { bucketVolume: 500, lookbackBars: null } }).jobs).toEqual([]);
  });

  it('blends VPIN, trade patterns and OBI volatility into the toxicity score', () => {
    const a = new SymbolAnalyzer('SPY', 'level2', settings);
    for (let i = 0; i < 5; i++) {
      a.update({
        now: NOW + i,
        book: { ok: true, value: book('SPY', { mid: 500, ts: NOW + i, bidSize: 300 + 200 * i }) },
      });
    }
    const r = a.update({ now: NOW + 10, trades: tape });
    const t = ToxicityValue.parse(out(r, 'toxicity'));
    const expected = flowToxicity(
      { vpin: t.vpin, patterns: t.patternScore, obiVolatility: t.obiVolatility },
      settings.toxicityWeights,
    )!;
    expect(t.score).toBeCloseTo(expected.score, 12);
    expect(t.weights).toEqual(settings.toxicityWeights);
    expect(t.trades).toBe(settings.patterns.windowTrades);
    expect(t.ratios.oddLot).toBeGreaterThan(0);
    expect(t.obiVolatility).not.toBeNull();
  });

  it('detects a bid that refills after being traded through (iceberg)', () => {
    const a = new SymbolAnalyzer('SPY', 'level2', settings);
    let ts = NOW;
    const b0 = book('SPY', { mid: 500.005, ts, bidSize: 500 });
    a.update({ now: ts, book: { ok: true, value: b0 } });
    let last: UpdateResult | undefined;
    for (let i = 0; i < 3; i++) {
      ts += 100;
      a.update({ now: ts, trades: [{ price: 500, size: 500, venue: 'ARCA', source: 'tick_by_tick', ts }] });
      ts += 100;
      // The level shows 500 again right after 500 traded there.
      last = a.update({ now: ts, book: { ok: true, value: { ...b0, sourceTs: ts, ts } } });
    }
    const h = HiddenOrders.parse(out(last!, 'hidden'));
    expect(h.detections).toHaveLength(1);
    expect(h.detections[0]).toMatchObject({ side: 'bid', price: 500, refills: 3 });
  });
});

describe('options chain: GEX, DEX, zero gamma, walls', () => {
  const spot = 500.005;
  const withSpot = (a: SymbolAnalyzer) =>
    a.update({ now: NOW, book: { ok: true, value: book('SPY', { mid: spot, ts: NOW }) } });

  it('publishes GEX in $ per 1 % at the live spot, DEX, the re-priced profile and chain Greeks', () => {
    const a = new SymbolAnalyzer('SPY', 'level2', settings);
    withSpot(a);
    const c = chain('SPY', { spot: 500, now: NOW });
    const r = a.update({ now: NOW, chain: { ok: true, value: c } });
    const gex = GammaExposure.parse(out(r, 'gex'));
    const used = c.contracts.filter((x) => x.openInterest >= settings.minOpenInterest);
    const ref = gammaExposure(
      used.map((x) => ({
        strike: x.strike,
        right: x.right,
        gamma: x.gamma!,
        openInterest: x.openInterest,
        expiry: x.expiry,
      })),
      spot,
    );
    expect(gex.unit).toBe('usd_per_1pct');
    expect(gex.total).toBeCloseTo(ref.total, 2);
    expect(gex.callWall).toBe(ref.callWall);
    expect(gex.putWall).toBe(ref.putWall);
    expect(gex.contracts).toBe(used.length);
    expect(gex.spot).toBe(spot);
    const dex = DeltaExposure.parse(out(r, 'dex'));
    expect(dex.total).toBeCloseTo(dex.calls + dex.puts, 3);
    expect(dex.calls).toBeGreaterThan(0);
    expect(dex.puts).toBeLessThan(0);
    const profile = GexProfile.parse(out(r, 'gex_profile'));
    expect(profile.profile).toHaveLength(60);
    expect(profile.byExpiry).toHaveLength(2);
    expect(profile.confidence).toBeGreaterThan(0.99);
    AggregateGreeks.parse(out(r, 'greeks'));
  });

  it('does not recompute for the same chain, and recomputes when spot moves past the threshold', () => {
    const a = new SymbolAnalyzer('SPY', 'level2', settings);
    withSpot(a);
    const c = chain('SPY', { spot: 500, now: NOW });
    a.update({ now: NOW, chain: { ok: true, value: c } });
    expect(a.update({ now: NOW + 10, chain: { ok: true, value: c } }).jobs).toEqual([]);
    const small = a.update({
      now: NOW + 20,
      book: { ok: true, value: book('SPY', { mid: spot + 0.1, ts: NOW + 20 }) },
    });
    expect(small.jobs.map((j) => j.job)).not.toContain('gex');
    const big = a.update({
      now: NOW + 30,
      book: { ok: true, value: book('SPY', { mid: spot * 1.002, ts: NOW + 30 }) },
    });
    expect(big.jobs.map((j) => j.job)).toContain('gex');
  });

  it('raises anomaly:gex when |GEX| shifts more than 20 % within the window', () => {
    const a = new SymbolAnalyzer('SPY', 'level2', settings);
    withSpot(a);
    const first = a.update({
      now: NOW,
      chain: { ok: true, value: chain('SPY', { spot: 500, now: NOW, putOi: 0.2 }) },
    });
    expect(first.alerts.map((x) => x.kind)).not.toContain('anomaly:gex');
    const later = NOW + 60_000;
    a.update({ now: later, book: { ok: true, value: book('SPY', { mid: spot, ts: later }) } });
    const second = a.update({
      now: later,
      chain: { ok: true, value: chain('SPY', { spot: 500, now: later, putOi: 0.2, callOi: 1.5 }) },
    });
    const alert = second.alerts.find((x) => x.kind === 'anomaly:gex');
    expect(alert).toBeDefined();
    expect(alert!.value!).toBeGreaterThan(0.2);
  });

  it('re-prices contracts without Greeks from their IV (alerting missing_greeks)', () => {
    const a = new SymbolAnalyzer('SPY', 'level2', settings);
    withSpot(a);
    const r = a.update({
      now: NOW,
      chain: { ok: true, value: chain('SPY', { spot: 500, now: NOW, withoutGreeks: true }) },
    });
    expect(GammaExposure.parse(out(r, 'gex')).total).not.toBe(0);
    expect(r.alerts.map((x) => x.kind)).toContain('missing_greeks');
  });

  it('publishes nothing when most open interest has neither Greeks nor IV', () => {
    const a = new SymbolAnalyzer('SPY', 'level2', settings);
    withSpot(a);
    const c = chain('SPY', { spot: 500, now: NOW, withoutGreeks: true });
    for (const x of c.contracts) x.iv = null;
    const r = a.update({ now: NOW, chain: { ok: true, value: c } });
    expect(r.outputs).toEqual([]);
    expect(r.alerts.map((x) => x.kind)).toContain('missing_greeks');
    expect(r.cleared).toEqual(expect.arrayContaining(['gex', 'dex', 'gex_profile', 'greeks']));
  });

  it('publishes nothing from a chain with impossible Greeks or a stale spot', () => {
    const a = new SymbolAnalyzer('SPY', 'level2', settings);
    withSpot(a);
    const c = chain('SPY', { spot: 500, now: NOW });
    for (const x of c.contracts) x.gamma = -Math.abs(x.gamma!);
    const bad = a.update({ now: NOW, chain: { ok: true, value: c } });
    expect(bad.outputs).toEqual([]);
    expect(bad.alerts.map((x) => x.kind)).toContain('impossible_value');

    const b = new SymbolAnalyzer('SPY', 'level2', settings);
    b.update({ now: NOW - 10_000, book: { ok: true, value: book('SPY', { mid: spot, ts: NOW - 10_000 }) } });
    const stale = b.update({ now: NOW, chain: { ok: true, value: chain('SPY', { spot: 500, now: NOW }) } });
    expect(stale.outputs).toEqual([]);
    expect(stale.alerts.map((x) => x.kind)).toContain('stale_quote');
  });

  it('rejects a chain fetched too long ago', () => {
    const a = new SymbolAnalyzer('SPY', 'level2', settings);
    withSpot(a);
    const c = chain('SPY', { spot: 500, now: NOW });
    const r = a.update({
      now: NOW,
      chain: { ok: true, value: { ...c, fetchedAt: NOW - settings.maxChainAgeMs - 1 } },
    });
    expect(r.outputs).toEqual([]);
    expect(r.alerts.map((x) => x.kind)).toEqual(['stale_chain']);
  });
});

describe('5-second bars: timeframes, regime, volatility forecast, MOC', () => {
  it('aggregates 5-second bars into 1, 5, 15, 30 and 60-minute bars', () => {
    const a = new SymbolAnalyzer('SPY', 'level2', settings);
    const bars = fiveSecondBars(240, { price: 500, endTs: NOW });
    const r = a.update({ now: NOW, bars });
    const byTf = new Map(
      r.outputs.filter((o) => o.kind === 'bars').map((o) => [o.timeframe, TimeframeBars.parse(o.value)]),
    );
    expect([...byTf.keys()].sort()).toEqual(['15m', '1m', '30m', '5m', '60m']);
    const oneMinute = byTf.get('1m')!.bars;
    for (const bar of oneMinute) {
      const parts = bars.filter((b) => b.ts >= bar.ts && b.ts < bar.ts + 60_000);
      expect(bar.volume).toBe(parts.reduce((s, b) => s + b.volume, 0));
      expect(bar.open).toBe(parts[0]!.open);
      expect(bar.close).toBe(parts.at(-1)!.close);
      expect(bar.high).toBe(Math.max(...parts.map((b) => b.high)));
      expect(bar.low).toBe(Math.min(...parts.map((b) => b.low)));
    }
    const total = bars.reduce((s, b) => s + b.volume, 0);
    expect(byTf.get('60m')!.bars.reduce((s, b) => s + b.volume, 0)).toBe(total);
  });

  it('classifies a steadily rising market as trending up, with confidence the weakest component', () => {
    const a = new SymbolAnalyzer('SPY', 'level2', settings);
    a.update({ now: NOW, book: { ok: true, value: book('SPY', { mid: 500, ts: NOW }) } });
    const r = a.update({ now: NOW, bars: fiveSecondBars(300, { price: 480, endTs: NOW, drift: 0.0004 }) });
    const regime = RegimeValue.parse(out(r, 'regime'));
    expect(regime.state).toBe('trending_up');
    expect(regime.maSlope).toBeGreaterThan(0);
    expect(regime.confidence).toBe(
      Math.min(regime.components.volatility, regime.components.slope, regime.components.liquidity),
    );
    const vol = VolForecast.parse(out(r, 'vol_forecast'));
    expect(vol.forecastVol).toBeGreaterThan(0);
    expect(vol.impliedVol).toBeNull();
    MocPrediction.parse(out(r, 'moc_pred'));
  });

  it('skips an impossible bar with an alert', () => {
    const a = new SymbolAnalyzer('SPY', 'level2', settings);
    const bars = fiveSecondBars(3, { price: 500, endTs: NOW });
    bars[1] = { ...bars[1]!, high: bars[1]!.low - 1 };
    const r = a.update({ now: NOW, bars });
    expect(r.alerts.map((x) => x.kind)).toEqual(['impossible_value']);
    const oneMinute = r.outputs.find((o) => o.kind === 'bars' && o.timeframe === '1m');
    expect(oneMinute).toBeDefined();
  });
});
