import { describe, expect, it } from 'vitest';
import { whole } from './format';

describe('whole', () => {
  it('rounds and never goes negative', () => {
    expect([whole(12.4), whole(12.6), whole(-3), whole(0)]).toEqual(['12', '13', '0', '0']);
  });
});
