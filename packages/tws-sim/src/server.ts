// The gateway simulator: a TCP server speaking the TWS API at server version 193, wired to the market
// model, the paper broker, fault injection and the loopback control API.
import { createServer, type AddressInfo, type Server } from 'node:net';
import type { MarketModel } from '@alphatrader/market-sim';
import { PaperBroker } from './broker/broker';
import type { SimPosition } from './broker/core/types';
import { decodeRequest, DecodeError, peekRequestId } from './codec/decoder';
import { errorMessage } from './codec/encoder';
import { Code } from './codec/ids';
import { ContractRegistry } from './contracts';
import { silentLogger, type SimContext, type TwsSimLogger } from './context';
import { startControlApi, type ControlApi } from './control-api';
import { Faults } from './faults';
import type { Incoming } from './framing';
import {
  dispatch,
  onHandshake,
  onStartApi,
  pushAccountUpdates,
  routeBrokerEvent,
  writePnl,
  writePnlSingle,
} from './handlers';
import { writeAccountSummary } from './handlers/account';
import { Firehose } from './market/firehose';
import { MarketFeed } from './market/feed';
import { Session, type SessionHost } from './session';

export interface TwsSimOptions {
  model: MarketModel;
  /** TCP port of the API (0 = any free port). */
  port?: number;
  host?: string;
  /** Port of the loopback HTTP control API (0 = any free port). */
  controlPort?: number;
  /** Paper account id (DU…). */
  account?: string;
  logger?: TwsSimLogger;
  startingCash?: number;
  /** Wall-clock period of option quote refreshes and option order matching. */
  optionRefreshMs?: number;
  /** Wall-clock period of P&L updates to REQ_PNL subscribers (TWS: about one a second). */
  pnlIntervalMs?: number;
  /** Wall-clock period of account-summary updates (TWS: every 3 minutes); fills also trigger one. */
  accountSummaryIntervalMs?: number;
}

export interface ClientStats {
  session: number;
  clientId: number | null;
  remote: string;
  connectedAt: number;
  messagesSent: number;
  bytesSent: number;
  marketDataDropped: number;
  /** Bytes written but not yet taken by the client's socket (bounded by backpressure). */
  outputQueueBytes: number;
  subscriptions: { mktData: number; depth: number; realTimeBars: number; tickByTick: number };
}

export interface TwsSimStats {
  /** Frames written to sockets since start (all connections, closed ones included). */
  messagesSent: number;
  bytesSent: number;
  marketDataDropped: number;
  requestsReceived: number;
  decodeErrors: number;
  connectionsAccepted: number;
  clients: ClientStats[];
  orders: { total: number; working: number };
  executions: number;
  firehose: boolean;
}

export interface TwsSim {
  readonly port: number;
  readonly controlPort: number;
  readonly host: string;
  readonly faults: Faults;
  readonly broker: PaperBroker;
  readonly firehose: Firehose;
  stats(): TwsSimStats;
  stop(): Promise<void>;
}

export async function startTwsSim(opts: TwsSimOptions): Promise<TwsSim> {
  const host = opts.host ?? '127.0.0.1';
  const account = opts.account ?? 'DU1234567';
  const log = opts.logger ?? silentLogger;
  const model = opts.model;
  const sessions = new Set<Session>();
  const totals = { messagesSent: 0, bytesSent: 0, dropped: 0, requests: 0, decodeErrors: 0, accepted: 0 };

  const contracts = new ContractRegistry(model);
  const broker = new PaperBroker({ account, contracts, market: model, startingCash: opts.startingCash });

  // ---- output batching: every touched session is flushed once per event-loop turn -------------
  const dirty = new Set<Session>();
  let flushScheduled = false;
  function flushSession(s: Session): void {
    const m = s.messagesSent;
    const b = s.bytesSent;
    s.flush();
    totals.messagesSent += s.messagesSent - m;
    totals.bytesSent += s.bytesSent - b;
  }
  function flushDirty(): void {
    flushScheduled = false;
    for (const s of dirty) flushSession(s);
    dirty.clear();
  }

  const faults = new Faults({
    sessions: () => sessions,
    clearMarketData: () => {
      for (const s of sessions) feed.removeSession(s);
    },
    endMarketData: (code, message) => {
      let n = 0;
      for (const s of sessions) {
        if (s.state !== 'ready') continue;
        const ids = [...s.mktData.keys(), ...s.depth.keys(), ...s.bars.keys(), ...s.tbt.keys()];
        for (const reqId of ids) errorMessage(s.w, reqId, code, message);
        n += ids.length;
        feed.removeSession(s);
        s.touched();
      }
      return n;
    },
    flushAll: () => {
      for (const s of sessions) flushSession(s);
    },
    simNowSec: () => Math.floor(model.now() / 1000),
    broker,
  });
  const feed = new MarketFeed(model, faults);
  const ctx: SimContext = { model, contracts, broker, feed, faults, account, log, sessions: () => sessions };

  const sessionHost: SessionHost = {
    isSilent: () => faults.isSilent(),
    isDataHalted: () => faults.isDataHalted(),
    scheduleFlush: (s) => {
      dirty.add(s);
      if (!flushScheduled) {
        flushScheduled = true;
        setImmediate(flushDirty);
      }
    },
    onUnits: (s, units) => handleUnits(s, units),
    onClose: (s, reason) => {
      sessions.delete(s);
      dirty.delete(s);
      feed.removeSession(s);
      totals.dropped += s.dropped;
      log.info({ session: s.id, clientId: s.clientId, reason }, 'connection closed');
    },
    onFramingError: (s, err) => {
      totals.decodeErrors++;
      log.warn({ session: s.id, err: err.message }, 'unreadable byte stream, closing connection');
    },
  };

  function handleUnits(s: Session, units: Incoming[]): void {
    for (const u of units) {
      if (s.state === 'closed') return;
      if (u.kind === 'handshake') {
        onHandshake(ctx, s, u.minVersion, u.maxVersion);
        continue;
      }
      totals.requests++;
      let req;
      try {
        req = decodeRequest(u.fields);
      } catch (err) {
        if (!(err instanceof DecodeError)) throw err;
        totals.decodeErrors++;
        log.warn({ session: s.id, msgId: u.fields[0], err: err.message }, 'invalid request rejected');
        if (s.state === 'ready') {
          errorMessage(
            s.w,
            peekRequestId(u.fields),
            Code.ERROR_READING_REQUEST,
            `Error reading request. ${err.message}`,
          );
          s.touched();
        }
        continue;
      }
      if (s.state === 'awaiting-start') {
        if (req.type === 'startApi') onStartApi(ctx, s, req.clientId);
        else log.warn({ session: s.id, type: req.type }, 'request before START_API ignored');
        continue;
      }
      if (s.state !== 'ready') continue;
      try {
        dispatch(ctx, s, req);
      } catch (err) {
        // A failing handler answers that request with an error; the gateway and the connection go on.
        log.error(
          { session: s.id, type: req.type, err: err instanceof Error ? err.message : String(err) },
          'request failed',
        );
        errorMessage(
          s.w,
          peekRequestId(u.fields),
          Code.ERROR_VALIDATING_REQUEST,
          'Server error when validating an API client request.',
        );
        s.touched();
      }
    }
  }

  // ---- broker → clients ------------------------------------------------------------------------
  const changedPositions = new Map<number, SimPosition>();
  let accountUpdateScheduled = false;
  broker.subscribe((e) => {
    if (e.type === 'position') {
      changedPositions.set(e.position.contract.conId, e.position);
      if (!accountUpdateScheduled) {
        accountUpdateScheduled = true;
        setImmediate(() => {
          accountUpdateScheduled = false;
          const list = [...changedPositions.values()];
          changedPositions.clear();
          pushAccountUpdates(ctx, list);
        });
      }
      return;
    }
    routeBrokerEvent(ctx, e);
  });
  let feedErrors = 0;
  feed.start(
    (ev) => broker.onMarketEvent(ev),
    (err) => {
      // Never let a consumer fault break the model's loop; log the first few.
      if (feedErrors++ < 10)
        log.error({ err: err instanceof Error ? err.message : String(err) }, 'market event handling failed');
    },
  );

  // A fault in the model must not take the gateway down: log it and carry on with the next period.
  const guarded = (what: string, fn: () => void) => (): void => {
    try {
      fn();
    } catch (err) {
      log.error({ err: err instanceof Error ? err.message : String(err) }, `${what} failed`);
    }
  };
  const optionTimer = setInterval(
    guarded('option refresh', () => {
      feed.refreshOptions();
      broker.onTimer();
    }),
    opts.optionRefreshMs ?? 250,
  );
  const pnlTimer = setInterval(() => {
    for (const s of sessions) {
      if (s.state !== 'ready' || (s.pnl.size === 0 && s.pnlSingle.size === 0)) continue;
      for (const reqId of s.pnl) writePnl(ctx, s, reqId);
      for (const [reqId, conId] of s.pnlSingle) writePnlSingle(ctx, s, reqId, conId);
      s.touched();
    }
  }, opts.pnlIntervalMs ?? 1_000);
  const summaryTimer = setInterval(() => {
    for (const s of sessions) {
      if (s.state !== 'ready' || s.accountSummary.size === 0) continue;
      for (const [reqId, tags] of s.accountSummary) writeAccountSummary(ctx, s, reqId, tags);
      s.touched();
    }
  }, opts.accountSummaryIntervalMs ?? 180_000);
  for (const t of [optionTimer, pnlTimer, summaryTimer]) t.unref();

  const firehose = new Firehose(feed, model);

  // ---- TCP server ------------------------------------------------------------------------------
  let nextSessionId = 1;
  const server: Server = createServer((socket) => {
    totals.accepted++;
    const s = new Session(nextSessionId++, socket, sessionHost);
    sessions.add(s);
    if (faults.isSilent()) s.pause();
    log.debug({ session: s.id, remote: s.remote }, 'connection accepted');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;

  const stats = (): TwsSimStats => {
    const all = broker.allOrders();
    let dropped = totals.dropped;
    const clients: ClientStats[] = [];
    for (const s of sessions) {
      dropped += s.dropped;
      clients.push({
        session: s.id,
        clientId: s.clientId ?? null,
        remote: s.remote,
        connectedAt: s.connectedAt,
        messagesSent: s.messagesSent,
        bytesSent: s.bytesSent,
        marketDataDropped: s.dropped,
        outputQueueBytes: s.outputQueueBytes,
        subscriptions: {
          mktData: s.mktData.size,
          depth: s.depth.size,
          realTimeBars: s.bars.size,
          tickByTick: s.tbt.size,
        },
      });
    }
    return {
      messagesSent: totals.messagesSent,
      bytesSent: totals.bytesSent,
      marketDataDropped: dropped,
      requestsReceived: totals.requests,
      decodeErrors: totals.decodeErrors,
      connectionsAccepted: totals.accepted,
      clients,
      orders: { total: all.length, working: broker.openOrders().length },
      executions: broker.listExecutions().length,
      firehose: firehose.active,
    };
  };

  let control: ControlApi;
  try {
    control = await startControlApi({
      host: '127.0.0.1',
      port: opts.controlPort ?? 0,
      faults: faults,
      firehose,
      stats,
    });
  } catch (err) {
    server.close();
    throw err;
  }
  log.info({ port, controlPort: control.port, account }, 'tws-sim listening');

  let stopped = false;
  return {
    port,
    host,
    controlPort: control.port,
    faults: faults,
    broker,
    firehose,
    stats,
    async stop(): Promise<void> {
      if (stopped) return;
      stopped = true;
      firehose.stop();
      clearInterval(optionTimer);
      clearInterval(pnlTimer);
      clearInterval(summaryTimer);
      faults.dispose();
      feed.stop();
      broker.stop();
      await control.close();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const s of sessions) s.destroy();
      await closed;
    },
  };
}
