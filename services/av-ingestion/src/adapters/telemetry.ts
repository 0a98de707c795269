// Everything the ingestion reports about itself: Prometheus counters and latency histograms, failures
// by class and dropped contracts by reason in Redis, calls of the rolling minute, latency percentiles,
// the prefer-IBKR flag and stale feeds. Texts arrive scrubbed; nothing here sees a URL.
import type { Logger } from 'pino';
import type { AvCallStats, ServiceMetrics } from '@alphatrader/shared';
import { CallCounter } from '../core/call-stats';
import type { ContractDrop } from '../core/contracts';
import { failureClass, failureMessage, type AvFailure } from '../core/errors';
import { staleFeeds, type FeedExpectation } from '../core/freshness';
import { LatencyWindow, PreferIbkrFlag } from '../core/latency';
import type { AttemptReport } from './av-client';
import type { MonitorStore } from './monitor-store';
import type { CallLimiter } from './rate-limiter';

export interface TelemetryOptions {
  monitor: MonitorStore;
  limiter: CallLimiter;
  metrics: ServiceMetrics;
  logger: Logger;
  /** Market clock (timestamps, freshness). */
  now: () => number;
  /** Wall clock (latency window and the 3-minute p95 rule). */
  wallNow: () => number;
  apiKey: string | undefined;
  planPerMinute: number;
  slowP95Ms: number;
  slowWindowMs: number;
}

export class Telemetry {
  private readonly calls = new CallCounter();
  private readonly latency = new LatencyWindow(60_000);
  private readonly preferIbkr: PreferIbkrFlag;
  private readonly startedAt: number;
  private degradedSince: number | null = null;
  private readonly m;

  constructor(private readonly o: TelemetryOptions) {
    this.preferIbkr = new PreferIbkrFlag(o.slowP95Ms, o.slowWindowMs);
    this.startedAt = o.now();
    const { metrics } = o;
    this.m = {
      calls: metrics.counter({
        name: 'atp_av_calls_total',
        help: 'Alpha Vantage HTTP calls by function and outcome',
        labelNames: ['function', 'outcome'],
      }),
      failures: metrics.counter({
        name: 'atp_av_failures_total',
        help: 'Alpha Vantage failures by class',
        labelNames: ['class'],
      }),
      drops: metrics.counter({
        name: 'atp_av_contracts_dropped_total',
        help: 'Option contracts dropped by validation',
        labelNames: ['reason'],
      }),
      skipped: metrics.counter({
        name: 'atp_av_skipped_total',
        help: 'Pulls not made, by stream and reason',
        labelNames: ['stream', 'reason'],
      }),
      stored: metrics.counter({
        name: 'atp_av_stored_total',
        help: 'Good values stored, by stream',
        labelNames: ['stream'],
      }),
      latency: metrics.histogram({
        name: 'atp_av_request_seconds',
        help: 'Alpha Vantage request latency',
        labelNames: ['function'],
      }),
      preferIbkr: metrics.gauge({
        name: 'atp_av_prefer_ibkr',
        help: '1 while AV p95 latency has been too high for the hold time',
      }),
    };
  }

  /** Client hook: one HTTP attempt finished. */
  readonly attempt = async (r: AttemptReport): Promise<void> => {
    this.calls.call(this.o.wallNow(), r.fn);
    this.latency.record(this.o.wallNow(), r.ms);
    this.m.calls.inc({ function: r.fn, outcome: r.outcome });
    this.m.latency.observe({ function: r.fn }, r.ms / 1000);
    if (r.error !== undefined) await this.failure(r.error, false);
  };

  /** A failure (of an attempt, or of data we rejected after a good HTTP answer). */
  async failure(err: AvFailure, log = true): Promise<void> {
    const cls = failureClass(err);
    const message = failureMessage(err, this.o.apiKey);
    this.m.failures.inc({ class: cls });
    if (log)
      this.o.logger.warn(
        { class: cls, function: err.endpoint, symbol: err.symbol, reason: message },
        'alpha vantage data rejected',
      );
    else
      this.o.logger.debug(
        { class: cls, function: err.endpoint, symbol: err.symbol, reason: message },
        'alpha vantage attempt failed',
      );
    await this.o.monitor.recordFailure({
      cls,
      fn: err.endpoint,
      symbol: err.symbol ?? null,
      message,
      ts: this.o.now(),
    });
  }

  async drops(symbol: string, drops: readonly ContractDrop[]): Promise<void> {
    if (drops.length === 0) return;
    for (const d of drops) this.m.drops.inc({ reason: d.reason });
    await this.o.monitor.recordDrops(symbol, drops, this.o.now());
  }

  skipped(stream: string, reason: string): void {
    this.m.skipped.inc({ stream, reason });
    if (reason === 'budget') this.calls.skip();
  }

  stored(stream: string): void {
    this.m.stored.inc({ stream });
  }

  /** Publishes calls, latency, the prefer-IBKR flag and stale feeds (the monitor loop). */
  async publish(expectations: readonly FeedExpectation[]): Promise<void> {
    const ts = this.o.now();
    const wall = this.o.wallNow();
    const stats: AvCallStats = {
      callsLastMinute: await this.o.limiter.callsLastMinute(),
      budgetPerMinute: this.o.limiter.budgetPerMinute,
      planPerMinute: this.o.planPerMinute,
      byFunction: this.calls.byFunction(wall),
      skipped: this.calls.skipped,
      ts,
    };
    await this.o.monitor.publishCalls(stats);

    const latency = this.latency.stats(wall);
    if (latency !== null) await this.o.monitor.publishLatency({ ...latency, ts });
    const flag = this.preferIbkr.update(wall, latency?.p95Ms ?? null);
    this.m.preferIbkr.set(flag.degraded ? 1 : 0);
    if (flag.degraded) {
      if (this.degradedSince === null) {
        this.degradedSince = ts;
        this.o.logger.warn({ p95Ms: flag.p95Ms }, 'alpha vantage slow: downstream should prefer IBKR quotes');
      }
      await this.o.monitor.setDegraded({
        degraded: true,
        reason: `p95 latency above ${this.o.slowP95Ms} ms for ${Math.round(this.o.slowWindowMs / 1000)} s`,
        p95Ms: flag.p95Ms ?? latency?.p95Ms ?? 0,
        since: this.degradedSince,
        ts,
      });
    } else if (this.degradedSince !== null) {
      this.degradedSince = null;
      this.o.logger.info('alpha vantage latency back to normal');
      await this.o.monitor.setDegraded(null);
    }

    const report = staleFeeds(expectations, await this.o.monitor.freshness(), ts, this.startedAt);
    await this.o.monitor.publishStale(report.stale, report.clear);
  }
}
