// The model's event output: subscribers, the emitted count, and the events built from the book's depth
// operations and the trade generator's prints (integer cents and venue indices → dollars and names).
import type { DepthUpdate, MarketEvent, Trade, TradeKind } from './types';
import { BID, VENUES, type DepthOp, type SideIndex } from './book';
import { TRF_VENUE, TRF_VENUE_CODE } from './trades';

const OPS = ['insert', 'update', 'delete'] as const;

export class EventStream {
  /** Events emitted so far. */
  emitted = 0;
  private listeners: ((e: MarketEvent) => void)[] = [];

  /** Whether anyone listens (building an event is skipped otherwise). */
  get active(): boolean {
    return this.listeners.length > 0;
  }

  subscribe(listener: (event: MarketEvent) => void): () => void {
    this.listeners = [...this.listeners, listener];
    return () => {
      this.listeners = this.listeners.filter((l) => l !== listener);
    };
  }

  emit(event: MarketEvent): void {
    this.emitted++;
    const ls = this.listeners;
    for (let i = 0; i < ls.length; i++) ls[i]!(event);
  }
}

export function depthUpdate(
  symbol: string,
  ts: number,
  side: SideIndex,
  position: number,
  op: DepthOp,
  priceCents: number,
  size: number,
  venue: number,
): DepthUpdate {
  return {
    symbol,
    ts,
    side: side === BID ? 'bid' : 'ask',
    position,
    operation: OPS[op],
    price: priceCents / 100,
    size,
    venue: VENUES[venue] ?? 'NSDQ',
  };
}

export function tapeTrade(
  symbol: string,
  ts: number,
  price: number,
  size: number,
  venue: number,
  buy: boolean,
  kind: TradeKind,
): Trade {
  return {
    symbol,
    ts,
    price,
    size,
    venue: venue === TRF_VENUE ? TRF_VENUE_CODE : (VENUES[venue] ?? 'NSDQ'),
    side: buy ? 'buy' : 'sell',
    kind,
  };
}
