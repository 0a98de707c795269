// Event generation throughput of the market model with the fleet's default symbols: one listener that
// only counts, one simulated hour after a short warm-up. Prints one JSON line.
import { createMarketModel, defaultSymbols, nyTime } from '@alphatrader/market-sim';

const model = createMarketModel({ seed: 1, symbols: defaultSymbols, startTime: nyTime('2025-09-16', 9, 30) });
let events = 0;
model.subscribe(() => {
  events++;
});
model.step(5 * 60_000);
events = 0;
const simulatedMs = 60 * 60_000;
const t0 = performance.now();
model.step(simulatedMs);
const seconds = (performance.now() - t0) / 1000;
console.log(
  JSON.stringify({
    bench: 'market-sim.events_per_s',
    value: Math.round(events / seconds),
    unit: 'events/s',
    target: 200_000,
    events,
    simulated_s: simulatedMs / 1000,
    wall_s: Number(seconds.toFixed(3)),
    symbols: defaultSymbols.length,
  }),
);
