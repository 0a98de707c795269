// All symbols' analyzers, the job health book and the portfolio aggregate: what the service drives.
import type { LookbackParams, PortfolioAnalytics, Position, VpinBucketParams } from '@alphatrader/shared';
import { SymbolAnalyzer } from './analyzer';
import { JobStatusBook } from './job-status';
import { portfolioAggregates } from './portfolio';
import type { AnalyticsSettings } from './settings';
import type { SymbolParams, SymbolUpdate, UpdateResult } from './types';

/** Bar length the analytics history is kept in. */
const BAR_SECONDS = 5;

export class AnalyticsEngine {
  private readonly analyzers = new Map<string, SymbolAnalyzer>();
  readonly status = new JobStatusBook();

  constructor(readonly settings: AnalyticsSettings) {
    for (const [symbol, kind] of settings.symbols)
      this.analyzers.set(symbol, new SymbolAnalyzer(symbol, kind, settings));
  }

  get symbols(): string[] {
    return [...this.analyzers.keys()];
  }

  has(symbol: string): boolean {
    return this.analyzers.has(symbol);
  }

  analyzer(symbol: string): SymbolAnalyzer | undefined {
    return this.analyzers.get(symbol);
  }

  update(symbol: string, u: SymbolUpdate): UpdateResult | null {
    const a = this.analyzers.get(symbol);
    if (a === undefined) return null;
    const result = a.update(u);
    this.status.record(result.jobs, u.now);
    return result;
  }

  /** Health sweep of every symbol (stale books); only results with something in them. */
  sweep(now: number): { symbol: string; result: UpdateResult }[] {
    const out: { symbol: string; result: UpdateResult }[] = [];
    for (const a of this.analyzers.values()) {
      const result = a.sweep(now);
      if (result.alerts.length > 0 || result.cleared.length > 0) out.push({ symbol: a.symbol, result });
    }
    return out;
  }

  portfolio(positions: readonly Position[], now: number): PortfolioAnalytics {
    const t0 = performance.now();
    const value = portfolioAggregates(
      positions,
      (symbol, occ) => this.analyzers.get(symbol)?.contract(occ),
      now,
    );
    this.status.record(
      [{ job: 'portfolio', ok: true, durationMs: performance.now() - t0, error: null }],
      now,
    );
    return value;
  }
}

/**
 * Discovered parameters per symbol: VPIN bucket size, and the lookback converted to 5-second bars (discovery
 * may measure it on longer bars). Symbols discovery has not covered get nulls (the engine's defaults).
 */
export function discoveredParams(
  symbols: readonly string[],
  buckets: Readonly<Record<string, VpinBucketParams>>,
  lookbacks: Readonly<Record<string, LookbackParams>>,
): Map<string, SymbolParams> {
  const out = new Map<string, SymbolParams>();
  for (const s of symbols) {
    const b = buckets[s];
    const l = lookbacks[s];
    out.set(s, {
      bucketVolume: b === undefined ? null : b.bucketVolume,
      lookbackBars:
        l === undefined || l.bars < 1 ? null : Math.max(2, Math.round((l.bars * l.barSeconds) / BAR_SECONDS)),
    });
  }
  return out;
}
