// The analytics jobs of one symbol. Each reads the symbol's state, emits its output(s) with ts, input ages
// and confidence, or emits nothing (and deletes the old value) when its inputs cannot support a value.
import { flowToxicity, tradePatternScore, tradePatterns } from '@alphatrader/quant';
import { inWindow } from '@alphatrader/shared';
import { barStats, logReturnsOf, mocPrediction, regimeState } from './bar-models';
import { imbalances, liquidity, type SidedBook } from './book';
import { chainExposure } from './gex';
import type { SymbolState } from './symbol-state';
import { TIMEFRAMES } from './types';
import { ageMs, freshness, type UpdateContext } from './update-context';

/** The book a symbol's microstructure outputs come from: depth for level 2, the quote otherwise. */
function sizesSource(st: SymbolState): { levels: SidedBook; ts: number; source: 'book' | 'ticker' } | null {
  if (st.kind === 'level2')
    return st.book === null ? null : { levels: st.book.levels, ts: st.book.sourceTs, source: 'book' };
  const q = st.quote;
  return q === null || q.levels === null ? null : { levels: q.levels, ts: q.ts, source: 'ticker' };
}

export function runObi(st: SymbolState, ctx: UpdateContext): void {
  ctx.run('obi', ['obi'], () => {
    const src = sizesSource(st);
    if (src === null) return;
    const weights = src.source === 'book' ? st.settings.obiDepthWeights : null;
    const obi = imbalances(src.levels, weights);
    st.level1Obi.push(obi.level1);
    st.depthObi.push(obi.depthWeighted ?? obi.level1);
    const age = ageMs(ctx.now, src.ts);
    ctx.emit({
      kind: 'obi',
      value: {
        symbol: st.symbol,
        ts: ctx.now,
        confidence: freshness(
          age,
          src.source === 'book' ? st.settings.staleBookMs : st.settings.maxQuoteAgeMs,
        ),
        inputAgesMs: { [src.source]: age },
        level1: obi.level1,
        level1Normalised: (obi.level1 + 1) / 2,
        source: src.source,
        depthWeighted: obi.depthWeighted,
        levels: obi.levels,
        weightedMid: obi.weightedMid,
      },
    });
  });
}

export function runLiquidity(st: SymbolState, ctx: UpdateContext): void {
  ctx.run('liquidity', ['liquidity'], () => {
    const src = sizesSource(st);
    if (src === null) return;
    const value = liquidity(src.levels, st.settings.liquidity);
    if (value === null) return;
    const age = ageMs(ctx.now, src.ts);
    const confidence = freshness(
      age,
      src.source === 'book' ? st.settings.staleBookMs : st.settings.maxQuoteAgeMs,
    );
    st.liquidity = { value, confidence, ts: src.ts };
    ctx.emit({
      kind: 'liquidity',
      value: { symbol: st.symbol, ts: ctx.now, confidence, inputAgesMs: { [src.source]: age }, ...value },
    });
  });
}

export function runVpin(st: SymbolState, ctx: UpdateContext): void {
  ctx.run('vpin', ['vpin', 'toxicity'], () => {
    if (st.lastTradeTs === null) return;
    const v = st.vpin.value;
    const { toxic, informed } = st.settings.vpinSignal;
    ctx.emit({
      kind: 'vpin',
      value: {
        symbol: st.symbol,
        ts: ctx.now,
        confidence: st.vpin.confidence,
        inputAgesMs: { trades: ageMs(ctx.now, st.lastTradeTs) },
        value: v,
        signal: v === null ? null : v >= toxic ? 'toxic' : v <= informed ? 'informed' : 'neutral',
        buckets: st.vpin.buckets,
        bucketVolume: st.vpin.bucketVolume,
        window: st.vpin.window,
        classification: st.vpin.classification,
      },
    });
  });
}

/**
 * Recomputes the trade-pattern score of the tape once a twentieth of the window has turned over (the ratios
 * are shares of the last windowTrades prints, so fewer new prints move them by less than 5 %).
 */
export function updatePatterns(st: SymbolState): void {
  const p = st.settings.patterns;
  const refreshEvery = Math.max(1, Math.floor(p.windowTrades / 20));
  if (st.patterns !== null && st.tradesSincePatterns < refreshEvery) return;
  st.tradesSincePatterns = 0;
  const tape = st.tape.toArray();
  const ratios = tradePatterns(tape, {
    sizes: { roundLot: p.roundLot, blockShares: p.blockShares, blockNotional: p.blockNotional },
    sweeps: { windowMs: p.sweepWindowMs, minLevels: p.sweepMinLevels },
  });
  st.patterns = { score: tradePatternScore(ratios, p.weights), ...ratios };
}

export function runToxicity(st: SymbolState, ctx: UpdateContext): void {
  ctx.run('toxicity', ['toxicity'], () => {
    const patterns = st.patterns;
    if (patterns === null || patterns.trades === 0 || st.lastTradeTs === null) return;
    const obiVolatility = st.level1Obi.volatility();
    const blend = flowToxicity(
      { vpin: st.vpin.value, patterns: patterns.score, obiVolatility },
      st.settings.toxicityWeights,
    );
    if (blend === null) return;
    // Confidence: each component's own confidence, weighted as the component is.
    const confidence =
      blend.weights.vpin * st.vpin.confidence +
      blend.weights.patterns * Math.min(1, patterns.trades / 100) +
      blend.weights.obiVolatility * Math.min(1, st.level1Obi.length / 30);
    const inputAgesMs: Record<string, number> = { trades: ageMs(ctx.now, st.lastTradeTs) };
    const src = sizesSource(st);
    if (src !== null) inputAgesMs[src.source] = ageMs(ctx.now, src.ts);
    ctx.emit({
      kind: 'toxicity',
      value: {
        symbol: st.symbol,
        ts: ctx.now,
        confidence: Math.min(1, confidence),
        inputAgesMs,
        score: blend.score,
        vpin: st.vpin.value,
        patternScore: patterns.score,
        obiVolatility,
        weights: blend.weights,
        ratios: { oddLot: patterns.oddLot, sweep: patterns.sweep, block: patterns.block },
        trades: patterns.trades,
      },
    });
  });
}

export function runHidden(st: SymbolState, ctx: UpdateContext): void {
  ctx.run('hidden', ['hidden'], () => {
    if (st.book === null) return;
    const age = ageMs(ctx.now, st.book.sourceTs);
    const inputAgesMs: Record<string, number> = { book: age };
    if (st.lastTradeTs !== null) inputAgesMs.trades = ageMs(ctx.now, st.lastTradeTs);
    ctx.emit({
      kind: 'hidden',
      value: {
        symbol: st.symbol,
        ts: ctx.now,
        confidence: freshness(age, st.settings.staleBookMs) * Math.min(1, st.hidden.size / 50),
        inputAgesMs,
        detections: st.hidden.detect(),
      },
    });
  });
}

export function runBars(st: SymbolState, ctx: UpdateContext): void {
  ctx.run('bars', [], () => {
    if (st.lastBarTs === null) return;
    const age = ageMs(ctx.now, st.lastBarTs);
    for (const timeframe of TIMEFRAMES) {
      const bars = st.timeframes.bars(timeframe);
      if (bars.length === 0) continue;
      ctx.emit({
        kind: 'bars',
        timeframe,
        value: {
          symbol: st.symbol,
          ts: ctx.now,
          // 5-second bars come every 5 s: a bar older than two periods means the feed is lagging.
          confidence: freshness(age, 15_000),
          inputAgesMs: { bars: age },
          timeframe,
          bars,
        },
      });
    }
  });
}

function closes(st: SymbolState): number[] {
  return st.history.toArray().map((b) => b.close);
}

export function runRegime(st: SymbolState, ctx: UpdateContext): void {
  ctx.run('regime', ['regime'], () => {
    if (st.lastBarTs === null || st.liquidity === null) return;
    st.barStats ??= barStats(closes(st), {
      lookbackBars: st.lookbackBars,
      maBars: st.settings.regime.maBars,
    });
    const stats = st.barStats;
    if (stats === null) return;
    const components = {
      volatility: stats.volatilityConfidence,
      slope: stats.slopeConfidence,
      liquidity: st.liquidity.confidence,
    };
    const confidence = Math.min(components.volatility, components.slope, components.liquidity);
    ctx.emit({
      kind: 'regime',
      value: {
        symbol: st.symbol,
        ts: ctx.now,
        confidence,
        inputAgesMs: { bars: ageMs(ctx.now, st.lastBarTs), liquidity: ageMs(ctx.now, st.liquidity.ts) },
        state: regimeState(stats, st.settings.regime.trendTStat),
        volatilityPercentile: stats.volatilityPercentile,
        maSlope: stats.maSlope,
        liquidityScore: st.liquidity.value.score,
        components,
      },
    });
  });
}

export function runVolForecast(st: SymbolState, ctx: UpdateContext): void {
  ctx.run('vol_forecast', ['vol_forecast'], () => {
    if (st.lastBarTs === null) return;
    const returns = logReturnsOf(closes(st));
    const f = st.volForecaster.forecast(returns, st.chainIv);
    if (f === null) return;
    st.barStats ??= barStats(closes(st), {
      lookbackBars: st.lookbackBars,
      maBars: st.settings.regime.maBars,
    });
    const inputAgesMs: Record<string, number> = { bars: ageMs(ctx.now, st.lastBarTs) };
    if (st.chain !== null) inputAgesMs.chain = ageMs(ctx.now, st.chain.fetchedAt);
    ctx.emit({
      kind: 'vol_forecast',
      value: {
        symbol: st.symbol,
        ts: ctx.now,
        confidence: Math.min(1, returns.length / (2 * st.lookbackBars)),
        inputAgesMs,
        forecastVol: f.forecastVol,
        realizedVol: st.barStats?.realizedVol ?? f.ewmaVol,
        impliedVol: st.chainIv,
        horizonMinutes: st.settings.volForecast.horizonMinutes,
        lambda: st.settings.volForecast.lambda,
        expectedMovePct: f.expectedMovePct,
      },
    });
  });
}

export function runMoc(st: SymbolState, ctx: UpdateContext): void {
  ctx.run('moc', ['moc_pred'], () => {
    const src = sizesSource(st);
    if (src === null || st.lastBarTs === null) return;
    const m = st.settings.moc;
    const volumes = st.history.tail(8 * m.trendBars).map((b) => b.volume);
    const p = mocPrediction({
      imbalanceMean: st.depthObi.mean() ?? 0,
      imbalanceSamples: st.depthObi.length,
      volumes,
      trendBars: m.trendBars,
      maxTrend: m.maxTrend,
      directionThreshold: m.directionThreshold,
      inWindow: inWindow(ctx.now, st.settings.mocWindow),
    });
    if (p === null) return;
    const age = ageMs(ctx.now, src.ts);
    ctx.emit({
      kind: 'moc_pred',
      value: {
        symbol: st.symbol,
        ts: ctx.now,
        confidence: p.confidence,
        inputAgesMs: { [src.source]: age, bars: ageMs(ctx.now, st.lastBarTs) },
        imbalance: p.imbalance,
        direction: p.direction,
        closingVolumeTrend: p.closingVolumeTrend,
      },
    });
  });
}

const GEX_OUTPUTS = ['gex', 'dex', 'gex_profile', 'greeks'] as const;

export function runGex(st: SymbolState, ctx: UpdateContext): void {
  const chain = st.chain;
  if (chain === null) return;
  ctx.run('gex', GEX_OUTPUTS, () => {
    const s = st.settings;
    const spot = st.spot;
    const spotLimit = spot?.source === 'intraday' ? s.maxIndexSpotAgeMs : s.maxQuoteAgeMs;
    const spotAge = spot === null ? Infinity : ageMs(ctx.now, spot.ts);
    if (spot === null || spotAge > spotLimit) {
      ctx.alert('stale_quote', `no spot fresher than ${spotLimit} ms for the exposures: no output`);
      ctx.clear(...GEX_OUTPUTS);
      return;
    }
    const chainAge = ageMs(ctx.now, chain.fetchedAt);
    if (chainAge > s.maxChainAgeMs) {
      ctx.alert('stale_chain', `options chain is ${chainAge} ms old: no output`, chainAge);
      ctx.clear(...GEX_OUTPUTS);
      return;
    }
    const result = chainExposure(chain, spot.price, ctx.now, {
      minOpenInterest: s.minOpenInterest,
      riskFreeRate: s.riskFreeRate,
      dividendYield: s.dividendYield,
      maxBadOpenInterestFraction: s.maxBadOpenInterestFraction,
    });
    for (const p of result.problems) ctx.alert(p.kind, p.message, p.value);
    st.gexSpot = spot.price;
    if (!result.ok) {
      ctx.clear(...GEX_OUTPUTS);
      return;
    }
    const x = result.value;
    const confidence = x.coverage * freshness(chainAge, s.maxChainAgeMs);
    const inputAgesMs = { chain: chainAge, spot: spotAge };
    const base = { symbol: st.symbol, spot: spot.price, ts: ctx.now };
    ctx.emit({
      kind: 'gex',
      value: {
        ...base,
        total: x.total,
        totalPerDollar: x.totalPerDollar,
        unit: 'usd_per_1pct',
        callWall: x.callWall,
        putWall: x.putWall,
        zeroGamma: x.zeroGamma,
        contracts: x.contracts,
      },
    });
    ctx.emit({ kind: 'dex', value: { ...base, ...x.dex, unit: 'usd' } });
    ctx.emit({
      kind: 'gex_profile',
      value: {
        ...base,
        confidence,
        inputAgesMs,
        unit: 'usd_per_1pct',
        byStrike: x.byStrike,
        byExpiry: x.byExpiry,
        profile: x.profile,
        zeroGamma: x.zeroGamma,
        callWall: x.callWall,
        putWall: x.putWall,
      },
    });
    ctx.emit({
      kind: 'greeks',
      value: { symbol: st.symbol, ts: ctx.now, confidence, inputAgesMs, ...x.greeks, contracts: x.contracts },
    });
    const shift = st.gexShift.observe(ctx.now, x.total);
    if (shift !== null) {
      ctx.alert(
        'anomaly:gex',
        `|GEX| moved ${(shift.change * 100).toFixed(1)} % (from ${shift.from.toExponential(3)} to ${shift.to.toExponential(3)} $ per 1 %) within ${Math.round((ctx.now - shift.fromTs) / 1000)} s`,
        shift.change,
      );
    }
  });
}
