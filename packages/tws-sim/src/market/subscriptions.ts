// Market-data subscriptions of a connection: what was asked for, pre-encoded message heads and the
// last values sent (ticks go out only when a value changes, as TWS does).
import { heads } from '../codec/encoder';
import { TickByTickType, type TickByTickName } from '../codec/ids';
import type { SimContract } from '../contracts';
import type { Session } from '../session';

export interface MktDataSub {
  reqId: number;
  session: Session;
  contract: SimContract;
  rtVolume: boolean;
  hPrice: Uint8Array;
  hSize: Uint8Array;
  hString: Uint8Array;
  hOption: Uint8Array;
  bid: number;
  ask: number;
  bidSize: number;
  askSize: number;
  last: number;
  volume: number;
  high: number;
  low: number;
  /** Option model values last sent (mark, underlying, iv, delta). */
  optKey: string;
}

export interface DepthSub {
  reqId: number;
  session: Session;
  symbol: string;
  /** Rows per side shown to the client (≤ 10). */
  numRows: number;
  isSmartDepth: boolean;
  head: Uint8Array;
  /** Rows the client holds: [ask side, bid side] (IB's side numbers). */
  rows: [number, number];
  /** Set when updates were dropped; the next update rebuilds the client's book. */
  resync: boolean;
}

export interface BarSub {
  reqId: number;
  session: Session;
  symbol: string;
  head: Uint8Array;
}

export interface TbtSub {
  reqId: number;
  session: Session;
  symbol: string;
  type: number;
  head: Uint8Array;
  bid: number;
  ask: number;
  bidSize: number;
  askSize: number;
}

export function newMktDataSub(
  reqId: number,
  session: Session,
  contract: SimContract,
  genericTicks: readonly string[],
): MktDataSub {
  return {
    reqId,
    session,
    contract,
    rtVolume: genericTicks.includes('233'),
    hPrice: heads.tickPrice(reqId),
    hSize: heads.tickSize(reqId),
    hString: heads.tickString(reqId),
    hOption: heads.tickOptionComputation(reqId),
    bid: NaN,
    ask: NaN,
    bidSize: NaN,
    askSize: NaN,
    last: NaN,
    volume: NaN,
    high: NaN,
    low: NaN,
    optKey: '',
  };
}

export function newDepthSub(
  reqId: number,
  session: Session,
  symbol: string,
  numRows: number,
  isSmartDepth: boolean,
): DepthSub {
  return {
    reqId,
    session,
    symbol,
    numRows: Math.max(1, Math.min(10, numRows)),
    isSmartDepth,
    head: heads.depthL2(reqId),
    rows: [0, 0],
    resync: false,
  };
}

export function newBarSub(reqId: number, session: Session, symbol: string): BarSub {
  return { reqId, session, symbol, head: heads.realTimeBar(reqId) };
}

export function tickByTickTypeOf(name: string): number | undefined {
  const key = Object.keys(TickByTickType).find((k) => k.toLowerCase() === name.trim().toLowerCase());
  return key ? TickByTickType[key as TickByTickName] : undefined;
}

export function newTbtSub(reqId: number, session: Session, symbol: string, type: number): TbtSub {
  return {
    reqId,
    session,
    symbol,
    type,
    head: heads.tickByTick(reqId, type),
    bid: NaN,
    ask: NaN,
    bidSize: NaN,
    askSize: NaN,
  };
}
