// Per-key work coalescing: marks accumulate while a key is being processed, and each key runs on its own
// chain, so a slow or failing symbol never delays another and a burst of events costs one update.

export type Processor<K> = (key: string, dirty: ReadonlySet<K>) => Promise<void>;

export class CoalescingScheduler<K> {
  private readonly dirty = new Map<string, Set<K>>();
  private readonly running = new Map<string, Promise<void>>();
  private closed = false;

  constructor(
    private readonly process: Processor<K>,
    private readonly onError: (key: string, err: unknown) => void,
  ) {}

  /** Notes that `what` changed for `key` and makes sure the key gets processed. */
  mark(key: string, what: K): void {
    if (this.closed) return;
    let set = this.dirty.get(key);
    if (set === undefined) {
      set = new Set();
      this.dirty.set(key, set);
    }
    set.add(what);
    if (!this.running.has(key)) this.running.set(key, this.drain(key));
  }

  /** Keys with work in progress or pending. */
  get busy(): number {
    return this.running.size;
  }

  /** Resolves once nothing is running or pending. */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running.values()]);
  }

  /** Stops accepting marks and waits for the work in progress. */
  async close(): Promise<void> {
    this.closed = true;
    await this.idle();
  }

  private async drain(key: string): Promise<void> {
    // Let the marks of the same read batch accumulate before the first run.
    await Promise.resolve();
    try {
      for (;;) {
        const set = this.dirty.get(key);
        if (set === undefined || set.size === 0) break;
        this.dirty.delete(key);
        try {
          await this.process(key, set);
        } catch (err) {
          this.onError(key, err);
        }
      }
    } finally {
      this.running.delete(key);
    }
  }
}
