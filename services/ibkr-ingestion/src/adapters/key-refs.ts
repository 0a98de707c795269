// Registry refs of one symbol, built once (key strings are validated on construction, not per flush).
import {
  marketBars,
  marketBook,
  marketImbalance,
  marketL2Snapshots,
  marketLast,
  marketSpread,
  marketSweep,
  marketTicker,
  marketTimestamp,
  marketTrades,
  marketUnusualVolume,
  orderflowIbkrL2,
  rawIbkrDepth,
  rawIbkrQuote,
} from '@alphatrader/shared';
import type { ChangeKind } from '../core/symbol-writes';

export function symbolRefs(symbol: string) {
  const p = { symbol };
  return {
    book: marketBook.at(p),
    trades: marketTrades.at(p),
    last: marketLast.at(p),
    bars: marketBars.at(p),
    ticker: marketTicker.at(p),
    spread: marketSpread.at(p),
    imbalance: marketImbalance.at(p),
    sweep: marketSweep.at(p),
    unusual: marketUnusualVolume.at(p),
    timestamp: marketTimestamp.at(p),
    snapshots: marketL2Snapshots.at(p),
    raw: rawIbkrQuote.at(p),
    rawDepth: rawIbkrDepth.at(p),
    deltas: orderflowIbkrL2.at(p),
  };
}

export type SymbolRefs = ReturnType<typeof symbolRefs>;

/** The key an events entry points at for each kind of change. */
export function keyOfChange(refs: SymbolRefs, kind: ChangeKind): string {
  switch (kind) {
    case 'book':
      return refs.book.key;
    case 'trades':
      return refs.trades.key;
    case 'ticker':
      return refs.ticker.key;
    case 'bars':
      return refs.bars.key;
    case 'depth':
      return refs.deltas.key;
    case 'sweep':
      return refs.sweep.key;
    case 'unusual_volume':
      return refs.unusual.key;
  }
}
