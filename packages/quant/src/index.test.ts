import { describe, expect, it } from 'vitest';
import * as quant from './index';

// External tools call these by name: the public surface must not drift silently.
describe('@alphatrader/quant public surface', () => {
  it('exports exactly the documented runtime names', () => {
    expect(Object.keys(quant).sort()).toEqual(
      [
        'CONTRACT_MULTIPLIER',
        'DEFAULT_MIN_OPEN_INTEREST',
        'DEFAULT_STOP_TIERS',
        'IV_MAX',
        'IcebergTracker',
        'IV_MIN',
        'QuantInputError',
        'VpinCalculator',
        'autocorrelation',
        'bsm',
        'classifyTradeSize',
        'correlationMatrix',
        'deltaExposure',
        'detectIcebergs',
        'detectSweeps',
        'ewmaVolForecast',
        'expectedShortfall',
        'flowToxicity',
        'firstInsignificantLag',
        'formatOcc',
        'formatOccUnchecked',
        'gammaExposure',
        'gammaProfile',
        'historicalVaR',
        'impliedVol',
        'isStopHit',
        'kelly',
        'kellySize',
        'kmeans1d',
        'linearTrend',
        'logReturns',
        'maxDrawdown',
        'mean',
        'movingAverage',
        'normCdf',
        'normPdf',
        'orderBookImbalance',
        'parseOcc',
        'percentile',
        'percentileRank',
        'quantile',
        'realizedVol',
        'sampleStdDev',
        'sharpe',
        'toCents',
        'tradePatternScore',
        'tradePatterns',
        'tradeSizeProfile',
        'trailingStop',
        'vpinSeries',
        'weightedMid',
        'zeroGamma',
      ].sort(),
    );
  });

  it('QuantInputError is a named Error subclass callers can catch by type', () => {
    try {
      quant.bsm({ S: Number.NaN, K: 1, T: 1, r: 0, q: 0, sigma: 0.2, right: 'C' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(quant.QuantInputError);
      expect(e).toBeInstanceOf(Error);
      expect((e as Error).name).toBe('QuantInputError');
    }
  });
});
