// Counts of every /query call served: per function, per key, per fault and by outcome.
export interface AvSimStats {
  total: number;
  byFunction: Record<string, number>;
  byKey: Record<string, number>;
  /** Faults applied (injected ones), by kind. */
  byFault: Record<string, number>;
  /** Answers refused by the per-key rate limit. */
  rateLimited: number;
  /** `Error Message` answers the simulator gave on its own (missing key, unknown function, bad parameters). */
  errorMessages: number;
}

const bump = (m: Record<string, number>, k: string): void => {
  m[k] = (m[k] ?? 0) + 1;
};

export class StatsCounter {
  private s: AvSimStats = StatsCounter.empty();

  private static empty(): AvSimStats {
    return { total: 0, byFunction: {}, byKey: {}, byFault: {}, rateLimited: 0, errorMessages: 0 };
  }

  call(fn: string, key: string): void {
    this.s.total++;
    bump(this.s.byFunction, fn === '' ? '(none)' : fn);
    bump(this.s.byKey, key === '' ? '(none)' : key);
  }

  fault(kind: string): void {
    bump(this.s.byFault, kind);
  }

  rateLimited(): void {
    this.s.rateLimited++;
  }

  errorMessage(): void {
    this.s.errorMessages++;
  }

  snapshot(): AvSimStats {
    return structuredClone(this.s);
  }

  reset(): void {
    this.s = StatsCounter.empty();
  }
}
