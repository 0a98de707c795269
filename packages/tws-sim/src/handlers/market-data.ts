// REQ/CANCEL of market data, depth, real-time bars and tick-by-tick data.
import type { RequestOf } from '../codec/decoder';
import { errorMessage } from '../codec/encoder';
import { Code } from '../codec/ids';
import type { SimContext } from '../context';
import type { SimContract } from '../contracts';
import { newBarSub, newDepthSub, newMktDataSub, newTbtSub, tickByTickTypeOf } from '../market/subscriptions';
import type { Session } from '../session';

const NO_SECDEF = 'No security definition has been found for the request';

function fail(s: Session, reqId: number, code: number, message: string): void {
  errorMessage(s.w, reqId, code, message);
  s.touched();
}

function resolve(
  ctx: SimContext,
  s: Session,
  reqId: number,
  q: RequestOf<'reqMktData'>['contract'],
): SimContract | undefined {
  const c = ctx.contracts.resolveOne(q);
  if (!c) fail(s, reqId, Code.NO_SECURITY_DEFINITION, NO_SECDEF);
  return c;
}

function duplicate(s: Session, reqId: number, active: boolean): boolean {
  if (active) fail(s, reqId, Code.DUPLICATE_TICKER_ID, 'Duplicate ticker id');
  return active;
}

export function reqMktData(ctx: SimContext, s: Session, r: RequestOf<'reqMktData'>): void {
  if (duplicate(s, r.reqId, s.mktData.has(r.reqId))) return;
  const c = resolve(ctx, s, r.reqId, r.contract);
  if (!c) return;
  const sub = newMktDataSub(r.reqId, s, c, r.genericTicks);
  const snapshot = r.snapshot || r.regulatorySnapshot;
  if (!snapshot) s.mktData.set(r.reqId, sub);
  ctx.feed.addMktData(sub, snapshot);
}

export function cancelMktData(ctx: SimContext, s: Session, r: RequestOf<'cancelMktData'>): void {
  const sub = s.mktData.get(r.reqId);
  if (!sub) {
    fail(s, r.reqId, Code.CANT_FIND_EID, `Can't find EId with tickerId:${r.reqId}`);
    return;
  }
  s.mktData.delete(r.reqId);
  ctx.feed.removeMktData(sub);
}

export function reqMktDepth(ctx: SimContext, s: Session, r: RequestOf<'reqMktDepth'>): void {
  if (duplicate(s, r.reqId, s.depth.has(r.reqId))) return;
  const c = resolve(ctx, s, r.reqId, r.contract);
  if (!c) return;
  if (c.secType !== 'STK' || !ctx.model.book(c.symbol)) {
    fail(
      s,
      r.reqId,
      Code.DEPTH_NOT_SUPPORTED,
      'Deep market data is not supported for this combination of security type/exchange',
    );
    return;
  }
  if (ctx.faults.isDepthDenied(c.symbol)) {
    fail(
      s,
      r.reqId,
      Code.DEPTH_PERMISSION_WARNING,
      'Exchanges - Depth: IEX; Top: BYX; AMEX; BATS; EDGEA; Need additional market data permissions - Depth: NASDAQ.TOTALVIEW; ARCA; NYSE.OPENBOOK;',
    );
    return;
  }
  const sub = newDepthSub(r.reqId, s, c.symbol, r.numRows, r.isSmartDepth);
  s.depth.set(r.reqId, sub);
  ctx.feed.addDepth(sub);
}

export function cancelMktDepth(ctx: SimContext, s: Session, r: RequestOf<'cancelMktDepth'>): void {
  const sub = s.depth.get(r.reqId);
  if (!sub) return;
  s.depth.delete(r.reqId);
  ctx.feed.removeDepth(sub);
}

export function reqRealTimeBars(ctx: SimContext, s: Session, r: RequestOf<'reqRealTimeBars'>): void {
  if (duplicate(s, r.reqId, s.bars.has(r.reqId))) return;
  const c = resolve(ctx, s, r.reqId, r.contract);
  if (!c) return;
  if (c.secType === 'OPT') {
    fail(
      s,
      r.reqId,
      Code.ERROR_VALIDATING_REQUEST,
      "Error validating request.-'bT' : cause - Real-time bars of options are not simulated",
    );
    return;
  }
  if (r.barSize !== 5) {
    fail(
      s,
      r.reqId,
      Code.ERROR_VALIDATING_REQUEST,
      `Error validating request.-'bT' : cause - Invalid bar size ${r.barSize}, only 5 seconds`,
    );
    return;
  }
  const sub = newBarSub(r.reqId, s, c.symbol);
  s.bars.set(r.reqId, sub);
  ctx.feed.addBars(sub);
}

export function cancelRealTimeBars(ctx: SimContext, s: Session, r: RequestOf<'cancelRealTimeBars'>): void {
  const sub = s.bars.get(r.reqId);
  if (!sub) return;
  s.bars.delete(r.reqId);
  ctx.feed.removeBars(sub);
}

export function reqTickByTick(ctx: SimContext, s: Session, r: RequestOf<'reqTickByTick'>): void {
  if (duplicate(s, r.reqId, s.tbt.has(r.reqId))) return;
  const type = tickByTickTypeOf(r.tickType);
  if (type === undefined) {
    fail(
      s,
      r.reqId,
      Code.ERROR_VALIDATING_REQUEST,
      `Error validating request.-'bS' : cause - Invalid tick type ${r.tickType}`,
    );
    return;
  }
  const c = resolve(ctx, s, r.reqId, r.contract);
  if (!c) return;
  if (c.secType !== 'STK') {
    fail(
      s,
      r.reqId,
      Code.ERROR_VALIDATING_REQUEST,
      "Error validating request.-'bS' : cause - Tick-by-tick data is simulated for stocks only",
    );
    return;
  }
  const sub = newTbtSub(r.reqId, s, c.symbol, type);
  s.tbt.set(r.reqId, sub);
  ctx.feed.addTbt(sub);
}

export function cancelTickByTick(ctx: SimContext, s: Session, r: RequestOf<'cancelTickByTick'>): void {
  const sub = s.tbt.get(r.reqId);
  if (!sub) return;
  s.tbt.delete(r.reqId);
  ctx.feed.removeTbt(sub);
}
