// Deterministic market data for the discovery tests and benchmark: trades with a mix of odd lots, round
// lots and blocks, 5-second bars of correlated random walks, and level-2 snapshots — all valid under the
// registry schemas.
import type { FiveSecondBar, L2Snapshot, Trade } from '@alphatrader/shared';

/** Deterministic LCG in [0, 1). */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Standard normal draws (Box–Muller) from a seeded generator. */
export function normals(seed: number): () => number {
  const u = rng(seed);
  return () => Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u());
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** `n` trades oldest first: 30 % odd lots (1–99), 68 % round lots (100–500), 2 % blocks (12,000). */
export function trades(
  n: number,
  opts: { price: number; ts: number; stepMs?: number; seed?: number },
): Trade[] {
  const rand = rng(opts.seed ?? 1);
  let p = opts.price;
  const out: Trade[] = [];
  for (let i = 0; i < n; i++) {
    p = Math.max(0.01, round2(p + (rand() < 0.5 ? -0.01 : 0.01)));
    const r = rand();
    const size =
      r < 0.3 ? 1 + Math.floor(rand() * 99) : r < 0.98 ? 100 * (1 + Math.floor(rand() * 5)) : 12_000;
    out.push({
      price: p,
      size,
      venue: rand() < 0.5 ? 'ARCA' : 'NSDQ',
      source: 'tick_by_tick',
      ts: opts.ts + i * (opts.stepMs ?? 50),
    });
  }
  return out;
}

/**
 * Bars (5 s apart unless barMs says otherwise; shaped as 5-second bars) for several symbols ending at `endTs`, oldest first: log returns share a common factor with
 * loading `beta` per symbol (so their correlations are about beta_i·beta_j), plus own noise.
 */
export function correlatedBars(
  symbols: Record<string, { price: number; beta: number; vol?: number }>,
  opts: { n: number; endTs: number; seed?: number; barMs?: number },
): Record<string, FiveSecondBar[]> {
  const z = normals(opts.seed ?? 5);
  const step = opts.barMs ?? 5000;
  const start = Math.floor(opts.endTs / step) * step - (opts.n - 1) * step;
  const price: Record<string, number> = {};
  const out: Record<string, FiveSecondBar[]> = {};
  for (const [s, c] of Object.entries(symbols)) {
    price[s] = c.price;
    out[s] = [];
  }
  for (let i = 0; i < opts.n; i++) {
    const common = z();
    for (const [s, c] of Object.entries(symbols)) {
      const sigma = c.vol ?? 0.0005;
      const r = sigma * (c.beta * common + Math.sqrt(Math.max(0, 1 - c.beta * c.beta)) * z());
      const open = price[s]!;
      const close = open * Math.exp(r);
      price[s] = close;
      out[s]!.push({
        ts: start + i * step,
        open,
        high: Math.max(open, close) * 1.0001,
        low: Math.min(open, close) * 0.9999,
        close,
        volume: 1000 + i,
        vwap: null,
        trades: null,
        intervalSeconds: 5,
      });
    }
  }
  return out;
}

/** `n` level-2 snapshots oldest first, the bid/ask size balance swinging between them. */
export function snapshots(symbol: string, n: number, opts: { mid: number; ts: number }): L2Snapshot[] {
  return Array.from({ length: n }, (_, i) => {
    const tilt = Math.sin(i);
    const level = (side: -1 | 1, k: number) => ({
      price: round2(opts.mid + side * (0.005 + 0.01 * k)),
      size: Math.round(500 * (1 + side * -tilt * 0.5) + 50 * k),
      venue: 'NSDQ',
    });
    return {
      symbol,
      bids: Array.from({ length: 10 }, (_, k) => level(-1, k)),
      asks: Array.from({ length: 10 }, (_, k) => level(1, k)),
      sourceTs: opts.ts + i * 2000,
      ts: opts.ts + i * 2000,
    };
  });
}
