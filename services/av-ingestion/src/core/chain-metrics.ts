// What the ingestion derives from one validated chain: Greeks by expiry/strike/right, put/call flow,
// volume-against-open-interest outliers with their evidence, and the open interest of a session.
import type {
  Greeks,
  GreeksByStrike,
  OpenInterestHistory,
  OptionContract,
  OptionsFlow,
  UnusualOptions,
} from '@alphatrader/shared';
import type { UnusualSettings } from './settings';

/** Contract multiplier: premium = volume × mark × 100. */
export const CONTRACT_MULTIPLIER = 100;

function greeksOf(c: OptionContract): Greeks {
  return {
    iv: c.iv,
    delta: c.delta,
    gamma: c.gamma,
    thetaPerDay: c.theta,
    vegaPerPoint: c.vega,
    rhoPerPct: c.rho,
  };
}

/** Greeks grouped by expiry (ascending) and strike (ascending), call and put side by side. */
export function greeksByStrike(
  symbol: string,
  contracts: readonly OptionContract[],
  ts: number,
): GreeksByStrike {
  const byExpiry = new Map<string, Map<number, { call: Greeks | null; put: Greeks | null }>>();
  for (const c of contracts) {
    let strikes = byExpiry.get(c.expiry);
    if (strikes === undefined) {
      strikes = new Map();
      byExpiry.set(c.expiry, strikes);
    }
    let row = strikes.get(c.strike);
    if (row === undefined) {
      row = { call: null, put: null };
      strikes.set(c.strike, row);
    }
    if (c.right === 'C') row.call = greeksOf(c);
    else row.put = greeksOf(c);
  }
  const expiries = [...byExpiry.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([expiry, strikes]) => ({
      expiry,
      strikes: [...strikes.entries()].sort(([a], [b]) => a - b).map(([strike, r]) => ({ strike, ...r })),
    }));
  return { symbol, expiries, ts };
}

const premiumOf = (c: OptionContract): number => c.volume * c.mark * CONTRACT_MULTIPLIER;
const ratio = (num: number, den: number): number | null => (den > 0 ? num / den : null);

/** Put/call volume and premium (volume × mark × 100) over the chain. */
export function optionsFlow(symbol: string, contracts: readonly OptionContract[], ts: number): OptionsFlow {
  let callVolume = 0;
  let putVolume = 0;
  let callPremium = 0;
  let putPremium = 0;
  for (const c of contracts) {
    if (c.right === 'C') {
      callVolume += c.volume;
      callPremium += premiumOf(c);
    } else {
      putVolume += c.volume;
      putPremium += premiumOf(c);
    }
  }
  return {
    symbol,
    callVolume,
    putVolume,
    putCallVolumeRatio: ratio(putVolume, callVolume),
    callPremium,
    putPremium,
    putCallPremiumRatio: ratio(putPremium, callPremium),
    ts,
  };
}

const usd = (n: number): string =>
  n >= 1e6 ? `$${(n / 1e6).toFixed(2)}M` : n >= 1e3 ? `$${(n / 1e3).toFixed(1)}k` : `$${n.toFixed(0)}`;

/**
 * Contracts trading unusually against their open interest: volume ≥ minVolume and volume / OI ≥
 * volumeOiRatio (OI 0 counts as 1: new positions opened today), largest premium first.
 */
export function unusualActivity(
  symbol: string,
  contracts: readonly OptionContract[],
  settings: UnusualSettings,
  ts: number,
): UnusualOptions {
  const flagged = contracts
    .filter((c) => c.volume >= settings.minVolume && c.volume > 0)
    .map((c) => ({ c, volumeOiRatio: c.volume / Math.max(1, c.openInterest), premium: premiumOf(c) }))
    .filter((x) => x.volumeOiRatio >= settings.volumeOiRatio)
    .sort((a, b) => b.premium - a.premium || b.volumeOiRatio - a.volumeOiRatio)
    .slice(0, settings.maxContracts);
  return {
    symbol,
    contracts: flagged.map(({ c, volumeOiRatio, premium }) => ({
      occ: c.occ,
      volume: c.volume,
      openInterest: c.openInterest,
      volumeOiRatio,
      premium,
      reason:
        `volume ${c.volume} vs open interest ${c.openInterest} (${volumeOiRatio.toFixed(2)}×), ` +
        `${usd(premium)} premium at mark ${c.mark.toFixed(2)}`,
    })),
    threshold: Math.max(settings.volumeOiRatio, Number.MIN_VALUE),
    ts,
  };
}

/** Open interest of one session by expiry (the HISTORICAL_OPTIONS backfill). */
export function openInterestHistory(
  symbol: string,
  date: string,
  contracts: readonly OptionContract[],
  ts: number,
): OpenInterestHistory {
  const byExpiry = new Map<string, { callOpenInterest: number; putOpenInterest: number }>();
  let calls = 0;
  let puts = 0;
  for (const c of contracts) {
    const row = byExpiry.get(c.expiry) ?? { callOpenInterest: 0, putOpenInterest: 0 };
    if (c.right === 'C') {
      row.callOpenInterest += c.openInterest;
      calls += c.openInterest;
    } else {
      row.putOpenInterest += c.openInterest;
      puts += c.openInterest;
    }
    byExpiry.set(c.expiry, row);
  }
  return {
    symbol,
    date,
    callOpenInterest: calls,
    putOpenInterest: puts,
    byExpiry: [...byExpiry.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([expiry, r]) => ({ expiry, ...r })),
    contracts: contracts.length,
    ts,
  };
}
