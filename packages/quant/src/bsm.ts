// Black–Scholes–Merton with continuous dividend yield q (Hull; Haug, "generalized BSM" with b = r − q).
import { normCdf, normPdf } from './normal';
import { QuantInputError, requireFinite } from './errors';

export { QuantInputError } from './errors';

/** Option right: 'C' call, 'P' put. */
export type OptionRight = 'C' | 'P';

export interface BsmInput {
  /** Spot price of the underlying ($, > 0). */
  S: number;
  /** Strike ($, > 0). */
  K: number;
  /** Time to expiry in years of 365 calendar days; T ≤ 0 means expired (intrinsic value). */
  T: number;
  /** Continuously compounded risk-free rate per year (0.05 = 5 %). */
  r: number;
  /** Continuous dividend yield per year (0.02 = 2 %). */
  q: number;
  /** Volatility per year (0.2 = 20 %); σ ≤ 0 is treated like expiry (intrinsic value). */
  sigma: number;
  right: OptionRight;
}

export interface BsmResult {
  /** Option price ($ per share of underlying, i.e. per unit, not per 100-share contract). */
  price: number;
  /** ∂price/∂S (calls in [0, 1], puts in [−1, 0]). */
  delta: number;
  /** ∂²price/∂S², per $1 move of the underlying. */
  gamma: number;
  /** ∂price/∂σ per 1.00 (100 vol points) of σ. */
  vega: number;
  /** ∂price/∂t per year (negative = decay). */
  theta: number;
  /** ∂price/∂r per 1.00 (100 %) of r. */
  rho: number;
  /** theta / 365: $ per calendar day. */
  thetaPerDay: number;
  /** vega / 100: $ per vol point (1 % of σ). */
  vegaPerPoint: number;
}

export function assertRight(right: unknown): asserts right is OptionRight {
  if (right !== 'C' && right !== 'P') {
    throw new QuantInputError(`right must be 'C' or 'P' (got ${String(right)})`);
  }
}

/** The market side of a pricing input: everything but the volatility. */
export type MarketInput = Omit<BsmInput, 'sigma'>;

/**
 * Checks the market inputs shared by pricing and implied volatility.
 * @throws QuantInputError on a non-finite S, K, T, r or q, S ≤ 0, K ≤ 0 or an unknown right.
 */
export function requireMarketInput({ S, K, T, r, q, right }: MarketInput): void {
  requireFinite('S', S);
  requireFinite('K', K);
  requireFinite('T', T);
  requireFinite('r', r);
  requireFinite('q', q);
  if (!(S > 0)) throw new QuantInputError(`S must be positive (got ${S})`);
  if (!(K > 0)) throw new QuantInputError(`K must be positive (got ${K})`);
  assertRight(right);
}

/**
 * Black–Scholes–Merton price and Greeks with continuous dividend yield.
 * Units: S, K, price in $; T in years (365-day calendar); r, q, σ per year as decimals; vega and rho per
 * 1.00 of σ and r; theta per year; `thetaPerDay` = theta/365; `vegaPerPoint` = vega/100.
 * T ≤ 0 or σ ≤ 0 → intrinsic value, gamma = vega = theta = rho = 0, delta 0 or ±1 by moneyness.
 * @throws QuantInputError on a non-finite input, S ≤ 0, K ≤ 0 or an unknown right.
 */
export function bsm(input: BsmInput): BsmResult {
  requireMarketInput(input);
  const { S, K, T, r, q, sigma, right } = input;
  requireFinite('sigma', sigma);

  if (T <= 0 || sigma <= 0) {
    // Expired or zero-vol: intrinsic value, step delta, no curvature.
    const intrinsic = right === 'C' ? Math.max(S - K, 0) : Math.max(K - S, 0);
    const delta = right === 'C' ? (S > K ? 1 : 0) : S < K ? -1 : 0;
    return { price: intrinsic, delta, gamma: 0, vega: 0, theta: 0, rho: 0, thetaPerDay: 0, vegaPerPoint: 0 };
  }

  const sqrtT = Math.sqrt(T);
  const sigmaSqrtT = sigma * sqrtT;
  const d1 = (Math.log(S / K) + (r - q + 0.5 * sigma * sigma) * T) / sigmaSqrtT;
  const d2 = d1 - sigmaSqrtT;
  const dq = Math.exp(-q * T);
  const dr = Math.exp(-r * T);
  const pdf1 = normPdf(d1);
  const gamma = (dq * pdf1) / (S * sigmaSqrtT);
  const vega = S * dq * pdf1 * sqrtT;
  const decay = (-S * dq * pdf1 * sigma) / (2 * sqrtT);

  let price: number;
  let delta: number;
  let theta: number;
  let rho: number;
  if (right === 'C') {
    const n1 = normCdf(d1);
    const n2 = normCdf(d2);
    price = S * dq * n1 - K * dr * n2;
    delta = dq * n1;
    theta = decay - r * K * dr * n2 + q * S * dq * n1;
    rho = K * T * dr * n2;
  } else {
    const n1 = normCdf(-d1);
    const n2 = normCdf(-d2);
    price = K * dr * n2 - S * dq * n1;
    delta = -dq * n1;
    theta = decay + r * K * dr * n2 - q * S * dq * n1;
    rho = -K * T * dr * n2;
  }
  // Cancellation can leave a price a few ulps below zero far out of the money; a price is never negative.
  if (price < 0) price = 0;
  return { price, delta, gamma, vega, theta, rho, thetaPerDay: theta / 365, vegaPerPoint: vega / 100 };
}

/**
 * Price and vega only, without validation (the caller validated once): the implied-volatility solver's
 * inner kernel. Requires S, K, T, sigma > 0.
 */
export function bsmPriceVega(
  S: number,
  K: number,
  T: number,
  r: number,
  q: number,
  sigma: number,
  isCall: boolean,
): { price: number; vega: number } {
  const sqrtT = Math.sqrt(T);
  const sigmaSqrtT = sigma * sqrtT;
  const d1 = (Math.log(S / K) + (r - q + 0.5 * sigma * sigma) * T) / sigmaSqrtT;
  const d2 = d1 - sigmaSqrtT;
  const Sd = S * Math.exp(-q * T);
  const Kd = K * Math.exp(-r * T);
  const price = isCall ? Sd * normCdf(d1) - Kd * normCdf(d2) : Kd * normCdf(-d2) - Sd * normCdf(-d1);
  return { price, vega: Sd * normPdf(d1) * sqrtT };
}
