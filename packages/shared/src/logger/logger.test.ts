import { describe, expect, it } from 'vitest';
import { childLogger, createLogger } from './logger';
import { REDACTED } from './redact';

function capture(level = 'trace') {
  const lines: string[] = [];
  const logger = createLogger({
    service: 'unit',
    level,
    destination: { write: (s: string) => void lines.push(s) },
  });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- log records are free-form JSON
  const records = () => lines.map((l) => JSON.parse(l) as Record<string, any>);
  return { logger, records, raw: () => lines.join('') };
}

describe('createLogger', () => {
  it('writes one JSON object per record with service, level label, time and message', () => {
    const { logger, records } = capture('info');
    logger.info({ symbol: 'SPY' }, 'hello');
    logger.debug('not at info');
    expect(records()).toHaveLength(1);
    const [r] = records();
    expect(r).toMatchObject({
      service: 'unit',
      level: 'info',
      msg: 'hello',
      symbol: 'SPY',
      pid: process.pid,
    });
    expect(new Date(r!.time as string).getTime()).toBeGreaterThan(0);
  });

  it('adds the component on child loggers', () => {
    const { logger, records } = capture();
    childLogger(logger, 'heartbeat', { shard: 2 }).warn('late');
    expect(records()[0]).toMatchObject({ service: 'unit', component: 'heartbeat', shard: 2, msg: 'late' });
  });

  it('masks secret fields at any depth and in any spelling', () => {
    const { logger, records, raw } = capture();
    logger.info(
      {
        apiKey: 'AV-KEY-1',
        config: {
          redis: { password: 'pw-2', username: 'atp' },
          alphaVantage: { api_key: 'AV-KEY-3', apikey: 'AV-KEY-4' },
          headers: { Authorization: 'Bearer tok-5', cookie: 'sid=6' },
          bots: [{ botToken: '123:tok-7' }, { webhookUrl: 'https://discord.com/api/webhooks/1/tok-8' }],
          twitter: { accessSecret: 'sec-9', clientSecret: 'sec-10' },
        },
      },
      'configured',
    );
    const text = raw();
    for (const secret of [
      'AV-KEY-1',
      'pw-2',
      'AV-KEY-3',
      'AV-KEY-4',
      'tok-5',
      'sid=6',
      'tok-7',
      'tok-8',
      'sec-9',
      'sec-10',
    ]) {
      expect(text).not.toContain(secret);
    }
    const r = records()[0]!;
    expect(r.apiKey).toBe(REDACTED);
    expect(r.config.redis).toEqual({ password: REDACTED, username: 'atp' });
    expect(r.config.headers.Authorization).toBe(REDACTED);
  });

  it('masks keys and passwords inside URLs and messages, keeping the rest readable', () => {
    const { logger, records, raw } = capture();
    logger.info(
      { url: 'https://www.alphavantage.co/query?function=REALTIME_OPTIONS&symbol=SPY&apikey=SECRETKEY1' },
      'GET https://www.alphavantage.co/query?apikey=SECRETKEY2&symbol=QQQ via redis://atp:SECRETPW3@10.0.0.1:6379',
    );
    expect(raw()).not.toMatch(/SECRETKEY1|SECRETKEY2|SECRETPW3/);
    const r = records()[0]!;
    expect(r.url).toBe(
      `https://www.alphavantage.co/query?function=REALTIME_OPTIONS&symbol=SPY&apikey=${REDACTED}`,
    );
    expect(r.msg).toContain('symbol=QQQ');
    expect(r.msg).toContain(`redis://atp:${REDACTED}@10.0.0.1:6379`);
  });

  it('masks webhook and bot tokens and bearer credentials inside free text', () => {
    const { logger, raw } = capture();
    logger.warn(
      'post to https://discord.com/api/webhooks/123456/HOOK-SECRET-1 failed; ' +
        'telegram https://api.telegram.org/bot123:BOT-SECRET-2/sendMessage; header Bearer BEARER-SECRET-3',
    );
    expect(raw()).not.toMatch(/HOOK-SECRET-1|BOT-SECRET-2|BEARER-SECRET-3/);
    expect(raw()).toContain('discord.com/api/webhooks/123456/');
  });

  it('serialises errors with their stack and scrubs secrets carried by them', () => {
    const { logger, records, raw } = capture();
    const err = Object.assign(new Error('request to https://x.test/q?apikey=SECRET-E1 failed'), {
      code: 'ECONNRESET',
      config: { params: { apikey: 'SECRET-E2', symbol: 'SPY' }, headers: { 'X-Api-Key': 'SECRET-E3' } },
    });
    logger.error({ err }, 'fetch failed');
    logger.error(new Error('token=SECRET-E4 rejected'));
    expect(raw()).not.toMatch(/SECRET-E\d/);
    const [first, second] = records();
    expect(first!.err).toMatchObject({
      type: 'Error',
      code: 'ECONNRESET',
      config: { params: { symbol: 'SPY' } },
    });
    expect(first!.err.stack).toContain('logger.test.ts');
    expect(second!.err.message).toBe(`token=${REDACTED} rejected`);
  });

  it('survives circular and very deep objects', () => {
    const { logger, records } = capture();
    const a: Record<string, unknown> = { name: 'a' };
    a.self = a;
    let deep: Record<string, unknown> = { leaf: true };
    for (let i = 0; i < 20; i++) deep = { next: deep };
    logger.info({ a, deep }, 'odd shapes');
    const r = records()[0]!;
    expect(r.a.self).toBe('[Circular]');
    expect(JSON.stringify(r.deep)).toContain('[Truncated]');
  });

  it('keeps ordinary fields that merely look similar', () => {
    const { logger, records } = capture();
    logger.info({ key: 'mkt:SPY:book', tokensUsed: 12, passes: 3, keyCount: 4 }, 'fine');
    expect(records()[0]).toMatchObject({ key: 'mkt:SPY:book', tokensUsed: 12, passes: 3, keyCount: 4 });
  });
});
