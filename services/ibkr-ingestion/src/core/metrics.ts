// Feed metrics aggregated in memory and published as one flat hash (monitoring:ibkr:metrics, one number
// per field): rates over the last interval, totals since start, rejections by reason and drops by buffer.
import type { Arrivals } from './arrivals';
import { LatencyHistogram } from './histogram';
import type { RejectReason } from './quality';

export type DropBuffer = 'trades' | 'depth_deltas' | 'bars' | 'errors';

export class FeedMetrics {
  /** Market-data messages received (ticks, depth rows, prints, bars), since start. */
  messages = 0;
  reconnects = 0;
  flushes = 0;
  flushFailures = 0;
  /** Redis commands sent by flushes, since start. */
  commands = 0;
  readonly invalid = new Map<RejectReason, number>();
  invalidTotal = 0;
  readonly dropped = new Map<DropBuffer, number>();
  droppedTotal = 0;
  /** Tick→Redis: arrival of each update → Redis acknowledgement of the flush holding it (since start, and this interval). */
  readonly latency = new LatencyHistogram();
  readonly intervalLatency = new LatencyHistogram();
  /** The same for the oldest update only, once per symbol and flush (how long a key lagged at worst). */
  readonly oldestLatency = new LatencyHistogram();
  private readonly intervalOldest = new LatencyHistogram();
  /** Per flush: time to assemble the batch, and time until Redis acknowledged it (since start, and this interval). */
  readonly buildTime = new LatencyHistogram();
  readonly redisTime = new LatencyHistogram();
  private readonly intervalBuild = new LatencyHistogram();
  private readonly intervalRedis = new LatencyHistogram();
  subscriptions = 0;
  connected = 0;

  private lagSum = 0;
  private lagCount = 0;
  private lagMax = 0;
  private intervalStart: number;
  private intervalMessages = 0;

  constructor(now: number) {
    this.intervalStart = now;
  }

  reject(reason: RejectReason, n = 1): void {
    this.invalid.set(reason, (this.invalid.get(reason) ?? 0) + n);
    this.invalidTotal += n;
  }

  drop(buffer: DropBuffer, n = 1): void {
    if (n <= 0) return;
    this.dropped.set(buffer, (this.dropped.get(buffer) ?? 0) + n);
    this.droppedTotal += n;
  }

  /** Source-to-receipt delay of a message that carries a source time (ms in market time). */
  lag(ms: number): void {
    if (!Number.isFinite(ms)) return;
    this.lagSum += ms;
    this.lagCount++;
    if (ms > this.lagMax) this.lagMax = ms;
  }

  flushed(commands: number, buildMs = 0, redisMs = 0): void {
    this.flushes++;
    this.commands += commands;
    this.buildTime.record(buildMs);
    this.redisTime.record(redisMs);
    this.intervalBuild.record(buildMs);
    this.intervalRedis.record(redisMs);
  }

  /** The updates of one key group (a symbol, an option) were acknowledged by Redis at `ackedAt`. */
  delivered(ackedAt: number, arrivals: Arrivals): void {
    const { times, counts } = arrivals;
    for (let i = 0; i < times.length; i++) {
      const ms = ackedAt - times[i]!;
      this.latency.record(ms, counts[i]);
      this.intervalLatency.record(ms, counts[i]);
    }
    const oldest = times[0];
    if (oldest !== undefined) {
      this.oldestLatency.record(ackedAt - oldest);
      this.intervalOldest.record(ackedAt - oldest);
    }
  }

  /** The hash fields for this interval; starts the next interval. `now` is a monotonic wall time (ms). */
  snapshot(now: number, ts: number): Record<string, number> {
    const seconds = Math.max(1e-3, (now - this.intervalStart) / 1000);
    const received = this.messages - this.intervalMessages;
    const out: Record<string, number> = {
      messagesPerSecond: Math.round(received / seconds),
      messages: this.messages,
      lagMs: this.lagCount > 0 ? Math.round(this.lagSum / this.lagCount) : 0,
      lagMaxMs: Math.round(this.lagMax),
      latencyP50Ms: round3(this.intervalLatency.quantile(0.5)),
      latencyP99Ms: round3(this.intervalLatency.quantile(0.99)),
      latencyMaxMs: round3(this.intervalLatency.max),
      latencyOldestP99Ms: round3(this.intervalOldest.quantile(0.99)),
      flushBuildP99Ms: round3(this.intervalBuild.quantile(0.99)),
      flushRedisP99Ms: round3(this.intervalRedis.quantile(0.99)),
      reconnects: this.reconnects,
      connected: this.connected,
      subscriptions: this.subscriptions,
      flushes: this.flushes,
      flushFailures: this.flushFailures,
      commands: this.commands,
      invalid: this.invalidTotal,
      dropped: this.droppedTotal,
      ts,
    };
    for (const [reason, n] of this.invalid) out[`invalid_${reason}`] = n;
    for (const [buffer, n] of this.dropped) out[`dropped_${buffer}`] = n;
    this.intervalStart = now;
    this.intervalMessages = this.messages;
    this.lagSum = 0;
    this.lagCount = 0;
    this.lagMax = 0;
    this.intervalLatency.reset();
    this.intervalOldest.reset();
    this.intervalBuild.reset();
    this.intervalRedis.reset();
    return out;
  }
}

const round3 = (x: number): number => Math.round(x * 1000) / 1000;
