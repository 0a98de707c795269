// What one flush writes, gathered from the state in one pass: per-symbol writes, changed option quotes,
// pending error records and, when changed or due for a refresh, the connection status.
import type { IbkrAccount, IbkrError, IbkrOptionQuote } from '@alphatrader/shared';
import type { Arrivals } from './arrivals';
import type { IngestState } from './state';
import { collectWrites, type SymbolWrites, type WriteTiming } from './symbol-writes';

export interface OptionWrite {
  occ: string;
  underlying: string;
  quote: IbkrOptionQuote;
  pendingSince: number;
  arrivals: Arrivals | null;
}

export interface FlushContent {
  symbols: SymbolWrites[];
  options: OptionWrite[];
  errors: IbkrError[];
  /** ibkr:connected and ibkr:account (null account = delete the key); null when nothing to write. */
  status: { connected: 0 | 1; account: IbkrAccount | null } | null;
}

export function collectFlush(
  state: IngestState,
  clockNow: number,
  wallNow: number,
  timing: WriteTiming,
  statusDue: boolean,
): FlushContent {
  const symbols: SymbolWrites[] = [];
  for (const feed of state.feedList) {
    const w = collectWrites(feed, clockNow, wallNow, timing, state);
    if (w !== null) symbols.push(w);
  }
  const options: OptionWrite[] = [];
  for (const feed of state.options.values()) {
    if (!feed.changed) continue;
    const pendingSince = feed.firstPendingAt;
    const arrivals = feed.arrivals.take();
    feed.changed = false;
    feed.firstPendingAt = -1;
    const quote = feed.quote(clockNow);
    if (quote === null) {
      state.reject('crossed_quote', feed.spec.occ);
      continue;
    }
    options.push({ occ: feed.spec.occ, underlying: feed.spec.underlying, quote, pendingSince, arrivals });
  }
  const errors = state.errors.size > 0 ? state.errors.drain() : [];
  let status: FlushContent['status'] = null;
  if (state.statusDirty || statusDue) {
    status = { connected: state.connected, account: state.account };
    state.statusDirty = false;
  }
  return { symbols, options, errors, status };
}
