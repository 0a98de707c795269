// Implied volatility: safeguarded Newton on vega inside a shrinking bracket on [1e-6, 5], falling back to
// bisection whenever a Newton step would leave the bracket or vega is too small to trust.
import { bsmPriceVega, requireMarketInput, type MarketInput } from './bsm';
import { requireFinite } from './errors';

export interface ImpliedVolInput extends MarketInput {
  /** Observed option price ($ per unit of underlying, same units as bsm().price). */
  price: number;
}

/** Search interval for σ (per year). */
export const IV_MIN = 1e-6;
export const IV_MAX = 5;
const MAX_ITERATIONS = 200;

/**
 * Black–Scholes–Merton implied volatility (per year, decimal: 0.2 = 20 %).
 * Returns null when no volatility explains the price: T ≤ 0, a price outside the open no-arbitrage
 * interval (call: (max(Se^{−qT} − Ke^{−rT}, 0), Se^{−qT}); put: (max(Ke^{−rT} − Se^{−qT}, 0), Ke^{−rT})),
 * or an implied σ outside [1e-6, 5]. Never a clamped number.
 * @throws QuantInputError on a non-finite input, S ≤ 0, K ≤ 0 or an unknown right.
 */
export function impliedVol(input: ImpliedVolInput): number | null {
  requireFinite('price', input.price);
  requireMarketInput(input);
  const { price, S, K, T, r, q, right } = input;
  if (T <= 0) return null;

  const isCall = right === 'C';
  const Sd = S * Math.exp(-q * T);
  const Kd = K * Math.exp(-r * T);
  const lower = isCall ? Math.max(Sd - Kd, 0) : Math.max(Kd - Sd, 0);
  const upper = isCall ? Sd : Kd;
  if (!(price > lower && price < upper)) return null;

  let lo = IV_MIN;
  let hi = IV_MAX;
  const fLo = bsmPriceVega(S, K, T, r, q, lo, isCall).price - price;
  if (fLo > 0) return null; // implied σ below the search floor
  if (fLo === 0) return lo;
  const fHi = bsmPriceVega(S, K, T, r, q, hi, isCall).price - price;
  if (fHi < 0) return null; // implied σ above the search ceiling
  if (fHi === 0) return hi;

  let sigma = initialGuess(S, K, T, r, q, price, Sd);
  // Relative to the time value (price − lower bound), which is what σ explains: far out of the money a
  // price of 1e-20 still pins σ down, deep in the money the time value is a sliver of the price. The
  // floor is the rounding noise of the price itself.
  const priceTol = Math.max(1e-13 * (price - lower), 4 * Number.EPSILON * price);
  for (let i = 0; i < MAX_ITERATIONS; i++) {
    const { price: p, vega } = bsmPriceVega(S, K, T, r, q, sigma, isCall);
    const diff = p - price;
    if (Math.abs(diff) <= priceTol) return sigma;
    // Price is increasing in σ, so the sign of diff tells which side of the root σ is on.
    if (diff < 0) lo = sigma;
    else hi = sigma;
    let next = vega > 1e-300 ? sigma - diff / vega : Number.NaN;
    if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
    if (Math.abs(next - sigma) <= 1e-15 * Math.max(1, sigma) || hi - lo <= 1e-15 * hi) return next;
    sigma = next;
  }
  return sigma;
}

/**
 * Starting point: the inflection point of price in σ (Manaster–Koehler), where vega is largest and Newton
 * converges fastest; near the money the Brenner–Subrahmanyam approximation instead.
 */
function initialGuess(
  S: number,
  K: number,
  T: number,
  r: number,
  q: number,
  price: number,
  Sd: number,
): number {
  const mk = Math.sqrt((2 * Math.abs(Math.log(S / K) + (r - q) * T)) / T);
  const guess = mk > 0.05 ? mk : Math.sqrt((2 * Math.PI) / T) * (price / Sd);
  return Math.min(Math.max(guess, 0.01), 2);
}
