import { marketBook, marketSpread, optionsChain, optionsGreeks } from '@alphatrader/shared';
import { describe, expect, it } from 'vitest';
import { eventInputs } from './events';

describe('eventInputs', () => {
  it('maps the key an event names to the input it holds', () => {
    const ev = { symbol: 'SPY', kind: 'chain', key: optionsChain.key({ symbol: 'SPY' }), ts: 1 };
    expect(eventInputs(ev)).toEqual({ symbol: 'SPY', inputs: ['chain'] });
  });

  it('takes every kind of a coalesced entry', () => {
    const ev = {
      symbol: 'QQQ',
      kind: 'book',
      key: marketBook.key({ symbol: 'QQQ' }),
      ts: 1,
      changes: ['book', 'ticker', 'trades', 'depth', 'bars', 'sweep'],
    };
    expect(eventInputs(ev)!.inputs.sort()).toEqual(['bars', 'book', 'ticker', 'trades']);
  });

  it('ignores keys and kinds the engine does not consume', () => {
    expect(
      eventInputs({ symbol: 'SPY', kind: 'greeks', key: optionsGreeks.key({ symbol: 'SPY' }), ts: 1 }),
    ).toBeNull();
    expect(
      eventInputs({ symbol: 'SPY', kind: 'spread', key: marketSpread.key({ symbol: 'SPY' }), ts: 1 }),
    ).toBeNull();
    expect(eventInputs({ symbol: null, kind: 'macro', key: 'unknown', ts: 1 })).toBeNull();
  });
});
