// VPIN (Easley, López de Prado, O'Hara 2012): volume-synchronised probability of informed trading.
//
// Buckets: trades fill buckets of exactly `bucketVolume` shares in trade order; a trade larger than the room
// left spills its remainder into the next bucket(s) with the same label, so one trade can close several
// buckets. VPIN at the close of bucket t = Σ_{τ=t−n+1..t} |V_τ^B − V_τ^S| / (n·V), n = `window`; null
// until n buckets have closed.
//
// Classification (prices are compared in integer ticks, round(price / tickSize), to avoid float noise):
// - 'tick': buy if the price rose versus the previous trade, sell if it fell, a zero tick keeps the previous
//   label. The first trade is compared with `initialPrice` when given; until the first non-zero tick the
//   label is unknown and that volume is split half buy, half sell (it carries no information).
// - 'bvc' (bulk volume classification, applied per volume bucket): ΔP_τ = closing price of bucket τ (the
//   price of the trade that filled it) minus that of bucket τ−1, in ticks; bucket 1 is measured from
//   `initialPrice`, or from the first trade's price when none is given. At each close, σ = sample standard
//   deviation (n − 1) of the ΔP of the n buckets in the window, every bucket in the window gets buy share
//   Φ(ΔP_τ/σ) (all re-scored with the same σ), so |V^B − V^S|/V = |2Φ(ΔP_τ/σ) − 1|; σ = 0 means no price
//   change in the window and VPIN 0.
import { normCdf } from './normal';
import { QuantInputError, requireArray, requireInteger, requireNonNegative, requirePositive } from './errors';

export type VpinClassification = 'tick' | 'bvc';

export interface VpinTrade {
  /** Trade price ($, > 0). */
  price: number;
  /** Trade size (shares, ≥ 0; 0 updates the price reference only). */
  size: number;
}

export interface VpinOptions {
  /** Shares per volume bucket V (seed: 1,000; discovery minimum 50). */
  bucketVolume: number;
  /** Buckets per VPIN value n (seed: 50). */
  window: number;
  classification: VpinClassification;
  /** Price before the first trade: the tick-rule and BVC reference. */
  initialPrice?: number;
  /** Tick size for integer-tick price comparison ($, default 0.01). */
  tickSize?: number;
  /** Bucket count above which a value counts as confident (seed 004: 30). */
  confidentAfter?: number;
}

/** Snapshot of a VpinCalculator, JSON-friendly. */
export interface VpinState {
  /** VPIN at the last bucket close in [0, 1], null until `window` buckets exist. */
  value: number | null;
  /** Buckets closed so far. */
  bucketCount: number;
  window: number;
  bucketVolume: number;
  classification: VpinClassification;
  /** Shares in the open (not yet closed) bucket. */
  openBucketVolume: number;
  /** min(1, bucketCount / window). */
  confidence: number;
  /** bucketCount > confidentAfter. */
  confident: boolean;
}

/**
 * Incremental VPIN for a live trade stream; produces exactly the values of vpinSeries for the same trades
 * and options (vpinSeries is this class run over an array). Units: value is a fraction in [0, 1].
 */
export class VpinCalculator {
  private readonly V: number;
  private readonly n: number;
  private readonly cls: VpinClassification;
  private readonly tickSize: number;
  private readonly confidentAfter: number;
  /** Previous trade price (tick rule) or previous bucket close (BVC), integer ticks. */
  private refTicks: number | null;
  private lastTicks: number | null = null;
  /** +1 buy, −1 sell, 0 unknown (split evenly). */
  private label: -1 | 0 | 1 = 0;
  private fill = 0;
  private buy = 0;
  private sell = 0;
  /** Ring of the last n buckets: |B − S| (tick rule) or ΔP in ticks (BVC). */
  private readonly ring: Float64Array;
  private count = 0;
  private current: number | null = null;

  constructor(opts: VpinOptions) {
    if (opts === null || typeof opts !== 'object') throw new QuantInputError('VPIN options are required');
    this.V = requirePositive('bucketVolume', opts.bucketVolume);
    this.cls = opts.classification;
    if (this.cls !== 'tick' && this.cls !== 'bvc') {
      throw new QuantInputError(
        `classification must be 'tick' or 'bvc' (got ${String(opts.classification)})`,
      );
    }
    this.n = requireInteger('window', opts.window, this.cls === 'bvc' ? 2 : 1);
    this.tickSize = requirePositive('tickSize', opts.tickSize ?? 0.01);
    this.confidentAfter = requireNonNegative('confidentAfter', opts.confidentAfter ?? 30);
    this.refTicks =
      opts.initialPrice === undefined
        ? null
        : this.toTicks(requirePositive('initialPrice', opts.initialPrice));
    this.ring = new Float64Array(this.n);
  }

  /**
   * Adds one trade. Returns the number of buckets it closed (0 when it only filled the open bucket).
   * @throws QuantInputError on a non-positive price or a negative or non-finite size.
   */
  push(trade: VpinTrade): number {
    return this.add(trade, null);
  }

  /** Adds trades in order; returns the number of buckets they closed. */
  pushAll(trades: readonly VpinTrade[]): number {
    let closed = 0;
    for (const t of trades) closed += this.add(t, null);
    return closed;
  }

  /** VPIN at the last bucket close, null until `window` buckets exist. */
  get value(): number | null {
    return this.current;
  }

  /** Buckets closed so far. */
  get bucketCount(): number {
    return this.count;
  }

  /** min(1, bucketCount / window): how much of the window is backed by real buckets. */
  get confidence(): number {
    return Math.min(1, this.count / this.n);
  }

  /** True once more than `confidentAfter` (default 30) buckets have closed. */
  get confident(): boolean {
    return this.count > this.confidentAfter;
  }

  state(): VpinState {
    return {
      value: this.current,
      bucketCount: this.count,
      window: this.n,
      bucketVolume: this.V,
      classification: this.cls,
      openBucketVolume: this.fill,
      confidence: this.confidence,
      confident: this.confident,
    };
  }

  /** @internal Adds a trade, appending the value at each bucket it closes to `out` when given. */
  add(trade: VpinTrade, out: (number | null)[] | null): number {
    if (trade === null || typeof trade !== 'object') throw new QuantInputError('trade must be an object');
    const ticks = this.toTicks(requirePositive('trade.price', trade.price));
    let remaining = requireNonNegative('trade.size', trade.size);

    if (this.cls === 'tick') {
      const ref = this.lastTicks ?? this.refTicks;
      if (ref !== null) {
        if (ticks > ref) this.label = 1;
        else if (ticks < ref) this.label = -1;
      }
    } else if (this.refTicks === null) {
      this.refTicks = ticks; // BVC without initialPrice: the first bucket is measured from the first trade
    }
    this.lastTicks = ticks;

    let closed = 0;
    while (remaining > 0) {
      if (out === null && this.fill === 0 && remaining >= (this.n + 1) * this.V) {
        // A huge print fills more than a window of identical buckets: those beyond the last n would roll
        // out of the window unseen, so count them without the loop (same label; BVC: ΔP = 0 after the
        // first, i.e. the reference moves to this price). Keeps a bad print from stalling the stream.
        const skip = Math.floor(remaining / this.V) - this.n;
        this.count += skip;
        closed += skip;
        remaining -= skip * this.V;
        if (this.cls === 'bvc') this.refTicks = ticks;
      }
      const room = this.V - this.fill;
      const take = remaining >= room ? room : remaining;
      if (this.label === 1) this.buy += take;
      else if (this.label === -1) this.sell += take;
      else {
        this.buy += take / 2;
        this.sell += take / 2;
      }
      remaining -= take;
      if (take === room) {
        this.closeBucket(ticks);
        closed++;
        out?.push(this.current);
      } else {
        this.fill += take;
      }
    }
    return closed;
  }

  private closeBucket(closeTicks: number): void {
    const slot = this.count % this.n;
    if (this.cls === 'tick') {
      this.ring[slot] = Math.abs(this.buy - this.sell);
    } else {
      this.ring[slot] = closeTicks - (this.refTicks ?? closeTicks);
      this.refTicks = closeTicks;
    }
    this.count++;
    this.fill = 0;
    this.buy = 0;
    this.sell = 0;
    this.current = this.count >= this.n ? this.windowValue() : null;
  }

  /** Recomputed from the ring at every close (n terms), so no running-sum drift accumulates. */
  private windowValue(): number {
    const n = this.n;
    if (this.cls === 'tick') {
      let sum = 0;
      for (let i = 0; i < n; i++) sum += this.ring[i]!;
      return Math.min(1, sum / (n * this.V));
    }
    let mean = 0;
    for (let i = 0; i < n; i++) mean += this.ring[i]!;
    mean /= n;
    let ss = 0;
    for (let i = 0; i < n; i++) {
      const dev = this.ring[i]! - mean;
      ss += dev * dev;
    }
    const sigma = Math.sqrt(ss / (n - 1));
    if (!(sigma > 0)) return 0;
    let sum = 0;
    for (let i = 0; i < n; i++) sum += Math.abs(2 * normCdf(this.ring[i]! / sigma) - 1);
    return Math.min(1, sum / n);
  }

  private toTicks(price: number): number {
    return Math.round(price / this.tickSize);
  }
}

/**
 * VPIN series: one value per closed volume bucket, in bucket order; null until `window` buckets exist,
 * then Σ|V^B − V^S| / (n·V) over the last n buckets, a fraction in [0, 1]. See the file header for the
 * exact tick-rule and BVC classification.
 * @throws QuantInputError on invalid options, a non-positive price or a negative or non-finite size.
 */
export function vpinSeries(trades: readonly VpinTrade[], opts: VpinOptions): (number | null)[] {
  requireArray('trades', trades);
  const calc = new VpinCalculator(opts);
  const out: (number | null)[] = [];
  for (const t of trades) calc.add(t, out);
  return out;
}
