// Portfolio-level aggregates of the open positions: Greeks (per share Greeks × quantity × 100 for options,
// delta = shares for stock) and market value at the current marks. A position whose contract has no
// Greeks in the current chain lowers the confidence instead of counting as zero risk silently.
import { CONTRACT_MULTIPLIER } from '@alphatrader/quant';
import type { OptionContract, PortfolioAnalytics, Position } from '@alphatrader/shared';

export function portfolioAggregates(
  positions: readonly Position[],
  contract: (symbol: string, occ: string) => OptionContract | undefined,
  now: number,
): PortfolioAnalytics {
  const out = { delta: 0, gamma: 0, thetaPerDay: 0, vegaPerPoint: 0, marketValue: 0 };
  let covered = 0;
  for (const p of positions) {
    if (p.contract === null) {
      // Stock: delta in shares, value at the mark (or entry without one).
      out.delta += p.qty;
      out.marketValue += p.qty * (p.mark ?? p.entryPrice);
      covered++;
      continue;
    }
    const units = p.qty * CONTRACT_MULTIPLIER;
    const c = contract(p.contract.underlying, p.contract.occ);
    out.marketValue += units * (p.mark ?? c?.mark ?? p.entryPrice);
    if (c === undefined || c.delta === null || c.gamma === null) continue;
    out.delta += c.delta * units;
    out.gamma += c.gamma * units;
    out.thetaPerDay += (c.theta ?? 0) * units;
    out.vegaPerPoint += (c.vega ?? 0) * units;
    covered++;
  }
  return {
    ...out,
    positions: positions.length,
    confidence: positions.length === 0 ? 1 : covered / positions.length,
    ts: now,
  };
}
