// Seeded random streams on pure-rand's xoroshiro128+. Each consumer (price path, microstructure,
// history) owns its own stream so that reading data (chains, history) never shifts the live sequence.
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { JumpableRandomGenerator } from 'pure-rand/types/JumpableRandomGenerator';

const TWO_POW_27 = 134217728;
const TWO_POW_53_INV = 1 / 9007199254740992;

export class Rng {
  private readonly gen: JumpableRandomGenerator;
  private spare = 0;
  private hasSpare = false;

  constructor(seed: number) {
    this.gen = xoroshiro128plus(seed | 0);
    // The first outputs of xoroshiro from a small seed are weakly mixed; discard a few.
    for (let i = 0; i < 8; i++) this.gen.next();
  }

  /** Uniform in [0, 1) with 53 random bits (26 + 27 from two outputs). */
  uniform(): number {
    const hi = this.gen.next() >>> 6;
    const lo = this.gen.next() >>> 5;
    return (hi * TWO_POW_27 + lo) * TWO_POW_53_INV;
  }

  /** Uniform in (0, 1]: safe for logarithms. */
  uniformPositive(): number {
    return 1 - this.uniform();
  }

  /** Integer in [lo, hi] inclusive. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.uniform() * (hi - lo + 1));
  }

  /** Standard normal (Marsaglia polar method, the second value kept for the next call). */
  normal(): number {
    if (this.hasSpare) {
      this.hasSpare = false;
      return this.spare;
    }
    let u: number;
    let v: number;
    let s: number;
    do {
      u = 2 * this.uniform() - 1;
      v = 2 * this.uniform() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const f = Math.sqrt((-2 * Math.log(s)) / s);
    this.spare = v * f;
    this.hasSpare = true;
    return u * f;
  }

  /** Poisson count (Knuth for small means, normal approximation above 30). */
  poisson(mean: number): number {
    if (mean <= 0) return 0;
    if (mean > 30) return Math.max(0, Math.round(mean + Math.sqrt(mean) * this.normal()));
    const limit = Math.exp(-mean);
    let k = 0;
    let p = this.uniform();
    while (p > limit) {
      k++;
      p *= this.uniform();
    }
    return k;
  }

  /** Exponential with the given mean. */
  exponential(mean: number): number {
    return -Math.log(this.uniformPositive()) * mean;
  }

  /** Index drawn from cumulative weights (last entry = total). */
  pickCumulative(cumulative: readonly number[]): number {
    const total = cumulative[cumulative.length - 1] ?? 0;
    const x = this.uniform() * total;
    for (let i = 0; i < cumulative.length; i++) if (x < (cumulative[i] ?? 0)) return i;
    return cumulative.length - 1;
  }
}

/** FNV-1a 32-bit hash of a string, mixed with a seed. */
export function hashString(s: string, seed = 0): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return mix32(h);
}

/** Avalanche a 32-bit integer (murmur3 finaliser). */
export function mix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  h ^= h >>> 16;
  return h >>> 0;
}

/** Deterministic value in [0, 1) from a hash. */
export function hashUnit(h: number): number {
  return mix32(h) / 4294967296;
}

/** Derives an independent stream seed from the model seed and a label. */
export function deriveSeed(seed: number, label: string): number {
  return hashString(label, mix32(seed >>> 0)) | 0;
}
