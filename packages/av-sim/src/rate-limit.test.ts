// The per-key limit over HTTP (with an injected wall clock) and the rolling window itself.
import axios from 'axios';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AvError, classifyAvResponse } from '@alphatrader/shared';
import { RollingRateLimiter } from './rate-limit';
import { startSimFixture, type SimFixture } from './testing';

describe('RollingRateLimiter', () => {
  it('allows N calls in any rolling 60 s per key, then frees slots as they age out', () => {
    let now = 1_000_000;
    const rl = new RollingRateLimiter(3, 60_000, () => now);
    expect([rl.tryTake('a'), rl.tryTake('a'), rl.tryTake('a'), rl.tryTake('a')]).toEqual([
      true,
      true,
      true,
      false,
    ]);
    expect(rl.tryTake('b')).toBe(true);
    now += 30_000;
    expect(rl.tryTake('a')).toBe(false);
    now += 30_001; // the first three calls are now older than 60 s
    expect(rl.remaining('a')).toBe(3);
    expect(rl.tryTake('a')).toBe(true);
  });

  it('refused calls do not extend the window; Infinity disables the limit', () => {
    let now = 0;
    const rl = new RollingRateLimiter(1, 60_000, () => now);
    expect(rl.tryTake('k')).toBe(true);
    for (let i = 0; i < 5; i++) {
      now += 10_000;
      expect(rl.tryTake('k')).toBe(false);
    }
    now = 60_001;
    expect(rl.tryTake('k')).toBe(true);
    const open = new RollingRateLimiter(Infinity);
    for (let i = 0; i < 10_000; i++) expect(open.tryTake('k')).toBe(true);
  });
});

describe('per-key rate limit over HTTP', () => {
  let f: SimFixture;
  let now = 5_000_000;
  beforeAll(async () => {
    f = await startSimFixture({ callsPerMinute: 5, clock: () => now });
  });
  afterAll(async () => {
    await f.stop();
  });

  const quote = (apikey: string) => f.query({ function: 'GLOBAL_QUOTE', symbol: 'SPY', apikey });
  const kind = async (apikey: string) => classifyAvResponse('GLOBAL_QUOTE', (await quote(apikey)).data).kind;

  it('kicks in after N calls in a minute for one key, not for another, and recovers after 60 s', async () => {
    for (let i = 0; i < 5; i++) expect(await kind('key-a')).toBe('success');
    const limited = classifyAvResponse('GLOBAL_QUOTE', (await quote('key-a')).data);
    expect(limited).toBeInstanceOf(AvError);
    expect((limited as AvError).kind).toBe('rate_limited');
    expect((limited as AvError).apiMessage).toMatch(/^Thank you for using Alpha Vantage!/);
    expect(await kind('key-b')).toBe('success');
    now += 60_001;
    expect(await kind('key-a')).toBe('success');
    expect(f.sim.stats.snapshot().rateLimited).toBe(1);
  });

  it('the limit can be changed at run time through the control API', async () => {
    f.sim.reset();
    await axios.post(`${f.sim.url}/_control/rate-limit`, { callsPerMinute: 2 });
    expect([await kind('key-c'), await kind('key-c'), await kind('key-c')]).toEqual([
      'success',
      'success',
      'rate_limited',
    ]);
    f.sim.setCallsPerMinute(5);
  });
});
