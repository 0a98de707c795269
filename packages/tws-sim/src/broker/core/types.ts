// Paper-broker domain types (no I/O).
import type { SimContract } from '../../contracts';

export type OrderAction = 'BUY' | 'SELL';
export type OrderType = 'MKT' | 'LMT';
export type OrderStatusName = 'PreSubmitted' | 'Submitted' | 'Cancelled' | 'Filled' | 'Inactive';
export type AdaptivePriority = 'Urgent' | 'Normal' | 'Patient';

export interface TagValue {
  tag: string;
  value: string;
}

export interface SimOrder {
  orderId: number;
  clientId: number;
  permId: number;
  contract: SimContract;
  action: OrderAction;
  totalQuantity: number;
  orderType: OrderType;
  lmtPrice: number | undefined;
  tif: string;
  account: string;
  orderRef: string;
  outsideRth: boolean;
  /** '' or 'Adaptive'. */
  algoStrategy: string;
  algoParams: TagValue[];
  status: OrderStatusName;
  filled: number;
  avgFillPrice: number;
  lastFillPrice: number;
  /** Commission charged so far. */
  commission: number;
  /** Simulated time the order started working (ms). */
  placedAt: number;
  /** Wall-clock time before which the order does not fill (fill-delay fault). */
  eligibleAt: number;
}

export interface SimExecution {
  execId: string;
  orderId: number;
  clientId: number;
  permId: number;
  contract: SimContract;
  side: 'BOT' | 'SLD';
  shares: number;
  price: number;
  /** Simulated time (ms). */
  time: number;
  account: string;
  /** Venue the fill came from. */
  exchange: string;
  cumQty: number;
  avgPrice: number;
  orderRef: string;
  /** 1 added liquidity, 2 removed liquidity. */
  lastLiquidity: number;
  commission: number;
  /** Realized P&L of this execution (closing fills), else undefined. */
  realizedPnl: number | undefined;
}

export interface SimPosition {
  account: string;
  contract: SimContract;
  /** Signed quantity (shares or contracts). */
  qty: number;
  /** Average cost per unit including the multiplier and commissions, as IB reports it. */
  avgCost: number;
  realizedPnl: number;
}

export interface PnlValues {
  daily: number;
  unrealized: number;
  realized: number;
}

/** A fill before it is booked. */
export interface Fill {
  price: number;
  qty: number;
  venue: string;
  /** 1 added liquidity (passive), 2 removed (aggressive). */
  liquidity: 1 | 2;
}

export interface Level {
  price: number;
  size: number;
  venue: string;
}
