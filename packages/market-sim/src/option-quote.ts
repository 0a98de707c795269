// One option contract's quote from its expiry's inputs: Black–Scholes price and Greeks from
// @alphatrader/quant at the surface's implied vol, a bid/ask on the product's tick around it, and
// hash-drawn sizes, open interest and volume (no live random stream is touched).
import { bsm, type OptionRight } from '@alphatrader/quant';
import type { OptionQuote } from './types';
import type { SymbolSpec } from './symbols';
import { hashUnit, mix32 } from './rng';

export const RISK_FREE_RATE = 0.045;

/** Per-expiry inputs shared by every contract of one build. */
export interface ExpiryInputs {
  spec: SymbolSpec;
  expiry: string;
  spot: number;
  ref: number;
  now: number;
  T: number;
  forward: number;
  atm: number;
  sd: number;
  skew: number;
  oiSd: number;
  baseOi: number;
  turnover: number;
  cumVol: number;
  squeeze: number;
  second: number;
  spreadMult: number;
}

function roundTo(x: number, tick: number): number {
  return Math.round(Math.round(x / tick) * tick * 100) / 100;
}

/**
 * The quote of one contract. `h` is its id hash, `profile` its open-interest weight by moneyness and
 * round strike, `m` its log-moneyness against the reference in open-interest standard deviations.
 */
export function quoteContract(
  a: ExpiryInputs,
  contractId: string,
  h: number,
  strike: number,
  right: OptionRight,
  iv: number,
  profile: number,
  m: number,
): OptionQuote {
  const g = bsm({ S: a.spot, K: strike, T: a.T, r: RISK_FREE_RATE, q: a.spec.divYield, sigma: iv, right });
  const theo = g.price;
  // OTM options carry more open interest than ITM ones. A squeeze opens new call positions around
  // the current spot, on top of the day's open interest.
  const otm = right === 'P' ? m < 0 : m > 0;
  const u = hashUnit(h);
  let oi = a.baseOi * profile * (otm ? 1.2 : 0.45) * (0.4 + 1.2 * u);
  let volume = a.baseOi * profile * a.turnover * a.cumVol * (0.3 + hashUnit(h ^ 0x5bd1e995));
  if (right === 'C' && a.squeeze > 0) {
    const z = Math.log(strike / a.spot) / a.oiSd;
    const surge = a.baseOi * a.squeeze * Math.exp(-0.5 * z * z) * (0.6 + 0.8 * u);
    oi += 1.5 * surge;
    volume += 3 * surge;
  }
  oi = Math.round(oi);
  volume = Math.round(volume);

  const tier = a.spec.tier;
  const tick = tier === 'etf' ? 0.01 : tier === 'index' ? (theo < 3 ? 0.05 : 0.1) : theo < 3 ? 0.01 : 0.05;
  const pct = tier === 'etf' ? 0.015 : tier === 'index' ? 0.02 : tier === 'mega' ? 0.03 : 0.05;
  const maxWidth = tier === 'etf' ? 0.15 : tier === 'index' ? 2 : tier === 'mega' ? 0.6 : 0.4;
  const width = Math.min(maxWidth, Math.max(tick, pct * theo)) * a.spreadMult;
  let bidTicks = Math.floor((theo - width / 2) / tick + 1e-9);
  let askTicks = Math.ceil((theo + width / 2) / tick - 1e-9);
  if (bidTicks < 0) bidTicks = 0;
  if (askTicks <= bidTicks) askTicks = bidTicks + 1;
  const bid = Math.round(bidTicks * tick * 100) / 100;
  const ask = Math.round(askTicks * tick * 100) / 100;
  const sizeHash = mix32(h + a.second);
  const maxSize = tier === 'etf' || tier === 'index' ? 600 : 150;
  const sizeScale = 0.2 + 0.8 * Math.exp(-0.5 * m * m);
  return {
    contractId,
    underlying: a.spec.symbol,
    expiry: a.expiry,
    strike,
    right,
    bid,
    ask,
    last: volume > 0 ? Math.max(bid, Math.min(ask, roundTo(theo, tick))) : 0,
    mark: Math.round(((bid + ask) / 2) * 1000) / 1000,
    bidSize: bid > 0 ? 1 + Math.floor(hashUnit(sizeHash) * maxSize * sizeScale) : 0,
    askSize: 1 + Math.floor(hashUnit(sizeHash ^ 0x27d4eb2d) * maxSize * sizeScale),
    volume,
    openInterest: oi,
    iv,
    delta: g.delta,
    gamma: g.gamma,
    theta: g.thetaPerDay,
    vega: g.vegaPerPoint,
    rho: g.rho / 100,
    underlyingPrice: a.spot,
    ts: a.now,
    theo,
  };
}
