import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { defineKey, isRefOfType } from './define';

describe('defineKey', () => {
  const k = defineKey({
    pattern: 'market:{symbol}:book',
    type: 'string',
    ttlSeconds: 1,
    schema: z.object({}),
    owner: 'operator',
    description: 'd',
  });
  it('builds keys from named parameters', () => {
    expect(k.key({ symbol: 'SPY' })).toBe('market:SPY:book');
    expect(k.family).toBe('market');
    expect(k.glob).toBe('market:*:book');
  });
  it('rejects values that would change the key shape', () => {
    expect(() => k.key({ symbol: 'SPY:x' })).toThrow(/unsafe/);
    expect(() => k.key({ symbol: '*' })).toThrow(/unsafe/);
    expect(() => k.key({ symbol: '' })).toThrow(/unsafe/);
  });
});

describe('isRefOfType', () => {
  it('narrows a ref by its Redis type', () => {
    const list = defineKey({
      pattern: 'x:{id}:l',
      type: 'list',
      ttlSeconds: 1,
      cap: 2,
      schema: z.number(),
      owner: 'operator',
      description: 'd',
    });
    const ref: import('./define').KeyRef = list.at({ id: 'a' });
    expect(isRefOfType(ref, 'list')).toBe(true);
    expect(isRefOfType(ref, 'string')).toBe(false);
  });
});
