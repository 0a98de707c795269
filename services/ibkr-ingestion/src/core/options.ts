// Option quotes on request: which leases in ibkr:subscriptions:options to quote (live, within the line
// budget, keeping what is already subscribed), the TWS contract of an OCC id, and the quote state of one
// contract built from price/size ticks and TWS's model option computation (tick 13).
import { parseOcc } from '@alphatrader/quant';
import type { IbkrOptionQuote } from '@alphatrader/shared';
import { PendingArrivals } from './arrivals';
import { Tick } from './ticks';

export interface OptionContractSpec {
  occ: string;
  underlying: string;
  /** TWS trading class (the OCC root, e.g. SPXW for SPX weeklies). */
  tradingClass: string;
  /** YYYY-MM-DD */
  expiry: string;
  /** YYYYMMDD as TWS wants it. */
  lastTradeDate: string;
  strike: number;
  right: 'C' | 'P';
}

/** OCC roots whose underlying has another name. */
const ROOT_UNDERLYING: Readonly<Record<string, string>> = { SPXW: 'SPX', NDXP: 'NDX', RUTW: 'RUT' };

export function optionContract(occ: string): OptionContractSpec | null {
  const p = parseOcc(occ);
  if (p === null) return null;
  return {
    occ,
    underlying: ROOT_UNDERLYING[p.root] ?? p.root,
    tradingClass: p.root,
    expiry: p.expiry,
    lastTradeDate: p.expiry.replaceAll('-', ''),
    strike: p.strike,
    right: p.right,
  };
}

export interface Lease {
  occ: string;
  /** Lease expiry, epoch ms of the market clock. */
  expiresAt: number;
}

/**
 * Live leases to quote: those already subscribed first (no churn), then new ones with the latest
 * expiry, at most `max`. Returns what to add and what to cancel.
 */
export function planOptionSubscriptions(
  current: ReadonlySet<string>,
  leases: readonly Lease[],
  now: number,
  max: number,
): { add: string[]; remove: string[]; skipped: number } {
  const live = new Map<string, number>();
  for (const l of leases) if (l.expiresAt > now) live.set(l.occ, Math.max(live.get(l.occ) ?? 0, l.expiresAt));
  const keep = [...current].filter((occ) => live.has(occ)).slice(0, max);
  const keepSet = new Set(keep);
  const candidates = [...live.entries()]
    .filter(([occ]) => !keepSet.has(occ))
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([occ]) => occ);
  const room = Math.max(0, max - keep.length);
  const add = candidates.slice(0, room);
  const remove = [...current].filter((occ) => !keepSet.has(occ));
  return { add, remove, skipped: candidates.length - add.length };
}

const nullIfBad = (x: number | undefined, ok: (v: number) => boolean): number | null =>
  x !== undefined && Number.isFinite(x) && ok(x) ? x : null;

/** Quote state of one subscribed option contract. */
export class OptionFeed {
  bid: number | null = null;
  ask: number | null = null;
  last: number | null = null;
  bidSize: number | null = null;
  askSize: number | null = null;
  volume: number | null = null;
  iv: number | null = null;
  delta: number | null = null;
  gamma: number | null = null;
  theta: number | null = null;
  vega: number | null = null;
  underlyingPrice: number | null = null;
  sourceTs = 0;
  changed = false;
  firstPendingAt = -1;
  /** Arrival times of the changes not yet in Redis (latency accounting). */
  readonly arrivals = new PendingArrivals();

  constructor(readonly spec: OptionContractSpec) {}

  private mark(clockNow: number, perfNow: number): void {
    if (!this.changed) this.firstPendingAt = perfNow;
    this.changed = true;
    this.arrivals.note(perfNow);
    this.sourceTs = clockNow;
  }

  /** TWS sends -1 for "no quote": that clears the side instead of counting as invalid. Returns false when rejected. */
  onTickPrice(tickType: number, price: number, clockNow: number, perfNow: number): boolean {
    if (tickType !== Tick.BID && tickType !== Tick.ASK && tickType !== Tick.LAST) return true;
    if (!Number.isFinite(price) || price < -1) return false;
    const v = price < 0 ? null : price;
    if (tickType === Tick.BID) this.bid = v;
    else if (tickType === Tick.ASK) this.ask = v;
    else this.last = v;
    this.mark(clockNow, perfNow);
    return true;
  }

  onTickSize(tickType: number, size: number, clockNow: number, perfNow: number): boolean {
    if (tickType !== Tick.BID_SIZE && tickType !== Tick.ASK_SIZE && tickType !== Tick.VOLUME) return true;
    if (!Number.isFinite(size) || size < 0) return false;
    if (tickType === Tick.BID_SIZE) this.bidSize = size;
    else if (tickType === Tick.ASK_SIZE) this.askSize = size;
    else this.volume = size;
    this.mark(clockNow, perfNow);
    return true;
  }

  /** Model Greeks (tick 13); TWS marks values it could not compute with sentinels, which become null. */
  onOptionComputation(
    tickType: number,
    iv: number | undefined,
    delta: number | undefined,
    gamma: number | undefined,
    vega: number | undefined,
    theta: number | undefined,
    undPrice: number | undefined,
    clockNow: number,
    perfNow: number,
  ): void {
    if (tickType !== Tick.MODEL_OPTION) return;
    this.iv = nullIfBad(iv, (v) => v > 0 && v < 100);
    this.delta = nullIfBad(delta, (v) => v >= -1 && v <= 1);
    this.gamma = nullIfBad(gamma, (v) => Math.abs(v) < 1e6);
    this.vega = nullIfBad(vega, (v) => Math.abs(v) < 1e6);
    this.theta = nullIfBad(theta, (v) => Math.abs(v) < 1e6);
    this.underlyingPrice = nullIfBad(undPrice, (v) => v > 0);
    this.mark(clockNow, perfNow);
  }

  /** The value for ibkr:option:{occ}:quote; a crossed market (bid > ask) is not published. */
  quote(clockNow: number): IbkrOptionQuote | null {
    if (this.bid !== null && this.ask !== null && this.bid > this.ask) return null;
    const mark =
      this.bid !== null && this.ask !== null && this.ask > 0 ? (this.bid + this.ask) / 2 : this.last;
    const s = this.spec;
    return {
      occ: s.occ,
      underlying: s.underlying,
      expiry: s.expiry,
      strike: s.strike,
      right: s.right,
      bid: this.bid,
      ask: this.ask,
      last: this.last,
      mark,
      bidSize: this.bidSize,
      askSize: this.askSize,
      volume: this.volume,
      iv: this.iv,
      delta: this.delta,
      gamma: this.gamma,
      thetaPerDay: this.theta,
      vegaPerPoint: this.vega,
      underlyingPrice: this.underlyingPrice,
      sourceTs: this.sourceTs,
      ts: clockNow,
    };
  }
}
