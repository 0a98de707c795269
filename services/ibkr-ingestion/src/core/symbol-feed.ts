// Everything this service knows about one stock symbol, updated message by message on the hot path:
// level-1 quote, level-2 book, prints, bars and detectors. Each handler validates its input (finite,
// positive, in band, in time order) and either applies it and marks what changed, or reports the reason
// to the quality sink and keeps the last good value. Writes are assembled later, once per flush.
import type { DepthDelta, FiveSecondBar, Trade } from '@alphatrader/shared';
import { PendingArrivals } from './arrivals';
import { DepthBook } from './book';
import { isPositive, MonotonicClock, PriceBand, type RejectReason } from './quality';
import { DropOldestRing } from './ring';
import type { IngestSettings } from './settings';
import { SweepTracker, type SweepEvidence } from './sweep';
import { parseRtVolume, Tick, TICK_NAMES } from './ticks';
import { UnusualVolumeDetector, type UnusualVolumeEvidence } from './unusual-volume';
import type { DropBuffer } from './metrics';

/** Where rejections, drops and source lags go (metrics and a rate-limited log). */
export interface QualitySink {
  reject(reason: RejectReason, symbol: string, detail?: string): void;
  drop(buffer: DropBuffer, n: number): void;
  lag(ms: number): void;
}

/** Bits of `changed`: what must be written at the next flush. */
export const Changed = {
  QUOTE: 1,
  BOOK: 2,
  TRADES: 4,
  BARS: 8,
  DEPTH: 16,
  UNUSUAL: 32,
} as const;

/** Registry caps: what a list can hold is all a burst needs to keep. */
const TRADES_CAP = 1000;
const DELTAS_CAP = 500;
const BARS_CAP = 100;

export class SymbolFeed {
  readonly level2: boolean;
  /** False once TWS refused depth (2152 …): the symbol is served from level 1. */
  depthEnabled: boolean;
  /** Prints come from tick-by-tick AllLast (level-2 symbols) rather than RTVolume. */
  tapeFromTickByTick: boolean;
  readonly book: DepthBook | null;
  /** Set when the book lost sync with TWS; the adapter re-requests depth and clears it. */
  needsResync = false;

  bid: number | null = null;
  ask: number | null = null;
  bidSize: number | null = null;
  askSize: number | null = null;
  last: number | null = null;
  volume: number | null = null;
  vwap: number | null = null;
  readonly ticks: Record<string, number> = {};
  rtVolume: string | null = null;
  lastTrade: { price: number; size: number; ts: number } | null = null;

  /** Market-clock time (ms) of the last accepted message of any kind. */
  updatedTs = 0;
  /** Market-clock times (ms) of the last accepted update per kind. */
  quoteTs = 0;
  depthTs = 0;
  tradeTs = 0;
  barTs = 0;
  /** Monotonic wall times (ms) of the last accepted update per kind, for staleness; -1 = never. */
  quoteAt = -1;
  depthAt = -1;
  barsAt = -1;
  anyAt = -1;

  readonly trades = new DropOldestRing<Trade>(TRADES_CAP);
  readonly deltas = new DropOldestRing<DepthDelta>(DELTAS_CAP);
  readonly bars = new DropOldestRing<FiveSecondBar>(BARS_CAP);
  readonly sweeps: SweepTracker | null;
  private readonly unusual: UnusualVolumeDetector;
  pendingUnusual: UnusualVolumeEvidence | null = null;

  changed = 0;
  /** performance.now() of the oldest change not yet in Redis; -1 when clean. */
  firstPendingAt = -1;
  /** Arrival times of every change not yet in Redis (latency accounting). */
  readonly arrivals = new PendingArrivals();
  /** Wall times of the last keep-alive rewrite and of the last level-2 snapshot. */
  lastWriteAt = -1;
  lastSnapshotAt = -1;
  /** Throttled keys (raw quote, timestamp): a change waiting to be written, and when they were last. */
  rawPending = false;
  timestampPending = false;
  lastRawAt = -Infinity;
  lastTimestampAt = -Infinity;

  private readonly band: PriceBand;
  private readonly tapeClock = new MonotonicClock();
  private readonly rtvClock = new MonotonicClock();
  private readonly barClock = new MonotonicClock();

  constructor(
    readonly symbol: string,
    settings: IngestSettings,
    private readonly sink: QualitySink,
  ) {
    this.level2 = settings.level2.has(symbol);
    this.depthEnabled = this.level2;
    this.tapeFromTickByTick = this.level2;
    this.book = this.level2 ? new DepthBook(settings.depthLevels) : null;
    this.sweeps = this.level2 ? new SweepTracker(settings.sweep) : null;
    this.unusual = new UnusualVolumeDetector(settings.unusualVolume);
    this.band = new PriceBand(settings.priceBand, settings.priceBandReanchorCount);
  }

  private mark(bit: number, perfNow: number, clockNow: number): void {
    if (this.changed === 0) this.firstPendingAt = perfNow;
    this.changed |= bit;
    this.arrivals.note(perfNow);
    if (clockNow > this.updatedTs) this.updatedTs = clockNow;
  }

  private reject(reason: RejectReason, detail?: string): void {
    this.sink.reject(reason, this.symbol, detail);
  }

  /** Price checks shared by quotes and prints; true when the price may be used. */
  private priceOk(price: number, banded: boolean, what: string): boolean {
    if (!Number.isFinite(price)) {
      this.reject('non_finite', what);
      return false;
    }
    if (price <= 0) {
      this.reject('non_positive_price', `${what} ${price}`);
      return false;
    }
    if (banded && this.band.check(price) === 'rejected') {
      this.reject('price_band', `${what} ${price} vs ${this.band.reference}`);
      return false;
    }
    return true;
  }

  onTickPrice(tickType: number, price: number, clockNow: number, wallNow: number, perfNow: number): void {
    switch (tickType) {
      case Tick.BID:
      case Tick.ASK:
      case Tick.LAST: {
        const name = TICK_NAMES[tickType]!;
        if (!this.priceOk(price, true, name)) return;
        if (tickType === Tick.BID) this.bid = price;
        else if (tickType === Tick.ASK) this.ask = price;
        else this.last = price;
        this.ticks[name] = price;
        break;
      }
      case Tick.HIGH:
      case Tick.LOW:
      case Tick.OPEN:
      case Tick.CLOSE:
        if (!this.priceOk(price, false, TICK_NAMES[tickType]!)) return;
        this.ticks[TICK_NAMES[tickType]!] = price;
        break;
      default:
        return;
    }
    this.quoteTs = clockNow;
    this.quoteAt = wallNow;
    this.anyAt = wallNow;
    this.mark(Changed.QUOTE, perfNow, clockNow);
  }

  onTickSize(tickType: number, size: number, clockNow: number, wallNow: number, perfNow: number): void {
    switch (tickType) {
      case Tick.BID_SIZE:
      case Tick.ASK_SIZE:
      case Tick.LAST_SIZE:
        if (!Number.isFinite(size)) return this.reject('non_finite', TICK_NAMES[tickType]);
        if (size <= 0) return this.reject('non_positive_size', `${TICK_NAMES[tickType]} ${size}`);
        if (tickType === Tick.BID_SIZE) this.bidSize = size;
        else if (tickType === Tick.ASK_SIZE) this.askSize = size;
        break;
      case Tick.VOLUME:
        if (!Number.isFinite(size)) return this.reject('non_finite', 'VOLUME');
        if (size < 0) return this.reject('negative_volume', String(size));
        this.volume = size;
        break;
      default:
        return;
    }
    this.ticks[TICK_NAMES[tickType]!] = size;
    this.quoteTs = clockNow;
    this.quoteAt = wallNow;
    this.anyAt = wallNow;
    this.mark(Changed.QUOTE, perfNow, clockNow);
  }

  onTickString(tickType: number, value: string, clockNow: number, wallNow: number, perfNow: number): void {
    if (tickType === Tick.LAST_TIMESTAMP) {
      const sec = Number(value);
      if (Number.isInteger(sec) && sec > 0) this.ticks.LAST_TIMESTAMP = sec;
      return;
    }
    if (tickType !== Tick.RT_VOLUME) return;
    const rtv = parseRtVolume(value);
    if (rtv === null) return this.reject('bad_rtvolume', value.slice(0, 80));
    const late = this.rtvClock.verdict(rtv.ts, clockNow);
    if (late !== null) return this.reject(late, `RTVolume ${rtv.ts}`);
    if (rtv.price !== null && !this.priceOk(rtv.price, true, 'RTVolume')) return;
    this.rtvClock.commit(rtv.ts);
    this.rtVolume = value;
    this.volume = rtv.totalVolume;
    if (rtv.vwap !== null) this.vwap = rtv.vwap;
    this.sink.lag(clockNow - rtv.ts);
    this.quoteTs = clockNow;
    this.quoteAt = wallNow;
    this.anyAt = wallNow;
    this.mark(Changed.QUOTE, perfNow, clockNow);
    if (rtv.price !== null && !this.tapeFromTickByTick) {
      this.addTrade(
        { price: rtv.price, size: rtv.size, venue: null, source: 'rtvolume', ts: rtv.ts },
        clockNow,
        perfNow,
      );
    }
  }

  /** A tick-by-tick AllLast print; `time` is epoch seconds as TWS sends it. */
  onTape(
    time: string | number,
    price: number,
    size: number,
    exchange: string | undefined,
    specialConditions: string | undefined,
    clockNow: number,
    wallNow: number,
    perfNow: number,
  ): void {
    const sec = Number(time);
    if (!Number.isFinite(sec) || sec <= 0) return this.reject('non_finite', `tape time ${String(time)}`);
    if (!Number.isFinite(size)) return this.reject('non_finite', 'tape size');
    if (size <= 0) return this.reject('non_positive_size', `tape ${size}`);
    const ts = Math.round(sec * 1000);
    const late = this.tapeClock.verdict(ts, clockNow);
    if (late !== null) return this.reject(late, `tape ${ts}`);
    if (!this.priceOk(price, true, 'tape')) return;
    this.tapeClock.commit(ts);
    const venue = exchange === undefined || exchange === '' ? null : exchange;
    this.sink.lag(clockNow - ts);
    this.anyAt = wallNow;
    this.addTrade({ price, size, venue, source: 'tick_by_tick', ts }, clockNow, perfNow);
    this.sweeps?.add(
      clockNow,
      price,
      size,
      venue,
      specialConditions?.includes('F') === true,
      this.bid,
      this.ask,
    );
  }

  /** A print also moves the ticker's last price. */
  private addTrade(trade: Trade, clockNow: number, perfNow: number): void {
    if (this.trades.push(trade)) this.sink.drop('trades', 1);
    this.last = trade.price;
    this.lastTrade = { price: trade.price, size: trade.size, ts: trade.ts };
    this.tradeTs = trade.ts;
    if (clockNow > this.quoteTs) this.quoteTs = clockNow;
    this.mark(Changed.TRADES | Changed.QUOTE, perfNow, clockNow);
  }

  onDepth(
    position: number,
    marketMaker: string | undefined,
    operation: number,
    side: number,
    price: number,
    size: number,
    clockNow: number,
    wallNow: number,
    perfNow: number,
  ): void {
    if (this.book === null || !this.depthEnabled) return;
    const r = this.book.apply(position, marketMaker, operation, side, price, size, clockNow);
    if (!r.ok) {
      this.reject(r.reason, `depth op ${operation} side ${side} pos ${position} ${price}x${size}`);
      if (r.resync) this.needsResync = true;
      return;
    }
    if (this.deltas.push(r.delta)) this.sink.drop('depth_deltas', 1);
    this.depthTs = clockNow;
    this.depthAt = wallNow;
    this.anyAt = wallNow;
    this.mark(Changed.BOOK | Changed.DEPTH, perfNow, clockNow);
  }

  /** A 5-second real-time bar; `time` is its start in epoch seconds. */
  onBar(
    time: number,
    open: number,
    high: number,
    low: number,
    close: number,
    volume: number,
    wap: number,
    count: number,
    clockNow: number,
    wallNow: number,
    perfNow: number,
  ): void {
    const prices = [open, high, low, close];
    if (!Number.isFinite(time) || !prices.every(Number.isFinite) || !Number.isFinite(volume))
      return this.reject('non_finite', 'bar');
    if (!prices.every(isPositive)) return this.reject('non_positive_price', `bar ${prices.join('/')}`);
    if (high < Math.max(open, close, low) || low > Math.min(open, close) || volume < 0)
      return this.reject('bad_bar', `bar o${open} h${high} l${low} c${close} v${volume}`);
    const ts = Math.round(time * 1000);
    if (ts === this.barClock.lastTs) return this.reject('duplicate_bar', String(ts));
    const late = this.barClock.verdict(ts, clockNow);
    if (late !== null) return this.reject(late, `bar ${ts}`);
    if (!this.priceOk(close, true, 'bar close')) return;
    this.barClock.commit(ts);
    const bar: FiveSecondBar = {
      ts,
      open,
      high,
      low,
      close,
      volume,
      vwap: wap > 0 && Number.isFinite(wap) ? wap : null,
      trades: Number.isInteger(count) && count >= 0 ? count : null,
      intervalSeconds: 5,
    };
    if (this.bars.push(bar)) this.sink.drop('bars', 1);
    this.sink.lag(clockNow - (ts + 5000));
    this.barTs = ts;
    this.barsAt = wallNow;
    this.anyAt = wallNow;
    this.mark(Changed.BARS, perfNow, clockNow);
    const unusual = this.unusual.onBar(ts, volume);
    if (unusual !== null) {
      this.pendingUnusual = unusual;
      this.changed |= Changed.UNUSUAL; // same update as the bar: its arrival is already noted
    }
  }

  /** Depth was refused (2152 …): stop using the book; quotes, prints and bars continue. */
  fallBackToLevel1(): void {
    this.depthEnabled = false;
    this.book?.clear();
    this.deltas.clear();
    this.needsResync = false;
  }

  /** A fresh depth subscription will re-send the book as inserts. */
  resetBook(): void {
    this.book?.clear();
    this.needsResync = false;
  }

  /** Latest SweepEvidence of the tape since the last detection (see SweepTracker.detect). */
  detectSweep(wallNow?: number): SweepEvidence | null {
    return this.sweeps?.detect(wallNow) ?? null;
  }
}
