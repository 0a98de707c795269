import { describe, expect, it } from 'vitest';
import type { MarketEvent, Trade, TradeKind } from './types';
import { createMarketModel } from './model';
import { nyTime } from './calendar';
import { applyDepthUpdate, cloneBook } from './replay';

describe('trade tape', () => {
  it('mixes odd lots, round lots, icebergs, sweeps and blocks over a session, then stops at the close', () => {
    const start = nyTime('2025-09-16', 9, 30);
    const model = createMarketModel({ seed: 21, symbols: ['SPY', 'NVDA'], startTime: start });
    const trades: Trade[] = [];
    const afterClose: MarketEvent[] = [];
    const close = nyTime('2025-09-16', 16);
    // Replayed books give the inside at the moment of each print.
    const books = new Map(model.symbols.map((s) => [s, cloneBook(model.book(s)!)]));
    const blocksOutside: Trade[] = [];
    model.subscribe((e) => {
      const ts =
        e.type === 'quote'
          ? e.quote.ts
          : e.type === 'trade'
            ? e.trade.ts
            : e.type === 'depth'
              ? e.update.ts
              : e.type === 'bar'
                ? e.bar.ts
                : e.ts;
      if (ts >= close && e.type !== 'bar') afterClose.push(e);
      if (e.type === 'depth') applyDepthUpdate(books.get(e.update.symbol)!, e.update);
      if (e.type === 'trade') {
        trades.push(e.trade);
        const b = books.get(e.trade.symbol)!;
        // Blocks print at the midpoint, strictly inside the spread.
        if (
          e.trade.kind === 'block' &&
          (e.trade.price <= b.bids[0]!.price || e.trade.price >= b.asks[0]!.price)
        )
          blocksOutside.push(e.trade);
      }
    });
    model.step(nyTime('2025-09-16', 17) - start);
    expect(afterClose).toEqual([]);
    expect(blocksOutside).toEqual([]);
    expect(model.isSessionOpen()).toBe(false);

    const spy = trades.filter((t) => t.symbol === 'SPY');
    const byKind = (k: TradeKind): Trade[] => spy.filter((t) => t.kind === k);
    for (const k of ['odd_lot', 'round_lot', 'iceberg', 'sweep', 'block'] as const)
      expect(byKind(k).length, k).toBeGreaterThan(0);
    expect(byKind('odd_lot').every((t) => t.size >= 1 && t.size < 100)).toBe(true);
    expect(byKind('round_lot').every((t) => t.size >= 100)).toBe(true);
    expect(byKind('block').every((t) => t.size >= 10_000 && t.venue === 'FINRA')).toBe(true);
    expect(byKind('odd_lot').length).toBeGreaterThan(byKind('block').length * 20);

    // Sweeps walk the book: within one burst, each fill is at the same or a worse price for the aggressor.
    let bursts = 0;
    let multiLevel = 0;
    for (let i = 0; i < spy.length; i++) {
      if (
        spy[i]!.kind !== 'sweep' ||
        (i > 0 && spy[i - 1]!.kind === 'sweep' && spy[i - 1]!.ts === spy[i]!.ts)
      )
        continue;
      let j = i;
      while (
        j + 1 < spy.length &&
        spy[j + 1]!.kind === 'sweep' &&
        spy[j + 1]!.ts === spy[i]!.ts &&
        spy[j + 1]!.side === spy[i]!.side
      )
        j++;
      const burst = spy.slice(i, j + 1);
      bursts++;
      const dir = burst[0]!.side === 'buy' ? 1 : -1;
      for (let k = 1; k < burst.length; k++)
        expect((burst[k]!.price - burst[k - 1]!.price) * dir).toBeGreaterThanOrEqual(0);
      if (new Set(burst.map((t) => t.price)).size >= 2) multiLevel++;
    }
    expect(bursts).toBeGreaterThan(0);
    expect(multiLevel).toBeGreaterThan(0);
    // Icebergs print repeatedly at one price.
    const icebergPrices = new Map<string, number>();
    for (const t of byKind('iceberg'))
      icebergPrices.set(`${t.ts}|${t.price}`, (icebergPrices.get(`${t.ts}|${t.price}`) ?? 0) + 1);
    expect(Math.max(...icebergPrices.values())).toBeGreaterThanOrEqual(2);
  });

  it('emits no trades while the closed scenario is selected and keeps the books stale', () => {
    const model = createMarketModel({
      seed: 4,
      symbols: ['SPY'],
      startTime: nyTime('2025-09-16', 10),
      scenario: 'closed',
    });
    const before = model.book('SPY');
    const events: MarketEvent[] = [];
    model.subscribe((e) => events.push(e));
    model.step(30 * 60_000);
    expect(events).toEqual([]);
    expect(model.isSessionOpen()).toBe(false);
    expect(model.book('SPY')).toEqual(before);
    model.setScenario('normal');
    model.step(60_000);
    expect(model.isSessionOpen()).toBe(true);
    expect(events.some((e) => e.type === 'trade')).toBe(true);
    expect(events[0]).toEqual({ type: 'scenario', ts: nyTime('2025-09-16', 10, 30), name: 'normal' });
  });

  it('is closed on a weekend whatever the scenario, and reopens on the next session', () => {
    const model = createMarketModel({ seed: 4, symbols: ['QQQ'], startTime: nyTime('2025-09-13', 12) });
    let trades = 0;
    let firstTrade = 0;
    model.subscribe((e) => {
      if (e.type === 'trade') {
        trades++;
        if (firstTrade === 0) firstTrade = e.trade.ts;
      }
    });
    expect(model.isSessionOpen()).toBe(false);
    model.step(nyTime('2025-09-15', 9, 30) - model.now() - 1);
    expect(trades).toBe(0);
    model.step(60_000);
    expect(model.isSessionOpen()).toBe(true);
    expect(trades).toBeGreaterThan(0);
    expect(firstTrade).toBeGreaterThanOrEqual(nyTime('2025-09-15', 9, 30));
    // A new session resets the day statistics from the previous close.
    const q = model.quote('QQQ')!;
    expect(q.volume).toBe(
      model
        .recentTrades('QQQ', 100_000)
        .filter((t) => t.ts >= nyTime('2025-09-15', 9, 30))
        .reduce((s, t) => s + t.size, 0),
    );
  });
});

describe('session rollover', () => {
  it('carries the close into the next session: prevClose, fresh day statistics, rolled expiries', () => {
    const model = createMarketModel({ seed: 12, symbols: ['SPY'], startTime: nyTime('2025-09-16', 15, 55) });
    model.step(nyTime('2025-09-16', 16, 30) - model.now());
    const closing = model.quote('SPY')!;
    expect(model.expiries('SPY')[0]).toBe('2025-09-17');
    model.step(nyTime('2025-09-17', 9, 45) - model.now());
    const q = model.quote('SPY')!;
    expect(q.prevClose).toBe(closing.last);
    expect(q.volume).toBeLessThan(closing.volume);
    expect(q.volume).toBeGreaterThan(0);
    expect(model.expiries('SPY')[0]).toBe('2025-09-17');
    const minutes = model.intradayBars('SPY', 1, 20);
    expect(minutes.at(-1)!.ts).toBe(nyTime('2025-09-17', 9, 44));
    expect(minutes.some((b) => b.ts === nyTime('2025-09-16', 15, 59))).toBe(true);
    expect(minutes.some((b) => b.ts >= nyTime('2025-09-16', 16) && b.ts < nyTime('2025-09-17', 9, 30))).toBe(
      false,
    );
  });
});
