// The fast path must be indistinguishable from @stoqey/ib's own Decoder: every frame is decoded by both
// and the resulting events compared; frames it does not take are left to the library.
import { Decoder } from '@stoqey/ib/dist/core/io/decoder';
import { describe, expect, it } from 'vitest';
import { WireDecoder, type WireSink } from './wire';

type Event = [string, ...unknown[]];

/** The library's events for one message, in the shape WireSink receives them. */
function viaLibrary(fields: ReadonlyArray<string | number>): { events: Event[]; errors: number } {
  const events: Event[] = [];
  let errors = 0;
  const decoder = new Decoder({
    serverVersion: 193,
    emitEvent: (name: string, ...args: unknown[]) => {
      switch (name) {
        case 'tickPrice':
          events.push(['tickPrice', args[0], args[1], args[2]]);
          break;
        case 'tickSize':
          events.push(['tickSize', ...args]);
          break;
        case 'tickString':
          events.push(['tickString', ...args]);
          break;
        case 'updateMktDepth':
          events.push(['depth', args[0], args[1], undefined, args[2], args[3], args[4], args[5]]);
          break;
        case 'updateMktDepthL2':
          events.push(['depth', ...args.slice(0, 7)]);
          break;
        case 'tickByTickAllLast':
          // The fast path hands the time over as the number the service reads it as.
          events.push(['tape', args[0], Number(args[2]), args[3], args[4], args[6], args[7]]);
          break;
        case 'realtimeBar':
          events.push(['bar', ...args]);
          break;
        default:
          events.push([name, ...args]);
      }
    },
    emitError: () => errors++,
    emitInfo: () => undefined,
  });
  decoder.enqueueMessage(fields.map(String));
  decoder.process();
  return { events, errors };
}

function viaWire(fields: ReadonlyArray<string | number>): { taken: boolean; events: Event[] } {
  const events: Event[] = [];
  const sink: WireSink = {
    tickPrice: (...a) => events.push(['tickPrice', ...a]),
    tickSize: (...a) => events.push(['tickSize', ...a]),
    tickString: (...a) => events.push(['tickString', ...a]),
    depth: (...a) => events.push(['depth', ...a]),
    tape: (...a) => events.push(['tape', ...a]),
    bar: (...a) => events.push(['bar', ...a]),
  };
  const payload = Buffer.from(fields.map((f) => `${f}\0`).join(''), 'utf8');
  // Decode from the middle of a larger buffer, as frames sit in a read chunk.
  const buf = Buffer.concat([Buffer.from('xx'), payload, Buffer.from('yy')]);
  const taken = new WireDecoder(sink).decode(buf, 2, 2 + payload.length);
  return { taken, events };
}

const SAME: Array<ReadonlyArray<string | number>> = [
  [1, 6, 17, 1, '599.03', '1200', 1],
  [1, 6, 17, 2, '599.04', '300', 0],
  [1, 6, 17, 4, '599.035', '100', 3],
  [1, 6, 17, 6, '601.5', '0', 0],
  [1, 6, 17, 66, '12.5', '7', 0],
  [1, 6, 17, 1, '-1', '0', 0],
  [1, 6, 17, 2, '', '', 0],
  [1, 6, 17, 2, '1.7976931348623157E308', '1,234', 0],
  [1, 6, 17, 2, '1e3', '5.', 0],
  [1, 6, 17, 2, '.25', '-0', 0],
  [1, 6, 17, 2, '12345678901234567', '0.000000000000001', 0],
  [2, 6, 17, 0, '1200'],
  [2, 6, 17, 8, '123,456,789'],
  [2, 6, 17, 3, ''],
  [2, 6, 17, 3, 'Infinity'],
  [2, 6, 17, 3, 'abc'],
  [46, 6, 17, 48, '599.04;100;1767268800000;123456;599.0123;true'],
  [46, 6, 17, 45, '1767268800'],
  [46, 6, 17, 48, ''],
  [12, 1, 5, 0, 1, 1, '599.01', '300'],
  [13, 1, 5, 3, 'NSDQ', 0, 0, '599.07', '6400', 1],
  [13, 1, 5, 9, '', 2, 1, '0', '0', 1],
  [13, 1, 5, 2, 'ÄRCA', 1, 1, '599.00', '1', 0],
  [13, 1, 5, 2, 'NASDAQOMX', 1, 1, '599.00', '1', 0],
  [13, 1, 5, 2, 'NSDQ', 1, 1, '599.00', '2', 0],
  [99, 21, 2, '1767268800', '599.04', '479', 0, 'MEMX', ''],
  [99, 21, 1, '1767268800', '599.04', '5', 3, 'NSDQ', 'I F'],
  [50, 3, 9, '1767268800', '599.1', '599.5', '598.9', '599.2', '12345', '599.21', 57],
  [50, 3, 9, '1767268805', '599.1', '599.5', '598.9', '599.2', '', '-1', ''],
  [1, 6, '-17', '01', '599.03', '1200', 1],
];

describe('WireDecoder', () => {
  it.each(SAME.map((f) => [f.join('|'), f] as const))(
    'decodes %s exactly as the library does',
    (_label, fields) => {
      const lib = viaLibrary(fields);
      const wire = viaWire(fields);
      expect(lib.errors).toBe(0);
      expect(wire.taken).toBe(true);
      expect(wire.events).toEqual(lib.events);
    },
  );

  it.each([
    ['another message', [4, 2, -1, 2104, 'Market data farm connection is OK:usfarm', '']],
    ['a bid/ask tick-by-tick', [99, 21, 3, '1767268800', '1', '2', '3', '4', 0]],
    ['too few fields (underrun)', [1, 6, 1]],
    ['too many fields (overrun)', [2, 6, 17, 0, '1200', 'extra']],
    ['an older TICK_PRICE version', [1, 2, 17, 1, '599.03', '100']],
    ['a non-numeric id', ['x1', 6, 17, 1]],
    ['an unknown id', [999, 1, 'unknown']],
  ])('leaves %s to the library', (_label, fields) => {
    expect(viaWire(fields).taken).toBe(false);
  });

  it('hands out one string per venue code', () => {
    const venues: string[] = [];
    const sink = {
      depth: (_r: number, _p: number, mm: string | undefined) => venues.push(mm!),
    } as unknown as WireSink;
    const d = new WireDecoder(sink);
    for (const mm of ['ARCA', 'NSDQ', 'ARCA']) {
      const buf = Buffer.from([13, 1, 5, 0, mm, 1, 1, '1', '1', 1].map((f) => `${f}\0`).join(''));
      d.decode(buf, 0, buf.length);
    }
    expect(venues).toEqual(['ARCA', 'NSDQ', 'ARCA']);
    expect(venues[0]).toBe(venues[2]);
  });

  it('refuses a payload that does not end with a field terminator', () => {
    const d = new WireDecoder({} as WireSink);
    const buf = Buffer.from('2\x006\x0017\x000\x001200');
    expect(d.decode(buf, 0, buf.length)).toBe(false);
    expect(d.passed).toBe(1);
  });
});
