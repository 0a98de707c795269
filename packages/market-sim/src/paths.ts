// Correlated geometric Brownian motion with Poisson jumps. Correlations come from factor loadings
// (market, tech, small caps, volatility): C = B·Bᵀ with a unit diagonal, always positive definite while
// every loading vector has norm < 1; shocks are correlated through the Cholesky factor of C.
import type { Rng } from './rng';
import type { SymbolSpec } from './symbols';

/** Trading-time year: 252 sessions of 6.5 hours, in ms. */
export const TRADING_YEAR_MS = 252 * 6.5 * 3_600_000;

export function correlationMatrix(specs: readonly SymbolSpec[]): number[][] {
  return specs.map((a, i) =>
    specs.map((b, j) => {
      if (i === j) return 1;
      let c = 0;
      for (let k = 0; k < 4; k++) c += (a.loadings[k] ?? 0) * (b.loadings[k] ?? 0);
      return c;
    }),
  );
}

/** Lower-triangular L with L·Lᵀ = m; throws if m is not positive definite. */
export function cholesky(m: readonly (readonly number[])[]): number[][] {
  const n = m.length;
  const l = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    const li = l[i]!;
    for (let j = 0; j <= i; j++) {
      const lj = l[j]!;
      let s = m[i]![j]!;
      for (let k = 0; k < j; k++) s -= li[k]! * lj[k]!;
      if (i === j) {
        if (s <= 0) throw new Error('correlation matrix is not positive definite');
        li[i] = Math.sqrt(s);
      } else {
        li[j] = s / lj[j]!;
      }
    }
  }
  return l;
}

export interface PathStepInput {
  dtMs: number;
  /** Multiplies every volatility (scenario × intraday shape). */
  volMult: number;
  jumpMult: number;
  /** Extra log drift per symbol for this step (scenario). */
  drift: Float64Array;
}

export class PricePaths {
  readonly n: number;
  readonly logPrice: Float64Array;
  /** Correlation of each symbol with the first one (the market proxy, SPY). */
  readonly corrToMarket: Float64Array;
  private readonly chol: Float64Array;
  private readonly vol: Float64Array;
  private readonly jumpRate: Float64Array;
  private readonly jumpStd: Float64Array;
  private readonly z: Float64Array;

  constructor(
    readonly specs: readonly SymbolSpec[],
    private readonly rng: Rng,
  ) {
    const n = specs.length;
    this.n = n;
    const corr = correlationMatrix(specs);
    const l = cholesky(corr);
    this.chol = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j <= i; j++) this.chol[i * n + j] = l[i]![j]!;
    this.corrToMarket = Float64Array.from(corr.map((row) => row[0] ?? 0));
    this.logPrice = Float64Array.from(specs.map((s) => Math.log(s.price)));
    this.vol = Float64Array.from(specs.map((s) => s.vol));
    this.jumpRate = Float64Array.from(specs.map((s) => s.jumpsPerYear));
    this.jumpStd = Float64Array.from(specs.map((s) => s.jumpStd));
    this.z = new Float64Array(n);
  }

  price(i: number): number {
    return Math.exp(this.logPrice[i] ?? 0);
  }

  step({ dtMs, volMult, jumpMult, drift }: PathStepInput): void {
    const n = this.n;
    const dt = dtMs / TRADING_YEAR_MS;
    const sqrtDt = Math.sqrt(dt);
    const z = this.z;
    for (let i = 0; i < n; i++) z[i] = this.rng.normal();
    for (let i = 0; i < n; i++) {
      let w = 0;
      const row = i * n;
      for (let j = 0; j <= i; j++) w += this.chol[row + j]! * z[j]!;
      const sigma = this.vol[i]! * volMult;
      let d = -0.5 * sigma * sigma * dt + sigma * sqrtDt * w + drift[i]!;
      const lambda = this.jumpRate[i]! * jumpMult * dt;
      if (lambda > 0 && this.rng.uniform() < lambda) {
        const s = this.jumpStd[i]!;
        d += s * (this.rng.normal() - 0.2);
      }
      this.logPrice[i] = this.logPrice[i]! + d;
    }
  }
}
