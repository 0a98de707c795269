// Benchmark: tws-sim (own process) → ibkr-ingestion (this process, real service runtime and config) → a
// private redis-server. Two phases on one connection:
//   1. paced: the market model at `--speed` (a realistic mix of quotes, depth rows, prints and bars at
//      about 120k messages/s by default, one model tick every few ms) — latency at a sustained load;
//   2. firehose: tws-sim's firehose on top, as fast as the connection takes it — the maximum rate (the
//      rings drop the oldest market data when a flush cannot keep up; the drops are reported).
// Latency is per update (tick → Redis): from the moment its bytes were read from the gateway socket
// (time queued behind a burst included) to Redis' acknowledgement of the flush that wrote it; the
// worst case per key (the oldest update of each symbol and flush) is reported beside it. RSS is this
// process's peak in each measured window. Then `redis-benchmark -P 16 -t set` on the same server gives
// the ceiling. One JSON object per line.
//   tsx services/ibkr-ingestion/bench/ingest.bench.ts [--seconds 8] [--speed 35] [--per-sub 32] [--flush-ms N]
import { execFileSync, fork } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startRedisProcess } from '@alphatrader/redis-launcher';
import { startServiceRuntime } from '@alphatrader/shared';
import { pino } from 'pino';
import { SERVICE_NAME, startIbkrIngestion, type IbkrIngestion } from '../src/index';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '8' },
    warmup: { type: 'string', default: '2' },
    speed: { type: 'string', default: '35' },
    'per-sub': { type: 'string', default: '32' },
    /** Overrides the configured ibkr-ingestion flushIntervalMs (to compare settings). */
    'flush-ms': { type: 'string' },
  },
});
const seconds = Number(values.seconds);
const warmupMs = Number(values.warmup) * 1000;
const perSubscription = Number(values['per-sub']);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const round = (x: number) => Math.round(x * 1000) / 1000;

const dir = await mkdtemp(join(tmpdir(), 'atp-ibkr-bench-'));
const redis = await startRedisProcess({ dir, extraArgs: ['--save', '', '--appendonly', 'no'] });

const child = fork(join(import.meta.dirname, 'sim-child.ts'), [redis.url, values.speed], {
  execArgv: ['--import', 'tsx'],
  stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
});
const { port, controlPort } = await new Promise<{ port: number; controlPort: number }>((resolve, reject) => {
  child.once('message', (m) => resolve(m as { port: number; controlPort: number }));
  child.once('exit', (code) => reject(new Error(`simulator exited (${code})`)));
});

let ingestion: IbkrIngestion | undefined;
const handle = await startServiceRuntime({
  name: SERVICE_NAME,
  overrides: {
    redis: { url: redis.url },
    clock: { mode: 'simulated' },
    alphaVantage: { baseUrl: 'http://127.0.0.1:9/query' },
    ibkr: { host: '127.0.0.1', port, clientId: 1 },
    services: {
      [SERVICE_NAME]: {
        port: 0,
        ...(values['flush-ms'] === undefined ? {} : { flushIntervalMs: Number(values['flush-ms']) }),
      },
    },
  },
  logger: pino({ level: 'warn', base: { service: SERVICE_NAME } }),
  start(ctx) {
    ingestion = startIbkrIngestion(ctx);
    return ingestion;
  },
});
const ing = ingestion!;
const m = ing.state.metrics;
const control = (path: string, body: unknown = {}) =>
  fetch(`http://127.0.0.1:${controlPort}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

let rssPeak = 0;
const rssTimer = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage().rss)), 100);

interface Phase {
  eventsPerS: number;
  events: number;
  dropped: number;
  flushesPerS: number;
  redisCommandsPerS: number;
  p50: number;
  p99: number;
  /** Oldest update per symbol and flush: p99 of how long a key lagged behind the feed at worst. */
  oldestP99: number;
  samples: number;
  buildP99: number;
  redisP99: number;
  /** Peak RSS of this process during the measured window. */
  rssMb: number;
}

/** Measures `seconds` after a warm-up, from the service's own counters and histograms. */
async function measure(): Promise<Phase> {
  await sleep(warmupMs);
  rssPeak = 0;
  m.latency.reset();
  m.oldestLatency.reset();
  m.buildTime.reset();
  m.redisTime.reset();
  const start = { messages: m.messages, dropped: m.droppedTotal, flushes: m.flushes, commands: m.commands };
  const t0 = performance.now();
  await sleep(seconds * 1000);
  const elapsed = (performance.now() - t0) / 1000;
  return {
    eventsPerS: (m.messages - start.messages) / elapsed,
    events: m.messages - start.messages,
    dropped: m.droppedTotal - start.dropped,
    flushesPerS: (m.flushes - start.flushes) / elapsed,
    redisCommandsPerS: (m.commands - start.commands) / elapsed,
    p50: m.latency.quantile(0.5),
    p99: m.latency.quantile(0.99),
    oldestP99: m.oldestLatency.quantile(0.99),
    samples: m.latency.count,
    buildP99: m.buildTime.quantile(0.99),
    redisP99: m.redisTime.quantile(0.99),
    rssMb: Math.max(rssPeak, process.memoryUsage().rss) / 1024 / 1024,
  };
}

for (let i = 0; i < 100 && ing.gateway.subscriptionCount < 30; i++) await sleep(50);
const paced = await measure();
await control('/firehose/start', { perSubscription });
const firehose = await measure();
await control('/firehose/stop');
clearInterval(rssTimer);
await sleep(200);

const benchOut = execFileSync(
  'redis-benchmark',
  ['-p', String(redis.port), '-P', '16', '-t', 'set', '-q', '-n', '200000'],
  { encoding: 'utf8' },
);
const ceiling = Number(
  /SET:\s*([\d.]+)\s*requests per second/.exec(benchOut.replace(/\r/g, '\n'))?.[1] ?? NaN,
);

await handle.stop();
child.send({ stop: true });
await new Promise((r) => child.once('exit', r));
await redis.stop();
await rm(dir, { recursive: true, force: true });

const line = (
  bench: string,
  value: number,
  unit: string,
  target: number | null,
  extra: Record<string, unknown>,
) =>
  process.stdout.write(
    `${JSON.stringify({ bench: `ibkr-ingestion.${bench}`, value: round(value), unit, target, ...extra })}\n`,
  );
const detail = (p: Phase, load: string) => ({
  load,
  seconds,
  eventsPerS: Math.round(p.eventsPerS),
  dropped: p.dropped,
  flushesPerS: Math.round(p.flushesPerS),
  redisCommandsPerS: Math.round(p.redisCommandsPerS),
  samples: p.samples,
  flushBuildP99Ms: round(p.buildP99),
  redisAckP99Ms: round(p.redisP99),
  oldestUpdateP99Ms: round(p.oldestP99),
});
const pacedLoad = `market model at ${values.speed}x`;
const firehoseLoad = `tws-sim firehose, ${perSubscription} per subscription and round`;
// Sustained = the paced phase, where nothing is dropped; the firehose shows the ceiling (it drops the
// oldest market data by design, counted in `dropped`).
line('events_per_s', paced.eventsPerS, 'events/s', 100_000, detail(paced, pacedLoad));
line('events_per_s_max', firehose.eventsPerS, 'events/s', null, detail(firehose, firehoseLoad));
line('latency_p50_ms', paced.p50, 'ms', null, detail(paced, pacedLoad));
line('latency_p99_ms', paced.p99, 'ms', 10, detail(paced, pacedLoad));
line('latency_p50_saturated_ms', firehose.p50, 'ms', null, detail(firehose, firehoseLoad));
line('latency_p99_saturated_ms', firehose.p99, 'ms', null, detail(firehose, firehoseLoad));
line('rss_mb', paced.rssMb, 'MB', 200, detail(paced, pacedLoad));
line('rss_saturated_mb', firehose.rssMb, 'MB', null, detail(firehose, firehoseLoad));
line('redis_set_ceiling_per_s', ceiling, 'SET/s', null, { pipeline: 16, requests: 200_000 });
