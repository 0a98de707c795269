import { describe, expect, it } from 'vitest';
import { frames } from '../testing/client-codec';
import { FrameWriter, preEncode } from './writer';

const fieldsOf = (payload: Buffer): string[] => payload.toString('utf8').split('\0').slice(0, -1);

describe('FrameWriter', () => {
  it('writes integers, doubles, booleans, empty and text fields NUL-terminated with a length prefix', () => {
    const w = new FrameWriter();
    w.begin()
      .int(0)
      .int(7)
      .int(-1)
      .int(1234567890123)
      .num(189.51)
      .num(undefined)
      .num(NaN)
      .bool(true)
      .bool(false)
      .str('é')
      .end();
    const [f] = frames(w.take());
    expect(fieldsOf(f!)).toEqual(['0', '7', '-1', '1234567890123', '189.51', '', '', '1', '0', 'é']);
  });

  it('copies pre-encoded heads', () => {
    const w = new FrameWriter();
    w.begin()
      .raw(preEncode(1, 6, 42))
      .int(1)
      .end();
    w.begin()
      .raw(preEncode('a-long-field-of-more-than-16-bytes', true, undefined))
      .end();
    const out = frames(w.take()).map(fieldsOf);
    expect(out).toEqual([
      ['1', '6', '42', '1'],
      ['a-long-field-of-more-than-16-bytes', '1', ''],
    ]);
  });

  it('keeps every frame whole when frames cross chunk boundaries, and take() hands each out once', () => {
    const w = new FrameWriter(64);
    const expected: string[][] = [];
    for (let i = 0; i < 200; i++) {
      const text = 'x'.repeat(i % 50);
      w.message([i, text, i * 0.5]);
      expected.push([String(i), text, String(i * 0.5)]);
      if (i === 120) {
        const first = frames(w.take()).map(fieldsOf);
        expect(first).toEqual(expected.splice(0));
      }
    }
    expect(w.frames).toBe(79);
    expect(frames(w.take()).map(fieldsOf)).toEqual(expected);
    expect(w.take()).toEqual([]);
    expect(w.pendingBytes).toBe(0);
  });

  it('abort() drops a frame under construction', () => {
    const w = new FrameWriter();
    w.message([1]);
    w.begin().int(99);
    w.abort();
    w.message([2]);
    expect(frames(w.take()).map(fieldsOf)).toEqual([['1'], ['2']]);
  });
});
