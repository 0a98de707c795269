// Request ids and what they are for. Ids only grow for the life of the process, so a late message or
// error for a cancelled request can never be mistaken for a new one; recently cancelled ids are
// remembered so TWS's "can't find EId" (300) after a cancel is recognised as benign.

export type SubKind = 'quote' | 'depth' | 'bars' | 'tape' | 'option';

export interface Subscription {
  readonly reqId: number;
  readonly kind: SubKind;
  /** Stock symbol, or the underlying for an option. */
  readonly symbol: string;
  /** OCC id for options. */
  readonly occ: string | null;
}

/** What a stock symbol needs: level 1 (generic tick 233) and bars always; depth and tape for level 2. */
export function wantedKinds(level2: boolean, depthEnabled: boolean): SubKind[] {
  const kinds: SubKind[] = ['quote', 'bars'];
  if (level2) {
    if (depthEnabled) kinds.push('depth');
    kinds.push('tape');
  }
  return kinds;
}

const CANCELLED_KEPT = 4096;

export class SubscriptionTable {
  private nextId: number;
  private readonly active = new Map<number, Subscription>();
  private readonly cancelled = new Set<number>();

  constructor(firstId = 1) {
    this.nextId = firstId;
  }

  get size(): number {
    return this.active.size;
  }

  add(kind: SubKind, symbol: string, occ: string | null = null): Subscription {
    const sub: Subscription = { reqId: this.nextId++, kind, symbol, occ };
    this.active.set(sub.reqId, sub);
    return sub;
  }

  get(reqId: number): Subscription | undefined {
    return this.active.get(reqId);
  }

  find(kind: SubKind, key: string): Subscription | undefined {
    for (const s of this.active.values())
      if (s.kind === kind && (kind === 'option' ? s.occ : s.symbol) === key) return s;
    return undefined;
  }

  /** Forgets a request (cancelled, or refused by TWS). */
  remove(reqId: number): Subscription | undefined {
    const sub = this.active.get(reqId);
    if (sub === undefined) return undefined;
    this.active.delete(reqId);
    this.cancelled.add(reqId);
    if (this.cancelled.size > CANCELLED_KEPT) {
      const oldest = this.cancelled.values().next().value;
      if (oldest !== undefined) this.cancelled.delete(oldest);
    }
    return sub;
  }

  wasCancelled(reqId: number): boolean {
    return this.cancelled.has(reqId);
  }

  /** Removes and returns every active request (new session, or resubscribe after 1101). */
  clear(): Subscription[] {
    const all = [...this.active.values()];
    for (const s of all) this.remove(s.reqId);
    return all;
  }

  all(): Subscription[] {
    return [...this.active.values()];
  }

  ofKind(kind: SubKind): Subscription[] {
    return this.all().filter((s) => s.kind === kind);
  }
}
