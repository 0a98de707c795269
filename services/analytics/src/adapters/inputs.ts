// Reads the inputs of one symbol that an event said changed, through the typed store (validated), and
// turns them into a SymbolUpdate: whole values for book, quote, chain and intraday series; only the new
// elements of the trade and bar lists (read in a small chunk first, the whole list when needed).
import {
  marketBars,
  marketBook,
  marketIntraday,
  marketTicker,
  marketTrades,
  optionsChain,
  type FiveSecondBar,
  type KeyRef,
  type ReadResult,
  type Store,
  type Trade,
} from '@alphatrader/shared';
import type { z } from 'zod';
import type { InputKind } from '../core/events';
import { ListCursor, type Stamped } from '../core/list-cursor';
import type { Input, SymbolUpdate } from '../core/types';

/** First chunk of a list read per event: usually holds every new element. */
const TRADE_CHUNK = 64;
const BAR_CHUNK = 12;

function toInput<T>(r: ReadResult<T>): Input<T> | undefined {
  if (r.ok) return { ok: true, value: r.value };
  // Redis did not answer: nothing is known about the input, so nothing changes.
  if (r.error.kind === 'unavailable') return undefined;
  return { ok: false, reason: r.error.kind, detail: r.error.reason };
}

export interface ReadStats {
  /** Lists read whole because the first chunk was new up to its end. */
  fullReads: number;
  /** Lists that were entirely new at their cap: elements may have been missed. */
  gaps: number;
}

export class SymbolInputReader {
  private readonly tradeCursor = new ListCursor<Trade>();
  private readonly barCursor = new ListCursor<FiveSecondBar>();
  readonly stats: ReadStats = { fullReads: 0, gaps: 0 };

  constructor(
    private readonly store: Store,
    readonly symbol: string,
  ) {}

  async read(dirty: ReadonlySet<InputKind>, now: () => number): Promise<SymbolUpdate> {
    const symbol = this.symbol;
    const [book, ticker, chain, intraday, trades, bars] = await Promise.all([
      dirty.has('book') ? this.store.get(marketBook.at({ symbol })) : undefined,
      dirty.has('ticker') ? this.store.get(marketTicker.at({ symbol })) : undefined,
      dirty.has('chain') ? this.store.get(optionsChain.at({ symbol })) : undefined,
      dirty.has('intraday') ? this.store.get(marketIntraday.at({ symbol })) : undefined,
      dirty.has('trades')
        ? this.newItems(marketTrades.at({ symbol }), this.tradeCursor, TRADE_CHUNK)
        : undefined,
      dirty.has('bars') ? this.newItems(marketBars.at({ symbol }), this.barCursor, BAR_CHUNK) : undefined,
    ]);
    const u: SymbolUpdate = { now: now() };
    if (book !== undefined) u.book = toInput(book);
    if (ticker !== undefined) u.ticker = toInput(ticker);
    if (chain !== undefined) u.chain = toInput(chain);
    if (intraday !== undefined) u.intraday = toInput(intraday);
    if (trades !== undefined && trades.length > 0) u.trades = trades;
    if (bars !== undefined && bars.length > 0) u.bars = bars;
    // An input that could not be read (Redis unavailable) is left out rather than reported as changed.
    for (const k of ['book', 'ticker', 'chain', 'intraday'] as const) if (u[k] === undefined) delete u[k];
    return u;
  }

  private async newItems<S extends z.ZodType, T extends Stamped & z.output<S>>(
    ref: KeyRef<S, 'list'>,
    cursor: ListCursor<T>,
    chunk: number,
  ): Promise<T[]> {
    const head = await this.store.range(ref, 0, chunk - 1);
    if (!head.ok) return [];
    const first = cursor.take(
      head.value.values as T[],
      head.value.values.length + head.value.invalid < chunk,
      ref.def.cap,
    );
    if (!first.needMore) {
      if (first.gap) this.stats.gaps++;
      return first.items;
    }
    this.stats.fullReads++;
    const all = await this.store.range(ref, 0, -1);
    if (!all.ok) return [];
    const taken = cursor.take(all.value.values as T[], true, ref.def.cap);
    if (taken.gap) this.stats.gaps++;
    return taken.items;
  }
}
