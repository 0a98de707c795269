// Contract registry: turns the contract fields of a request into a simulated instrument
// (stock, index or listed option of the market model) with a stable conId, as TWS's sec-def does.
import { occId, occRoot, parseOccId, type MarketModel, type OptionQuote } from '@alphatrader/market-sim';

export type SecType = 'STK' | 'OPT' | 'IND';

export interface SimContract {
  conId: number;
  /** Underlying symbol for options. */
  symbol: string;
  secType: SecType;
  /** YYYYMMDD for options, '' otherwise. */
  expiry: string;
  strike: number;
  right: '' | 'C' | 'P';
  /** 100 for options, 1 otherwise. */
  multiplier: number;
  exchange: string;
  primaryExchange: string;
  currency: string;
  localSymbol: string;
  tradingClass: string;
  longName: string;
  minTick: number;
  /** The market model's option id (OCC compact form). */
  optionId?: string;
  underConId?: number;
}

/** Contract fields of a request, as the client sends them (12-field block). */
export interface ContractQuery {
  conId: number;
  symbol: string;
  secType: string;
  lastTradeDateOrContractMonth: string;
  strike?: number | undefined;
  right: string;
  multiplier: string;
  exchange: string;
  primaryExch: string;
  currency: string;
  localSymbol: string;
  tradingClass: string;
}

const NASDAQ_LISTED = new Set([
  'AAPL',
  'MSFT',
  'NVDA',
  'AMZN',
  'META',
  'GOOGL',
  'GOOG',
  'TSLA',
  'AMD',
  'QQQ',
  'NFLX',
  'INTC',
]);
const ARCA_LISTED = new Set(['SPY', 'IWM', 'DIA', 'GLD', 'TLT', 'XLF', 'XLE', 'VXX']);
const BATS_LISTED = new Set(['VXX']);
const LONG_NAMES: Record<string, string> = {
  SPY: 'SPDR S&P 500 ETF TRUST',
  QQQ: 'INVESCO QQQ TRUST SERIES 1',
  IWM: 'ISHARES RUSSELL 2000 ETF',
  AAPL: 'APPLE INC',
  MSFT: 'MICROSOFT CORP',
  NVDA: 'NVIDIA CORP',
  AMZN: 'AMAZON.COM INC',
  META: 'META PLATFORMS INC-CLASS A',
  GOOGL: 'ALPHABET INC-CL A',
  TSLA: 'TESLA INC',
  AMD: 'ADVANCED MICRO DEVICES',
  VXX: 'IPATH SERIES B S&P 500 VIX',
  SPX: 'S&P 500 Stock Index',
};

/** FNV-1a, mapped into the positive int32 range TWS uses for conIds. */
export function conIdFor(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return 100_000 + (h % 2_000_000_000);
}

/** OCC 21-character symbol (root padded to 6), TWS's localSymbol for US options. */
export function occLocalSymbol(root: string, expiryYmd: string, right: 'C' | 'P', strike: number): string {
  return `${root.padEnd(6, ' ')}${expiryYmd.slice(2)}${right}${String(Math.round(strike * 1000)).padStart(8, '0')}`;
}

const ymd = (isoDate: string): string => isoDate.replaceAll('-', '');

/** Parses an OCC symbol in compact or padded (21-character) form. */
function parseOcc(s: string): { root: string; expiry: string; right: 'C' | 'P'; strike: number } | undefined {
  const p = parseOccId(s.replace(/\s+/g, '').toUpperCase());
  return p ? { root: p.underlying, expiry: ymd(p.expiry), right: p.right, strike: p.strike } : undefined;
}

export function normalizeRight(r: string): '' | 'C' | 'P' {
  const u = r.trim().toUpperCase();
  if (u === 'C' || u === 'CALL') return 'C';
  if (u === 'P' || u === 'PUT') return 'P';
  return '';
}

export class ContractRegistry {
  private readonly byConId = new Map<number, SimContract>();
  private readonly bySymbol = new Map<string, SimContract>();
  private readonly byOptionId = new Map<string, SimContract>();
  /** Simulated time of the last full option index (options list as days pass). */
  private indexedAt = -Infinity;

  constructor(private readonly model: MarketModel) {
    for (const s of model.symbols) this.register(this.makeUnderlying(s, 'STK'));
    // The index is modelled for quotes and options only (no book, no trades).
    for (const s of ['SPX']) {
      if (!this.bySymbol.has(s) && model.quote(s)) this.register(this.makeUnderlying(s, 'IND'));
    }
  }

  underlyings(): SimContract[] {
    return [...this.bySymbol.values()];
  }

  byId(conId: number): SimContract | undefined {
    let c = this.byConId.get(conId);
    if (!c && this.model.now() - this.indexedAt >= 60_000) {
      this.indexAllOptions();
      c = this.byConId.get(conId);
    }
    return c;
  }

  underlying(symbol: string): SimContract | undefined {
    return this.bySymbol.get(symbol.toUpperCase());
  }

  /** The option contract for a model option, registering it on first sight. */
  option(q: OptionQuote): SimContract {
    const known = this.byOptionId.get(q.contractId);
    if (known) return known;
    const expiry = ymd(q.expiry);
    const root = q.underlying;
    const under = this.bySymbol.get(root);
    const c: SimContract = {
      conId: conIdFor(`OPT:${q.contractId}`),
      symbol: root,
      secType: 'OPT',
      expiry,
      strike: q.strike,
      right: q.right,
      multiplier: 100,
      exchange: 'SMART',
      primaryExchange: '',
      currency: 'USD',
      localSymbol: occLocalSymbol(occRoot(root), expiry, q.right, q.strike),
      tradingClass: occRoot(root),
      longName: LONG_NAMES[root] ?? root,
      minTick: 0.01,
      optionId: q.contractId,
      ...(under ? { underConId: under.conId } : {}),
    };
    this.register(c);
    return c;
  }

  /** Exactly one tradable contract for an order or a market-data request, or undefined. */
  resolveOne(q: ContractQuery): SimContract | undefined {
    const matches = this.resolve(q, 2);
    return matches.length === 1 ? matches[0] : undefined;
  }

  /** Every contract matching the query (as REQ_CONTRACT_DATA answers), at most `limit`. */
  resolve(q: ContractQuery, limit = 5000): SimContract[] {
    if (q.conId > 0) {
      const c = this.byId(q.conId);
      return c && this.compatible(c, q) ? [c] : [];
    }
    const secType = q.secType.trim().toUpperCase();
    if (secType === 'OPT' || secType === 'FOP') return this.resolveOptions(q, limit);
    const symbol = (q.symbol || q.localSymbol).trim().toUpperCase();
    const c = this.bySymbol.get(symbol);
    if (!c) return [];
    if (secType !== '' && secType !== c.secType) return [];
    return [c];
  }

  private compatible(c: SimContract, q: ContractQuery): boolean {
    const secType = q.secType.trim().toUpperCase();
    if (secType !== '' && secType !== c.secType) return false;
    const symbol = q.symbol.trim().toUpperCase();
    return symbol === '' || symbol === c.symbol;
  }

  private resolveOptions(q: ContractQuery, limit: number): SimContract[] {
    const occ = q.localSymbol ? parseOcc(q.localSymbol) : undefined;
    const root = (q.symbol.trim().toUpperCase() || occ?.root || '').replace(/^SPXW$/, 'SPX');
    if (!root || !this.bySymbol.has(root)) return [];
    const expiryQ = (q.lastTradeDateOrContractMonth.trim() || occ?.expiry || '').replaceAll('-', '');
    const rightQ = normalizeRight(q.right) || occ?.right || '';
    const strikeQ = q.strike !== undefined && q.strike > 0 ? q.strike : occ?.strike;
    const tradingClass = q.tradingClass.trim().toUpperCase();
    // Fast path: fully specified contract.
    if (expiryQ.length === 8 && rightQ && strikeQ !== undefined) {
      const iso = `${expiryQ.slice(0, 4)}-${expiryQ.slice(4, 6)}-${expiryQ.slice(6, 8)}`;
      const quote = this.model.optionQuote(
        occId({ underlying: root, expiry: iso, right: rightQ, strike: strikeQ }),
      );
      if (!quote) return [];
      const c = this.option(quote);
      return !tradingClass || tradingClass === c.tradingClass ? [c] : [];
    }
    const expiries = this.model.expiries(root).filter((e) => expiryQ === '' || ymd(e).startsWith(expiryQ));
    if (expiries.length === 0) return [];
    const out: SimContract[] = [];
    for (const quote of this.model.optionChain(root, expiries)) {
      if (rightQ && quote.right !== rightQ) continue;
      if (strikeQ !== undefined && Math.abs(quote.strike - strikeQ) > 1e-6) continue;
      const c = this.option(quote);
      if (tradingClass && tradingClass !== c.tradingClass) continue;
      out.push(c);
      if (out.length >= limit) break;
    }
    return out;
  }

  private indexAllOptions(): void {
    this.indexedAt = this.model.now();
    for (const c of this.bySymbol.values()) {
      for (const q of this.model.optionChain(c.symbol)) this.option(q);
    }
  }

  private makeUnderlying(symbol: string, secType: SecType): SimContract {
    const s = symbol.toUpperCase();
    const primary =
      secType === 'IND'
        ? 'CBOE'
        : NASDAQ_LISTED.has(s)
          ? 'NASDAQ'
          : BATS_LISTED.has(s)
            ? 'BATS'
            : ARCA_LISTED.has(s)
              ? 'ARCA'
              : 'NYSE';
    return {
      conId: conIdFor(`${secType}:${s}`),
      symbol: s,
      secType,
      expiry: '',
      strike: 0,
      right: '',
      multiplier: 1,
      exchange: secType === 'IND' ? 'CBOE' : 'SMART',
      primaryExchange: primary,
      currency: 'USD',
      localSymbol: s,
      tradingClass: s,
      longName: LONG_NAMES[s] ?? `${s} INC`,
      minTick: 0.01,
    };
  }

  private register(c: SimContract): void {
    this.byConId.set(c.conId, c);
    if (c.optionId) this.byOptionId.set(c.optionId, c);
    else this.bySymbol.set(c.symbol, c);
  }
}
