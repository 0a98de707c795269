// Every error class av-sim can produce, over HTTP, through the real client and jobs: classified right,
// counted by class in monitoring:api:av:errors, and the last good value left exactly as it was.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FaultKind } from '@alphatrader/av-sim';
import {
  macroSeries,
  marketIntraday,
  monitoringAvDropped,
  monitoringAvErrorLog,
  monitoringAvErrors,
  optionsChain,
  rawAvOptions,
  sentimentScore,
  technicalsRsi,
  type KeyRef,
} from '@alphatrader/shared';
import { freePort } from '@alphatrader/testkit';
import type { FailureClass } from './core/errors';
import { manualClock, startHarness, type Harness } from './test-support';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.stop();
});

const overrides = {
  services: { 'av-ingestion': { chainExpiries: '0dte', retries: 1 } },
  alphaVantage: { timeoutMs: 2_000 },
} as const;

describe('Alpha Vantage failures from av-sim', () => {
  let env: ReturnType<Harness['ingestion']>;
  let clock: ReturnType<typeof manualClock>;
  beforeAll(() => {
    clock = manualClock(h.model.now());
    env = h.ingestion(h.config(overrides), { clock });
  });

  const raw = (ref: KeyRef) => env.redis.get(ref.key);
  const errorCount = async (cls: FailureClass): Promise<number> => {
    const r = await env.store.hget(monitoringAvErrors.at(), cls);
    return r.ok ? r.value.count : 0;
  };
  /** Runs a job one cadence of market time later (past its freshness window). */
  const runLater = (jobId: string) => {
    clock.advance(env.ingestion.jobs.find((j) => j.id === jobId)!.intervalMs);
    return env.ingestion.run(jobId);
  };

  async function expectRejected(
    jobId: string,
    fault: { kind: FaultKind; function: string; symbol?: string; delayMs?: number },
    cls: FailureClass,
    kept: KeyRef[],
  ): Promise<void> {
    expect(await runLater(jobId)).toBe('stored');
    const before = await Promise.all(kept.map(raw));
    expect(before.every((v) => v !== null)).toBe(true);
    const count = await errorCount(cls);
    h.sim.faults.inject({ ...fault, count: 10 });
    try {
      expect(await runLater(jobId)).toBe('failed');
    } finally {
      h.sim.faults.clear();
    }
    expect(await Promise.all(kept.map(raw))).toEqual(before);
    expect(await errorCount(cls)).toBeGreaterThan(count);
    const log = await env.store.range(monitoringAvErrorLog.at(), 0, 0);
    expect(log.ok && log.value.values[0]).toMatchObject({ kind: cls, function: fault.function });
  }

  const spyChain = [optionsChain.at({ symbol: 'SPY' }), rawAvOptions.at({ symbol: 'SPY' })];
  const chainCases: [FaultKind, FailureClass][] = [
    ['rate_limit', 'rate_limited'],
    ['rate_limit_daily', 'rate_limited'],
    ['rate_limit_note', 'rate_limited'],
    ['premium', 'premium_required'],
    ['sample_data', 'sample_data'],
    ['error_message', 'invalid_call'],
    ['invalid_apikey', 'invalid_call'],
    ['malformed_json', 'malformed'],
    ['truncated', 'malformed'],
    ['empty', 'empty'],
  ];
  for (const [kind, cls] of chainCases) {
    it(`options chain: ${kind} → ${cls}, last good chain kept`, async () => {
      await expectRejected(
        'chains/SPY',
        { kind, function: 'REALTIME_OPTIONS', symbol: 'SPY' },
        cls,
        spyChain,
      );
    });
  }

  it('options chain: a slow answer past the timeout → timeout, last good chain kept', async () => {
    await expectRejected(
      'chains/SPY',
      { kind: 'slow', function: 'REALTIME_OPTIONS', symbol: 'SPY', delayMs: 3_000 },
      'timeout',
      spyChain,
    );
  });

  it('options chain: NaN or blank Greeks on a third of the rows → rows dropped and counted, chain rejected', async () => {
    for (const kind of ['nan_greeks', 'empty_greeks'] as const) {
      await expectRejected(
        'chains/SPY',
        { kind, function: 'REALTIME_OPTIONS', symbol: 'SPY' },
        'malformed',
        spyChain,
      );
    }
    const dropped = await env.store.hget(monitoringAvDropped.at(), 'not_a_number');
    expect(dropped.ok && dropped.value).toMatchObject({ lastSymbol: 'SPY', lastField: 'implied_volatility' });
    expect(dropped.ok && dropped.value.count).toBeGreaterThan(10);
  });

  it('a throttle that clears is retried (after AV’s second) and the fresh chain stored', async () => {
    expect(await runLater('chains/QQQ')).toBe('stored');
    const before = await raw(optionsChain.at({ symbol: 'QQQ' }));
    const count = await errorCount('rate_limited');
    h.sim.faults.inject({ kind: 'rate_limit', function: 'REALTIME_OPTIONS', symbol: 'QQQ', count: 1 });
    expect(await runLater('chains/QQQ')).toBe('stored');
    expect(await raw(optionsChain.at({ symbol: 'QQQ' }))).not.toEqual(before);
    expect(await errorCount('rate_limited')).toBe(count + 1);
  });

  it('intraday bars: empty series → empty', async () => {
    await expectRejected('intraday/AAPL', { kind: 'empty', function: 'TIME_SERIES_INTRADAY' }, 'empty', [
      marketIntraday.at({ symbol: 'AAPL' }),
    ]);
  });

  it('technicals: premium notice → premium_required', async () => {
    await expectRejected('technicals/RSI/SPY', { kind: 'premium', function: 'RSI' }, 'premium_required', [
      technicalsRsi.at({ symbol: 'SPY' }),
    ]);
  });

  it('news sentiment: the demo-key notice → sample_data', async () => {
    await expectRejected(
      'sentiment/AAPL',
      { kind: 'sample_data', function: 'NEWS_SENTIMENT' },
      'sample_data',
      [sentimentScore.at({ symbol: 'AAPL' })],
    );
  });

  it('macro: an Error Message → invalid_call', async () => {
    await expectRejected('macro/CPI', { kind: 'error_message', function: 'CPI' }, 'invalid_call', [
      macroSeries.at({ series: 'cpi' }),
    ]);
  });
});

describe('transport failures', () => {
  it('a refused connection → network, counted, nothing written', async () => {
    const port = await freePort();
    const clock = manualClock(h.model.now());
    const env = h.ingestion(
      h.config({ ...overrides, alphaVantage: { baseUrl: `http://127.0.0.1:${port}/query` } }),
      {
        clock,
      },
    );
    await env.redis.flushall();
    expect(await env.ingestion.run('chains/IWM')).toBe('failed');
    const errors = await env.store.hget(monitoringAvErrors.at(), 'network');
    expect(errors.ok && errors.value).toMatchObject({ lastFunction: 'REALTIME_OPTIONS', lastSymbol: 'IWM' });
    expect(errors.ok && errors.value.count).toBe(2); // the attempt and its retry
    expect(await env.redis.get(optionsChain.at({ symbol: 'IWM' }).key)).toBeNull();
  });
});
