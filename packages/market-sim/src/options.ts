// Option chains computed lazily from the live spot: strikes spanning ±20 % of spot, an implied-vol
// surface (put skew, term structure, spot–vol correlation, scenario level), Black–Scholes prices and
// Greeks from @alphatrader/quant, quoted bid/ask around the model price, and open-interest/volume
// profiles that peak near the money and at round strikes. Nothing here draws from the live random
// streams: sizes, OI and volume come from hashes, so reading a chain never changes the event sequence.
import type { OptionQuote } from './types';
import type { ScenarioEffects } from './scenarios';
import type { SymbolSpec } from './symbols';
import { expiryKind, expiryTime, listExpiries, type ExpiryKind } from './expiries';
import { occId, parseOccId } from './occ';
import { hashString } from './rng';
import { quoteContract, RISK_FREE_RATE, type ExpiryInputs } from './option-quote';
import { strikeGrid, strikeStep } from './strikes';
import { cumulativeVolume } from './profile';
import { nyDate } from './calendar';

const YEAR_MS = 365 * 86_400_000;

/** What the chain needs from the running model. */
export interface ChainContext {
  now(): number;
  seed: number;
  spec(symbol: string): SymbolSpec | undefined;
  spot(symbol: string): number | undefined;
  /** Reference price for the strike grid and the open-interest profile (the day's open). */
  refPrice(symbol: string): number | undefined;
  effects(): ScenarioEffects;
  /** Fraction of today's session elapsed (0 before the open, 1 after the close). */
  sessionFraction(): number;
  /** Fraction of the session spent in a gamma squeeze so far today (0..1), for call-flow surges. */
  squeezeExposure(): number;
}

/** The time-independent part of one expiry's chain: strikes, ids, hashes; rebuilt when the grid moves. */
interface Skeleton {
  lo: number;
  hi: number;
  strikes: number[];
  /** Contract ids, call then put for each strike. */
  ids: string[];
  hashes: Uint32Array;
  roundBoost: Float64Array;
  indexOf: Map<string, number>;
  kind: ExpiryKind;
  expiryMs: number;
}

interface CachedExpiry {
  second: number;
  quotes: OptionQuote[];
  skeleton: Skeleton;
}

export class OptionChains {
  private readonly cache = new Map<string, CachedExpiry>();
  private readonly skeletons = new Map<string, Skeleton>();
  private expirySecond = -1;
  private prunedHour = -1;
  private readonly expiryLists = new Map<string, string[]>();

  constructor(private readonly ctx: ChainContext) {}

  expiries(symbol: string): string[] {
    return [...this.listed(symbol)];
  }

  private listed(symbol: string): readonly string[] {
    if (!this.ctx.spec(symbol)) return [];
    const now = this.ctx.now();
    const second = Math.floor(now / 1000);
    if (this.expirySecond !== second) {
      this.expirySecond = second;
      this.expiryLists.clear();
    }
    let list = this.expiryLists.get(symbol);
    if (!list) {
      list = listExpiries(symbol, now);
      this.expiryLists.set(symbol, list);
    }
    return list;
  }

  chain(symbol: string, expiries?: readonly string[]): OptionQuote[] {
    const listed = this.listed(symbol);
    const wanted = expiries ? listed.filter((e) => expiries.includes(e)) : listed;
    const out: OptionQuote[] = [];
    for (const e of wanted) {
      const c = this.expiryChain(symbol, e);
      if (c) for (const q of c.quotes) out.push(q);
    }
    return out;
  }

  quote(contractId: string): OptionQuote | undefined {
    const p = parseOccId(contractId);
    if (!p) return undefined;
    if (!this.listed(p.underlying).includes(p.expiry)) return undefined;
    const c = this.expiryChain(p.underlying, p.expiry);
    if (!c) return undefined;
    const i = c.skeleton.indexOf.get(contractId);
    return i === undefined ? undefined : c.quotes[i];
  }

  private expiryChain(symbol: string, expiry: string): CachedExpiry | undefined {
    const now = this.ctx.now();
    const second = Math.floor(now / 1000);
    const key = `${symbol}|${expiry}`;
    const hit = this.cache.get(key);
    if (hit && hit.second === second) return hit;
    const spec = this.ctx.spec(symbol);
    const spot = this.ctx.spot(symbol);
    const ref = this.ctx.refPrice(symbol);
    if (!spec || spot === undefined || ref === undefined) return undefined;
    this.pruneExpired(now);
    const skeleton = this.skeleton(key, spec, expiry, spot, ref);
    const entry = { second, quotes: this.build(spec, skeleton, expiry, spot, ref, now), skeleton };
    this.cache.set(key, entry);
    return entry;
  }

  /** Drops cached chains of past expiries, at most once per simulated hour (long runs stay bounded). */
  private pruneExpired(now: number): void {
    const hour = Math.floor(now / 3_600_000);
    if (hour === this.prunedHour) return;
    this.prunedHour = hour;
    const today = nyDate(now);
    for (const map of [this.cache, this.skeletons] as Map<string, unknown>[]) {
      for (const key of map.keys()) if (key.slice(key.indexOf('|') + 1) < today) map.delete(key);
    }
  }

  private skeleton(key: string, spec: SymbolSpec, expiry: string, spot: number, ref: number): Skeleton {
    const step = strikeStep(spec, ref);
    const strikes = strikeGrid(step, ref, spot);
    const lo = strikes[0] ?? 0;
    const hi = strikes.at(-1) ?? 0;
    const have = this.skeletons.get(key);
    if (have && have.lo === lo && have.hi === hi) return have;
    const n = strikes.length;
    const ids: string[] = new Array<string>(2 * n);
    const hashes = new Uint32Array(2 * n);
    const roundBoost = new Float64Array(n);
    const indexOf = new Map<string, number>();
    for (let i = 0; i < n; i++) {
      const K = strikes[i]!;
      roundBoost[i] =
        K % (step * 10) === 0 ? 2.5 : K % (step * 5) === 0 ? 1.6 : Number.isInteger(K) ? 1.15 : 1;
      for (let j = 0; j < 2; j++) {
        const id = occId({ underlying: spec.symbol, expiry, right: j === 0 ? 'C' : 'P', strike: K });
        ids[2 * i + j] = id;
        hashes[2 * i + j] = hashString(id, this.ctx.seed);
        indexOf.set(id, 2 * i + j);
      }
    }
    const sk: Skeleton = {
      lo,
      hi,
      strikes,
      ids,
      hashes,
      roundBoost,
      indexOf,
      kind: expiryKind(expiry),
      expiryMs: expiryTime(expiry),
    };
    this.skeletons.set(key, sk);
    return sk;
  }

  private build(
    spec: SymbolSpec,
    sk: Skeleton,
    expiry: string,
    spot: number,
    ref: number,
    now: number,
  ): OptionQuote[] {
    const eff = this.ctx.effects();
    const T = Math.max(0, sk.expiryMs - now) / YEAR_MS;
    const tDays = T * 365;
    const r = RISK_FREE_RATE;
    const q = spec.divYield;
    // Spot–vol correlation: index vol rises as the index falls; VXX vol rises with VXX.
    const spotVolBeta = spec.skew < 0 ? -1 : spec.tier === 'etf' || spec.tier === 'index' ? 3 : 1.5;
    const level = Math.min(4, Math.max(0.4, eff.ivMult * Math.exp(-spotVolBeta * Math.log(spot / ref))));
    const term = Math.max(0.6, 1 + eff.termSlope * Math.log((tDays + 1) / 31));
    const atm = spec.atmIv * level * term;
    const baseOi =
      spec.tier === 'etf' ? 25_000 : spec.tier === 'index' ? 10_000 : spec.tier === 'mega' ? 9_000 : 3_000;
    const expiryOi = (sk.kind === 'monthly' ? 3 : sk.kind === 'weekly' ? 1.5 : 0.7) * Math.exp(-tDays / 60);
    const inputs: ExpiryInputs = {
      spec,
      expiry,
      spot,
      ref,
      now,
      T,
      forward: spot * Math.exp((r - q) * T),
      atm,
      sd: atm * Math.sqrt(Math.max(T, 1 / (365 * 24))),
      skew: spec.skew * eff.skewMult,
      oiSd: spec.atmIv * Math.sqrt(Math.max(T, 7 / 365)),
      baseOi: baseOi * expiryOi,
      turnover: tDays < 1 ? 1.6 : tDays < 2 ? 0.7 : 0.2,
      cumVol: cumulativeVolume(this.ctx.sessionFraction()),
      squeeze: this.ctx.squeezeExposure(),
      second: Math.floor(now / 1000),
      spreadMult: eff.spreadMult,
    };
    const out: OptionQuote[] = new Array<OptionQuote>(sk.ids.length);
    for (let i = 0; i < sk.strikes.length; i++) {
      const K = sk.strikes[i]!;
      const x = Math.max(-4, Math.min(4, Math.log(K / inputs.forward) / inputs.sd));
      const iv = Math.min(3, Math.max(0.03, atm * (1 - inputs.skew * x + 0.025 * x * x)));
      const m = Math.log(K / ref) / inputs.oiSd;
      const profile = Math.exp(-0.5 * (m / 1.3) ** 2) * sk.roundBoost[i]!;
      out[2 * i] = quoteContract(inputs, sk.ids[2 * i]!, sk.hashes[2 * i]!, K, 'C', iv, profile, m);
      out[2 * i + 1] = quoteContract(
        inputs,
        sk.ids[2 * i + 1]!,
        sk.hashes[2 * i + 1]!,
        K,
        'P',
        iv,
        profile,
        m,
      );
    }
    return out;
  }
}
