// Sweep detection on the tick-by-tick tape of a level-2 symbol: each print gets an aggressor side from
// the quote it met (at or above the ask = buy, at or below the bid = sell, else against the mid, else
// the tick rule), and quant's detectSweeps finds same-side runs through several levels or venues within
// the window. Detection runs at flush time over a bounded window of recent prints.
import { detectSweeps, type TapeTrade } from '@alphatrader/quant';
import { DropOldestRing } from './ring';

export interface SweepSettings {
  windowMs: number;
  minLevels: number;
  minVenues: number;
}

export interface SweepEvidence {
  side: 'buy' | 'sell';
  levels: number;
  venues: string[];
  totalSize: number;
  notional: number;
  startPrice: number;
  endPrice: number;
  durationMs: number;
  ts: number;
  trades: number;
  reason: 'levels' | 'venues' | 'levels_and_venues';
  /** Prints of the run that the tape itself flagged as intermarket sweep orders (condition F). */
  isoPrints: number;
}

interface TapePrint extends TapeTrade {
  iso: boolean;
}

/** Prints kept for detection; a sweep longer than this many prints is seen by its last part. */
const WINDOW_PRINTS = 512;
/** Detection runs at most this often per symbol (wall ms): a busy tape would otherwise rescan its window every flush. */
const DETECT_EVERY_MS = 100;

/** Aggressor side of a print against the prevailing quote (Lee–Ready quote rule, tick rule at the mid). */
export function aggressorSide(
  price: number,
  bid: number | null,
  ask: number | null,
  previousPrice: number | null,
  previousSide: 'buy' | 'sell',
): 'buy' | 'sell' {
  if (ask !== null && price >= ask) return 'buy';
  if (bid !== null && price <= bid) return 'sell';
  if (bid !== null && ask !== null) {
    const mid = (bid + ask) / 2;
    if (price > mid) return 'buy';
    if (price < mid) return 'sell';
  }
  if (previousPrice !== null) {
    if (price > previousPrice) return 'buy';
    if (price < previousPrice) return 'sell';
  }
  return previousSide;
}

export class SweepTracker {
  private readonly prints = new DropOldestRing<TapePrint>(WINDOW_PRINTS);
  private fresh = false;
  private lastDetectAt = -Infinity;
  private lastPrice: number | null = null;
  private lastSide: 'buy' | 'sell' = 'buy';
  private lastTs = -Infinity;
  private reported: { side: string; startTs: number; trades: number } | null = null;

  constructor(private readonly settings: SweepSettings) {}

  /** Records a print; `ts` is the arrival time (ms), kept monotonic here. */
  add(
    ts: number,
    price: number,
    size: number,
    venue: string | null,
    iso: boolean,
    bid: number | null,
    ask: number | null,
  ): void {
    const side = aggressorSide(price, bid, ask, this.lastPrice, this.lastSide);
    this.lastPrice = price;
    this.lastSide = side;
    const t = ts > this.lastTs ? ts : this.lastTs;
    this.lastTs = t;
    this.prints.push({ ts: t, price, size, side, venue: venue ?? undefined, iso });
    this.fresh = true;
  }

  /** Prints arrived that detection has not looked at yet. */
  get pending(): boolean {
    return this.fresh;
  }

  /**
   * The newest sweep touching prints added since the last detection, or null (also when already reported,
   * or when the last detection was less than DETECT_EVERY_MS ago — the prints stay pending).
   */
  detect(wallNow = Infinity): SweepEvidence | null {
    if (!this.fresh || wallNow - this.lastDetectAt < DETECT_EVERY_MS) return null;
    this.fresh = false;
    this.lastDetectAt = wallNow;
    const newest = this.prints.last();
    if (newest === undefined) return null;
    const window: TapePrint[] = [];
    for (const p of this.prints.values()) if (newest.ts - p.ts <= this.settings.windowMs) window.push(p);
    const sweeps = detectSweeps(window, {
      windowMs: this.settings.windowMs,
      minLevels: this.settings.minLevels,
      minVenues: this.settings.minVenues,
    });
    const s = sweeps[sweeps.length - 1];
    if (s === undefined) return null;
    const r = this.reported;
    if (r !== null && r.side === s.side && r.startTs === s.startTs && r.trades >= s.trades) return null;
    this.reported = { side: s.side, startTs: s.startTs, trades: s.trades };
    let isoPrints = 0;
    for (let i = s.startIndex; i <= s.endIndex; i++) {
      const p = window[i]!;
      if (p.side === s.side && p.iso) isoPrints++;
    }
    return {
      side: s.side,
      levels: s.levels,
      venues: s.venues,
      totalSize: s.shares,
      notional: s.notional,
      startPrice: s.firstPrice,
      endPrice: s.lastPrice,
      durationMs: s.endTs - s.startTs,
      ts: s.endTs,
      trades: s.trades,
      reason: s.reason,
      isoPrints,
    };
  }
}
