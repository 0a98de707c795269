// Recent trade flow of one symbol: aggressor sides (Lee–Ready: quote rule, tick rule at the mid), the
// tape window the trade-pattern score is taken over, and the window of book imbalances whose dispersion
// is the OBI-volatility component of flow toxicity.
import type { TapeTrade, TradeSide } from '@alphatrader/quant';

/** Ring buffer of the last `capacity` items, oldest first on read. */
export class Ring<T> {
  private readonly items: T[] = [];
  private head = 0;

  constructor(readonly capacity: number) {}

  push(item: T): void {
    if (this.items.length < this.capacity) {
      this.items.push(item);
      return;
    }
    this.items[this.head] = item;
    this.head = (this.head + 1) % this.capacity;
  }

  get length(): number {
    return this.items.length;
  }

  /** Items oldest first. */
  toArray(): T[] {
    if (this.head === 0) return this.items.slice();
    return [...this.items.slice(this.head), ...this.items.slice(0, this.head)];
  }

  /** The newest n items, oldest first. */
  tail(n: number): T[] {
    const len = this.items.length;
    const k = Math.min(n, len);
    const out = new Array<T>(k);
    const start = (this.head + len - k) % Math.max(1, len);
    for (let i = 0; i < k; i++) out[i] = this.items[(start + i) % len]!;
    return out;
  }

  /** The item the next push will overwrite when full (the oldest). */
  oldest(): T | undefined {
    return this.items.length < this.capacity ? this.items[0] : this.items[this.head];
  }

  last(): T | undefined {
    if (this.items.length === 0) return undefined;
    return this.items[(this.head + this.items.length - 1) % this.items.length];
  }

  clear(): void {
    this.items.length = 0;
    this.head = 0;
  }
}

/**
 * Aggressor side of each print (Lee–Ready): at or above the ask a buy, at or below the bid a sell; inside
 * the spread above the mid a buy, below it a sell; at the mid (or without a quote) the tick rule, a zero
 * tick keeping the previous side.
 */
export class SideClassifier {
  private lastPrice: number | null = null;
  private lastSide: TradeSide = 'buy';

  classify(price: number, quote: { bid: number; ask: number } | null): TradeSide {
    let side: TradeSide | null = null;
    if (quote !== null) {
      if (price >= quote.ask) side = 'buy';
      else if (price <= quote.bid) side = 'sell';
      else {
        const mid = (quote.bid + quote.ask) / 2;
        if (price > mid) side = 'buy';
        else if (price < mid) side = 'sell';
      }
    }
    if (side === null && this.lastPrice !== null) {
      if (price > this.lastPrice) side = 'buy';
      else if (price < this.lastPrice) side = 'sell';
    }
    side ??= this.lastSide;
    this.lastPrice = price;
    this.lastSide = side;
    return side;
  }
}

/**
 * The last imbalances and their dispersion (sample standard deviation), kept with running sums so each
 * update is O(1); the sums are rebuilt exactly once per window so rounding cannot accumulate.
 */
export class ObiWindow {
  private readonly ring: Ring<number>;
  private sum = 0;
  private sumSq = 0;
  private sinceRebuild = 0;

  constructor(capacity: number) {
    this.ring = new Ring(capacity);
  }

  push(obi: number): void {
    if (this.ring.length === this.ring.capacity) {
      const old = this.ring.oldest()!;
      this.sum -= old;
      this.sumSq -= old * old;
    }
    this.ring.push(obi);
    this.sum += obi;
    this.sumSq += obi * obi;
    if (++this.sinceRebuild >= this.ring.capacity) this.rebuild();
  }

  get length(): number {
    return this.ring.length;
  }

  values(): number[] {
    return this.ring.toArray();
  }

  /** Mean of the window, null when empty. */
  mean(): number | null {
    return this.ring.length === 0 ? null : this.sum / this.ring.length;
  }

  /** Null with fewer than 2 updates. OBI lies in [−1, 1]; the result is capped at 1. */
  volatility(): number | null {
    const n = this.ring.length;
    if (n < 2) return null;
    const variance = Math.max(0, (this.sumSq - (this.sum * this.sum) / n) / (n - 1));
    return Math.min(1, Math.sqrt(variance));
  }

  private rebuild(): void {
    this.sinceRebuild = 0;
    this.sum = 0;
    this.sumSq = 0;
    for (const v of this.ring.toArray()) {
      this.sum += v;
      this.sumSq += v * v;
    }
  }
}

export type { TapeTrade };
