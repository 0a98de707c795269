import { describe, expect, it } from 'vitest';
import type { AvOptionContractRow } from '@alphatrader/shared';
import { avRow } from './av-row.fixture';
import { chainRejection, countDrops, validateContracts, type DropReason } from './contracts';

const row = avRow;

const opts = { symbol: 'SPY', requireGreeks: true };
const reasonOf = (r: AvOptionContractRow, o = opts): DropReason | undefined =>
  validateContracts([r], o).drops[0]?.reason;

describe('validateContracts', () => {
  it('keeps a good contract with numbers, the OCC id and the snapshot date', () => {
    const v = validateContracts([row()], opts);
    expect(v.drops).toEqual([]);
    expect(v.date).toBe('2025-11-21');
    expect(v.contracts[0]).toEqual({
      occ: 'SPY251219C00650000',
      underlying: 'SPY',
      expiry: '2025-12-19',
      strike: 650,
      right: 'C',
      bid: 5.1,
      ask: 5.2,
      last: 5.12,
      mark: 5.15,
      bidSize: 25,
      askSize: 31,
      volume: 1520,
      openInterest: 10234,
      iv: 0.16533,
      delta: 0.41208,
      gamma: 0.01187,
      theta: -0.21345,
      vega: 0.98511,
      rho: 0.31022,
    });
  });

  it('drops each kind of bad contract with its reason', () => {
    const cases: [Partial<Record<keyof AvOptionContractRow, string>>, DropReason][] = [
      [{ delta: '1.2' }, 'delta_out_of_range'],
      [{ delta: '-1.00001' }, 'delta_out_of_range'],
      [{ gamma: '-0.001' }, 'negative_gamma'],
      [{ implied_volatility: '0' }, 'iv_out_of_range'],
      [{ implied_volatility: '5.98546' }, 'iv_out_of_range'],
      [{ theta: '1.5' }, 'theta_too_positive'],
      [{ bid: '-0.01' }, 'negative_price'],
      [{ mark: '-1' }, 'negative_price'],
      [{ volume: '-3' }, 'negative_size'],
      [{ bid: '5.30', ask: '5.20' }, 'crossed_quote'],
      [{ contractID: 'SPY 251219C650' }, 'bad_occ'],
      [{ contractID: 'SPY251219P00650000' }, 'occ_mismatch'],
      [{ contractID: 'SPY251220C00650000' }, 'occ_mismatch'],
      [{ contractID: 'SPY251219C00655000' }, 'occ_mismatch'],
      [{ contractID: 'SPY251319C00650000', expiration: '2025-13-19' }, 'bad_date'],
      [{ symbol: 'QQQ' }, 'wrong_underlying'],
      [{ type: 'CALL' }, 'bad_type'],
      [{ delta: 'NaN' }, 'not_a_number'],
      [{ gamma: '' }, 'not_a_number'],
      [{ strike: ' 650' }, 'not_a_number'],
      [{ strike: '0.00', contractID: 'SPY251219C00000000' }, 'bad_strike'],
    ];
    for (const [over, reason] of cases) expect([over, reasonOf(row(over))]).toEqual([over, reason]);
  });

  it('allows a small positive theta (below $1/day) and AV’s negative zero', () => {
    expect(
      reasonOf(row({ theta: '0.40', type: 'put', contractID: 'SPY251219P00650000', delta: '-0.9' })),
    ).toBeUndefined();
    const v = validateContracts([row({ rho: '-0.00000' })], opts);
    expect(Object.is(v.contracts[0]!.rho, -0)).toBe(false);
  });

  it('requires Greeks only when they were asked for, and never half of them', () => {
    const bare = row({
      implied_volatility: undefined,
      delta: undefined,
      gamma: undefined,
      theta: undefined,
      vega: undefined,
      rho: undefined,
    });
    expect(reasonOf(bare)).toBe('missing_greeks');
    const kept = validateContracts([bare], { symbol: 'SPY', requireGreeks: false });
    expect(kept.contracts[0]!.iv).toBeNull();
    expect(reasonOf(row({ vega: undefined }))).toBe('partial_greeks');
  });

  it('skips the Greek range checks when told to (open-interest backfill)', () => {
    const junk = row({ implied_volatility: '5.98546' });
    expect(validateContracts([junk], { ...opts, checkGreeks: false }).contracts).toHaveLength(1);
  });

  it('accounts for every row: kept + dropped = sent, with counts by reason', () => {
    const rows = [row(), row({ gamma: '-1' }), row({ gamma: '-2' }), row({ bid: '9', ask: '1' })];
    const v = validateContracts(rows, opts);
    expect(v.contracts.length + v.drops.length).toBe(v.total);
    expect(countDrops(v.drops)).toEqual({ negative_gamma: 2, crossed_quote: 1 });
    expect(v.drops[0]).toMatchObject({ contractId: 'SPY251219C00650000', field: 'gamma', value: -1 });
  });
});

describe('chainRejection', () => {
  it('rejects a chain with no valid contract or too many bad ones, accepts a few bad ones', () => {
    const good = Array.from({ length: 9 }, () => row());
    expect(chainRejection(validateContracts([...good, row({ delta: '3' })], opts), 0.2)).toBeNull();
    expect(chainRejection(validateContracts([row(), row({ delta: '3' })], opts), 0.2)).toMatch(
      /1 of 2 contracts failed/,
    );
    expect(chainRejection(validateContracts([row({ delta: '3' })], opts), 0.2)).toMatch(/no valid contracts/);
  });
});
