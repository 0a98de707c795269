// Serving a 10,000-contract REALTIME_OPTIONS chain with Greeks (SPX, nearest expiries) over HTTP:
// request → full body received, no client-side JSON parse (the ingestion measures its own parse).
// Informational: av-sim must not be what bounds the ingestion's 150 ms chain budget. Prints one JSON line.
import axios from 'axios';
import { createMarketModel, nyTime, type MarketModel } from '@alphatrader/market-sim';
import { startAvSim } from '../src/index';

const CONTRACTS = 10_000;
const RUNS = 30;

const model = createMarketModel({ seed: 1, symbols: ['SPY'], startTime: nyTime('2025-09-16', 9, 30) });
model.step(5 * 60_000);
if (model.optionChain('SPX').length < CONTRACTS) throw new Error('SPX chain has fewer than 10,000 contracts');

// Same model, chain cut to exactly 10,000 contracts of the nearest expiries.
const sized: MarketModel = new Proxy(model, {
  get(target, prop, receiver) {
    if (prop === 'optionChain') {
      return (symbol: string, expiries?: readonly string[]) =>
        target.optionChain(symbol, expiries).slice(0, CONTRACTS);
    }
    const value: unknown = Reflect.get(target, prop, receiver);
    return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
  },
});

const sim = await startAvSim({ model: sized, callsPerMinute: Infinity });
const http = axios.create({ baseURL: sim.url, responseType: 'text', transformResponse: (x: unknown) => x });
const params = { function: 'REALTIME_OPTIONS', symbol: 'SPX', require_greeks: 'true', apikey: 'bench' };

let bytes = 0;
for (let i = 0; i < 3; i++) bytes = ((await http.get('/query', { params })).data as string).length;
const times: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const t0 = performance.now();
  const res = await http.get('/query', { params });
  times.push(performance.now() - t0);
  if ((res.data as string).length < 1_000_000) throw new Error('unexpectedly small chain body');
}
const t0 = performance.now();
for (let i = 0; i < RUNS; i++) model.optionChain('SPX');
const modelMs = (performance.now() - t0) / RUNS;
await sim.stop();

times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)] as number;
const p95 = times[Math.min(times.length - 1, Math.ceil(times.length * 0.95) - 1)] as number;
console.log(
  JSON.stringify({
    bench: 'av-sim.chain_10k_serve_ms',
    value: Number(median.toFixed(1)),
    unit: 'ms',
    target: 150,
    informational: true,
    contracts: CONTRACTS,
    body_bytes: bytes,
    p95_ms: Number(p95.toFixed(1)),
    model_chain_ms: Number(modelMs.toFixed(1)),
    runs: RUNS,
  }),
);
