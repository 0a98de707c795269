// Wiring of the discovery service: at start and every intervalMs, read every symbol's recent data, run the
// pure discovery, write the YAML file and publish discovered:* (analytics reloads on the events:discovery
// entry). Runs under runService (main.ts) or startServiceRuntime (tests).
import { join } from 'node:path';
import {
  childLogger,
  discoveredVpinBucket,
  type DiscoveryRun,
  type ServiceContext,
  type ServiceDefinition,
  type ServiceHooks,
} from '@alphatrader/shared';
import { readSymbolData } from './adapters/inputs';
import { publishRun, writeFileAtomic } from './adapters/outputs';
import { discover, type SymbolData } from './core/discover';
import { discoverySettings } from './core/settings';
import { discoveredYaml } from './core/yaml';

/** Retry cadence while discovery still lacks data for some symbols (wall time). */
const WARMUP_RETRY_MS = 15_000;

export const SERVICE_NAME = 'discovery';

export function discoveryService(): ServiceDefinition {
  return { name: SERVICE_NAME, start: startDiscovery };
}

function startDiscovery(ctx: ServiceContext): ServiceHooks {
  const log = childLogger(ctx.logger, 'discovery');
  const settings = discoverySettings(ctx.config);
  const yamlPath = join(settings.dataDir, settings.yamlFile);
  const defaultBucket = ctx.config.services.analytics.vpinDefaultBucketShares;
  const runs = ctx.metrics.counter({
    name: 'discovery_runs_total',
    help: 'Discovery runs',
    labelNames: ['outcome'],
  });
  const compute = ctx.metrics.histogram({
    name: 'discovery_compute_seconds',
    help: 'Compute time of a discovery run',
  });

  const runOnce = async (): Promise<number> => {
    const startedAt = ctx.clock.now();
    const t0 = performance.now();
    const [published, ...symbolData] = await Promise.all([
      ctx.store.hgetall(discoveredVpinBucket.at()),
      ...settings.symbols.map((s) => readSymbolData(ctx.store, s, settings.level2.has(s))),
    ]);
    const data = new Map<string, SymbolData>(settings.symbols.map((s, i) => [s, symbolData[i]!]));
    const previous = published.ok ? published.value.values : {};

    const c0 = performance.now();
    const now = ctx.clock.now();
    const result = discover(data, settings, {
      now,
      fallbackBucket: (s) => previous[s]?.bucketVolume ?? defaultBucket,
    });
    const computeMs = performance.now() - c0;
    compute.observe(computeMs / 1000);

    let writtenYaml: string | null = null;
    try {
      await writeFileAtomic(
        yamlPath,
        discoveredYaml(result, {
          generatedAt: now,
          symbols: settings.symbols,
          durationMs: performance.now() - t0,
        }),
      );
      writtenYaml = yamlPath;
    } catch (err) {
      log.error({ err, path: yamlPath }, 'discovered parameters file not written');
    }
    const run: DiscoveryRun = {
      startedAt,
      durationMs: performance.now() - t0,
      symbols: settings.symbols.length,
      skipped: result.skipped,
      yamlPath: writtenYaml,
      computeMs,
      ts: ctx.clock.now(),
    };
    await publishRun(ctx.store, result, run);
    runs.inc({ outcome: 'ok' });
    log.info(
      {
        computeMs: Number(computeMs.toFixed(2)),
        durationMs: Number(run.durationMs.toFixed(1)),
        buckets: Object.keys(result.vpinBucket).length,
        lookbacks: Object.keys(result.lookback).length,
        correlated: result.correlation?.symbols.length ?? 0,
        skipped: Object.keys(result.skipped).length,
      },
      'discovery run published',
    );
    return Object.keys(result.skipped).length;
  };

  // At start-up the market keys hold little history, so the first runs skip symbols; until a run
  // covers every symbol, try again every warm-up interval instead of waiting the full 15 minutes.
  let warm = false;

  ctx.every(
    'discovery',
    settings.intervalMs,
    () =>
      runOnce()
        .then((skipped) => {
          warm = skipped === 0;
        })
        .catch((err: unknown) => {
          runs.inc({ outcome: 'failed' });
          log.error({ err }, 'discovery run failed: the last published parameters stay');
        }),
    { immediate: true },
  );
  ctx.every('discovery-warmup', WARMUP_RETRY_MS, async () => {
    if (warm) return;
    try {
      warm = (await runOnce()) === 0;
    } catch (err) {
      runs.inc({ outcome: 'failed' });
      log.error({ err }, 'discovery warm-up run failed');
    }
  });
  log.info(
    { symbols: settings.symbols.length, intervalMs: settings.intervalMs, yamlPath },
    'discovery started',
  );
  return {};
}
