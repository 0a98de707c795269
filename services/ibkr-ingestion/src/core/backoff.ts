// Capped exponential reconnect backoff with "equal jitter": attempt n waits between half and all of
// min(max, initial × 2ⁿ), so a fleet of clients restarted together spreads out instead of stampeding.

export class Backoff {
  private attempt = 0;

  constructor(
    private readonly initialMs: number,
    private readonly maxMs: number,
    private readonly random: () => number = Math.random,
  ) {
    if (!(initialMs > 0) || !(maxMs >= initialMs)) throw new Error('backoff needs 0 < initialMs ≤ maxMs');
  }

  get attempts(): number {
    return this.attempt;
  }

  /** Delay before the next attempt (ms); each call counts one attempt. */
  next(): number {
    const ceiling = Math.min(this.maxMs, this.initialMs * 2 ** Math.min(this.attempt, 30));
    this.attempt++;
    return Math.round(ceiling / 2 + this.random() * (ceiling / 2));
  }

  reset(): void {
    this.attempt = 0;
  }
}
