// The writer stores market values without a second schema parse (Batch.setPrevalidated /
// pushPrevalidated), on the promise that the core only builds values its registry schemas accept. This
// holds the core to that promise: a long seeded stream of quotes, prints, RTVolume strings, depth rows
// and bars — plausible ones mixed with every kind of bad input (zero, negative, NaN, infinite, jumps,
// bad positions and operations, malformed strings, late or repeated times) — and every value any flush
// would write must parse with its registry schema.
import { describe, expect, it } from 'vitest';
import {
  DepthDelta,
  FiveSecondBar,
  Imbalance,
  L2Snapshot,
  LastTrade,
  OrderBook,
  RawIbkrQuote,
  Spread,
  Ticker,
  Trade,
} from '@alphatrader/shared';
import type { z } from 'zod';
import { testSettings } from '../testing/settings';
import type { RejectReason } from './quality';
import { SymbolFeed, type QualitySink } from './symbol-feed';
import { collectWrites, type SymbolWrites } from './symbol-writes';
import { Tick } from './ticks';

const T0 = 1_767_270_000_000;
const timing = { l2SnapshotIntervalMs: 200, keepAliveMs: 50, staleAfterMs: 5000 };

/** mulberry32: a small seeded generator, so a failure replays exactly. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class CountingSink implements QualitySink {
  readonly reasons = new Map<RejectReason, number>();
  reject(reason: RejectReason): void {
    this.reasons.set(reason, (this.reasons.get(reason) ?? 0) + 1);
  }
  drop(): void {}
  lag(): void {}
}

function checkAll(w: SymbolWrites): string[] {
  const problems: string[] = [];
  const check = (what: string, schema: z.ZodType, value: unknown) => {
    if (value === undefined) return;
    const r = schema.safeParse(value);
    if (!r.success) problems.push(`${what}: ${r.error.message} in ${JSON.stringify(value)}`);
  };
  check('book', OrderBook, w.book);
  check('ticker', Ticker, w.ticker);
  check('spread', Spread, w.spread);
  check('imbalance', Imbalance, w.imbalance);
  check('raw', RawIbkrQuote, w.raw);
  check('last', LastTrade, w.last);
  check('snapshot', L2Snapshot, w.snapshot);
  for (const t of w.trades) check('trade', Trade, t);
  for (const b of w.bars) check('bar', FiveSecondBar, b);
  for (const d of w.deltas) check('delta', DepthDelta, d);
  return problems;
}

describe('values the writer stores without a second parse', () => {
  it.each([1, 2, 3])('pass their registry schemas for any input stream (seed %i)', (seed) => {
    const random = rng(seed);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
    const sink = new CountingSink();
    const feed = new SymbolFeed('SPY', testSettings(), sink);
    const bad = [0, -1, Number.NaN, Number.POSITIVE_INFINITY, -0.01, 1e9];
    let mid = 500;
    let clock = T0;
    let wall = 1;
    let written = 0;
    const problems: string[] = [];
    const value = (good: number) => (random() < 0.08 ? pick(bad) : good);

    for (let i = 0; i < 20_000; i++) {
      clock += Math.floor(random() * 20);
      wall += random() * 2;
      mid = Math.max(1, mid + (random() - 0.5) * 0.2);
      const r = random();
      if (r < 0.3) {
        const position = random() < 0.05 ? pick([-1, 25, 1.5]) : Math.floor(random() * 11);
        const operation = random() < 0.03 ? 3 : Math.floor(random() * 3);
        const side = random() < 0.03 ? 2 : Math.floor(random() * 2);
        const price = value(side === 1 ? mid - 0.01 * (position + 1) : mid + 0.01 * (position + 1));
        const size = value(Math.ceil(random() * 5000));
        const maker = pick([undefined, '', 'ARCA', 'NSDQ', 'IEX']);
        feed.onDepth(position, maker, operation, side, price, size, clock, wall, wall);
      } else if (r < 0.55) {
        const tick = pick([Tick.BID, Tick.ASK, Tick.LAST]);
        const price = value(tick === Tick.BID ? mid - 0.01 : tick === Tick.ASK ? mid + 0.01 : mid);
        feed.onTickPrice(tick, price, clock, wall, wall);
      } else if (r < 0.7) {
        const tick = pick([Tick.BID_SIZE, Tick.ASK_SIZE, Tick.LAST_SIZE, Tick.VOLUME]);
        feed.onTickSize(tick, value(Math.ceil(random() * 900)), clock, wall, wall);
      } else if (r < 0.8) {
        const t = random() < 0.05 ? pick(['x', '', `${clock}.5`, '-3']) : String(clock - 10);
        const text =
          random() < 0.05
            ? pick(['', ';;;', 'a;b;c;d;e;f', `${mid};1;${clock}`])
            : `${value(mid).toFixed(2)};${value(Math.ceil(random() * 300))};${t};${Math.floor(clock / 1000)};${value(mid)};${pick(['true', 'false', 'maybe'])}`;
        feed.onTickString(Tick.RT_VOLUME, text, clock, wall, wall);
      } else if (r < 0.95) {
        const time = random() < 0.05 ? pick(['x', -5, 0, Number.NaN]) : (clock - 50) / 1000;
        const exchange = pick([undefined, '', 'ARCA', 'NYSE', 'BATS', 'EDGX']);
        feed.onTape(
          time,
          value(mid),
          value(Math.ceil(random() * 400)),
          exchange,
          pick([undefined, '', 'F', 'FI']),
          clock,
          wall,
          wall,
        );
      } else {
        const start = Math.floor(clock / 5000) * 5 - 5;
        const o = value(mid);
        const c = value(mid + (random() - 0.5) * 0.1);
        const h = Math.max(o, c) + (random() < 0.05 ? -1 : 0.02);
        const l = Math.min(o, c) - 0.02;
        const bar = [
          random() < 0.03 ? Number.NaN : start,
          o,
          h,
          l,
          c,
          value(random() * 1e5),
          value(mid),
          pick([12, -1, 2.5]),
        ] as const;
        feed.onBar(...bar, clock, wall, wall);
      }
      if (i % 7 === 0) {
        const w = collectWrites(feed, clock, wall, timing, sink);
        if (w !== null) {
          written++;
          problems.push(...checkAll(w));
        }
      }
    }
    expect(problems.slice(0, 5)).toEqual([]);
    expect(written).toBeGreaterThan(2_000);
    // The stream did exercise the gates: bad input was refused for several reasons.
    expect(sink.reasons.size).toBeGreaterThanOrEqual(5);
  });
});
