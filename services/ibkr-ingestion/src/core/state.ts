// The service's in-memory state shared by the gateway side (writes into it message by message) and the
// Redis side (drains it once per flush): symbol feeds, option feeds, connection status, pending error
// records and metrics. Everything in it is bounded: per-symbol rings, at most the option line budget,
// and the error ring.
import type { IbkrAccount, IbkrError } from '@alphatrader/shared';
import { FeedMetrics, type DropBuffer } from './metrics';
import { OptionFeed, type OptionContractSpec } from './options';
import type { RejectReason } from './quality';
import { DropOldestRing } from './ring';
import type { IngestSettings } from './settings';
import { SymbolFeed, type QualitySink } from './symbol-feed';

/** monitoring:ibkr:errors holds 500; more than that between two flushes could not be kept anyway. */
const ERRORS_PENDING = 500;

export type RejectLogger = (
  reason: RejectReason,
  symbol: string,
  detail: string | undefined,
  count: number,
) => void;

/** Logs a rejection reason once per symbol and window; every one is counted. */
export class RejectSampler {
  private readonly lastLogged = new Map<string, number>();

  constructor(
    private readonly windowMs: number,
    private readonly log: RejectLogger,
    private readonly now: () => number,
  ) {}

  report(reason: RejectReason, symbol: string, detail: string | undefined, total: number): void {
    const key = `${reason}|${symbol}`;
    const t = this.now();
    const last = this.lastLogged.get(key);
    if (last !== undefined && t - last < this.windowMs) return;
    this.lastLogged.set(key, t);
    this.log(reason, symbol, detail, total);
  }
}

export class IngestState implements QualitySink {
  readonly feeds = new Map<string, SymbolFeed>();
  readonly feedList: SymbolFeed[];
  readonly options = new Map<string, OptionFeed>();
  readonly metrics: FeedMetrics;
  readonly errors = new DropOldestRing<IbkrError>(ERRORS_PENDING);

  connected: 0 | 1 = 0;
  account: IbkrAccount | null = null;
  /** Set when connected/account changed and must be written at the next flush. */
  statusDirty = true;

  private sampler: RejectSampler | null = null;

  constructor(
    readonly settings: IngestSettings,
    wallNow: number,
  ) {
    this.metrics = new FeedMetrics(wallNow);
    this.feedList = settings.symbols.map((s) => new SymbolFeed(s, settings, this));
    for (const f of this.feedList) this.feeds.set(f.symbol, f);
  }

  useRejectSampler(sampler: RejectSampler): void {
    this.sampler = sampler;
  }

  reject(reason: RejectReason, symbol: string, detail?: string): void {
    this.metrics.reject(reason);
    this.sampler?.report(reason, symbol, detail, this.metrics.invalid.get(reason) ?? 0);
  }

  drop(buffer: DropBuffer, n: number): void {
    this.metrics.drop(buffer, n);
  }

  lag(ms: number): void {
    this.metrics.lag(ms);
  }

  setConnected(value: 0 | 1): void {
    if (this.connected !== value) this.statusDirty = true;
    this.connected = value;
    this.metrics.connected = value;
  }

  setAccount(account: IbkrAccount | null): void {
    const same =
      (account === null && this.account === null) ||
      (account !== null &&
        this.account !== null &&
        account.accountId === this.account.accountId &&
        account.managedAccounts.join(',') === this.account.managedAccounts.join(','));
    if (!same) this.statusDirty = true;
    this.account = account;
  }

  recordError(e: IbkrError): void {
    if (this.errors.push(e)) this.metrics.drop('errors', 1);
  }

  addOption(spec: OptionContractSpec): OptionFeed {
    const existing = this.options.get(spec.occ);
    if (existing !== undefined) return existing;
    const feed = new OptionFeed(spec);
    this.options.set(spec.occ, feed);
    return feed;
  }

  removeOption(occ: string): void {
    this.options.delete(occ);
  }
}

/** The account to report: the configured one if TWS manages it, else the first managed account. */
export function chooseAccount(
  managed: readonly string[],
  configured: string | null,
  ts: number,
): { account: IbkrAccount | null; problem: string | null } {
  const list = managed.map((a) => a.trim()).filter((a) => a.length > 0);
  if (list.length === 0) return { account: null, problem: 'TWS reported no managed accounts' };
  let accountId = list[0]!;
  let problem: string | null = null;
  if (configured !== null) {
    if (list.includes(configured)) accountId = configured;
    else problem = `configured account ${configured} is not among the managed accounts (${list.join(', ')})`;
  }
  if (problem !== null) return { account: null, problem };
  return { account: { accountId, managedAccounts: list, paper: accountId.startsWith('D'), ts }, problem };
}
