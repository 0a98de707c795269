// Compute time of one full discovery run for every configured symbol (12 by default): k-means bucket size
// on 1,000 trades, lookback and volatility regimes on the longest bar series (500 one-minute bars), flow
// toxicity (VPIN, trade patterns, OBI volatility over 30 level-2 snapshots), and the full correlation
// matrix. Redis reads and writes are excluded (the seed's 0.22 s included its I/O). One JSON object per line.
import { loadConfig } from '@alphatrader/shared';
import { discover, type SymbolData } from '../src/core/discover';
import { discoverySettings } from '../src/core/settings';
import { discoveredYaml } from '../src/core/yaml';
import { correlatedBars, snapshots, trades } from '../src/testing/fixtures';

function percentile(sorted: number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  return sorted[lo]! + (h - lo) * (sorted[Math.min(lo + 1, sorted.length - 1)]! - sorted[lo]!);
}
const r3 = (x: number) => Number(x.toFixed(3));

const settings = discoverySettings(
  loadConfig({ env: { ALPHAVANTAGE_BASE_URL: 'http://127.0.0.1:9/query' } }),
);
const NOW = Date.UTC(2025, 5, 2, 15, 0, 0);
const spec = Object.fromEntries(
  settings.symbols.map((s, i) => [
    s,
    { price: 50 + 40 * i, beta: 0.3 + (0.6 * i) / settings.symbols.length },
  ]),
);
const fiveSecond = correlatedBars(spec, { n: 100, endTs: NOW, seed: 1 });
const oneMinute = correlatedBars(spec, { n: 500, endTs: NOW, seed: 2, barMs: 60_000 });
const data = new Map<string, SymbolData>(
  settings.symbols.map((s, i) => [
    s,
    {
      trades: trades(1000, { price: spec[s]!.price, ts: NOW - 60_000, seed: i + 1 }),
      bars: [
        { barSeconds: 5, bars: fiveSecond[s]!.map((b) => ({ ts: b.ts, close: b.close })) },
        { barSeconds: 60, bars: oneMinute[s]!.map((b) => ({ ts: b.ts, close: b.close })) },
      ],
      snapshots: settings.level2.has(s)
        ? snapshots(s, 30, { mid: spec[s]!.price + 0.005, ts: NOW - 60_000 })
        : [],
    },
  ]),
);
const run = () => discover(data, settings, { now: NOW, fallbackBucket: () => 1000 });
for (let i = 0; i < 10; i++) run(); // warm-up (JIT)
(globalThis as { gc?: () => void }).gc?.();
const wall: number[] = [];
const cpu: number[] = [];
let last = run();
for (let i = 0; i < 40; i++) {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  last = run();
  wall.push(performance.now() - t0);
  const c = process.cpuUsage(c0);
  cpu.push((c.user + c.system) / 1000);
}
wall.sort((a, b) => a - b);
cpu.sort((a, b) => a - b);
const y0 = performance.now();
discoveredYaml(last, { generatedAt: NOW, symbols: settings.symbols, durationMs: 0 });
const yamlMs = performance.now() - y0;
process.stdout.write(
  `${JSON.stringify({
    bench: 'discovery.full_run_ms',
    // "Compute" time: CPU time of this process per run (the wall clock on a shared machine also counts the
    // time other processes held the cores; it is reported next to it).
    value: r3(percentile(cpu, 0.5)),
    unit: 'ms',
    target: 50,
    better: 'lower',
    stat: 'cpu_p50',
    cpu_p90: r3(percentile(cpu, 0.9)),
    wall_p50: r3(percentile(wall, 0.5)),
    wall_p90: r3(percentile(wall, 0.9)),
    yaml_ms: r3(yamlMs),
    symbols: settings.symbols.length,
    trades_per_symbol: 1000,
    bars_per_symbol: 500,
    correlated: last.correlation?.symbols.length ?? 0,
    runs: wall.length,
  })}\n`,
);
