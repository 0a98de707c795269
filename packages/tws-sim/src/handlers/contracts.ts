// REQ_CONTRACT_DATA and REQ_SEC_DEF_OPT_PARAMS.
import { currentOrNextSession, isEarlyClose, nextTradingDay, occRoot } from '@alphatrader/market-sim';
import type { RequestOf } from '../codec/decoder';
import { contractDataEnd, errorMessage, secDefOptParams, secDefOptParamsEnd } from '../codec/encoder';
import { Code } from '../codec/ids';
import { contractData, type ContractDetailsExtras } from '../codec/trading';
import type { SimContext } from '../context';
import type { Session } from '../session';

/** At most this many contracts answer one request (a whole chain can be asked for). */
const MAX_DETAILS = 5_000;

/** TWS's hours strings for the next three sessions: "YYYYMMDD:HHMM-YYYYMMDD:HHMM;…". */
function hours(nowMs: number): ContractDetailsExtras {
  const liquid: string[] = [];
  const trading: string[] = [];
  let date = currentOrNextSession(nowMs).date;
  for (let i = 0; i < 3; i++) {
    const d = date.replaceAll('-', '');
    const close = isEarlyClose(date) ? '1300' : '1600';
    liquid.push(`${d}:0930-${d}:${close}`);
    trading.push(`${d}:0400-${d}:${close === '1300' ? '1700' : '2000'}`);
    date = nextTradingDay(date);
  }
  return { liquidHours: liquid.join(';'), tradingHours: trading.join(';'), timeZoneId: 'US/Eastern' };
}

export function reqContractData(ctx: SimContext, s: Session, r: RequestOf<'reqContractData'>): void {
  const matches = ctx.contracts.resolve(r.contract, MAX_DETAILS);
  if (matches.length === 0) {
    errorMessage(
      s.w,
      r.reqId,
      Code.NO_SECURITY_DEFINITION,
      'No security definition has been found for the request',
    );
  } else {
    const extras = hours(ctx.model.now());
    for (const c of matches) contractData(s.w, r.reqId, c, extras);
    contractDataEnd(s.w, r.reqId);
  }
  s.touched();
}

export function reqSecDefOptParams(ctx: SimContext, s: Session, r: RequestOf<'reqSecDefOptParams'>): void {
  const under =
    (r.underlyingConId > 0 ? ctx.contracts.byId(r.underlyingConId) : undefined) ??
    ctx.contracts.underlying(r.underlyingSymbol);
  if (under && under.secType !== 'OPT') {
    const expiries = ctx.model.expiries(under.symbol);
    const strikes = [...new Set(ctx.model.optionChain(under.symbol, expiries).map((q) => q.strike))].sort(
      (a, b) => a - b,
    );
    secDefOptParams(
      s.w,
      r.reqId,
      'SMART',
      under.conId,
      occRoot(under.symbol),
      100,
      expiries.map((e) => e.replaceAll('-', '')),
      strikes,
    );
  }
  secDefOptParamsEnd(s.w, r.reqId);
  s.touched();
}
