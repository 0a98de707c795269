// This process's Alpha Vantage calls of the rolling minute by function, and the optional pulls it
// skipped because the budget was short, for monitoring:api:av:calls.
export class CallCounter {
  private calls: { at: number; fn: string }[] = [];
  private skippedTotal = 0;

  constructor(readonly windowMs = 60_000) {}

  call(at: number, fn: string): void {
    this.calls.push({ at, fn });
  }

  skip(): void {
    this.skippedTotal += 1;
  }

  get skipped(): number {
    return this.skippedTotal;
  }

  /** Calls in (now − window, now] by function. */
  byFunction(now: number): Record<string, number> {
    const cutoff = now - this.windowMs;
    let drop = 0;
    while (drop < this.calls.length && (this.calls[drop] as { at: number }).at <= cutoff) drop++;
    if (drop > 0) this.calls.splice(0, drop);
    const out: Record<string, number> = {};
    for (const c of this.calls) if (c.at <= now) out[c.fn] = (out[c.fn] ?? 0) + 1;
    return out;
  }
}
