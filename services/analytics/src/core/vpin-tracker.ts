// Live VPIN of one symbol: the quant package's incremental calculator fed trade by trade, rebuilt with the
// recent trades when discovery publishes a new bucket size, so the value never mixes bucket sizes.
import { VpinCalculator, type VpinClassification, type VpinTrade } from '@alphatrader/quant';

export interface VpinTrackerOptions {
  bucketVolume: number;
  window: number;
  classification: VpinClassification;
  /** Trades kept to rebuild the buckets after a bucket-size change. */
  historyTrades: number;
}

export class VpinTracker {
  private calc: VpinCalculator;
  private bucket: number;
  private readonly history: VpinTrade[] = [];
  private head = 0;

  constructor(private readonly opts: VpinTrackerOptions) {
    this.bucket = opts.bucketVolume;
    this.calc = this.newCalculator();
  }

  get bucketVolume(): number {
    return this.bucket;
  }

  get value(): number | null {
    return this.calc.value;
  }

  get buckets(): number {
    return this.calc.bucketCount;
  }

  /** min(1, buckets / window). */
  get confidence(): number {
    return this.calc.confidence;
  }

  get window(): number {
    return this.opts.window;
  }

  get classification(): VpinClassification {
    return this.opts.classification;
  }

  /** Adds trades in order; returns the number of buckets they closed. Throws QuantInputError on a bad trade. */
  push(trades: readonly VpinTrade[]): number {
    let closed = 0;
    for (const t of trades) {
      closed += this.calc.push(t);
      this.remember(t);
    }
    return closed;
  }

  /** Switches to a new bucket size and replays the remembered trades into fresh buckets; false if unchanged. */
  setBucketVolume(bucketVolume: number): boolean {
    if (bucketVolume === this.bucket) return false;
    this.bucket = bucketVolume;
    this.calc = this.newCalculator();
    const n = this.history.length;
    for (let i = 0; i < n; i++) this.calc.push(this.history[(this.head + i) % n]!);
    return true;
  }

  private newCalculator(): VpinCalculator {
    return new VpinCalculator({
      bucketVolume: this.bucket,
      window: this.opts.window,
      classification: this.opts.classification,
    });
  }

  private remember(t: VpinTrade): void {
    const entry = { price: t.price, size: t.size };
    if (this.history.length < this.opts.historyTrades) {
      this.history.push(entry);
      return;
    }
    this.history[this.head] = entry;
    this.head = (this.head + 1) % this.history.length;
  }
}
