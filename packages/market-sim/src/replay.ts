// Helpers for consumers and tests: collecting events and replaying depth updates onto a book.
import type { Book, BookLevel, DepthUpdate, MarketEvent, MarketModel } from './types';

/**
 * Steps the model until `n` events were emitted (or `maxSimMs` of simulated time passed, for a closed
 * market) and returns them in order.
 */
export function replayEvents(
  model: MarketModel,
  n: number,
  opts: { stepMs?: number; maxSimMs?: number } = {},
): MarketEvent[] {
  const stepMs = opts.stepMs ?? 1_000;
  const maxSimMs = opts.maxSimMs ?? 7 * 86_400_000;
  const out: MarketEvent[] = [];
  const unsubscribe = model.subscribe((e) => {
    if (out.length < n) out.push(e);
  });
  try {
    const until = model.now() + maxSimMs;
    while (out.length < n && model.now() < until) model.step(stepMs);
  } finally {
    unsubscribe();
  }
  return out;
}

/** Applies one depth update to a book in place, with TWS market-depth semantics. */
export function applyDepthUpdate(book: Book, u: DepthUpdate): void {
  const levels: BookLevel[] = u.side === 'bid' ? book.bids : book.asks;
  const level = { price: u.price, size: u.size, venue: u.venue };
  switch (u.operation) {
    case 'insert':
      levels.splice(u.position, 0, level);
      break;
    case 'update':
      levels[u.position] = level;
      break;
    case 'delete':
      levels.splice(u.position, 1);
      break;
  }
  book.ts = u.ts;
}

/** A deep copy of a book, e.g. the snapshot a depth subscriber starts from. */
export function cloneBook(book: Book): Book {
  return {
    symbol: book.symbol,
    ts: book.ts,
    bids: book.bids.map((l) => ({ ...l })),
    asks: book.asks.map((l) => ({ ...l })),
  };
}
