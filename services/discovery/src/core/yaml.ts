// The discovered parameters as a clean YAML document (plain mappings, sequences, numbers and strings: no
// language-specific tags), for operators and for tools that read config files rather than Redis.
import { Document, isSeq } from 'yaml';
import type { DiscoveryResult } from './discover';

export interface YamlMeta {
  generatedAt: number;
  symbols: readonly string[];
  durationMs: number;
}

const round = (x: number, digits = 6): number => Number(x.toFixed(digits));

export function discoveredYaml(r: DiscoveryResult, meta: YamlMeta): string {
  const perSymbol = <T extends { ts: number }>(m: Record<string, T>, f: (v: T) => Record<string, unknown>) =>
    Object.fromEntries(Object.entries(m).map(([s, v]) => [s, f(v)]));
  const doc = {
    generated_at: new Date(meta.generatedAt).toISOString(),
    duration_ms: round(meta.durationMs, 3),
    symbols: [...meta.symbols],
    vpin_bucket: perSymbol(r.vpinBucket, (v) => ({
      shares: v.bucketVolume,
      minimum: v.minimum,
      clamped_to_minimum: v.clampedToMinimum,
      sample_trades: v.sampleTrades,
    })),
    temporal_lookback: perSymbol(r.lookback, (v) => ({
      bars: v.bars,
      bar_seconds: v.barSeconds,
      sample_bars: v.sampleBars,
    })),
    volatility_regimes: perSymbol(r.volRegimes, (v) => ({
      regime: v.regime,
      current: round(v.current),
      low_threshold: round(v.lowThreshold),
      high_threshold: round(v.highThreshold),
    })),
    correlation:
      r.correlation === null
        ? null
        : {
            symbols: r.correlation.symbols,
            sample_bars: r.correlation.sampleBars,
            matrix: r.correlation.matrix.map((row) => row.map((x) => round(x, 4))),
          },
    flow_toxicity: perSymbol(r.toxicity, (v) => ({
      score: round(v.score, 4),
      vpin: v.vpin === null ? null : round(v.vpin, 4),
      odd_lot_ratio: round(v.oddLotRatio, 4),
      sweep_ratio: round(v.sweepRatio, 4),
      block_ratio: round(v.blockRatio, 4),
    })),
    skipped: { ...r.skipped },
  };
  const header =
    '# Parameters discovered from recent market data (written by the discovery service after every run).\n' +
    '# Volatilities are annualised decimals (0.2 = 20 %); lookbacks are in bars of bar_seconds.\n';
  const yaml = new Document(doc);
  // One matrix row per line.
  const matrix = yaml.getIn(['correlation', 'matrix']);
  if (isSeq(matrix)) for (const row of matrix.items) if (isSeq(row)) row.flow = true;
  return header + yaml.toString({ lineWidth: 0 });
}
