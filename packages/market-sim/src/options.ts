// Option chains computed lazily from the live spot: strikes spanning ±20 % of spot, an implied-vol
// surface (put skew, term structure, spot–vol correlation, scenario level), Black–Scholes prices and
// Greeks from @alphatrader/quant, quoted bid/ask around the model price, and open-interest/volume
// profiles that peak near the money and at round strikes. Nothing here draws from the live random
// streams: sizes, OI and volume come from hashes, so reading a chain never changes the event sequence.
import { bsm, type OptionRight } from '@alphatrader/quant';
import type { OptionQuote } from './types';
import type { ScenarioEffects } from './scenarios';
import type { SymbolSpec } from './symbols';
import { expiryKind, expiryTime, listExpiries, type ExpiryKind } from './expiries';
import { occId, parseOccId } from './occ';
import { hashString, hashUnit, mix32 } from './rng';
import { cumulativeVolume } from './profile';
import { nyDate } from './calendar';

export const RISK_FREE_RATE = 0.045;
const YEAR_MS = 365 * 86_400_000;
const STRIKE_RANGE = 0.2;

/** Strike increment: 1 for SPY/QQQ/IWM, 5 for SPX, 1/2.5/5 for single names by price. */
export function strikeStep(spec: SymbolSpec, refPrice: number): number {
  if (spec.tier === 'index') return 5;
  if (spec.tier === 'etf') return 1;
  if (refPrice < 50) return 1;
  if (refPrice < 250) return 2.5;
  return 5;
}

/** Strikes on the grid covering ±20 % around both the reference and the current spot. */
export function strikeGrid(step: number, refPrice: number, spot: number): number[] {
  const lo = Math.max(step, Math.floor((Math.min(refPrice, spot) * (1 - STRIKE_RANGE)) / step) * step);
  const hi = Math.ceil((Math.max(refPrice, spot) * (1 + STRIKE_RANGE)) / step) * step;
  const out: number[] = [];
  const n = Math.round((hi - lo) / step);
  for (let i = 0; i <= n; i++) out.push(Math.round((lo + i * step) * 1000) / 1000);
  return out;
}

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

function roundTo(x: number, tick: number): number {
  return Math.round(Math.round(x / tick) * tick * 100) / 100;
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

/** Per-expiry inputs shared by every contract of one build. */
interface BuildInputs {
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
    const inputs: BuildInputs = {
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
      out[2 * i] = this.contract(inputs, sk.ids[2 * i]!, sk.hashes[2 * i]!, K, 'C', iv, profile, m);
      out[2 * i + 1] = this.contract(
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

  private contract(
    a: BuildInputs,
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
}
