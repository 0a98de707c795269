// Black–Scholes–Merton with continuous dividend yield q. Units: T in years (365-day calendar),
// vega/rho per 1.00 change of sigma/r, theta per year; thetaPerDay = theta/365, vegaPerPoint = vega/100.
import { normCdf, normPdf } from './normal';

export type OptionRight = 'C' | 'P';

export interface BsmInput {
  S: number;
  K: number;
  T: number;
  r: number;
  q: number;
  sigma: number;
  right: OptionRight;
}

export interface BsmResult {
  price: number;
  delta: number;
  gamma: number;
  vega: number;
  theta: number;
  rho: number;
  thetaPerDay: number;
  vegaPerPoint: number;
}

export class QuantInputError extends Error {
  override readonly name = 'QuantInputError';
}

function assertFinite(name: string, v: number): void {
  if (!Number.isFinite(v)) throw new QuantInputError(`${name} must be a finite number (got ${v})`);
}

export function bsm({ S, K, T, r, q, sigma, right }: BsmInput): BsmResult {
  assertFinite('S', S);
  assertFinite('K', K);
  assertFinite('T', T);
  assertFinite('r', r);
  assertFinite('q', q);
  assertFinite('sigma', sigma);
  if (!(S > 0)) throw new QuantInputError(`S must be positive (got ${S})`);
  if (!(K > 0)) throw new QuantInputError(`K must be positive (got ${K})`);
  if (right !== 'C' && right !== 'P') throw new QuantInputError(`right must be 'C' or 'P' (got ${String(right)})`);

  if (T <= 0 || sigma <= 0) {
    // Expired or zero-vol: intrinsic value, step delta, no curvature.
    const intrinsic = right === 'C' ? Math.max(S - K, 0) : Math.max(K - S, 0);
    const delta = right === 'C' ? (S > K ? 1 : 0) : S < K ? -1 : 0;
    return { price: intrinsic, delta, gamma: 0, vega: 0, theta: 0, rho: 0, thetaPerDay: 0, vegaPerPoint: 0 };
  }

  const sqrtT = Math.sqrt(T);
  const d1 = (Math.log(S / K) + (r - q + 0.5 * sigma * sigma) * T) / (sigma * sqrtT);
  const d2 = d1 - sigma * sqrtT;
  const dq = Math.exp(-q * T);
  const dr = Math.exp(-r * T);
  const pdf1 = normPdf(d1);
  const gamma = (dq * pdf1) / (S * sigma * sqrtT);
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
  return { price, delta, gamma, vega, theta, rho, thetaPerDay: theta / 365, vegaPerPoint: vega / 100 };
}
