// Throughput of the logger with secret scrubbing, for a typical record with a nested object and a URL.
// Prints one JSON line: {"bench":"shared.logger.records_per_s","value":…,"unit":"records/s","target":…}.
import { createLogger } from '../src/logger/index';

let bytes = 0;
const logger = createLogger({
  service: 'bench',
  destination: { write: (s: string) => void (bytes += s.length) },
});
const record = {
  symbol: 'SPY',
  url: 'https://www.alphavantage.co/query?function=REALTIME_OPTIONS&symbol=SPY&apikey=abcdef123456',
  stats: { contracts: 9944, invalid: 3, latencyMs: 182.5, reasons: ['iv out of range', 'bid > ask'] },
  headers: { authorization: 'Bearer abcdefghijklmnop' },
};

for (let i = 0; i < 5_000; i++) logger.info(record, 'chain stored');
const n = 100_000;
const start = process.hrtime.bigint();
for (let i = 0; i < n; i++) logger.info(record, 'chain stored');
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
console.log(
  JSON.stringify({
    bench: 'shared.logger.records_per_s',
    value: Math.round(n / seconds),
    unit: 'records/s',
    target: 20_000,
    bytes,
  }),
);
