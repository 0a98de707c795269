// Market-data throughput of tws-sim to one client. A raw client in its own process subscribes to ticks
// (with RTVolume), 10-level depth and tick-by-tick AllLast for every default symbol, and counts framed
// market-data messages at its socket. Two runs:
//  - model: the market model is stepped as fast as it goes (accelerated) and feeds the server;
//  - firehose: the server generates synthetic updates for the same subscriptions as fast as the socket
//    takes them, which measures the server's encode-and-send path on its own.
// Prints one JSON line per run: `tws-sim.messages_per_s` is the model-fed rate, and
// `tws-sim.firehose_messages_per_s` the server's own capacity.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createMarketModel, defaultSymbols, nyTime } from '@alphatrader/market-sim';
import { startTwsSim } from '../src/index';

const WARMUP_MS = 500;
const MEASURE_MS = 4_000;
const TARGET = 200_000;

interface Mark {
  marketData: number;
  frames: number;
  bytes: number;
  t: number;
}

const model = createMarketModel({ seed: 1, symbols: defaultSymbols, startTime: nyTime('2025-09-16', 9, 35) });
const sim = await startTwsSim({ model });

const worker = fork(
  fileURLToPath(new URL('./raw-client.ts', import.meta.url)),
  [JSON.stringify({ port: sim.port, symbols: [...defaultSymbols], clientId: 1 })],
  { execArgv: ['--import', 'tsx'] },
);
const marks: ((m: Mark) => void)[] = [];
worker.on('message', (m: { type: string } & Mark & { message?: string }) => {
  if (m.type === 'mark') marks.shift()?.(m);
  if (m.type === 'error') throw new Error(`raw client: ${m.message ?? ''}`);
});
await new Promise<void>((resolve) => {
  const onReady = (m: { type: string }): void => {
    if (m.type === 'ready') {
      worker.off('message', onReady);
      resolve();
    }
  };
  worker.on('message', onReady);
});

const mark = (): Promise<Mark> =>
  new Promise((resolve) => {
    marks.push(resolve);
    worker.send({ type: 'mark' });
  });
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Runs `drive` until stopped, measuring what the client received during the window after warm-up. */
async function measure(drive: {
  start(): void;
  stop(): void;
}): Promise<{ rate: number; messages: number; seconds: number; mbPerS: number }> {
  drive.start();
  await sleep(WARMUP_MS);
  const a = await mark();
  await sleep(MEASURE_MS);
  const b = await mark();
  drive.stop();
  await sleep(200);
  const seconds = (b.t - a.t) / 1000;
  const messages = b.marketData - a.marketData;
  return {
    rate: Math.round(messages / seconds),
    messages,
    seconds,
    mbPerS: (b.bytes - a.bytes) / seconds / 1e6,
  };
}

// Model run: step the model in 100 ms slices, yielding to the event loop so the server can flush.
let simulatedMs = 0;
let running = false;
const modelDrive = {
  start(): void {
    running = true;
    const loop = (): void => {
      if (!running) return;
      model.step(100);
      simulatedMs += 100;
      setImmediate(loop);
    };
    loop();
  },
  stop(): void {
    running = false;
  },
};
const startStats = sim.stats();
const modelRun = await measure(modelDrive);
const firehoseRun = await measure({
  start: () => sim.firehose.start({ perSubscription: 64 }),
  stop: () => sim.firehose.stop(),
});
const endStats = sim.stats();

const common = {
  symbols: defaultSymbols.length,
  subscriptions: defaultSymbols.length * 3,
  dropped: endStats.marketDataDropped - startStats.marketDataDropped,
};
console.log(
  JSON.stringify({
    bench: 'tws-sim.messages_per_s',
    value: modelRun.rate,
    unit: 'msg/s',
    target: TARGET,
    mode: 'model-accelerated',
    messages: modelRun.messages,
    wall_s: Number(modelRun.seconds.toFixed(3)),
    mb_per_s: Number(modelRun.mbPerS.toFixed(1)),
    simulated_s: simulatedMs / 1000,
    ...common,
  }),
);
console.log(
  JSON.stringify({
    bench: 'tws-sim.firehose_messages_per_s',
    value: firehoseRun.rate,
    unit: 'msg/s',
    target: TARGET,
    mode: 'firehose',
    messages: firehoseRun.messages,
    wall_s: Number(firehoseRun.seconds.toFixed(3)),
    mb_per_s: Number(firehoseRun.mbPerS.toFixed(1)),
    ...common,
  }),
);

worker.send({ type: 'close' });
await new Promise((r) => worker.once('exit', r));
await sim.stop();
