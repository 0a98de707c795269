// Wiring of the analytics service: event streams → per-symbol coalescing scheduler → input reads → engine →
// one write pipeline per update; discovered parameters reloaded on events:discovery; job heartbeats and the
// stale-book sweep on a timer. Runs under runService (main.ts) or startServiceRuntime (tests, benchmarks).
import {
  childLogger,
  eventsDiscovery,
  eventsMarket,
  eventsOptions,
  positionsActive,
  type ChangeEvent,
  type KeyRef,
  type ServiceContext,
  type ServiceDefinition,
  type ServiceHooks,
} from '@alphatrader/shared';
import type { z } from 'zod';
import { SymbolInputReader } from './adapters/inputs';
import { writePortfolio, writeStatus, writeUpdate } from './adapters/outputs';
import { loadParams } from './adapters/params';
import { followStream, lastStreamId } from './adapters/stream-reader';
import { AnalyticsEngine } from './core/engine';
import { eventInputs, type InputKind } from './core/events';
import { CoalescingScheduler } from './core/scheduler';
import { analyticsSettings, type SymbolKind } from './core/settings';
import type { SymbolParams } from './core/types';

type Work = InputKind | 'params';

const INPUTS_OF: Record<SymbolKind, InputKind[]> = {
  level2: ['book', 'ticker', 'trades', 'bars', 'chain'],
  standard: ['ticker', 'trades', 'bars', 'chain'],
  index: ['chain', 'intraday'],
};

export const SERVICE_NAME = 'analytics';

export function analyticsService(): ServiceDefinition {
  return { name: SERVICE_NAME, start: startAnalytics };
}

async function startAnalytics(ctx: ServiceContext): Promise<ServiceHooks> {
  const log = childLogger(ctx.logger, 'engine');
  const settings = analyticsSettings(ctx.config);
  const engine = new AnalyticsEngine(settings);
  const readers = new Map(engine.symbols.map((s) => [s, new SymbolInputReader(ctx.store, s)]));
  let params = new Map<string, SymbolParams>();

  const m = ctx.metrics;
  const eventsSeen = m.counter({
    name: 'analytics_events_total',
    help: 'Change events consumed',
    labelNames: ['stream'],
  });
  const eventsInvalid = m.counter({
    name: 'analytics_events_invalid_total',
    help: 'Change events rejected by the schema',
  });
  const updates = m.counter({
    name: 'analytics_symbol_updates_total',
    help: 'Symbol updates processed',
    labelNames: ['symbol'],
  });
  const failures = m.counter({
    name: 'analytics_symbol_update_failures_total',
    help: 'Symbol updates that threw',
    labelNames: ['symbol'],
  });
  const computeSeconds = m.histogram({
    name: 'analytics_compute_seconds',
    help: 'Engine time per symbol update',
  });
  const updateSeconds = m.histogram({
    name: 'analytics_update_seconds',
    help: 'Read + compute + write per symbol update',
  });
  const alertsRaised = m.counter({
    name: 'analytics_alerts_total',
    help: 'Alerts written',
    labelNames: ['kind'],
  });
  const rejectedOutputs = m.counter({
    name: 'analytics_outputs_rejected_total',
    help: 'Outputs that broke their schema',
  });

  let invalidLoggedAt = 0;
  const onInvalid = (reason: string) => {
    eventsInvalid.inc();
    const now = Date.now();
    if (now - invalidLoggedAt > 10_000) {
      invalidLoggedAt = now;
      log.warn({ reason }, 'invalid change event skipped');
    }
  };

  const processSymbol = async (symbol: string, dirty: ReadonlySet<Work>): Promise<void> => {
    const t0 = performance.now();
    const reader = readers.get(symbol)!;
    const inputs = new Set([...dirty].filter((w): w is InputKind => w !== 'params'));
    const u = await reader.read(inputs, () => ctx.clock.now());
    if (dirty.has('params')) u.params = params.get(symbol) ?? { bucketVolume: null, lookbackBars: null };
    const c0 = performance.now();
    const r = engine.update(symbol, u)!;
    computeSeconds.observe((performance.now() - c0) / 1000);
    updates.inc({ symbol });
    if (r.outputs.length > 0 || r.cleared.length > 0 || r.alerts.length > 0) {
      const outcome = await writeUpdate(ctx.store, symbol, r, u.now);
      for (const a of r.alerts) alertsRaised.inc({ kind: a.kind });
      for (const x of outcome.rejected) {
        rejectedOutputs.inc();
        log.error({ symbol, output: x.kind, reason: x.reason }, 'output rejected by its schema');
      }
    }
    if (u.chain?.ok === true) portfolio.mark('portfolio', 'chain');
    updateSeconds.observe((performance.now() - t0) / 1000);
  };

  const scheduler = new CoalescingScheduler<Work>(processSymbol, (symbol, err) => {
    failures.inc({ symbol });
    log.error({ err, symbol }, 'symbol update failed');
  });

  const portfolio = new CoalescingScheduler<'chain'>(
    async () => {
      const positions = await ctx.store.hgetall(positionsActive.at());
      if (!positions.ok) return;
      await writePortfolio(
        ctx.store,
        engine.portfolio(Object.values(positions.value.values), ctx.clock.now()),
      );
    },
    (_key, err) => log.error({ err }, 'portfolio update failed'),
  );

  const reloadParams = async (): Promise<void> => {
    const next = await loadParams(ctx.store, engine.symbols);
    if (next === null) {
      log.warn('discovered parameters unreadable: keeping the ones in use');
      return;
    }
    const changed = engine.symbols.filter(
      (s) => JSON.stringify(next.get(s)) !== JSON.stringify(params.get(s)),
    );
    params = next;
    for (const s of changed) scheduler.mark(s, 'params');
    if (changed.length > 0) log.info({ symbols: changed.length }, 'discovered parameters applied');
  };

  const onEvents = (stream: string) => (events: ChangeEvent[]) => {
    eventsSeen.inc({ stream }, events.length);
    for (const ev of events) {
      const target = eventInputs(ev);
      if (target === null || !engine.has(target.symbol)) continue;
      for (const input of target.inputs) scheduler.mark(target.symbol, input);
    }
  };

  // Streams are read from their current end; the bootstrap below covers the state before it.
  const abort = new AbortController();
  ctx.signal.addEventListener('abort', () => abort.abort(), { once: true });
  const streams: { ref: KeyRef<z.ZodType, 'stream'>; role: string; onEntries: (v: ChangeEvent[]) => void }[] =
    [
      { ref: eventsMarket.at(), role: 'events-market', onEntries: onEvents('market') },
      { ref: eventsOptions.at(), role: 'events-options', onEntries: onEvents('options') },
      {
        ref: eventsDiscovery.at(),
        role: 'events-discovery',
        onEntries: () =>
          void reloadParams().catch((err: unknown) => log.error({ err }, 'parameter reload failed')),
      },
    ];
  const conns = streams.map((s) => ctx.redisConnection(s.role));
  const startIds = await Promise.all(streams.map((s, i) => lastStreamId(conns[i]!, s.ref)));

  await reloadParams();
  for (const [symbol, kind] of settings.symbols) {
    for (const input of INPUTS_OF[kind]) scheduler.mark(symbol, input);
  }

  const followers = streams.map((s, i) =>
    followStream(
      { ref: s.ref, conn: conns[i]!, logger: log, signal: abort.signal, onEntries: s.onEntries, onInvalid },
      startIds[i]!,
    ),
  );

  ctx.every('status', settings.statusIntervalMs, async () => {
    const now = ctx.clock.now();
    for (const { symbol, result } of engine.sweep(now)) await writeUpdate(ctx.store, symbol, result, now);
    await writeStatus(ctx.store, engine.status.publish());
  });

  log.info(
    { symbols: engine.symbols.length, streams: streams.map((s) => s.ref.key) },
    'analytics engine started',
  );

  return {
    async stop() {
      abort.abort();
      // A blocked XREAD returns at once when its connection goes away.
      for (const c of conns) c.disconnect();
      await Promise.all(followers);
      await Promise.all([scheduler.close(), portfolio.close()]);
      await writeStatus(ctx.store, engine.status.publish()).catch(() => undefined);
    },
  };
}
