// Benchmark helper process: the market model and the IB Gateway simulator, kept off the ingestion's
// CPU time. Publishes the simulated clock to the bench Redis like the simulators runner, reports its
// ports to the parent over IPC. The model is stepped every millisecond (instead of its own 50 ms driver)
// so an accelerated market arrives as a steady stream of model ticks rather than 50 ms bursts.
import { createMarketModel } from '@alphatrader/market-sim';
import { createStore, simClock } from '@alphatrader/shared';
import { startTwsSim } from '@alphatrader/tws-sim';
import { Redis } from 'ioredis';

const redisUrl = process.argv[2];
const speed = Number(process.argv[3] ?? '1');
if (redisUrl === undefined) throw new Error('usage: sim-child <redis-url> [speed]');

const symbols = ['SPY', 'QQQ', 'IWM', 'AAPL', 'TSLA', 'NVDA', 'AMD', 'GOOGL', 'META', 'AMZN', 'MSFT', 'VXX'];
const model = createMarketModel({ seed: 11, symbols, speed });
const sim = await startTwsSim({ model, port: 0, controlPort: 0 });
const redis = new Redis(redisUrl);
const store = createStore(redis);
const publish = () =>
  store.set(simClock.at(), {
    simTime: Math.round(model.now()),
    wallTime: Date.now(),
    speed: model.speed(),
    scenario: model.scenario(),
    seed: model.seed,
  });
await publish();
let last = performance.now();
const driver = setInterval(() => {
  const now = performance.now();
  model.step((now - last) * speed);
  last = now;
}, 1);
const timer = setInterval(() => void publish().catch(() => undefined), 500);
process.send?.({ port: sim.port, controlPort: sim.controlPort });
// An orphan (the benchmark died) must not keep stepping the model in the background.
process.on('disconnect', () => process.exit(0));
process.on('message', (msg: { stop?: boolean }) => {
  if (msg.stop !== true) return;
  clearInterval(timer);
  clearInterval(driver);
  void sim.stop().then(async () => {
    await redis.quit();
    process.exit(0);
  });
});
