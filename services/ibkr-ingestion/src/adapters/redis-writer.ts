// The Redis side: at most every flushIntervalMs the coalesced state goes out as ONE store.batch() (one
// script call, applied by Redis as a unit):
// market keys, list items, option quotes, one events entry per changed symbol, error records, the
// connection status when it changed (or is due for its refresh), and every metricsIntervalMs the
// metrics hash and the stale-feed report. At most MAX_IN_FLIGHT flushes wait for Redis (applied in order);
// stop() waits for them and sends a last one, so a shutdown leaves complete values and ibkr:connected = 0.
import {
  eventsMarket,
  ibkrAccount,
  ibkrConnected,
  ibkrOptionQuote,
  isMarketOpen,
  monitoringDataStale,
  monitoringIbkrErrors,
  monitoringIbkrMetrics,
  StoreBatchError,
  type Batch,
  type Clock,
  type Store,
} from '@alphatrader/shared';
import type { Logger } from 'pino';
import { collectFlush, type FlushContent } from '../core/flush';
import { StaleTracker } from '../core/staleness';
import type { IngestState } from '../core/state';
import type { SymbolWrites } from '../core/symbol-writes';
import { keyOfChange, symbolRefs, type SymbolRefs } from './key-refs';

export interface WriterDeps {
  store: Store;
  state: IngestState;
  clock: Clock;
  logger: Logger;
  wall?: () => number;
}

/** Flushes allowed to wait for Redis at once. */
const MAX_IN_FLIGHT = 2;

export interface FlushStats {
  commands: number;
  symbols: number;
}

export class RedisWriter {
  private readonly refs = new Map<string, SymbolRefs>();
  private readonly wall: () => number;
  private readonly stale: StaleTracker;
  private timer: NodeJS.Timeout | undefined;
  /** One-shot timer for the moment the next flush falls due (see kick). */
  private dueTimer: NodeJS.Timeout | undefined;
  private readonly inFlight = new Set<Promise<unknown>>();
  private running = false;
  private lastStartAt = -Infinity;
  private lastMetricsAt: number;
  private lastStatusAt = -Infinity;
  private staleCleared = false;
  private failures = 0;
  private lastFailureLog = -Infinity;

  constructor(private readonly deps: WriterDeps) {
    this.wall = deps.wall ?? (() => performance.now());
    for (const f of deps.state.feedList) this.refs.set(f.symbol, symbolRefs(f.symbol));
    this.lastMetricsAt = this.wall();
    this.stale = new StaleTracker(deps.state.settings.staleAfterMs, this.lastMetricsAt);
  }

  start(): void {
    this.running = true;
    this.timer = setInterval(() => this.kick(), this.deps.state.settings.flushIntervalMs);
    this.run();
  }

  /** Stops the loop, waits for the flushes in flight, then writes everything still pending (status included). */
  async stop(): Promise<void> {
    this.running = false;
    clearInterval(this.timer);
    clearTimeout(this.dueTimer);
    this.dueTimer = undefined;
    await Promise.all([...this.inFlight]);
    await this.flush(true);
  }

  private run(): void {
    this.lastStartAt = this.wall();
    const p: Promise<unknown> = this.flush(false).finally(() => {
      this.inFlight.delete(p);
      // Changes that arrived while MAX_IN_FLIGHT flushes were waiting go out now if they are due, not a timer tick later.
      this.kick();
    });
    this.inFlight.add(p);
  }

  /**
   * Starts the next flush if it is due and MAX_IN_FLIGHT allows: from the timer, from the socket read
   * path (a busy loop flushes on time even when its timers run late) and when a flush is acknowledged.
   * A flush not yet due gets a one-shot timer for the exact moment it is: a periodic check alone would
   * find it a fraction of a millisecond early (timers fire on a millisecond clock) and let it wait a
   * whole extra interval. A second flush may be built while the previous one waits for Redis: both go
   * down the same connection, so Redis applies them in order.
   */
  kick(): void {
    if (!this.running || this.inFlight.size >= MAX_IN_FLIGHT) return;
    const wait = this.lastStartAt + this.deps.state.settings.flushIntervalMs - this.wall();
    if (wait <= 0) {
      this.run();
    } else if (this.dueTimer === undefined) {
      this.dueTimer = setTimeout(() => {
        this.dueTimer = undefined;
        this.kick();
      }, Math.ceil(wait));
    }
  }

  /** One flush; never throws (a failed batch is counted and logged, the loop goes on). */
  async flush(final: boolean): Promise<FlushStats> {
    const { state, store, clock } = this.deps;
    const settings = state.settings;
    const wallNow = this.wall();
    const clockNow = clock.now();
    const statusDue = final || wallNow - this.lastStatusAt >= settings.statusRefreshMs;
    const content = collectFlush(state, clockNow, wallNow, settings, statusDue);
    const batch = store.batch();
    const queue = (what: string, fn: () => unknown) => {
      try {
        fn();
      } catch (err) {
        state.reject('schema', what, err instanceof Error ? err.message : String(err));
      }
    };

    for (const w of content.symbols) this.queueSymbol(batch, w, clockNow, queue);
    for (const o of content.options) {
      const key = ibkrOptionQuote.at({ contract: o.occ });
      queue(o.occ, () => batch.set(key, o.quote));
      queue(o.occ, () =>
        batch.xadd(eventsMarket.at(), {
          symbol: o.underlying,
          kind: 'option_quote',
          key: key.key,
          ts: clockNow,
        }),
      );
    }
    if (content.errors.length > 0)
      queue('errors', () => batch.push(monitoringIbkrErrors.at(), ...content.errors));
    if (content.status !== null) this.queueStatus(batch, content.status, queue);
    const metricsDue = final || wallNow - this.lastMetricsAt >= settings.metricsIntervalMs;
    if (metricsDue) {
      this.lastMetricsAt = wallNow;
      this.queueMonitoring(batch, wallNow, clockNow, queue);
    }

    const commands = batch.length;
    if (commands === 0) return { commands: 0, symbols: 0 };
    const built = this.wall();
    try {
      await batch.exec();
      const acked = this.wall();
      const m = state.metrics;
      for (const w of content.symbols) if (w.arrivals !== null) m.delivered(acked, w.arrivals);
      for (const o of content.options) if (o.arrivals !== null) m.delivered(acked, o.arrivals);
      m.flushed(commands, built - wallNow, acked - built);
      if (content.status !== null) this.lastStatusAt = wallNow;
      if (this.failures > 0)
        this.deps.logger.info({ failedFlushes: this.failures }, 'redis writes recovered');
      this.failures = 0;
    } catch (err) {
      this.onFailure(err, content);
    }
    return { commands, symbols: content.symbols.length };
  }

  private onFailure(err: unknown, content: FlushContent): void {
    const { state } = this.deps;
    state.metrics.flushFailures++;
    this.failures++;
    // Status and error records must not be lost; market data is superseded by the next flush anyway.
    if (content.status !== null) state.statusDirty = true;
    for (const e of content.errors) state.recordError(e);
    const now = this.wall();
    if (now - this.lastFailureLog >= 5_000) {
      this.lastFailureLog = now;
      const detail = err instanceof StoreBatchError ? err.failures.slice(0, 3) : undefined;
      this.deps.logger.error({ err, detail, failedFlushes: this.failures }, 'redis flush failed');
    }
  }

  private queueSymbol(
    batch: Batch,
    w: SymbolWrites,
    clockNow: number,
    queue: (what: string, fn: () => unknown) => void,
  ): void {
    const r = this.refs.get(w.symbol);
    if (r === undefined) return;
    const s = w.symbol;
    // Market values are built by the core from decoded, quality-checked input (finite, positive, within
    // the band, books neither crossed nor locked) with the registry's own types, so they are written
    // without a second schema parse (Batch.setPrevalidated); the ingestion tests hold every value written
    // to its registry schema, and readers validate as always. Rare values (detections, events) are parsed.
    if (w.book !== undefined) queue(s, () => batch.setPrevalidated(r.book, w.book!));
    if (w.ticker !== undefined) queue(s, () => batch.setPrevalidated(r.ticker, w.ticker!));
    if (w.spread !== undefined) queue(s, () => batch.setPrevalidated(r.spread, w.spread!));
    if (w.imbalance !== undefined) queue(s, () => batch.setPrevalidated(r.imbalance, w.imbalance!));
    if (w.raw !== undefined) queue(s, () => batch.setPrevalidated(r.raw, w.raw!));
    if (w.last !== undefined) queue(s, () => batch.setPrevalidated(r.last, w.last!));
    if (w.trades.length > 0) queue(s, () => batch.pushPrevalidated(r.trades, w.trades));
    if (w.bars.length > 0) queue(s, () => batch.pushPrevalidated(r.bars, w.bars));
    if (w.deltas.length > 0) queue(s, () => batch.pushPrevalidated(r.deltas, w.deltas));
    if (w.snapshot !== undefined) {
      queue(s, () => batch.pushPrevalidated(r.snapshots, [w.snapshot!]));
      queue(s, () => batch.setPrevalidated(r.rawDepth, w.snapshot!));
    }
    if (w.sweep !== undefined) queue(s, () => batch.set(r.sweep, w.sweep!));
    if (w.unusual !== undefined) queue(s, () => batch.set(r.unusual, w.unusual!));
    if (w.timestamp !== undefined) queue(s, () => batch.set(r.timestamp, w.timestamp!));
    const kind = w.changes[0];
    if (kind !== undefined) {
      queue(s, () =>
        batch.xadd(eventsMarket.at(), {
          symbol: s,
          kind,
          key: keyOfChange(r, kind),
          ts: clockNow,
          changes: w.changes,
        }),
      );
    }
  }

  private queueStatus(
    batch: Batch,
    status: NonNullable<FlushContent['status']>,
    queue: (what: string, fn: () => unknown) => void,
  ): void {
    queue('connection status', () => batch.set(ibkrConnected.at(), status.connected));
    if (status.account !== null) queue('account', () => batch.set(ibkrAccount.at(), status.account!));
    else batch.del(ibkrAccount.at());
  }

  private queueMonitoring(
    batch: Batch,
    wallNow: number,
    clockNow: number,
    queue: (what: string, fn: () => unknown) => void,
  ): void {
    const { state } = this.deps;
    const snapshot = state.metrics.snapshot(wallNow, clockNow);
    queue('metrics', () => batch.hsetMany(monitoringIbkrMetrics.at(), snapshot));
    const staleRef = monitoringDataStale.at();
    if (!this.staleCleared) {
      this.staleCleared = true;
      const fields = StaleTracker.fieldsFor(state.feedList);
      if (fields.length > 0) batch.hdel(staleRef, ...fields);
    }
    const report = this.stale.evaluate(state.feedList, isMarketOpen(clockNow), wallNow, clockNow);
    if (Object.keys(report.stale).length > 0) queue('stale', () => batch.hsetMany(staleRef, report.stale));
    if (report.clear.length > 0) batch.hdel(staleRef, ...report.clear);
  }
}
