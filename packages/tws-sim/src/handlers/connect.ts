// Handshake and START_API: version, connection time, then what TWS sends to a new API client.
import { errorMessage, managedAccounts, nextValidId } from '../codec/encoder';
import { Code, SERVER_VERSION } from '../codec/ids';
import type { SimContext } from '../context';
import type { Session } from '../session';
import { connectionTime } from '../time';

export function onHandshake(ctx: SimContext, s: Session, minVersion: number, maxVersion: number): void {
  if (maxVersion < SERVER_VERSION || minVersion > SERVER_VERSION) {
    // Only v193 is spoken; a client that cannot take it rejects the answer itself (its error 506).
    ctx.log.warn({ session: s.id, minVersion, maxVersion }, 'client version range excludes 193');
  }
  s.w.message([SERVER_VERSION, connectionTime(ctx.model.now())]);
  s.state = 'awaiting-start';
  s.touched();
}

export function onStartApi(ctx: SimContext, s: Session, clientId: number): void {
  for (const other of ctx.sessions()) {
    if (other !== s && other.state === 'ready' && other.clientId === clientId) {
      ctx.log.info({ session: s.id, clientId }, 'client id in use: refusing connection');
      errorMessage(
        s.w,
        -1,
        Code.CLIENT_ID_IN_USE,
        'Unable to connect as the client id is already in use. Retry with a unique client id.',
      );
      s.endAfterFlush();
      return;
    }
  }
  s.clientId = clientId;
  s.state = 'ready';
  const w = s.w;
  managedAccounts(w, ctx.account);
  nextValidId(w, ctx.broker.nextOrderId(clientId));
  errorMessage(w, -1, Code.MARKET_DATA_FARM_OK, 'Market data farm connection is OK:usfarm');
  errorMessage(w, -1, Code.HMDS_FARM_OK, 'HMDS data farm connection is OK:ushmds');
  errorMessage(w, -1, Code.SEC_DEF_FARM_OK, 'Sec-def data farm connection is OK:secdefnj');
  s.touched();
  ctx.log.info({ session: s.id, clientId, remote: s.remote }, 'API client connected');
}
