// Parse, validate, normalise and store a 10,000-contract chain served by av-sim: JSON.parse of the body,
// the production zod classification, normalisation, per-contract validation, Greeks/flow/unusual, and
// the pipelined store writes with the change events. As in the client, the body's text is handed on
// with the parsed body (raw:av:options stores it as received). The chain is the simulator's SPX chain
// with Greeks (its first 10,000 rows: the model lists ~14,000). Prints one JSON line.
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import axios from 'axios';
import { startAvSim } from '@alphatrader/av-sim';
import { createMarketModel } from '@alphatrader/market-sim';
import { AvError, classifyAvResponse, createStore, optionsChain } from '@alphatrader/shared';
import { startRedisServer } from '@alphatrader/testkit';
import { createWriters } from '../src/adapters/writers';
import { processChain } from '../src/core/chain';

const CONTRACTS = 10_000;
const WARMUP = 5;
const RUNS = 30;
const TARGET_MS = 150;

const redis = await startRedisServer();
const model = createMarketModel({ seed: 11, symbols: ['SPY'] });
model.step(20 * 60_000);
const sim = await startAvSim({ model, callsPerMinute: Infinity });
const client = redis.client();
const store = createStore(client);
const writers = createWriters(store);

try {
  const res = await axios.get<string>(`${sim.url}/query`, {
    params: { function: 'REALTIME_OPTIONS', symbol: 'SPX', require_greeks: 'true', apikey: 'bench' },
    responseType: 'text',
    transformResponse: [(d: unknown) => d],
  });
  const served = JSON.parse(res.data) as { data: unknown[] };
  if (served.data.length < CONTRACTS) throw new Error(`av-sim served only ${served.data.length} contracts`);
  const text = JSON.stringify({ ...served, data: served.data.slice(0, CONTRACTS) });

  const once = async (): Promise<{ ms: number; cpuMs: number; stored: number }> => {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const body = JSON.parse(text) as unknown;
    const cls = classifyAvResponse('REALTIME_OPTIONS', body, { symbol: 'SPX', requireGreeks: true });
    if (cls instanceof AvError) throw cls;
    const now = model.now();
    const out = processChain(
      {
        symbol: 'SPX',
        fn: 'REALTIME_OPTIONS',
        requireGreeks: true,
        data: cls.data,
        body,
        bodyText: text,
        fetchedAt: now,
        ts: now,
      },
      { maxRejectedFraction: 0.2, unusual: { minVolume: 100, volumeOiRatio: 1, maxContracts: 50 } },
    );
    if (!out.ok) throw new Error(out.reason);
    await writers.chain('SPX', out.bundle, now);
    const ms = performance.now() - t0;
    const cpu = process.cpuUsage(c0);
    return { ms, cpuMs: (cpu.user + cpu.system) / 1000, stored: out.bundle.chain.contracts.length };
  };

  for (let i = 0; i < WARMUP; i++) await once();
  const times: number[] = [];
  const cpu: number[] = [];
  let stored = 0;
  for (let i = 0; i < RUNS; i++) {
    const r = await once();
    times.push(r.ms);
    cpu.push(r.cpuMs);
    stored = r.stored;
  }
  const check = await store.get(optionsChain.at({ symbol: 'SPX' }));
  if (!check.ok || check.value.contracts.length !== stored) throw new Error('chain not stored');

  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  const q = (p: number, xs = times) => xs[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;
  const round = (x: number) => Math.round(x * 10) / 10;
  console.log(
    JSON.stringify({
      bench: 'av-ingestion.chain_10k_ms',
      value: round(q(0.5)),
      unit: 'ms',
      target: TARGET_MS,
      p95: round(q(0.95)),
      min: round(times[0]!),
      // Process CPU time (all threads, GC included) of the median run, and the machine's load: wall
      // time on a shared machine is stretched by other work.
      cpuMs: round(q(0.5, cpu)),
      loadAvg1m: round(loadavg()[0]!),
      runs: RUNS,
      contracts: CONTRACTS,
      stored,
      bodyBytes: text.length,
      source: 'av-sim REALTIME_OPTIONS SPX require_greeks=true, first 10,000 rows',
    }),
  );
} finally {
  await sim.stop();
  await redis.stop();
}
