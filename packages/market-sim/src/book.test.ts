import { describe, expect, it } from 'vitest';
import type { Book, MarketEvent } from './types';
import { createMarketModel } from './model';
import { defaultSymbols } from './symbols';
import { nyTime } from './calendar';
import { applyDepthUpdate, cloneBook } from './replay';
import { MAX_LEVELS, VENUES } from './book';

const START = nyTime('2025-09-16', 9, 30);

function sorted(book: Book): boolean {
  for (let i = 1; i < book.bids.length; i++)
    if (!(book.bids[i]!.price < book.bids[i - 1]!.price)) return false;
  for (let i = 1; i < book.asks.length; i++)
    if (!(book.asks[i]!.price > book.asks[i - 1]!.price)) return false;
  return true;
}

describe('depth events', () => {
  it('rebuild every book exactly, never crossed or locked, through calm and stressed scenarios', () => {
    const model = createMarketModel({ seed: 11, symbols: defaultSymbols, startTime: START });
    const replicas = new Map<string, Book>();
    for (const s of model.symbols) replicas.set(s, cloneBook(model.book(s)!));
    const problems: string[] = [];
    let depthEvents = 0;
    let quotes = 0;
    const ops = new Set<string>();
    model.subscribe((e: MarketEvent) => {
      if (e.type === 'depth') {
        const u = e.update;
        const book = replicas.get(u.symbol)!;
        const side = u.side === 'bid' ? book.bids : book.asks;
        const okPosition = u.operation === 'insert' ? u.position <= side.length : u.position < side.length;
        if (!okPosition) problems.push(`bad position ${JSON.stringify(u)}`);
        if (!VENUES.includes(u.venue as (typeof VENUES)[number])) problems.push(`venue ${u.venue}`);
        if (u.operation !== 'delete' && !(u.size > 0)) problems.push(`size ${u.size}`);
        applyDepthUpdate(book, u);
        ops.add(u.operation);
        depthEvents++;
        if (side.length > MAX_LEVELS) problems.push(`${u.symbol} has ${side.length} levels`);
        const bid = book.bids[0]?.price;
        const ask = book.asks[0]?.price;
        if (bid !== undefined && ask !== undefined && !(bid < ask))
          problems.push(`${u.symbol} crossed/locked ${bid} ${ask}`);
        if (!sorted(book)) problems.push(`${u.symbol} unsorted`);
      } else if (e.type === 'quote' && e.quote.symbol !== 'SPX') {
        quotes++;
        const q = e.quote;
        const book = replicas.get(q.symbol)!;
        if (!(q.bid < q.ask)) problems.push(`quote crossed ${q.symbol} ${q.bid} ${q.ask}`);
        if (
          book.bids[0]?.price !== q.bid ||
          book.asks[0]?.price !== q.ask ||
          book.bids[0]?.size !== q.bidSize ||
          book.asks[0]?.size !== q.askSize
        ) {
          problems.push(`quote ${q.symbol} differs from replayed top`);
        }
      }
    });
    model.step(10 * 60_000);
    model.setScenario('crash');
    model.step(10 * 60_000);
    model.setScenario('vol_spike');
    model.step(5 * 60_000);
    model.setScenario('gamma_squeeze');
    model.step(5 * 60_000);
    expect(problems.slice(0, 5)).toEqual([]);
    expect(depthEvents).toBeGreaterThan(10_000);
    expect(quotes).toBeGreaterThan(1_000);
    expect([...ops].sort()).toEqual(['delete', 'insert', 'update']);
    for (const s of model.symbols) {
      const live = model.book(s)!;
      const replica = replicas.get(s)!;
      expect(replica.bids).toEqual(live.bids);
      expect(replica.asks).toEqual(live.asks);
      expect(live.bids).toHaveLength(MAX_LEVELS);
      expect(live.asks).toHaveLength(MAX_LEVELS);
    }
  });

  it('quotes one-cent spreads on SPY and QQQ and wider ones on higher-priced single names', () => {
    const model = createMarketModel({ seed: 3, symbols: ['SPY', 'QQQ', 'META'], startTime: START });
    const spreads: Record<string, number[]> = { SPY: [], QQQ: [], META: [] };
    model.subscribe((e) => {
      if (e.type === 'quote' && e.quote.symbol in spreads)
        spreads[e.quote.symbol]!.push(Math.round((e.quote.ask - e.quote.bid) * 100));
    });
    model.step(5 * 60_000);
    const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    expect(median(spreads.SPY!)).toBe(1);
    expect(median(spreads.QQQ!)).toBe(1);
    expect(median(spreads.META!)).toBeGreaterThanOrEqual(3);
  });
});
