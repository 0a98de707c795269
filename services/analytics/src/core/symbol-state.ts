// Everything the engine remembers about one symbol between updates: the last valid inputs and their
// versions (so an unchanged input is never recomputed), and the incremental trackers.
import type { TapeTrade } from '@alphatrader/quant';
import type { OptionChain } from '@alphatrader/shared';
import { AlertCooldown, GexShiftDetector } from './anomalies';
import type { BarStats } from './bar-models';
import { VolForecaster } from './bar-models';
import { MultiTimeframeBars } from './bars';
import type { Liquidity, SidedBook } from './book';
import { ObiWindow, Ring, SideClassifier } from './flow';
import { HiddenTracker } from './hidden';
import type { AnalyticsSettings, SymbolKind } from './settings';
import { VpinTracker } from './vpin-tracker';

/** Trades kept to rebuild VPIN buckets after a bucket-size change. */
const VPIN_HISTORY_TRADES = 20_000;
/** Bars kept per timeframe (the TimeframeBars schema allows 500). */
const MAX_TIMEFRAME_BARS = 500;

export interface Spot {
  price: number;
  /** When the price was observed (source time). */
  ts: number;
  source: 'book' | 'ticker' | 'last' | 'intraday';
}

export interface HistoryBar {
  ts: number;
  close: number;
  volume: number;
}

export class SymbolState {
  readonly cooldown: AlertCooldown;

  // Versions of the last input seen per key: an input whose version did not change is ignored.
  bookVersion: string | null = null;
  tickerVersion: string | null = null;
  chainVersion: string | null = null;
  intradayVersion: string | null = null;

  /** Last valid book (merged price levels) and its source time; null after a stale or invalid book. */
  book: { levels: SidedBook; sourceTs: number } | null = null;
  /** Last valid level-1 quote and its time. */
  quote: { levels: SidedBook | null; last: number | null; ts: number } | null = null;
  spot: Spot | null = null;
  liquidity: { value: Liquidity; confidence: number; ts: number } | null = null;

  readonly vpin: VpinTracker;
  readonly sides = new SideClassifier();
  readonly tape: Ring<TapeTrade>;
  lastTradeTs: number | null = null;
  /** New prints since the trade patterns were last computed. */
  tradesSincePatterns = 0;
  /** Trade-pattern score and ratios of the current tape (refreshed as the tape turns over). */
  patterns: { score: number; oddLot: number; sweep: number; block: number; trades: number } | null = null;

  readonly level1Obi: ObiWindow;
  readonly depthObi: ObiWindow;
  readonly hidden: HiddenTracker;
  /** Book levels of the previous update, for level-change events. */
  prevLevels: SidedBook | null = null;
  /** Prices printed since the last book: their levels are re-reported even at an unchanged size. */
  readonly tradedPrices = new Set<number>();

  readonly timeframes = new MultiTimeframeBars(MAX_TIMEFRAME_BARS);
  readonly history: Ring<HistoryBar>;
  lastBarTs: number | null = null;
  /** Bar statistics for the current history and lookback (null = recompute). */
  barStats: BarStats | null = null;
  lookbackBars: number;
  readonly volForecaster: VolForecaster;

  chain: OptionChain | null = null;
  chainIv: number | null = null;
  /** Spot the exposures were last computed at (null = not computed for the current chain). */
  gexSpot: number | null = null;
  readonly gexShift: GexShiftDetector;

  constructor(
    readonly symbol: string,
    readonly kind: SymbolKind,
    readonly settings: AnalyticsSettings,
  ) {
    this.cooldown = new AlertCooldown(settings.alertCooldownMs);
    this.vpin = new VpinTracker({
      bucketVolume: settings.vpinDefaultBucketShares,
      window: settings.vpinWindowBuckets,
      classification: settings.vpinClassification,
      historyTrades: VPIN_HISTORY_TRADES,
    });
    this.tape = new Ring(settings.patterns.windowTrades);
    this.level1Obi = new ObiWindow(settings.obiWindow);
    this.depthObi = new ObiWindow(settings.obiWindow);
    this.hidden = new HiddenTracker(settings.hiddenOrders);
    this.history = new Ring(settings.regime.historyBars);
    this.lookbackBars = settings.regime.defaultLookbackBars;
    this.volForecaster = new VolForecaster(settings.volForecast);
    this.gexShift = new GexShiftDetector({
      threshold: settings.gexShiftAlert,
      windowMs: settings.gexShiftWindowMs,
    });
  }

  /** Top of book for trade classification: the book for level-2 symbols, else the quote. */
  topOfBook(): { bid: number; ask: number } | null {
    const levels = this.book?.levels ?? this.quote?.levels ?? null;
    const bid = levels?.bids[0];
    const ask = levels?.asks[0];
    return bid === undefined || ask === undefined ? null : { bid: bid.price, ask: ask.price };
  }
}
