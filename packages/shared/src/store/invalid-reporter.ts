// Counts and logs values rejected on read. A bad value usually stays in Redis until its writer
// replaces it, and a loop may read it many times a second: each key+reason is reported once per window
// so the counter measures bad values rather than read frequency, and the log is not flooded.
import type { Cluster, Redis } from 'ioredis';
import { monitoringDataInvalid } from '../registry/index';
import { asTarget } from './scripts';

export interface StoreLogger {
  warn(obj: object, msg?: string): void;
}

export interface InvalidReporterOptions {
  logger?: StoreLogger | undefined;
  service?: string | undefined;
  now: () => number;
  windowMs: number;
}

/** Remembered key+reason pairs are pruned past this many, oldest first. */
const MAX_REMEMBERED = 10_000;

export class InvalidReporter {
  private readonly lastReported = new Map<string, number>();

  constructor(
    private readonly redis: Redis | Cluster,
    private readonly opts: InvalidReporterOptions,
  ) {}

  /** Counts the rejection in monitoring:data:invalid and logs it, unless reported within the window. */
  async report(family: string, key: string, reason: string): Promise<void> {
    const now = this.opts.now();
    const id = `${key}\u0000${reason}`;
    const last = this.lastReported.get(id);
    if (last !== undefined && now - last < this.opts.windowMs) return;
    this.remember(id, now);
    this.opts.logger?.warn(
      { key, family, reason, ...(this.opts.service !== undefined ? { service: this.opts.service } : {}) },
      'rejected invalid value read from Redis',
    );
    try {
      await asTarget(this.redis).atStoreCountInvalid(monitoringDataInvalid.key(), family, reason, key, now);
    } catch {
      // Redis is failing: the read itself reports 'unavailable' next time; the log line above stands.
    }
  }

  private remember(id: string, now: number): void {
    this.lastReported.delete(id); // re-insert so Map order stays oldest-first
    this.lastReported.set(id, now);
    if (this.lastReported.size <= MAX_REMEMBERED) return;
    for (const oldest of this.lastReported.keys()) {
      this.lastReported.delete(oldest);
      if (this.lastReported.size <= MAX_REMEMBERED / 2) break;
    }
  }
}
