// What one symbol update consumes and produces. The engine is pure: the adapters read the inputs that
// changed, hand them over, and write back the outputs, deletions, alerts and job runs it returns.
import type {
  AggregateGreeks,
  AnalyticsAlert,
  DeltaExposure,
  FiveSecondBar,
  GammaExposure,
  GexProfile,
  HiddenOrders,
  IntradaySeries,
  LiquidityScore,
  MocPrediction,
  ObiValue,
  OptionChain,
  OrderBook,
  RegimeValue,
  Ticker,
  TimeframeBars,
  ToxicityValue,
  Trade,
  VolForecast,
  VpinValue,
} from '@alphatrader/shared';

/** A value read for an update: present, or why not (absent key, or a value the schema rejected). */
export type Input<T> = { ok: true; value: T } | { ok: false; reason: 'missing' | 'invalid'; detail: string };

/** Parameters discovery publishes per symbol (null = not published: the engine uses its defaults). */
export interface SymbolParams {
  bucketVolume: number | null;
  /** Lookback in 5-second bars. */
  lookbackBars: number | null;
}

/** The inputs of one symbol that changed since the last update; absent fields did not change. */
export interface SymbolUpdate {
  /** Market time of the update (epoch ms). */
  now: number;
  book?: Input<OrderBook>;
  ticker?: Input<Ticker>;
  /** New trades, oldest first. */
  trades?: readonly Trade[];
  /** New 5-second bars, oldest first. */
  bars?: readonly FiveSecondBar[];
  chain?: Input<OptionChain>;
  intraday?: Input<IntradaySeries>;
  params?: SymbolParams;
}

export const TIMEFRAMES = ['1m', '5m', '15m', '30m', '60m'] as const;
export type Timeframe = (typeof TIMEFRAMES)[number];

export type Output =
  | { kind: 'vpin'; value: VpinValue }
  | { kind: 'obi'; value: ObiValue }
  | { kind: 'liquidity'; value: LiquidityScore }
  | { kind: 'hidden'; value: HiddenOrders }
  | { kind: 'toxicity'; value: ToxicityValue }
  | { kind: 'gex'; value: GammaExposure }
  | { kind: 'dex'; value: DeltaExposure }
  | { kind: 'gex_profile'; value: GexProfile }
  | { kind: 'greeks'; value: AggregateGreeks }
  | { kind: 'bars'; timeframe: Timeframe; value: TimeframeBars }
  | { kind: 'regime'; value: RegimeValue }
  | { kind: 'vol_forecast'; value: VolForecast }
  | { kind: 'moc_pred'; value: MocPrediction };

export type OutputKind = Output['kind'];

/** Jobs report health separately in analytics:status (field = job). */
export const JOBS = [
  'obi',
  'liquidity',
  'vpin',
  'hidden',
  'toxicity',
  'gex',
  'bars',
  'regime',
  'vol_forecast',
  'moc',
  'portfolio',
] as const;
export type JobName = (typeof JOBS)[number];

export interface JobRun {
  job: JobName;
  ok: boolean;
  durationMs: number;
  error: string | null;
}

export interface UpdateResult {
  outputs: Output[];
  /** Outputs whose inputs went stale or invalid: delete them rather than leave a wrong value. */
  cleared: Exclude<OutputKind, 'bars'>[];
  alerts: AnalyticsAlert[];
  jobs: JobRun[];
}

export type AlertKind =
  | 'missing_greeks'
  | 'stale_book'
  | 'stale_quote'
  | 'stale_chain'
  | 'impossible_value'
  | 'invalid_input'
  | 'anomaly:gex';
