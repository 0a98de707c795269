// Deterministic market and options inputs for the analytics tests and benchmarks: books, trades, 5-second
// bars and Black–Scholes-consistent option chains, all valid under the registry schemas.
import { bsm, formatOcc, type OptionRight } from '@alphatrader/quant';
import {
  addDays,
  etDate,
  type FiveSecondBar,
  type OptionChain,
  type OptionContract,
  type OrderBook,
  type Ticker,
  type Trade,
} from '@alphatrader/shared';

/** Deterministic LCG in [0, 1). */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export function book(
  symbol: string,
  opts: {
    mid: number;
    ts: number;
    sourceTs?: number;
    levels?: number;
    bidSize?: number;
    askSize?: number;
    tick?: number;
  },
): OrderBook {
  const levels = opts.levels ?? 10;
  const tick = opts.tick ?? 0.01;
  const half = tick / 2;
  const bids = Array.from({ length: levels }, (_, i) => ({
    price: round2(opts.mid - half - i * tick),
    size: (opts.bidSize ?? 500) + i * 100,
    venue: i % 2 === 0 ? 'ARCA' : 'NSDQ',
  }));
  const asks = Array.from({ length: levels }, (_, i) => ({
    price: round2(opts.mid + half + i * tick),
    size: (opts.askSize ?? 500) + i * 100,
    venue: i % 2 === 0 ? 'NSDQ' : 'ARCA',
  }));
  return { symbol, bids, asks, smartDepth: true, sourceTs: opts.sourceTs ?? opts.ts, ts: opts.ts };
}

export function ticker(
  symbol: string,
  opts: { bid: number; ask: number; ts: number; bidSize?: number; askSize?: number },
): Ticker {
  return {
    symbol,
    bid: opts.bid,
    ask: opts.ask,
    bidSize: opts.bidSize ?? 300,
    askSize: opts.askSize ?? 200,
    last: round2((opts.bid + opts.ask) / 2),
    volume: 1_000_000,
    vwap: round2((opts.bid + opts.ask) / 2),
    ts: opts.ts,
  };
}

/** A random-walk tape of `n` trades starting at `price`, one every `stepMs`, oldest first. */
export function trades(
  n: number,
  opts: { price: number; ts: number; stepMs?: number; seed?: number },
): Trade[] {
  const rand = rng(opts.seed ?? 7);
  let p = opts.price;
  const out: Trade[] = [];
  for (let i = 0; i < n; i++) {
    p = Math.max(0.01, round2(p + (rand() < 0.5 ? -0.01 : 0.01) * (rand() < 0.3 ? 0 : 1)));
    const size = rand() < 0.3 ? Math.ceil(rand() * 99) : 100 * Math.ceil(rand() * 5);
    out.push({
      price: p,
      size,
      venue: rand() < 0.5 ? 'ARCA' : 'NSDQ',
      source: 'tick_by_tick',
      ts: opts.ts + i * (opts.stepMs ?? 10),
    });
  }
  return out;
}

/** `n` consecutive 5-second bars of a random walk ending at `endTs`, oldest first. */
export function fiveSecondBars(
  n: number,
  opts: { price: number; endTs: number; drift?: number; seed?: number },
): FiveSecondBar[] {
  const rand = rng(opts.seed ?? 11);
  const start = Math.floor(opts.endTs / 5000) * 5000 - (n - 1) * 5000;
  let p = opts.price;
  const out: FiveSecondBar[] = [];
  for (let i = 0; i < n; i++) {
    const open = p;
    p = Math.max(0.05, p * (1 + (opts.drift ?? 0) + (rand() - 0.5) * 0.001));
    const close = round2(p);
    const high = round2(Math.max(open, close) + 0.02);
    const low = round2(Math.min(open, close) - 0.02);
    out.push({
      ts: start + i * 5000,
      open: round2(open),
      high,
      low,
      close,
      volume: 1000 + Math.floor(rand() * 5000),
      vwap: round2((high + low + close) / 3),
      trades: 10 + Math.floor(rand() * 40),
      intervalSeconds: 5,
    });
  }
  return out;
}

export interface ChainOptions {
  spot: number;
  now: number;
  /** Strikes from spot·(1 − width) to spot·(1 + width). */
  width?: number;
  strikes?: number;
  /** Calendar days to each expiry (≥ 1). */
  expiriesInDays?: number[];
  /** Open interest multiplier per right. */
  callOi?: number;
  putOi?: number;
  iv?: number;
  seed?: number;
  /** Drop Greeks (AV without require_greeks), keeping IV. */
  withoutGreeks?: boolean;
  r?: number;
  q?: number;
}

/** A chain whose Greeks are BSM-consistent with its IV at `spot` (365-day years to 16:00 ET of the expiry day). */
export function chain(symbol: string, o: ChainOptions): OptionChain {
  const rand = rng(o.seed ?? 3);
  const n = o.strikes ?? 41;
  const width = o.width ?? 0.1;
  const today = etDate(o.now);
  const contracts: OptionContract[] = [];
  for (const days of o.expiriesInDays ?? [7, 30]) {
    const expiry = addDays(today, days);
    const T = days / 365;
    for (let k = 0; k < n; k++) {
      const strike = Math.round(o.spot * (1 - width + (2 * width * k) / (n - 1)));
      for (const right of ['C', 'P'] as OptionRight[]) {
        if (contracts.some((c) => c.expiry === expiry && c.strike === strike && c.right === right)) continue;
        const iv = (o.iv ?? 0.2) + 0.05 * Math.abs(Math.log(strike / o.spot));
        const g = bsm({ S: o.spot, K: strike, T, r: o.r ?? 0.045, q: o.q ?? 0, sigma: iv, right });
        const mark = Math.max(0.01, round2(g.price));
        const near = Math.exp(-60 * Math.log(strike / o.spot) ** 2);
        const base = right === 'C' ? (o.callOi ?? 1) : (o.putOi ?? 1);
        contracts.push({
          occ: formatOcc({ root: symbol, expiry, right, strike }),
          underlying: symbol,
          expiry,
          strike,
          right,
          bid: Math.max(0, round2(mark - 0.02)),
          ask: round2(mark + 0.02),
          last: mark,
          mark,
          bidSize: 10,
          askSize: 10,
          volume: Math.floor(rand() * 1000),
          openInterest: Math.floor(base * (100 + 5000 * near * rand())),
          iv,
          delta: o.withoutGreeks ? null : g.delta,
          gamma: o.withoutGreeks ? null : g.gamma,
          theta: o.withoutGreeks ? null : g.thetaPerDay,
          vega: o.withoutGreeks ? null : g.vegaPerPoint,
          rho: o.withoutGreeks ? null : g.rho / 100,
        });
      }
    }
  }
  return { symbol, source: 'av', date: today, contracts, rejected: 0, fetchedAt: o.now, ts: o.now };
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
