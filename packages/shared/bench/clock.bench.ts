// Cost of the market-calendar helpers that service loops call on every evaluation.
// Prints one JSON line per measurement: {"bench":"shared.clock.<what>","value":…,"unit":"ns/op","target":…}.
import { etTime, expiries, inWindow, isMarketOpen, yearsToClose } from '../src/clock/index';

function measure(name: string, target: number, fn: (i: number) => unknown): void {
  const warm = 20_000;
  for (let i = 0; i < warm; i++) fn(i);
  const n = 200_000;
  let sink = 0;
  const start = process.hrtime.bigint();
  for (let i = 0; i < n; i++) sink += fn(i) ? 1 : 0;
  const ns = Number(process.hrtime.bigint() - start) / n;
  console.log(
    JSON.stringify({
      bench: `shared.clock.${name}`,
      value: Math.round(ns),
      unit: 'ns/op',
      target,
      n,
      sink: sink > 0,
    }),
  );
}

const base = etTime('2026-03-09', '09:30');
const window = { start: '09:45', end: '15:00' };
// Instants spread over a trading day, one per simulated second.
const at = (i: number) => base + (i % 23_400) * 1000;

measure('isMarketOpen', 1_000, (i) => isMarketOpen(at(i)));
measure('inWindow', 2_000, (i) => inWindow(at(i), window));
measure('expiries', 5_000, (i) => expiries(at(i)).zeroDte);
measure('yearsToClose', 1_000, (i) => yearsToClose(at(i), '2026-03-20') > 0);
