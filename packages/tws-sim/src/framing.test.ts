import { describe, expect, it } from 'vitest';
import { FrameReader, FramingError, parseVersionRange } from './framing';

function handshake(text: string): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(text.length);
  return Buffer.concat([Buffer.from('API\0', 'latin1'), len, Buffer.from(text, 'latin1')]);
}

function frame(fields: string[]): Buffer {
  const payload = Buffer.from(fields.map((f) => `${f}\0`).join(''), 'utf8');
  const len = Buffer.alloc(4);
  len.writeUInt32BE(payload.length);
  return Buffer.concat([len, payload]);
}

describe('framing', () => {
  it('reads the client handshake then length-prefixed messages, across arbitrary chunk splits', () => {
    const bytes = Buffer.concat([handshake('v100..193'), frame(['71', '2', '17', '']), frame(['49', '1'])]);
    for (const split of [1, 3, 7, 13, bytes.length]) {
      const reader = new FrameReader();
      const units = [];
      for (let i = 0; i < bytes.length; i += split) units.push(...reader.push(bytes.subarray(i, i + split)));
      expect(units).toEqual([
        { kind: 'handshake', minVersion: 100, maxVersion: 193, raw: 'v100..193' },
        { kind: 'message', fields: ['71', '2', '17', ''] },
        { kind: 'message', fields: ['49', '1'] },
      ]);
    }
  });

  it('keeps UTF-8 text intact', () => {
    const reader = new FrameReader();
    const units = reader.push(Buffer.concat([handshake('v100..193'), frame(['3', 'réf:é€'])]));
    expect(units[1]).toEqual({ kind: 'message', fields: ['3', 'réf:é€'] });
  });

  it('rejects a stream that does not start with API\\0', () => {
    expect(() => new FrameReader().push(Buffer.from('GET / HTTP/1.1\r\n'))).toThrow(FramingError);
  });

  it('rejects an absurd frame length', () => {
    const reader = new FrameReader();
    reader.push(handshake('v100..193'));
    expect(() => reader.push(Buffer.from([0xff, 0xff, 0xff, 0xff]))).toThrow(FramingError);
  });

  it('parses version ranges with and without connect options', () => {
    expect(parseVersionRange('v100..193')).toEqual({ minVersion: 100, maxVersion: 193 });
    expect(parseVersionRange('v176 +PACEAPI')).toEqual({ minVersion: 176, maxVersion: 176 });
    expect(parseVersionRange('x')).toBeUndefined();
    expect(parseVersionRange('v193..100')).toBeUndefined();
  });
});
