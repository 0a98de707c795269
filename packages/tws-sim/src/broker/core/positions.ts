// Position accounting as IB reports it: avgCost per unit includes the multiplier and the opening
// commission (added to a long's cost, taken from a short's proceeds); closing fills realize P&L net
// of their commission.

export interface PositionState {
  qty: number;
  avgCost: number;
  realizedPnl: number;
}

export interface AppliedFill {
  next: PositionState;
  /** Realized by this fill (0 when it only opens or adds). */
  realized: number;
  /** True when the fill reduced or closed an existing position. */
  closing: boolean;
}

/**
 * Books a fill of `qty` units (positive) at `price` with `commission`, `signed` +1 buy / -1 sell.
 */
export function applyFill(
  pos: PositionState,
  signed: 1 | -1,
  qty: number,
  price: number,
  multiplier: number,
  commission: number,
): AppliedFill {
  const unitCost = price * multiplier;
  const sameDirection = pos.qty === 0 || Math.sign(pos.qty) === signed;
  if (sameDirection) {
    const newQty = pos.qty + signed * qty;
    // Commission raises a long's cost basis and lowers a short's proceeds.
    const totalCost = Math.abs(pos.qty) * pos.avgCost + qty * unitCost + signed * commission;
    return {
      next: { qty: newQty, avgCost: totalCost / Math.abs(newQty), realizedPnl: pos.realizedPnl },
      realized: 0,
      closing: false,
    };
  }
  const closeQty = Math.min(qty, Math.abs(pos.qty));
  const openQty = qty - closeQty;
  // Long closed by a sell gains (price - cost); short closed by a buy gains (cost - price).
  const perUnit = pos.qty > 0 ? unitCost - pos.avgCost : pos.avgCost - unitCost;
  const closeCommission = commission * (closeQty / qty);
  const realized = perUnit * closeQty - closeCommission;
  const remainingQty = pos.qty + signed * closeQty;
  if (openQty === 0) {
    return {
      next: {
        qty: remainingQty,
        avgCost: remainingQty === 0 ? 0 : pos.avgCost,
        realizedPnl: pos.realizedPnl + realized,
      },
      realized,
      closing: true,
    };
  }
  // The fill flipped the position: the rest opens at this price.
  const openCost = openQty * unitCost + signed * (commission - closeCommission);
  return {
    next: { qty: signed * openQty, avgCost: openCost / openQty, realizedPnl: pos.realizedPnl + realized },
    realized,
    closing: true,
  };
}

/** Unrealized P&L of a position at a mark price. */
export function unrealizedPnl(pos: PositionState, mark: number, multiplier: number): number {
  if (pos.qty === 0 || !Number.isFinite(mark) || mark <= 0) return 0;
  return (mark * multiplier - pos.avgCost) * pos.qty;
}
