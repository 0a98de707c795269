// The simulator's log lines name the call but never the API key.
import { describe, expect, it } from 'vitest';
import type { FastifyBaseLogger } from 'fastify';
import { startSimFixture } from './testing';

function capturingLogger(lines: unknown[]): FastifyBaseLogger {
  const log = (...args: unknown[]) => {
    lines.push(args);
  };
  const logger = {
    level: 'debug',
    fatal: log,
    error: log,
    warn: log,
    info: log,
    debug: log,
    trace: log,
    silent: log,
    child: () => logger,
  };
  return logger;
}

describe('logging', () => {
  it('one debug line per call with function and outcome, no key anywhere', async () => {
    const lines: unknown[] = [];
    const f = await startSimFixture({ logger: capturingLogger(lines) });
    try {
      await f.query({ function: 'GLOBAL_QUOTE', symbol: 'SPY', apikey: 'SECRET-XYZ-123' });
      await f.query({ function: 'CPI', apikey: 'SECRET-XYZ-123' }, { 'x-avsim-fault': 'rate_limit_daily' });
      const text = JSON.stringify(lines);
      expect(text).toContain('GLOBAL_QUOTE');
      expect(text).toContain('fault:rate_limit_daily');
      expect(text).not.toContain('SECRET-XYZ-123');
    } finally {
      await f.stop();
    }
  });
});
