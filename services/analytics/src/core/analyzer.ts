// The analytics engine of one symbol: takes the inputs that changed, runs exactly the jobs that depend on
// them, and returns outputs, deletions, alerts and job runs. Pure: no Redis, no clock of its own.
import { isMarketOpen } from '@alphatrader/shared';
import { ingestBars, ingestBook, ingestChain, ingestIntraday, ingestTicker, ingestTrades } from './ingest';
import {
  runBars,
  runGex,
  runHidden,
  runLiquidity,
  runMoc,
  runObi,
  runRegime,
  runToxicity,
  runVolForecast,
  runVpin,
  updatePatterns,
} from './jobs';
import type { AnalyticsSettings, SymbolKind } from './settings';
import { SymbolState } from './symbol-state';
import type { OptionContract } from '@alphatrader/shared';
import type { SymbolParams, SymbolUpdate, UpdateResult } from './types';
import { ageMs, UpdateContext } from './update-context';

export class SymbolAnalyzer {
  readonly state: SymbolState;
  private contractsByOcc: Map<string, OptionContract> | null = null;

  constructor(symbol: string, kind: SymbolKind, settings: AnalyticsSettings) {
    this.state = new SymbolState(symbol, kind, settings);
  }

  get symbol(): string {
    return this.state.symbol;
  }

  update(u: SymbolUpdate): UpdateResult {
    const st = this.state;
    const ctx = new UpdateContext(u.now, st.symbol, st.cooldown);
    const params = u.params === undefined ? { bucket: false, lookback: false } : this.applyParams(u.params);

    const prevLiquidity = st.liquidity;
    const book = u.book !== undefined && ingestBook(st, u.book, ctx);
    const quote = u.ticker !== undefined && ingestTicker(st, u.ticker, ctx);
    const intraday = u.intraday !== undefined && ingestIntraday(st, u.intraday);
    const trades = u.trades !== undefined && u.trades.length > 0 && ingestTrades(st, u.trades, ctx) > 0;
    const bars = u.bars !== undefined && u.bars.length > 0 && ingestBars(st, u.bars, ctx) > 0;
    const chain = u.chain !== undefined && ingestChain(st, u.chain, ctx);
    if (chain) this.contractsByOcc = null;

    // The microstructure source: the depth book for level-2 symbols, the quote for the others.
    const sizes = st.kind === 'level2' ? book : quote;
    if (sizes) {
      runObi(st, ctx);
      runLiquidity(st, ctx);
    }
    if (trades || params.bucket) runVpin(st, ctx);
    if (st.kind === 'level2' && (trades || book)) runHidden(st, ctx);
    if (trades) updatePatterns(st);
    if (trades || sizes || params.bucket) runToxicity(st, ctx);
    if (bars) runBars(st, ctx);
    if (bars || params.lookback || st.liquidity !== prevLiquidity) runRegime(st, ctx);
    if (bars || chain) runVolForecast(st, ctx);
    if (st.kind !== 'index' && (bars || sizes)) runMoc(st, ctx);
    if (chain || ((book || quote || intraday) && this.spotMoved())) runGex(st, ctx);
    return ctx;
  }

  /**
   * Health sweep between updates: a level-2 book that stopped updating during market hours is flagged
   * stale and its outputs deleted (the book key itself just expires, so no event says so).
   */
  sweep(now: number): UpdateResult {
    const st = this.state;
    const ctx = new UpdateContext(now, st.symbol, st.cooldown);
    if (st.kind === 'level2' && st.book !== null && isMarketOpen(now)) {
      const age = ageMs(now, st.book.sourceTs);
      if (age > st.settings.staleBookMs) {
        ctx.alert('stale_book', `no order book update for ${age} ms: outputs withdrawn`, age);
        st.book = null;
        st.liquidity = null;
        ctx.clear('obi', 'liquidity', 'hidden', 'moc_pred');
      }
    }
    return ctx;
  }

  /** The current chain's contracts by OCC id (for portfolio Greeks); built on first use after a chain change. */
  contract(occ: string): OptionContract | undefined {
    const chain = this.state.chain;
    if (chain === null) return undefined;
    if (this.contractsByOcc === null) {
      this.contractsByOcc = new Map(chain.contracts.map((c) => [c.occ, c]));
    }
    return this.contractsByOcc.get(occ);
  }

  private spotMoved(): boolean {
    const st = this.state;
    if (st.chain === null || st.spot === null) return false;
    if (st.gexSpot === null) return true;
    return Math.abs(st.spot.price - st.gexSpot) / st.gexSpot >= st.settings.gexSpotMoveFraction;
  }

  private applyParams(p: SymbolParams): { bucket: boolean; lookback: boolean } {
    const st = this.state;
    const bucket = st.vpin.setBucketVolume(p.bucketVolume ?? st.settings.vpinDefaultBucketShares);
    const lookbackBars = p.lookbackBars ?? st.settings.regime.defaultLookbackBars;
    const lookback = lookbackBars !== st.lookbackBars;
    if (lookback) {
      st.lookbackBars = lookbackBars;
      st.barStats = null;
    }
    return { bucket: bucket && st.lastTradeTs !== null, lookback };
  }
}
