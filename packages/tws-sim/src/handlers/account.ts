// Positions, account summary, P&L, managed accounts and current time.
import type { SimPosition } from '../broker/core/types';
import type { RequestOf } from '../codec/decoder';
import {
  accountSummary,
  accountSummaryEnd,
  currentTime,
  managedAccounts,
  pnl,
  pnlSingle,
  positionEnd,
} from '../codec/encoder';
import { position } from '../codec/trading';
import type { SimContext } from '../context';
import type { Session } from '../session';

export function reqPositions(ctx: SimContext, s: Session): void {
  for (const p of ctx.broker.positions()) position(s.w, p);
  positionEnd(s.w);
  s.positionsSubscribed = true;
  s.touched();
}

export function cancelPositions(_ctx: SimContext, s: Session): void {
  s.positionsSubscribed = false;
}

export function writeAccountSummary(ctx: SimContext, s: Session, reqId: number, tags: string): void {
  for (const v of ctx.broker.ledger.summary(tags))
    accountSummary(s.w, reqId, ctx.account, v.tag, v.value, v.currency);
}

export function reqAccountSummary(ctx: SimContext, s: Session, r: RequestOf<'reqAccountSummary'>): void {
  s.accountSummary.set(r.reqId, r.tags);
  writeAccountSummary(ctx, s, r.reqId, r.tags);
  accountSummaryEnd(s.w, r.reqId);
  s.touched();
}

export function cancelAccountSummary(
  _ctx: SimContext,
  s: Session,
  r: RequestOf<'cancelAccountSummary'>,
): void {
  s.accountSummary.delete(r.reqId);
}

export function writePnl(ctx: SimContext, s: Session, reqId: number): void {
  const v = ctx.broker.ledger.pnl();
  pnl(s.w, reqId, v.daily, v.unrealized, v.realized);
}

export function writePnlSingle(ctx: SimContext, s: Session, reqId: number, conId: number): void {
  const v = ctx.broker.ledger.pnlSingle(conId) ?? { pos: 0, daily: 0, unrealized: 0, realized: 0, value: 0 };
  pnlSingle(s.w, reqId, v.pos, v.daily, v.unrealized, v.realized, v.value);
}

export function reqPnl(ctx: SimContext, s: Session, r: RequestOf<'reqPnl'>): void {
  s.pnl.add(r.reqId);
  writePnl(ctx, s, r.reqId);
  s.touched();
}

export function cancelPnl(_ctx: SimContext, s: Session, r: RequestOf<'cancelPnl'>): void {
  s.pnl.delete(r.reqId);
}

export function reqPnlSingle(ctx: SimContext, s: Session, r: RequestOf<'reqPnlSingle'>): void {
  s.pnlSingle.set(r.reqId, r.conId);
  writePnlSingle(ctx, s, r.reqId, r.conId);
  s.touched();
}

export function cancelPnlSingle(_ctx: SimContext, s: Session, r: RequestOf<'cancelPnlSingle'>): void {
  s.pnlSingle.delete(r.reqId);
}

export function reqManagedAccts(ctx: SimContext, s: Session): void {
  managedAccounts(s.w, ctx.account);
  s.touched();
}

/** CURRENT_TIME answers with the simulated clock (the demo runs in simulated time). */
export function reqCurrentTime(ctx: SimContext, s: Session): void {
  currentTime(s.w, Math.floor(ctx.model.now() / 1000));
  s.touched();
}

/** Account-wide updates after fills: positions, account summaries and P&L of every connection. */
export function pushAccountUpdates(ctx: SimContext, changed: Iterable<SimPosition>): void {
  const changedList = [...changed];
  for (const s of ctx.sessions()) {
    if (s.state !== 'ready') continue;
    if (s.positionsSubscribed) for (const p of changedList) position(s.w, p);
    for (const [reqId, tags] of s.accountSummary) writeAccountSummary(ctx, s, reqId, tags);
    for (const reqId of s.pnl) writePnl(ctx, s, reqId);
    for (const [reqId, conId] of s.pnlSingle) writePnlSingle(ctx, s, reqId, conId);
    s.touched();
  }
}
