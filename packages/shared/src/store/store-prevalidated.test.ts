// Batch.setPrevalidated / setPrevalidatedJson: the writer vouches for the value, the store skips only
// its write-side parse — Redis type, TTL and the JSON check still apply, and readers still validate.
import { beforeEach, describe, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import { defineKey } from '../registry/define';
import { InvalidDataCounter, monitoringDataInvalid } from '../registry/index';
import type { Store } from './store';
import { useStoreServer } from './store.harness';
import { StoreWriteError } from './errors';
import { quote, testHash, testList, testPersistent, testString, type Quote } from './store.fixtures';

const redis = useStoreServer();
let raw: Redis;
let store: Store;
beforeEach(() => {
  ({ raw, store } = redis);
});

describe('setPrevalidated', () => {
  it('writes the value as JSON with the entry TTL, readable through the store', async () => {
    const ref = testString.at({ id: 'pv' });
    await store.batch().setPrevalidated(ref, quote(101.5)).exec();
    expect(await raw.get(ref.key)).toBe(JSON.stringify(quote(101.5)));
    expect(await store.get(ref)).toEqual({ ok: true, value: quote(101.5) });
    const pttl = await raw.pttl(ref.key);
    expect(pttl).toBeGreaterThan(4000);
    expect(pttl).toBeLessThanOrEqual(5000);
  });

  it('writes persistent entries without expiry', async () => {
    const ref = testPersistent.at({ id: 'pv' });
    await raw.set(ref.key, JSON.stringify(quote(1)), 'EX', 100);
    await store.batch().setPrevalidated(ref, quote(2)).exec();
    expect(await raw.pttl(ref.key)).toBe(-1);
  });

  it('does not parse: the value is written as given, and a broken promise is caught by the reader', async () => {
    // A transforming schema shows the parse is skipped: `set` stores its output, setPrevalidated the input.
    const upper = defineKey({
      pattern: 'storetest:{id}:upper',
      type: 'string',
      ttlSeconds: 5,
      schema: z.string().transform((s) => s.toUpperCase()),
      owner: 'operator',
      description: 'test string with a transform',
    });
    await store.set(upper.at({ id: 'a' }), 'spy');
    await store
      .batch()
      .setPrevalidated(upper.at({ id: 'b' }), 'spy')
      .exec();
    expect(await raw.get(upper.key({ id: 'a' }))).toBe('"SPY"');
    expect(await raw.get(upper.key({ id: 'b' }))).toBe('"spy"');

    const ref = testString.at({ id: 'broken' });
    const bad = { ...quote(1), extra: true } as unknown as Quote; // the strict schema refuses extra keys
    await store.batch().setPrevalidated(ref, bad).exec();
    const read = await store.get(ref);
    expect(!read.ok && read.error.kind).toBe('invalid');
    const counted = await raw.hget(monitoringDataInvalid.key(), 'storetest');
    expect(InvalidDataCounter.parse(JSON.parse(counted!))).toMatchObject({ count: 1, lastKey: ref.key });
  });

  it('refuses a value that does not encode to JSON and a key of another Redis type', () => {
    const ref = testString.at({ id: 'u' });
    expect(() => store.batch().setPrevalidated(ref, undefined as unknown as Quote)).toThrow(StoreWriteError);
    const hash = testHash.at({ id: 'h' }) as unknown as typeof ref;
    expect(() => store.batch().setPrevalidated(hash, quote(1))).toThrow(/is a hash, not a string/);
  });
});

describe('setPrevalidatedJson', () => {
  it('writes the text exactly as given, with the entry TTL, in the same batch as other writes', async () => {
    const ref = testString.at({ id: 'json' });
    const text = '{"symbol":"SPY", "price":101.5,"ts":1732262400000}'; // spacing as received
    await store
      .batch()
      .setPrevalidatedJson(ref, text)
      .set(testString.at({ id: 'other' }), quote(2))
      .exec();
    expect(await raw.get(ref.key)).toBe(text);
    expect(await store.get(ref)).toEqual({ ok: true, value: quote(101.5) });
    expect(await raw.pttl(ref.key)).toBeGreaterThan(4000);
    expect(await store.get(testString.at({ id: 'other' }))).toEqual({ ok: true, value: quote(2) });
  });

  it('refuses empty text; text that is not JSON is rejected by the reader', async () => {
    const ref = testString.at({ id: 'bad' });
    expect(() => store.batch().setPrevalidatedJson(ref, '')).toThrow(StoreWriteError);
    await store.batch().setPrevalidatedJson(ref, '{"symbol":').exec();
    const read = await store.get(ref);
    expect(!read.ok && read.error.kind).toBe('invalid');
    expect(!read.ok && read.error.reason).toMatch(/not JSON/);
  });
});

describe('pushPrevalidated', () => {
  it('pushes the values as given with the entry cap and TTL, newest first', async () => {
    const ref = testList.at({ id: 'pv' });
    await store
      .batch()
      .pushPrevalidated(ref, [quote(1), quote(2)])
      .exec();
    await store
      .batch()
      .pushPrevalidated(ref, [quote(3), quote(4)])
      .exec();
    const read = await store.range(ref);
    expect(read.ok && read.value.values).toEqual([quote(4), quote(3), quote(2)]); // cap 3
    expect(await raw.pttl(ref.key)).toBeGreaterThan(9000);
  });

  it('refuses an empty list, a value without JSON and a key of another Redis type', () => {
    const ref = testList.at({ id: 'u' });
    expect(() => store.batch().pushPrevalidated(ref, [])).toThrow(/no values given/);
    expect(() => store.batch().pushPrevalidated(ref, [quote(1), undefined as unknown as Quote])).toThrow(
      StoreWriteError,
    );
    const str = testString.at({ id: 's' }) as unknown as typeof ref;
    expect(() => store.batch().pushPrevalidated(str, [quote(1)])).toThrow(/is a string, not a list/);
  });
});
