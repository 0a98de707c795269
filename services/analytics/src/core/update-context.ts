// Collects what one symbol update produced: outputs, deletions, alerts (through the cooldown) and the
// runs of each job with their duration and failure.
import { QuantInputError } from '@alphatrader/quant';
import type { AnalyticsAlert } from '@alphatrader/shared';
import type { AlertCooldown } from './anomalies';
import type { AlertKind, JobName, Output, OutputKind, UpdateResult } from './types';

export class UpdateContext implements UpdateResult {
  readonly outputs: Output[] = [];
  readonly cleared: Exclude<OutputKind, 'bars'>[] = [];
  readonly alerts: AnalyticsAlert[] = [];
  readonly jobs: UpdateResult['jobs'] = [];

  constructor(
    readonly now: number,
    readonly symbol: string,
    private readonly cooldown: AlertCooldown,
  ) {}

  emit(output: Output): void {
    this.outputs.push(output);
  }

  clear(...kinds: Exclude<OutputKind, 'bars'>[]): void {
    for (const k of kinds) if (!this.cleared.includes(k)) this.cleared.push(k);
  }

  alert(kind: AlertKind, message: string, value: number | null = null): void {
    if (!this.cooldown.allow(this.symbol, kind, this.now)) return;
    const v = value !== null && Number.isFinite(value) ? value : null;
    this.alerts.push({ kind, symbol: this.symbol, message, value: v, ts: this.now });
  }

  /**
   * Runs one job: times it and records the run. A QuantInputError means an impossible input (alerted, the
   * job's outputs deleted); any other error is a failure of the job itself (recorded, outputs deleted).
   */
  run(job: JobName, outputs: readonly Exclude<OutputKind, 'bars'>[], fn: () => void): void {
    const t0 = performance.now();
    try {
      fn();
      this.jobs.push({ job, ok: true, durationMs: performance.now() - t0, error: null });
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      this.jobs.push({ job, ok: false, durationMs: performance.now() - t0, error: message });
      if (err instanceof QuantInputError) this.alert('impossible_value', `${job}: ${message}`);
      this.clear(...outputs);
    }
  }
}

/** Age of an input in ms at `now`, never negative (clocks of different hosts may disagree slightly). */
export function ageMs(now: number, ts: number): number {
  return Math.max(0, now - ts);
}

/** 1 for a brand-new input, falling linearly to 0 at maxAgeMs. */
export function freshness(ageMs: number, maxAgeMs: number): number {
  return maxAgeMs > 0 ? Math.max(0, Math.min(1, 1 - ageMs / maxAgeMs)) : 0;
}
