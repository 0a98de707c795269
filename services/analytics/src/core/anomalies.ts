// Anomaly bookkeeping: the |GEX| shift detector (seed 004: |GEX| moving more than 20 % within 5 minutes
// is flagged anomaly:gex for downstream throttles) and a cooldown so one condition does not flood the
// capped alert list.

export interface GexShift {
  /** Relative change of |GEX| against the reference value, e.g. 0.25 = 25 %. */
  change: number;
  /** |GEX| it moved from, and when that was observed. */
  from: number;
  fromTs: number;
  to: number;
}

export class GexShiftDetector {
  private history: { ts: number; abs: number }[] = [];

  constructor(private readonly opts: { threshold: number; windowMs: number }) {}

  /**
   * Records |GEX| at `ts` and returns the largest relative shift against the values of the last windowMs
   * when it exceeds the threshold. After a shift fires the history restarts from the new value, so the
   * same move is reported once.
   */
  observe(ts: number, total: number): GexShift | null {
    const abs = Math.abs(total);
    const cutoff = ts - this.opts.windowMs;
    this.history = this.history.filter((h) => h.ts >= cutoff && h.ts <= ts);
    let best: GexShift | null = null;
    for (const h of this.history) {
      if (h.abs === 0) continue;
      const change = Math.abs(abs - h.abs) / h.abs;
      if (change > this.opts.threshold && (best === null || change > best.change)) {
        best = { change, from: h.abs, fromTs: h.ts, to: abs };
      }
    }
    if (best !== null) this.history = [];
    this.history.push({ ts, abs });
    return best;
  }
}

/** Lets a (symbol, kind) alert through at most once per cooldown. */
export class AlertCooldown {
  private readonly last = new Map<string, number>();

  constructor(private readonly cooldownMs: number) {}

  allow(symbol: string | null, kind: string, now: number): boolean {
    const id = `${symbol ?? '*'}\u0000${kind}`;
    const prev = this.last.get(id);
    if (prev !== undefined && now - prev < this.cooldownMs && now >= prev) return false;
    this.last.set(id, now);
    return true;
  }
}
