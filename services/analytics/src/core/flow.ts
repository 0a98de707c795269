// Recent trade flow of one symbol: aggressor sides (Lee–Ready: quote rule, tick rule at the mid), the
// tape window the trade-pattern score is taken over, and the window of book imbalances whose dispersion
// is the OBI-volatility component of flow toxicity.
import { sampleStdDev, type TapeTrade, type TradeSide } from '@alphatrader/quant';

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

/** Dispersion of the level-1 imbalance over the last updates: sample standard deviation, in [0, 1]. */
export class ObiWindow {
  private readonly ring: Ring<number>;

  constructor(capacity: number) {
    this.ring = new Ring(capacity);
  }

  push(obi: number): void {
    this.ring.push(obi);
  }

  get length(): number {
    return this.ring.length;
  }

  values(): number[] {
    return this.ring.toArray();
  }

  /** Null with fewer than 2 updates. OBI lies in [−1, 1], so its standard deviation lies in [0, 1]. */
  volatility(): number | null {
    if (this.ring.length < 2) return null;
    const sd = sampleStdDev(this.ring.toArray());
    return sd === null ? null : Math.min(1, sd);
  }
}

export type { TapeTrade };
