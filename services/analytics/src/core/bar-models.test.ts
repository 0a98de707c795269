import { describe, expect, it } from 'vitest';
import { barStats, mocPrediction, regimeState, VolForecaster } from './bar-models';

describe('mocPrediction', () => {
  const base = { trendBars: 2, maxTrend: 3, directionThreshold: 0.1, inWindow: true };

  it('scales the mean imbalance by the closing volume trend', () => {
    // Mean OBI 0.2; last 2 bars average 300 against 100 before → trend 3 → imbalance 0.6.
    const p = mocPrediction({
      ...base,
      imbalanceMean: 0.2,
      imbalanceSamples: 2,
      volumes: [100, 100, 100, 300, 300],
    })!;
    expect(p.closingVolumeTrend).toBeCloseTo(3, 12);
    expect(p.imbalance).toBeCloseTo(0.6, 12);
    expect(p.direction).toBe('buy');
  });

  it('caps the trend, clamps the imbalance and reports no direction inside the threshold', () => {
    const capped = mocPrediction({
      ...base,
      imbalanceMean: -0.5,
      imbalanceSamples: 1,
      volumes: [10, 10, 1000, 1000],
    })!;
    expect(capped.closingVolumeTrend).toBe(3);
    expect(capped.imbalance).toBe(-1);
    expect(capped.direction).toBe('sell');
    const flat = mocPrediction({
      ...base,
      imbalanceMean: 0.05,
      imbalanceSamples: 1,
      volumes: [100, 100, 100],
    })!;
    expect(flat.direction).toBe('none');
  });

  it('is less confident outside the MOC window and null without history', () => {
    const i = { ...base, imbalanceMean: 0.2, imbalanceSamples: 30, volumes: Array(8).fill(100) };
    expect(mocPrediction(i)!.confidence).toBe(1);
    expect(mocPrediction({ ...i, inWindow: false })!.confidence).toBe(0.5);
    expect(mocPrediction({ ...i, volumes: [100, 100] })).toBeNull();
    expect(mocPrediction({ ...i, imbalanceSamples: 0 })).toBeNull();
  });
});

describe('barStats and regimeState', () => {
  it('needs lookback + 1 closes', () => {
    expect(barStats([1, 2, 3], { lookbackBars: 3, maBars: 2 })).toBeNull();
  });

  it('calls a noiseless rise trending up and a calm flat market mean-reverting', () => {
    const rise = Array.from({ length: 100 }, (_, i) => 100 + i * 0.1);
    const up = barStats(rise, { lookbackBars: 30, maBars: 10 })!;
    expect(regimeState(up, 2)).toBe('trending_up');
    expect(up.maSlope).toBeCloseTo(0.1 / rise.at(-1)!, 6);
    // Noisy early, calm late: current volatility ranks low in its history.
    const calm = Array.from({ length: 200 }, (_, i) => 100 + (i < 150 ? (i % 2) * 0.5 : (i % 2) * 0.01));
    const s = barStats(calm, { lookbackBars: 20, maBars: 10 })!;
    expect(s.volatilityPercentile).toBeLessThan(0.5);
    expect(regimeState(s, 2)).toBe('mean_reverting');
  });
});

describe('VolForecaster', () => {
  it('adds the smoothed implied–realised spread with the configured weight', () => {
    const returns = Array.from({ length: 50 }, (_, i) => (i % 2 === 0 ? 1e-4 : -1e-4));
    const f = new VolForecaster({ lambda: 0.94, horizonMinutes: 30, impliedWeight: 0.5 });
    const plain = f.forecast(returns, null)!;
    expect(plain.forecastVol).toBeCloseTo(plain.ewmaVol, 12);
    const withIv = f.forecast(returns, plain.ewmaVol + 0.1)!;
    expect(withIv.forecastVol).toBeCloseTo(plain.ewmaVol + 0.5 * 0.1, 9);
    expect(withIv.expectedMovePct).toBeCloseTo(withIv.forecastVol * Math.sqrt(30 / (252 * 390)), 12);
  });
});
