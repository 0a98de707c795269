// The demo runner: the whole fleet on one machine with no broker and no API keys. Private Redis with the
// project's redis.conf, the simulators, one process per service; a live status table; Ctrl-C stops
// everything gracefully with Redis data saved.
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import {
  closeRedis,
  createLogger,
  createRedis,
  createStore,
  loadConfig,
  readEnv,
  runtimeEnv,
  tradedSymbols,
  type AppConfig,
} from '@alphatrader/shared';
import { readStatus } from '../adapters/status-reader';
import { renderStatus } from '../core/status-view';
import { discoverServices, SIM_PROCESS, startFleet } from './fleet';
import { parseDemoArgs } from './options';
import { waitForHeartbeats } from './wait';

const root = join(import.meta.dirname, '..', '..', '..', '..');
const opts = parseDemoArgs(process.argv.slice(2));
const out = (line: string) => process.stdout.write(`${line}\n`);

function enabledServices(config: AppConfig): string[] {
  const sections = config.services as Record<string, { enabled: boolean } | undefined>;
  return discoverServices(root).filter((name) => sections[name]?.enabled !== false);
}

const demoEnv = { ...runtimeEnv(), ATP_CLOCK_MODE: 'simulated', ALPHAVANTAGE_API_KEY: 'demo-simulator-key' };
const config = loadConfig({ env: demoEnv });
const services = enabledServices(config);
out(
  `AlphaTrader demo: starting Redis, the simulators and ${services.length} services (${services.join(', ')})`,
);

const events = createWriteStream(join(root, 'logs', 'supervisor.log'), { flags: 'a' });
let live = false;
const fleet = await startFleet({
  root,
  redisUrl: readEnv('REDIS_URL'),
  services,
  sim: {
    seed: opts.seed,
    speed: opts.speed,
    scenario: opts.scenario,
    ...(opts.start ? { start: opts.start } : {}),
  },
  baseEnv: runtimeEnv(),
  onEvent: (line) => {
    events.write(`${new Date().toISOString()} ${line}\n`);
    if (!live) out(`  ${line}`);
  },
});

const logger = createLogger({ service: 'demo', level: 'warn', destination: events });
const redisConfig = loadConfig({ env: { ...demoEnv, REDIS_URL: fleet.redisUrl } }).redis;
const redis = createRedis(redisConfig, logger, { role: 'demo-status' });
const store = createStore(redis, { logger, service: 'demo' });
const names = [SIM_PROCESS, ...services];

let shuttingDown = false;
async function shutdown(reason: string, code: number): Promise<never> {
  if (shuttingDown) process.exit(1);
  shuttingDown = true;
  live = false;
  out(`\nstopping (${reason}) ...`);
  clearInterval(ticker);
  await closeRedis(redis).catch(() => undefined);
  await fleet.stop();
  out('stopped: every process exited, Redis data saved.');
  events.end();
  process.exit(code);
}
process.on('SIGINT', () => void shutdown('SIGINT', 0));
process.on('SIGTERM', () => void shutdown('SIGTERM', 0));

const ready = await waitForHeartbeats(store, names, 90_000, (missing) =>
  out(`  waiting for heartbeats: ${missing.join(', ')}`),
);
out(ready.length === 0 ? 'every service is up.' : `still no heartbeat from: ${ready.join(', ')} (see logs/)`);

const mode = opts.ui === 'auto' ? (process.stdout.isTTY ? 'live' : 'plain') : opts.ui;
live = mode === 'live';
const symbols = tradedSymbols(config);
const footer = [
  `logs: ${fleet.logsDir}/<service>.log   redis: ${fleet.redisUrl}   av-sim: ${fleet.endpoints.avUrl}   tws-sim: 127.0.0.1:${fleet.endpoints.twsPort}`,
  `scenario control: curl -XPOST 127.0.0.1:${fleet.endpoints.simControlPort}/scenario -H 'content-type: application/json' -d '{"name":"crash"}'`,
  'Ctrl-C stops everything.',
];
let ticks = 0;
const draw = async () => {
  const processes = new Map(
    [...fleet.processes].map(([name, p]) => {
      const s = p.status();
      return [name, { pid: s.pid, restarts: s.restarts, state: s.state }] as const;
    }),
  );
  const snapshot = await readStatus(store, {
    services: names,
    symbols,
    headlineSymbol: 'SPY',
    processes,
    footer,
  });
  const lines = renderStatus(snapshot);
  if (live) process.stdout.write(`\x1b[H\x1b[2J${lines.join('\n')}\n`);
  else if (ticks % 10 === 0) out(`\n${lines.join('\n')}`);
  ticks++;
};
const ticker = setInterval(
  () => void draw().catch((err: unknown) => events.write(`status error: ${String(err)}\n`)),
  1000,
);
await draw();
if (opts.duration > 0)
  setTimeout(() => void shutdown(`--duration ${opts.duration}s elapsed`, 0), opts.duration * 1000);
