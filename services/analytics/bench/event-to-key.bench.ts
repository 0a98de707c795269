// End-to-end latency through Redis: a market event (book + trades written and announced on events:market,
// as ingestion does it) to its analytics key (analytics:{s}:obi written and announced on events:analytics),
// with the analytics service running as its own process against a private redis-server. Two other level-2
// symbols get an update in every round as background load. Prints one JSON object per line.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startRedisProcess } from '@alphatrader/redis-launcher';
import {
  analyticsObi,
  ChangeEvent,
  createStore,
  DEFAULT_CONFIG_PATH,
  eventsAnalytics,
  eventsMarket,
  marketBook,
  marketTrades,
  moduleHeartbeat,
} from '@alphatrader/shared';
import { Redis } from 'ioredis';
import { parse, stringify } from 'yaml';
import { book, trades } from '../src/testing/fixtures';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const MAIN = fileURLToPath(new URL('../src/main.ts', import.meta.url));
const WARMUP = 300;
const ROUNDS = 3_000;

function percentile(sorted: number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  return sorted[lo]! + (h - lo) * (sorted[Math.min(lo + 1, sorted.length - 1)]! - sorted[lo]!);
}
const r3 = (x: number) => Number(x.toFixed(3));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const dir = mkdtempSync(join(tmpdir(), 'atp-analytics-bench-'));
const redis = await startRedisProcess({ dir, extraArgs: ['--save', '', '--appendonly', 'no'] });
const doc = parse(readFileSync(DEFAULT_CONFIG_PATH, 'utf8')) as {
  redis: Record<string, unknown>;
  log: Record<string, unknown>;
  services: { analytics: Record<string, unknown> };
  dataDir: string;
};
doc.redis.url = redis.url;
doc.log.level = 'warn';
doc.dataDir = dir;
doc.services.analytics.port = 0;
const configPath = join(dir, 'config.yaml');
writeFileSync(configPath, stringify(doc));

const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
  cwd: ROOT,
  env: {
    PATH: process.env.PATH ?? '',
    ATP_CONFIG: configPath,
    ALPHAVANTAGE_BASE_URL: 'http://127.0.0.1:9/query',
  },
  stdio: ['ignore', 'ignore', 'inherit'],
});

const client = new Redis(redis.url);
const reader = new Redis(redis.url);
const store = createStore(client);
const obiKey = analyticsObi.key({ symbol: 'SPY' });

try {
  const deadline = Date.now() + 30_000;
  while (!(await store.get(moduleHeartbeat.at({ service: 'analytics' }))).ok) {
    if (Date.now() > deadline || child.exitCode !== null) throw new Error('analytics did not start');
    await sleep(50);
  }
  await sleep(300);

  const coalesced = ChangeEvent.safeParse({
    symbol: 'SPY',
    kind: 'book',
    key: 'x',
    ts: 0,
    changes: ['book'],
  }).success;
  const announce = (b: ReturnType<typeof store.batch>, symbol: string, ts: number) => {
    if (coalesced) {
      const ev = { symbol, kind: 'book', key: marketBook.key({ symbol }), ts, changes: ['book', 'trades'] };
      b.xadd(eventsMarket.at(), ev);
    } else {
      b.xadd(eventsMarket.at(), { symbol, kind: 'book', key: marketBook.key({ symbol }), ts });
      b.xadd(eventsMarket.at(), { symbol, kind: 'trades', key: marketTrades.key({ symbol }), ts });
    }
  };

  let lastId = '$';
  const tape = trades(5 * (WARMUP + ROUNDS) + 10, { price: 500, ts: Date.now(), stepMs: 1 });
  const latencies: number[] = [];
  for (let i = 0; i < WARMUP + ROUNDS; i++) {
    const now = Date.now();
    const b = store.batch();
    for (const bg of ['QQQ', 'IWM']) {
      b.set(marketBook.at({ symbol: bg }), book(bg, { mid: 400 + (i % 5) * 0.01, ts: now }));
      announce(b, bg, now);
    }
    b.set(
      marketBook.at({ symbol: 'SPY' }),
      book('SPY', { mid: 500 + (i % 9) * 0.01, ts: now, bidSize: 300 + (i % 11) * 40 }),
    );
    b.push(
      marketTrades.at({ symbol: 'SPY' }),
      ...tape.slice(i * 5, i * 5 + 5).map((t) => ({ ...t, ts: now })),
    );
    announce(b, 'SPY', now);
    const t0 = performance.now();
    await b.exec();
    let seen = false;
    while (!seen) {
      const reply = await reader.xread(
        'COUNT',
        1000,
        'BLOCK',
        5000,
        'STREAMS',
        eventsAnalytics.key(),
        lastId,
      );
      if (reply === null) throw new Error('no analytics output within 5 s');
      for (const [id, fields] of reply[0]![1]) {
        lastId = id;
        if ((fields[1] ?? '').includes(`"key":"${obiKey}"`)) seen = true;
      }
    }
    if (i >= WARMUP) latencies.push(performance.now() - t0);
    await sleep(2);
  }
  latencies.sort((a, b) => a - b);
  process.stdout.write(
    `${JSON.stringify({
      bench: 'analytics.event_to_key_p99_ms',
      value: r3(percentile(latencies, 0.99)),
      unit: 'ms',
      target: 20,
      better: 'lower',
      p50: r3(percentile(latencies, 0.5)),
      p90: r3(percentile(latencies, 0.9)),
      max: r3(latencies.at(-1)!),
      rounds: latencies.length,
      background_symbols: 2,
      path: 'SET book + LPUSH trades + XADD events:market → XREAD BLOCK → GET/LRANGE → engine → SET analytics:SPY:obi + XADD events:analytics → bench XREAD',
    })}\n`,
  );
} finally {
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
  reader.disconnect();
  client.disconnect();
  await redis.stop();
  rmSync(dir, { recursive: true, force: true });
}
