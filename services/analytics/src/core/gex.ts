// Dealer gamma and delta exposure of one option chain at the live spot: headline GEX ($ per 1 % move),
// walls, the re-priced zero-gamma profile, DEX and chain-wide Greeks. Alpha Vantage Greeks are used as
// given; a contract without them is re-priced with Black–Scholes from its IV; a contract with impossible
// Greeks is excluded. When too much open interest is unusable the chain is rejected (no output).
import {
  CONTRACT_MULTIPLIER,
  bsm,
  deltaExposure,
  gammaExposure,
  gammaProfile,
  type DeltaContract,
  type GammaContract,
  type ZeroGammaContract,
} from '@alphatrader/quant';
import { yearsToClose, type OptionChain } from '@alphatrader/shared';

export interface ChainOptions {
  minOpenInterest: number;
  riskFreeRate: number;
  dividendYield: number;
  /** Largest share of open interest that may be unusable before the chain is rejected. */
  maxBadOpenInterestFraction: number;
}

export interface ChainProblem {
  kind: 'missing_greeks' | 'impossible_value';
  message: string;
  value: number | null;
}

export interface ChainExposure {
  /** Net dealer GEX, $ per 1 % move. */
  total: number;
  totalPerDollar: number;
  callWall: number | null;
  putWall: number | null;
  zeroGamma: number | null;
  byStrike: { strike: number; call: number; put: number; net: number }[];
  byExpiry: { expiry: string; net: number }[];
  /** Re-priced net GEX ($ per 1 %) at hypothetical spot levels. */
  profile: { level: number; net: number }[];
  dex: { total: number; calls: number; puts: number };
  /** Σ Greek × OI × 100 over the usable contracts. */
  greeks: { delta: number; gamma: number; thetaPerDay: number; vegaPerPoint: number };
  /** Contract lines used (open interest ≥ the ghost-strike minimum, usable Greeks). */
  contracts: number;
  /** Share of the (non-ghost) open interest that was usable, 0..1. */
  coverage: number;
}

export type ChainResult =
  { ok: true; value: ChainExposure; problems: ChainProblem[] } | { ok: false; problems: ChainProblem[] };

export function chainExposure(
  chain: OptionChain,
  spot: number,
  now: number,
  opts: ChainOptions,
): ChainResult {
  const gammaRows: GammaContract[] = [];
  const deltaRows: DeltaContract[] = [];
  const profileRows: ZeroGammaContract[] = [];
  const yearsByExpiry = new Map<string, number>();
  const greeks = { delta: 0, gamma: 0, thetaPerDay: 0, vegaPerPoint: 0 };
  let totalOi = 0;
  let usableOi = 0;
  let impossible = 0;
  let impossibleOi = 0;
  let missing = 0;
  let missingOi = 0;
  let repriced = 0;

  for (const c of chain.contracts) {
    const oi = c.openInterest;
    if (oi < opts.minOpenInterest || oi === 0) continue;
    totalOi += oi;
    let T = yearsByExpiry.get(c.expiry);
    if (T === undefined) {
      T = yearsToClose(now, c.expiry);
      yearsByExpiry.set(c.expiry, T);
    }
    const wrongDelta = c.delta !== null && (c.right === 'C' ? c.delta < 0 : c.delta > 0);
    if ((c.gamma !== null && c.gamma < 0) || wrongDelta || (c.vega !== null && c.vega < 0)) {
      impossible++;
      impossibleOi += oi;
      continue;
    }
    let gamma = c.gamma;
    let delta = c.delta;
    if ((gamma === null || delta === null) && c.iv !== null) {
      const g = bsm({
        S: spot,
        K: c.strike,
        T,
        r: opts.riskFreeRate,
        q: opts.dividendYield,
        sigma: c.iv,
        right: c.right,
      });
      gamma ??= g.gamma;
      delta ??= g.delta;
      repriced++;
    }
    if (gamma === null || delta === null) {
      missing++;
      missingOi += oi;
      continue;
    }
    usableOi += oi;
    gammaRows.push({ strike: c.strike, right: c.right, gamma, openInterest: oi, expiry: c.expiry });
    deltaRows.push({ right: c.right, delta, openInterest: oi });
    if (c.iv !== null) profileRows.push({ strike: c.strike, right: c.right, openInterest: oi, iv: c.iv, T });
    const units = oi * CONTRACT_MULTIPLIER;
    greeks.delta += delta * units;
    greeks.gamma += gamma * units;
    greeks.thetaPerDay += (c.theta ?? 0) * units;
    greeks.vegaPerPoint += (c.vega ?? 0) * units;
  }

  const problems: ChainProblem[] = [];
  if (missing > 0 || repriced > 0) {
    problems.push({
      kind: 'missing_greeks',
      message: `${missing + repriced} contracts without Greeks: ${repriced} re-priced from IV, ${missing} unusable`,
      value: missing + repriced,
    });
  }
  if (impossible > 0) {
    problems.push({
      kind: 'impossible_value',
      message: `${impossible} contracts with negative gamma or vega or a wrong-signed delta excluded`,
      value: impossible,
    });
  }
  const badShare = totalOi > 0 ? (impossibleOi + missingOi) / totalOi : 1;
  if (usableOi === 0 || badShare > opts.maxBadOpenInterestFraction) {
    problems.push({
      kind: missingOi >= impossibleOi ? 'missing_greeks' : 'impossible_value',
      message:
        usableOi === 0
          ? 'no contract with usable Greeks and open interest: no exposure published'
          : `${(badShare * 100).toFixed(1)} % of open interest unusable: no exposure published`,
      value: badShare,
    });
    return { ok: false, problems };
  }

  // Rows are already filtered to open interest ≥ the minimum; pass 0 so the quant functions keep them all.
  const gex = gammaExposure(gammaRows, spot, { minOpenInterest: 0 });
  const dex = deltaExposure(deltaRows, spot, { minOpenInterest: 0 });
  const profile = gammaProfile(profileRows, spot, {
    r: opts.riskFreeRate,
    q: opts.dividendYield,
    minOpenInterest: 0,
  });

  return {
    ok: true,
    problems,
    value: {
      total: gex.total,
      totalPerDollar: gex.totalPerDollar,
      callWall: gex.callWall,
      putWall: gex.putWall,
      zeroGamma: profile.zeroGamma,
      byStrike: gex.byStrike.map((s) => ({ strike: s.strike, call: s.call, put: s.put, net: s.net })),
      byExpiry: gex.byExpiry.flatMap((e) => (e.expiry === null ? [] : [{ expiry: e.expiry, net: e.net }])),
      profile: profile.levels.map((level, i) => ({ level, net: profile.gex[i]! })),
      dex: { total: dex.total, calls: dex.calls, puts: dex.puts },
      greeks,
      contracts: gammaRows.length,
      coverage: totalOi > 0 ? usableOi / totalOi : 0,
    },
  };
}

/**
 * ATM implied volatility of the nearest unexpired expiry: the mean IV of the call and put at the strike
 * closest to spot (either alone if the other has none). Null when the chain has no IV near spot.
 */
export function atmImpliedVol(chain: OptionChain, spot: number, now: number): number | null {
  const withIv = new Set<string>();
  for (const c of chain.contracts) if (c.iv !== null) withIv.add(c.expiry);
  let bestExpiry: string | null = null;
  for (const e of withIv) {
    if (yearsToClose(now, e) > 0 && (bestExpiry === null || e < bestExpiry)) bestExpiry = e;
  }
  if (bestExpiry === null) return null;
  let bestStrike: number | null = null;
  for (const c of chain.contracts) {
    if (c.expiry !== bestExpiry || c.iv === null) continue;
    if (bestStrike === null || Math.abs(c.strike - spot) < Math.abs(bestStrike - spot)) bestStrike = c.strike;
  }
  let sum = 0;
  let n = 0;
  for (const c of chain.contracts) {
    if (c.expiry === bestExpiry && c.strike === bestStrike && c.iv !== null) {
      sum += c.iv;
      n++;
    }
  }
  return n === 0 ? null : sum / n;
}
