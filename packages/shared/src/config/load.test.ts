/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-call -- YAML documents are edited freely in these tests */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { ConfigError, DEFAULT_CONFIG_PATH, loadConfig, type ConfigOverrides } from './load';
import { serviceConfig } from './lookup';
import { SERVICE_NAMES } from '../registry/index';
import { CONFIGURED_SERVICE_NAMES } from './service-sections';
import { sentimentSymbols, tradedSymbols } from './symbols';

// The demo points Alpha Vantage at the simulator, so it needs no key; tests do the same.
const SIM_ENV = { ALPHAVANTAGE_BASE_URL: 'http://127.0.0.1:9/query' };
const tmp = mkdtempSync(join(tmpdir(), 'atp-config-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function writeVariant(name: string, edit: (doc: Record<string, any>) => void): string {
  const doc = parse(readFileSync(DEFAULT_CONFIG_PATH, 'utf8')) as Record<string, any>;
  edit(doc);
  const path = join(tmp, `${name}.yaml`);
  writeFileSync(path, stringify(doc));
  return path;
}

function issuesOf(fn: () => unknown): Array<{ path: string; message: string }> {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return [...(err as ConfigError).issues];
  }
  throw new Error('expected a ConfigError');
}

describe('config/config.yaml', () => {
  const cfg = loadConfig({ env: SIM_ENV });

  it('carries the seeds: symbols, windows, risk limits, tiers, Alpha Vantage budget', () => {
    expect(cfg.symbols.level2).toEqual(['SPY', 'QQQ', 'IWM']);
    expect(cfg.symbols.standard).toEqual([
      'AAPL',
      'TSLA',
      'NVDA',
      'AMD',
      'GOOGL',
      'META',
      'AMZN',
      'MSFT',
      'VXX',
    ]);
    expect(cfg.symbols.index).toEqual(['SPX']);
    expect(tradedSymbols(cfg)).toHaveLength(12);
    expect(sentimentSymbols(cfg)).toEqual(['AAPL', 'TSLA', 'NVDA', 'AMD', 'GOOGL', 'META', 'AMZN', 'MSFT']);
    expect(cfg.strategies['0dte'].window).toEqual({ start: '09:45', end: '15:00' });
    expect(cfg.strategies['1dte'].window).toEqual({ start: '14:00', end: '15:30' });
    expect(cfg.strategies['14dte'].window).toEqual({ start: '09:30', end: '16:00' });
    expect(cfg.strategies.moc.window).toEqual({ start: '15:30', end: '15:50' });
    expect(cfg.risk).toMatchObject({
      maxPositions: 5,
      maxPositionsPerSymbol: 2,
      dailyLossLimitUsd: 2000,
      maxConsecutiveLosses: 3,
      maxDrawdown: 0.1,
      kellyFraction: 0.25,
      exposureCaps: { maxDelta: 2000, maxGamma: 500, minTheta: -400 },
    });
    expect(cfg.distribution.tiers.premium.delaySeconds).toBe(0);
    expect(cfg.distribution.tiers.basic.delaySeconds).toBe(60);
    expect(cfg.distribution.tiers.free.delaySeconds).toBe(300);
    expect(cfg.alphaVantage.planCallsPerMinute).toBe(600);
    expect(cfg.alphaVantage.budgetCallsPerMinute).toBe(590);
  });

  it('defaults to paper trading, the IB Gateway paper port, the real clock and no secrets', () => {
    expect(cfg.trading.mode).toBe('paper');
    expect(cfg.ibkr.port).toBe(4002);
    expect(cfg.clock.mode).toBe('real');
    expect(cfg.redis.password).toBeUndefined();
    expect(cfg.services['discord-bot'].botToken).toBeUndefined();
  });

  it('gives each of the 16 services its own section and a distinct port', () => {
    expect(CONFIGURED_SERVICE_NAMES).toHaveLength(16);
    expect([...CONFIGURED_SERVICE_NAMES].sort()).toEqual([...SERVICE_NAMES].sort());
    const ports = CONFIGURED_SERVICE_NAMES.map((n) => cfg.services[n].port);
    expect(new Set(ports).size).toBe(16);
    for (const name of CONFIGURED_SERVICE_NAMES) expect(cfg.services[name].heartbeatIntervalMs).toBe(5000);
  });

  it('resolves relative paths against the file and returns a frozen object', () => {
    expect(cfg.dataDir).toBe(join(dirname(DEFAULT_CONFIG_PATH), '..', 'data'));
    expect(Object.isFrozen(cfg)).toBe(true);
    expect(Object.isFrozen(cfg.risk.exposureCaps)).toBe(true);
    expect(() => {
      (cfg.risk as { maxPositions: number }).maxPositions = 50;
    }).toThrow(TypeError);
  });

  it('lists every variable the file references in .env.example', () => {
    const yaml = JSON.stringify(parse(readFileSync(DEFAULT_CONFIG_PATH, 'utf8'))); // values only, not comments
    const example = readFileSync(join(dirname(DEFAULT_CONFIG_PATH), '..', '.env.example'), 'utf8');
    const referenced = [...yaml.matchAll(/\$\{([A-Z0-9_]+)/g)].map((m) => m[1]!);
    expect(referenced.length).toBeGreaterThan(15);
    const missing = referenced.filter((name) => !new RegExp(`^#?\\s*${name}=`, 'm').test(example));
    expect(missing).toEqual([]);
  });
});

describe('loadConfig', () => {
  it('rejects unknown keys at the root and deep inside, naming each path', () => {
    const path = writeVariant('unknown', (doc) => {
      doc.colour = 'blue';
      doc.risk.exposureCaps.maxVega = 10;
      doc.services.analytics.typo = 1;
    });
    const issues = issuesOf(() => loadConfig({ path, env: SIM_ENV }));
    expect(issues).toEqual(
      expect.arrayContaining([
        { path: 'colour', message: 'unknown key' },
        { path: 'risk.exposureCaps.maxVega', message: 'unknown key' },
        { path: 'services.analytics.typo', message: 'unknown key' },
      ]),
    );
    expect(issues).toHaveLength(3);
  });

  it('reports a missing required environment variable by name', () => {
    const path = writeVariant('missing-env', (doc) => {
      doc.ibkr.account = '${IBKR_ACCOUNT_FOR_TEST}';
    });
    const issues = issuesOf(() => loadConfig({ path, env: SIM_ENV }));
    expect(issues).toEqual([
      { path: 'ibkr.account', message: 'environment variable IBKR_ACCOUNT_FOR_TEST is not set' },
    ]);
    expect(loadConfig({ path, env: { ...SIM_ENV, IBKR_ACCOUNT_FOR_TEST: 'DU123' } }).ibkr.account).toBe(
      'DU123',
    );
  });

  it('takes numbers and modes from the environment and validates them', () => {
    const cfg = loadConfig({
      env: { ...SIM_ENV, IBKR_PORT: '7497', ATP_CLOCK_MODE: 'simulated', LOG_LEVEL: 'debug' },
    });
    expect(cfg.ibkr.port).toBe(7497);
    expect(cfg.clock.mode).toBe('simulated');
    expect(cfg.log.level).toBe('debug');
    const issues = issuesOf(() =>
      loadConfig({ env: { ...SIM_ENV, IBKR_PORT: 'gateway', ATP_TRADING_MODE: 'LIVE' } }),
    );
    expect(issues.map((i) => i.path).sort()).toEqual(['ibkr.port', 'trading.mode']);
  });

  it('trades live only when explicitly asked, and then only with an account', () => {
    expect(issuesOf(() => loadConfig({ env: { ...SIM_ENV, ATP_TRADING_MODE: 'live' } }))).toEqual([
      { path: 'ibkr.account', message: 'live trading requires an explicit account (IBKR_ACCOUNT)' },
    ]);
    const cfg = loadConfig({ env: { ...SIM_ENV, ATP_TRADING_MODE: 'live', IBKR_ACCOUNT: 'U1234567' } });
    expect(cfg.trading.mode).toBe('live');
  });

  it('requires a secret only when the service that uses it is enabled', () => {
    expect(issuesOf(() => loadConfig({ env: {} }))).toEqual([
      {
        path: 'alphaVantage.apiKey',
        message: 'ALPHAVANTAGE_API_KEY is required to call the real Alpha Vantage API',
      },
    ]);
    expect(loadConfig({ env: { ALPHAVANTAGE_API_KEY: 'k' } }).alphaVantage.apiKey).toBe('k');
    const enableBots: ConfigOverrides = {
      services: { 'telegram-bot': { enabled: true }, 'morning-analysis': { enabled: true } },
    };
    expect(issuesOf(() => loadConfig({ env: SIM_ENV, overrides: enableBots })).map((i) => i.path)).toEqual([
      'services.telegram-bot.botToken',
      'services.morning-analysis.openaiApiKey',
    ]);
    const withKeys = loadConfig({
      env: { ...SIM_ENV, TELEGRAM_BOT_TOKEN: 't', OPENAI_API_KEY: 'o' },
      overrides: enableBots,
    });
    expect(withKeys.services['telegram-bot'].botToken).toBe('t');
  });

  it('lets REDIS_URL and overrides replace file values, overrides last', () => {
    const url = 'redis://127.0.0.1:6390';
    expect(loadConfig({ env: { ...SIM_ENV, REDIS_URL: url } }).redis.url).toBe(url);
    const cfg = loadConfig({
      env: { ...SIM_ENV, REDIS_URL: url },
      overrides: {
        redis: { url: 'redis://127.0.0.1:6391' },
        services: { monitor: { heartbeatIntervalMs: 200 } },
      },
    });
    expect(cfg.redis.url).toBe('redis://127.0.0.1:6391');
    expect(cfg.services.monitor.heartbeatIntervalMs).toBe(200);
    expect(cfg.services.monitor.port).toBe(9116);
  });

  it('reads the file named by ATP_CONFIG', () => {
    const path = writeVariant('atp-config', (doc) => {
      doc.risk.maxPositions = 3;
    });
    expect(loadConfig({ env: { ...SIM_ENV, ATP_CONFIG: path } }).risk.maxPositions).toBe(3);
  });

  it('checks cross-field rules: symbol lists, ports, windows, tier delays', () => {
    const path = writeVariant('cross', (doc) => {
      doc.symbols.etfs.push('DIA');
      doc.strategies.moc.symbols = ['SPY', 'XYZ'];
      doc.services.risk.port = 9101;
      doc.strategies['0dte'].window = { start: '15:00', end: '09:45' };
      doc.distribution.tiers.free.delaySeconds = 30;
    });
    const paths = issuesOf(() => loadConfig({ path, env: SIM_ENV })).map((i) => i.path);
    expect(paths.sort()).toEqual(
      [
        'distribution.tiers',
        'services.risk.port',
        'strategies.0dte.window',
        'strategies.moc.symbols[1]',
        'symbols.etfs[4]',
      ].sort(),
    );
  });

  it('reports an unreadable file and invalid YAML as config errors', () => {
    expect(issuesOf(() => loadConfig({ path: join(tmp, 'nope.yaml'), env: SIM_ENV }))[0]!.path).toBe(
      '(file)',
    );
    const bad = join(tmp, 'bad.yaml');
    writeFileSync(bad, 'risk: [unclosed\n');
    expect(issuesOf(() => loadConfig({ path: bad, env: SIM_ENV }))[0]!.path).toBe('(yaml)');
  });

  it('loadConfigOrExit prints each path and reason and exits non-zero', () => {
    const path = writeVariant('exit', (doc) => {
      doc.risk.kellyFraction = 'a quarter';
      doc.extra = true;
    });
    const script = join(tmp, 'exit.ts');
    const entry = new URL('./index.ts', import.meta.url).pathname;
    writeFileSync(
      script,
      `import { loadConfigOrExit } from ${JSON.stringify(entry)};\nloadConfigOrExit();\nconsole.log('unreachable');\n`,
    );
    const res = spawnSync(process.execPath, ['--import', 'tsx', script], {
      env: { PATH: process.env.PATH, ATP_CONFIG: path, ...SIM_ENV },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(res.status).toBe(78);
    expect(res.stdout).not.toContain('unreachable');
    expect(res.stderr).toContain('risk.kellyFraction:');
    expect(res.stderr).toContain('extra: unknown key');
  });
});

describe('serviceConfig', () => {
  it('finds fleet services and extra services, and names a missing section', () => {
    const cfg = loadConfig({
      env: SIM_ENV,
      overrides: { extraServices: { 'echo-fixture': { enabled: true, port: 0, heartbeatIntervalMs: 100 } } },
    });
    expect(serviceConfig(cfg, 'analytics').toxicityWeights.vpin).toBe(0.7);
    expect(serviceConfig(cfg, 'echo-fixture').heartbeatIntervalMs).toBe(100);
    expect(issuesOf(() => serviceConfig(cfg, 'nobody'))[0]!.path).toBe('services.nobody');
  });
});
