import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './load';
import { CONFIGURED_SERVICE_NAMES } from './service-sections';

// The demo points Alpha Vantage at the simulator, so it needs no key.
const SIM_ENV = { ALPHAVANTAGE_BASE_URL: 'http://127.0.0.1:9/query' };

describe('ATP_OPS_PORTS', () => {
  it('keeps the configured /healthz and /metrics ports by default', () => {
    const cfg = loadConfig({ env: SIM_ENV });
    expect(cfg.services.monitor.port).toBe(9116);
    expect(cfg.extraServices['market-sim']?.port).toBe(9100);
    const ports = CONFIGURED_SERVICE_NAMES.map((n) => cfg.services[n].port);
    expect(new Set(ports).size).toBe(ports.length);
  });

  it('ephemeral: every service section binds port 0, other settings unchanged', () => {
    const base = loadConfig({ env: SIM_ENV });
    const cfg = loadConfig({ env: { ...SIM_ENV, ATP_OPS_PORTS: 'ephemeral' } });
    for (const name of CONFIGURED_SERVICE_NAMES) expect(cfg.services[name].port, name).toBe(0);
    for (const section of Object.values(cfg.extraServices)) expect(section.port).toBe(0);
    expect(cfg.services.dashboard.uiPort).toBe(0);
    expect(cfg.services.monitor.heartbeatStaleMs).toBe(base.services.monitor.heartbeatStaleMs);
    expect(cfg.services.analytics.obiDepthWeights).toEqual(base.services.analytics.obiDepthWeights);
    expect(Object.isFrozen(cfg.services.monitor)).toBe(true);
  });

  it('config: the same as unset', () => {
    const cfg = loadConfig({ env: { ...SIM_ENV, ATP_OPS_PORTS: 'config' } });
    expect(cfg.services['ibkr-ingestion'].port).toBe(9101);
  });

  it('rejects an unknown mode with the variable named', () => {
    try {
      loadConfig({ env: { ...SIM_ENV, ATP_OPS_PORTS: 'random' } });
      expect.unreachable('expected a ConfigError');
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      expect((err as ConfigError).issues.map((i) => i.path)).toContain('(env) ATP_OPS_PORTS');
    }
  });
});

describe('requireSecrets: false (tools that call no external API)', () => {
  const REAL_AV = {}; // the default base URL is the real Alpha Vantage API, and no key is set

  it('services still need the secret of an enabled service', () => {
    expect(() => loadConfig({ env: REAL_AV })).toThrow(/ALPHAVANTAGE_API_KEY/);
  });

  it('loads the same file without it, secrets left unset', () => {
    const cfg = loadConfig({ env: REAL_AV, requireSecrets: false });
    expect(cfg.services['av-ingestion'].enabled).toBe(true);
    expect(cfg.alphaVantage.apiKey).toBeUndefined();
  });

  it('still rejects every other problem', () => {
    expect(() =>
      loadConfig({ env: REAL_AV, requireSecrets: false, overrides: { redis: { db: 99 } } }),
    ).toThrow(/redis\.db/);
  });
});
