// Cash, positions, marks, P&L and the account-summary values of the paper account.
import type { Book, OptionQuote, Quote } from '@alphatrader/market-sim';
import type { SimContract } from '../contracts';
import { applyFill, unrealizedPnl } from './core/positions';
import type { PnlValues, SimPosition } from './core/types';

/** What the broker needs from the market model. */
export interface BrokerMarket {
  now(): number;
  isSessionOpen(): boolean;
  book(symbol: string): Book | undefined;
  quote(symbol: string): Quote | undefined;
  optionQuote(contractId: string): OptionQuote | undefined;
}

export interface AccountValue {
  value: string;
  currency: string;
}

const money = (x: number): string => (Number.isFinite(x) ? x.toFixed(2) : '0.00');

const LEDGER_TAGS = [
  'CashBalance',
  'TotalCashBalance',
  'AccruedCash',
  'StockMarketValue',
  'OptionMarketValue',
  'NetLiquidationByCurrency',
  'UnrealizedPnL',
  'RealizedPnL',
  'ExchangeRate',
] as const;

export class Ledger {
  private cash: number;
  private readonly startingCash: number;
  private readonly byConId = new Map<number, SimPosition>();

  constructor(
    readonly account: string,
    private readonly market: BrokerMarket,
    startingCash: number,
  ) {
    this.cash = startingCash;
    this.startingCash = startingCash;
  }

  /** Books a fill into cash and the position; returns the updated position. */
  book(
    contract: SimContract,
    signed: 1 | -1,
    qty: number,
    price: number,
    commission: number,
  ): { position: SimPosition; realized: number; closing: boolean } {
    const current = this.byConId.get(contract.conId) ?? {
      account: this.account,
      contract,
      qty: 0,
      avgCost: 0,
      realizedPnl: 0,
    };
    const applied = applyFill(current, signed, qty, price, contract.multiplier, commission);
    const position: SimPosition = { account: this.account, contract, ...applied.next };
    this.byConId.set(contract.conId, position);
    this.cash -= signed * qty * price * contract.multiplier + commission;
    return { position, realized: applied.realized, closing: applied.closing };
  }

  /** Every position traded this session, closed ones with quantity 0 (as TWS lists them). */
  positions(): SimPosition[] {
    return [...this.byConId.values()];
  }

  position(conId: number): SimPosition | undefined {
    return this.byConId.get(conId);
  }

  cashBalance(): number {
    return this.cash;
  }

  /** Mark price per unit (before the multiplier). */
  mark(c: SimContract): number {
    if (c.optionId) return this.market.optionQuote(c.optionId)?.mark ?? 0;
    const q = this.market.quote(c.symbol);
    if (!q) return 0;
    if (q.last > 0) return q.last;
    return q.bid > 0 && q.ask > 0 ? (q.bid + q.ask) / 2 : 0;
  }

  marketValue(p: SimPosition): number {
    return p.qty * this.mark(p.contract) * p.contract.multiplier;
  }

  pnl(): PnlValues {
    let unrealized = 0;
    let realized = 0;
    for (const p of this.byConId.values()) {
      unrealized += unrealizedPnl(p, this.mark(p.contract), p.contract.multiplier);
      realized += p.realizedPnl;
    }
    // The simulated account starts flat each run, so today's P&L is everything.
    return { daily: unrealized + realized, unrealized, realized };
  }

  pnlSingle(
    conId: number,
  ): { pos: number; daily: number; unrealized: number; realized: number; value: number } | undefined {
    const p = this.byConId.get(conId);
    if (!p) return undefined;
    const unrealized = unrealizedPnl(p, this.mark(p.contract), p.contract.multiplier);
    return {
      pos: p.qty,
      daily: unrealized + p.realizedPnl,
      unrealized,
      realized: p.realizedPnl,
      value: this.marketValue(p),
    };
  }

  /** Account-summary values for the requested tags (comma list, may include $LEDGER[:USD|:ALL]). */
  summary(tags: string): { tag: string; value: string; currency: string }[] {
    const wanted = tags
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean);
    const all = this.values();
    const out: { tag: string; value: string; currency: string }[] = [];
    for (const tag of wanted) {
      if (tag.startsWith('$LEDGER')) {
        for (const l of LEDGER_TAGS) {
          const v = all.ledger[l];
          out.push({ tag: l, value: v, currency: 'USD' });
        }
        continue;
      }
      const v = all.summary[tag];
      if (v) out.push({ tag, ...v });
    }
    return out;
  }

  private values(): {
    summary: Record<string, AccountValue>;
    ledger: Record<(typeof LEDGER_TAGS)[number], string>;
  } {
    let stockValue = 0;
    let optionValue = 0;
    let gross = 0;
    let initMargin = 0;
    let maintMargin = 0;
    for (const p of this.byConId.values()) {
      if (p.qty === 0) continue;
      const value = this.marketValue(p);
      gross += Math.abs(value);
      if (p.contract.secType === 'OPT') {
        optionValue += value;
        if (p.qty < 0) {
          // Short option: 20 % of the underlying plus the premium (simplified Reg T).
          const under = this.market.quote(p.contract.symbol);
          const underPx = under?.last ?? 0;
          const req = 0.2 * underPx * p.contract.multiplier * Math.abs(p.qty) + Math.abs(value);
          initMargin += req;
          maintMargin += req;
        }
      } else {
        stockValue += value;
        initMargin += 0.5 * Math.abs(value);
        maintMargin += 0.25 * Math.abs(value);
      }
    }
    const { unrealized, realized } = this.pnl();
    const netLiq = this.cash + stockValue + optionValue;
    const elv = this.cash + stockValue;
    const available = elv - initMargin;
    const excess = elv - maintMargin;
    const usd = (x: number): AccountValue => ({ value: money(x), currency: 'USD' });
    const plain = (v: string): AccountValue => ({ value: v, currency: '' });
    return {
      summary: {
        AccountType: plain('INDIVIDUAL'),
        NetLiquidation: usd(netLiq),
        TotalCashValue: usd(this.cash),
        SettledCash: usd(this.cash),
        AccruedCash: usd(0),
        BuyingPower: usd(Math.max(0, excess) * 4),
        EquityWithLoanValue: usd(elv),
        PreviousDayEquityWithLoanValue: usd(this.startingCash),
        GrossPositionValue: usd(gross),
        RegTEquity: usd(elv),
        RegTMargin: usd(initMargin),
        SMA: usd(Math.max(0, elv - initMargin)),
        InitMarginReq: usd(initMargin),
        MaintMarginReq: usd(maintMargin),
        AvailableFunds: usd(available),
        ExcessLiquidity: usd(excess),
        Cushion: plain(netLiq > 0 ? (excess / netLiq).toFixed(6) : '0'),
        FullInitMarginReq: usd(initMargin),
        FullMaintMarginReq: usd(maintMargin),
        FullAvailableFunds: usd(available),
        FullExcessLiquidity: usd(excess),
        LookAheadInitMarginReq: usd(initMargin),
        LookAheadMaintMarginReq: usd(maintMargin),
        LookAheadAvailableFunds: usd(available),
        LookAheadExcessLiquidity: usd(excess),
        DayTradesRemaining: plain('-1'),
        Leverage: plain(netLiq > 0 ? (gross / netLiq).toFixed(2) : '0'),
      },
      ledger: {
        CashBalance: money(this.cash),
        TotalCashBalance: money(this.cash),
        AccruedCash: money(0),
        StockMarketValue: money(stockValue),
        OptionMarketValue: money(optionValue),
        NetLiquidationByCurrency: money(netLiq),
        UnrealizedPnL: money(unrealized),
        RealizedPnL: money(realized),
        ExchangeRate: '1.00',
      },
    };
  }
}
