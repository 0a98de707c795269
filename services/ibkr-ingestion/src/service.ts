// Wires the service: settings from config, the in-memory state, the gateway (IB side), the Redis writer,
// the option lease poller and Prometheus views of the feed metrics. main.ts hands this to runService;
// tests and the benchmark start it in-process with startServiceRuntime.
import {
  childLogger,
  type ServiceContext,
  type ServiceHooks,
  type ServiceMetrics,
} from '@alphatrader/shared';
import { Gateway } from './adapters/gateway';
import { OptionLeasePoller } from './adapters/option-leases';
import { tuneHeap } from './adapters/heap-tuning';
import { RedisWriter } from './adapters/redis-writer';
import { ingestSettings } from './core/settings';
import { IngestState, RejectSampler } from './core/state';

export const SERVICE_NAME = 'ibkr-ingestion';

/** A rejection reason is logged at most once per symbol per this window (all are counted). */
const REJECT_LOG_WINDOW_MS = 60_000;

export interface IbkrIngestion extends ServiceHooks {
  readonly state: IngestState;
  readonly gateway: Gateway;
  readonly writer: RedisWriter;
  stop(): Promise<void>;
}

export function startIbkrIngestion(ctx: ServiceContext): IbkrIngestion {
  const settings = ingestSettings(ctx.config, ctx.config.services[SERVICE_NAME]);
  tuneHeap(settings.heapGrowingPercent, childLogger(ctx.logger, 'heap'));
  const state = new IngestState(settings, performance.now());
  const quality = childLogger(ctx.logger, 'quality');
  state.useRejectSampler(
    new RejectSampler(
      REJECT_LOG_WINDOW_MS,
      (reason, symbol, detail, count) =>
        quality.warn({ reason, symbol, detail, count }, 'invalid data rejected'),
      () => performance.now(),
    ),
  );
  const writer = new RedisWriter({
    store: ctx.store,
    state,
    clock: ctx.clock,
    logger: childLogger(ctx.logger, 'writer'),
  });
  const gateway = new Gateway({
    settings,
    state,
    clock: ctx.clock,
    logger: childLogger(ctx.logger, 'gateway'),
    setStatus: (status, reason) => ctx.setStatus(status, reason),
    afterChunk: () => writer.kick(),
  });
  const leases = new OptionLeasePoller({
    store: ctx.store,
    gateway,
    clock: ctx.clock,
    logger: childLogger(ctx.logger, 'options'),
    maxSubscriptions: settings.options.maxSubscriptions,
  });
  registerPromMetrics(ctx.metrics, state);

  writer.start();
  gateway.start();
  ctx.every('option-leases', settings.options.pollMs, () => leases.poll(), { immediate: true });
  ctx.logger.info(
    {
      symbols: settings.symbols.length,
      level2: [...settings.level2],
      host: settings.host,
      port: settings.port,
    },
    'ibkr ingestion started',
  );

  let stopping: Promise<void> | undefined;
  return {
    state,
    gateway,
    writer,
    stop() {
      // Close the gateway first (connected = 0, account gone), then flush everything still pending.
      stopping ??= (async () => {
        gateway.stop();
        await writer.stop();
        ctx.logger.info(
          { messages: state.metrics.messages, flushes: state.metrics.flushes },
          'final flush written',
        );
      })();
      return stopping;
    },
  };
}

/** Scrape views of the in-memory metrics (read at scrape time, nothing on the hot path). */
function registerPromMetrics(metrics: ServiceMetrics, state: IngestState): void {
  const m = state.metrics;
  const total = (name: string, help: string, read: () => number) =>
    metrics.counter({
      name,
      help,
      collect() {
        this.reset();
        this.inc(read());
      },
    });
  total('ibkr_messages_total', 'Market-data messages received from the gateway', () => m.messages);
  total('ibkr_invalid_total', 'Messages or states rejected by the quality checks', () => m.invalidTotal);
  total('ibkr_dropped_total', 'Buffered items dropped (drop-oldest) under a burst', () => m.droppedTotal);
  total('ibkr_reconnects_total', 'Gateway reconnections', () => m.reconnects);
  total('ibkr_flushes_total', 'Flushes sent to Redis', () => m.flushes);
  total('ibkr_flush_failures_total', 'Flushes Redis refused (whole or in part)', () => m.flushFailures);
  metrics.gauge({
    name: 'ibkr_connected',
    help: '1 while the gateway session is up and connected to IB',
    collect() {
      this.set(m.connected);
    },
  });
  metrics.gauge({
    name: 'ibkr_subscriptions',
    help: 'Active market-data requests',
    collect() {
      this.set(m.subscriptions);
    },
  });
  metrics.gauge({
    name: 'ibkr_update_to_redis_p99_seconds',
    help: 'p99 of update-to-Redis-ack latency since start',
    collect() {
      this.set(m.latency.quantile(0.99) / 1000);
    },
  });
}
