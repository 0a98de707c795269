// Per-API-key limit on calls in any rolling 60 s, as a premium plan enforces it. Only accepted calls
// count: a refused call does not push the window further.
export class RollingRateLimiter {
  private readonly windows = new Map<string, number[]>();

  constructor(
    private limit: number,
    private readonly windowMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records a call for `key` and returns true, or returns false when the key is over its limit. */
  tryTake(key: string): boolean {
    if (!Number.isFinite(this.limit)) return true;
    const t = this.now();
    let w = this.windows.get(key);
    if (w === undefined) {
      w = [];
      this.windows.set(key, w);
    }
    const cutoff = t - this.windowMs;
    let drop = 0;
    while (drop < w.length && (w[drop] as number) <= cutoff) drop++;
    if (drop > 0) w.splice(0, drop);
    if (w.length >= this.limit) return false;
    w.push(t);
    return true;
  }

  /** Calls still allowed for `key` in the current window. */
  remaining(key: string): number {
    const cutoff = this.now() - this.windowMs;
    const used = (this.windows.get(key) ?? []).filter((t) => t > cutoff).length;
    return Math.max(0, this.limit - used);
  }

  setLimit(callsPerMinute: number): void {
    this.limit = callsPerMinute;
  }

  get callsPerMinute(): number {
    return this.limit;
  }

  reset(): void {
    this.windows.clear();
  }
}
