// @alphatrader/quant: pure quant functions (no I/O). Every export is part of the public contract.
export { normCdf, normPdf } from './normal';
export { QuantInputError } from './errors';
export { bsm, type BsmInput, type BsmResult, type OptionRight } from './bsm';
export { impliedVol, IV_MIN, IV_MAX, type ImpliedVolInput } from './iv';
export {
  parseOcc,
  formatOcc,
  formatOccUnchecked,
  type OccContract,
  type OccForm,
  type OccParseOptions,
} from './occ';
export {
  gammaExposure,
  deltaExposure,
  CONTRACT_MULTIPLIER,
  DEFAULT_MIN_OPEN_INTEREST,
  type GammaContract,
  type DeltaContract,
  type ExposureOptions,
  type GammaExposure,
  type DeltaExposure,
  type GexStrike,
  type GexExpiry,
} from './exposure';
export {
  zeroGamma,
  gammaProfile,
  type ZeroGammaContract,
  type ZeroGammaOptions,
  type GammaProfile,
} from './zero-gamma';
export {
  vpinSeries,
  VpinCalculator,
  type VpinTrade,
  type VpinOptions,
  type VpinState,
  type VpinClassification,
} from './vpin';
export {
  orderBookImbalance,
  weightedMid,
  type BookInput,
  type BookLevelInput,
  type ObiOptions,
} from './book';
export {
  kelly,
  kellySize,
  historicalVaR,
  expectedShortfall,
  maxDrawdown,
  sharpe,
  type KellyInput,
  type KellySizeInput,
  type SharpeOptions,
} from './risk';
export {
  quantile,
  percentile,
  mean,
  sampleStdDev,
  logReturns,
  realizedVol,
  ewmaVolForecast,
  autocorrelation,
  firstInsignificantLag,
  correlationMatrix,
  kmeans1d,
  type RealizedVolOptions,
  type EwmaOptions,
  type CorrelationMatrix,
  type KMeans1d,
} from './stats';
export {
  detectSweeps,
  classifyTradeSize,
  tradeSizeProfile,
  type TradeSide,
  type TapeTrade,
  type SweepOptions,
  type Sweep,
  type TradeSizeClass,
  type TradeSizeOptions,
  type TradeSizeProfile,
} from './detectors';
export {
  detectIcebergs,
  type BookSide,
  type IcebergEvent,
  type IcebergOptions,
  type Iceberg,
} from './icebergs';
export { IcebergTracker, type IcebergTrackerOptions } from './iceberg-tracker';
export {
  trailingStop,
  isStopHit,
  toCents,
  DEFAULT_STOP_TIERS,
  type StopTier,
  type TrailingStopInput,
  type TrailingStopResult,
} from './trailing-stop';
export {
  tradePatterns,
  tradePatternScore,
  flowToxicity,
  type PatternRatios,
  type PatternWeights,
  type TradePatterns,
  type TradePatternOptions,
  type ToxicityComponents,
  type ToxicityWeights,
  type FlowToxicity,
} from './flow-toxicity';
export { percentileRank, linearTrend, movingAverage, type LinearTrend } from './trend';
