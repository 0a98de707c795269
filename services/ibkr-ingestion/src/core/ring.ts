// A fixed-capacity FIFO for market data waiting to be flushed. Memory is bounded whatever the burst: when
// full, the oldest item is dropped (market data only — a newer print or delta supersedes an older one for
// every reader) and the drop is counted so monitoring can see it.
export class DropOldestRing<T> {
  private readonly items: (T | undefined)[];
  private head = 0;
  private count = 0;
  /** Items dropped because the ring was full, since creation. */
  dropped = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1)
      throw new Error(`ring capacity must be ≥ 1, got ${capacity}`);
    this.items = new Array<T | undefined>(capacity);
  }

  get size(): number {
    return this.count;
  }

  /** Appends; returns true when the oldest item had to be dropped to make room. */
  push(item: T): boolean {
    const tail = (this.head + this.count) % this.capacity;
    this.items[tail] = item;
    if (this.count < this.capacity) {
      this.count++;
      return false;
    }
    this.head = (this.head + 1) % this.capacity;
    this.dropped++;
    return true;
  }

  /** Removes and returns everything, oldest first. */
  drain(): T[] {
    const out = new Array<T>(this.count);
    for (let i = 0; i < this.count; i++) {
      const j = (this.head + i) % this.capacity;
      out[i] = this.items[j] as T;
      this.items[j] = undefined;
    }
    this.head = 0;
    this.count = 0;
    return out;
  }

  /** Oldest-first view without removing (for rolling windows). */
  *values(): IterableIterator<T> {
    for (let i = 0; i < this.count; i++) yield this.items[(this.head + i) % this.capacity] as T;
  }

  /** Newest item, if any. */
  last(): T | undefined {
    return this.count === 0 ? undefined : this.items[(this.head + this.count - 1) % this.capacity];
  }

  clear(): void {
    this.items.fill(undefined);
    this.head = 0;
    this.count = 0;
  }
}
