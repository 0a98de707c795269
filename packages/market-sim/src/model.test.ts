import { describe, expect, it } from 'vitest';
import { createMarketModel } from './model';
import { defaultSymbols } from './symbols';
import { nyTime } from './calendar';
import { replayEvents } from './replay';

const START = nyTime('2025-09-16', 9, 30);

describe('market model determinism', () => {
  it('gives deep-equal first 10,000 events for the same seed and different ones for another seed', () => {
    const opts = { symbols: defaultSymbols, startTime: START };
    const a = replayEvents(createMarketModel({ seed: 42, ...opts }), 10_000);
    const b = replayEvents(createMarketModel({ seed: 42, ...opts }), 10_000);
    const c = replayEvents(createMarketModel({ seed: 43, ...opts }), 10_000);
    expect(a).toHaveLength(10_000);
    expect(b).toEqual(a);
    expect(c).not.toEqual(a);
  });

  it('does not let queries change the event sequence', () => {
    const opts = { seed: 7, symbols: ['SPY', 'TSLA'], startTime: START };
    const plain = replayEvents(createMarketModel(opts), 5_000);
    const queried = createMarketModel(opts);
    queried.optionChain('SPY');
    queried.intradayBars('TSLA', 60, 50);
    queried.optionQuote('SPY250919C00600000');
    expect(replayEvents(queried, 5_000)).toEqual(plain);
  });
});
