// processChain's output is stored without the store's second parse (Batch.setPrevalidated), so these
// tests hold it to the registry schemas: every contract validateContracts keeps passes OptionContract
// (over thousands of rows with AV's edge cases), and the chain, Greeks table and raw JSON pass theirs.
import { describe, expect, it } from 'vitest';
import {
  AV_OPTION_GREEK_FIELDS,
  GreeksByStrike,
  OptionChain,
  OptionContract,
  RawAvOptions,
  type AvOptionContractRow,
} from '@alphatrader/shared';
import { avRow, type AvRowFields } from './av-row.fixture';
import { processChain, type ChainInput } from './chain';
import { DROP_REASONS, validateContracts } from './contracts';

const row = avRow;

// AV's numbers and their near misses: blanks, "NaN", signed zeros, exponents, overflow, hex, padding.
const NUMBERS = [
  '0',
  '-0.00000',
  '0.0001',
  '6.3e-05',
  '1e3',
  '1e-320',
  '1e400',
  '-1e400',
  '-1',
  '-0.01',
  'NaN',
  '',
  ' 1',
  '0x10',
  'Infinity',
  '1.',
  '.5',
  '+3',
  '12.5',
  '99999999',
  '650.00',
  '650.001',
  '5.20',
  undefined,
];
const GREEKS = [
  '0',
  '5',
  '5.00001',
  '0.2',
  '-0.1',
  '1',
  '-1',
  '1.00001',
  '-1.00001',
  '0.99',
  '-5',
  ...NUMBERS,
];
const VARIANTS: { [K in keyof AvRowFields]?: readonly (string | undefined)[] } = {
  contractID: [
    'SPY251219P00650000',
    'SPY251219C00650001',
    'spy251219C00650000',
    'SPY 251219C00650000',
    'SPY251319C00650000',
    'SPY251219X00650000',
    'SPY251219C0065000',
    'SPYSPYX251219C00650000',
    '1SPY251219C00650000',
    'SP.Y251219C00650000',
    'SPY251219C00000000',
    'SPY251219C0065000a',
    '',
  ],
  symbol: ['spy', 'SPX', 'SPY '],
  expiration: ['2025-13-01', '2025-02-30', '20251219', '2025-12-18', ''],
  type: ['put', 'CALL', ''],
  date: ['2025-11-31', '', '2025-11-20'],
  strike: NUMBERS,
  last: NUMBERS,
  mark: NUMBERS,
  bid: NUMBERS,
  bid_size: NUMBERS,
  ask: NUMBERS,
  ask_size: NUMBERS,
  volume: NUMBERS,
  open_interest: NUMBERS,
  implied_volatility: GREEKS,
  delta: GREEKS,
  gamma: GREEKS,
  theta: GREEKS,
  vega: GREEKS,
  rho: GREEKS,
};

/** Deterministic rows: the good row with one to three fields replaced by edge cases. */
function edgeRows(count: number, seed = 1): AvOptionContractRow[] {
  let s = seed;
  const next = (n: number) => {
    s = (s * 1_103_515_245 + 12_345) % 2 ** 31;
    return Math.floor((s / 2 ** 31) * n); // high bits: an LCG's low bits cycle
  };
  const fields = Object.keys(VARIANTS) as (keyof AvRowFields)[];
  const rows: AvOptionContractRow[] = [];
  for (let i = 0; i < count; i++) {
    // One row in ten comes without IV and Greeks (AV without require_greeks).
    const over: Partial<AvRowFields> =
      next(10) === 0 ? Object.fromEntries(AV_OPTION_GREEK_FIELDS.map((f) => [f, undefined] as const)) : {};
    const changes = 1 + next(3);
    for (let j = 0; j < changes; j++) {
      const field = fields[next(fields.length)]!;
      const choices = VARIANTS[field]!;
      over[field] = choices[next(choices.length)];
    }
    rows.push(row(over));
  }
  return rows;
}

function input(rows: readonly AvOptionContractRow[], over: Partial<ChainInput> = {}): ChainInput {
  const body = { endpoint: 'Realtime Options', message: 'success', data: rows };
  return {
    symbol: 'SPY',
    fn: 'REALTIME_OPTIONS',
    requireGreeks: true,
    data: body,
    body,
    fetchedAt: 1_763_740_000_000,
    ts: 1_763_740_000_500,
    ...over,
  };
}

const OPTS = { maxRejectedFraction: 0.2, unusual: { minVolume: 100, volumeOiRatio: 1, maxContracts: 50 } };

/** A small good chain: calls and puts over a few strikes and two expiries. */
function goodRows(): AvOptionContractRow[] {
  const rows: AvOptionContractRow[] = [];
  for (const [expiration, yymmdd] of [
    ['2025-11-21', '251121'],
    ['2025-12-19', '251219'],
  ] as const) {
    for (const strike of [640, 650, 660]) {
      for (const [type, right, delta] of [
        ['call', 'C', '0.5'],
        ['put', 'P', '-0.5'],
      ] as const) {
        const id = `SPY${yymmdd}${right}${String(strike * 1000).padStart(8, '0')}`;
        rows.push(row({ contractID: id, expiration, strike: `${strike}.00`, type, delta }));
      }
    }
  }
  return rows;
}

describe('contracts kept by validateContracts pass the registry schema', () => {
  it('over thousands of rows with AV edge cases, with and without Greeks', () => {
    const rows = edgeRows(6000);
    const reasons = new Set<string>();
    for (const opts of [
      { symbol: 'SPY', requireGreeks: true },
      { symbol: 'SPY', requireGreeks: false },
    ]) {
      const v = validateContracts(rows, opts);
      // The generator must exercise both sides.
      expect(v.contracts.length).toBeGreaterThan(500);
      expect(v.drops.length).toBeGreaterThan(2000);
      for (const d of v.drops) reasons.add(d.reason);
      for (const c of v.contracts) {
        const parsed = OptionContract.safeParse(c);
        expect([c.occ, parsed.success ? 'ok' : parsed.error.message]).toEqual([c.occ, 'ok']);
      }
    }
    // Every way to drop a row was exercised.
    expect(reasons).toEqual(new Set(DROP_REASONS));
  });
});

describe('processChain', () => {
  it('builds a chain, Greeks table and raw answer that pass their registry schemas', () => {
    const rows = goodRows();
    const out = processChain(input(rows), OPTS);
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    const { chain, greeks, rawJson } = out.bundle;
    expect(chain.contracts).toHaveLength(rows.length);
    expect(OptionChain.safeParse(chain).success).toBe(true);
    expect(GreeksByStrike.safeParse(greeks).success).toBe(true);
    expect(greeks.expiries.map((e) => e.strikes.length)).toEqual([3, 3]);
    const raw = RawAvOptions.safeParse(JSON.parse(rawJson));
    expect(raw.success && raw.data).toMatchObject({
      symbol: 'SPY',
      function: 'REALTIME_OPTIONS',
      requireGreeks: true,
      fetchedAt: 1_763_740_000_000,
    });
    expect(raw.success && raw.data.response).toEqual(input(rows).body);
  });

  it('stores the received text as is when it is compact, and re-encodes an indented one', () => {
    const rows = goodRows();
    const body = input(rows).body;
    const compact = JSON.stringify(body).replace('"success",', '"success" ,'); // as received, spacing kept
    const asReceived = processChain(input(rows, { bodyText: compact }), OPTS);
    expect(asReceived.ok && asReceived.bundle.rawJson.endsWith(`"response":${compact}}`)).toBe(true);

    const indented = JSON.stringify(body, null, 4);
    const reencoded = processChain(input(rows, { bodyText: indented }), OPTS);
    expect(reencoded.ok && reencoded.bundle.rawJson.includes('\n')).toBe(false);
    expect(reencoded.ok && JSON.parse(reencoded.bundle.rawJson).response).toEqual(body);
  });

  it('throws when an envelope field would break the schema (a bug, as the store would refuse it)', () => {
    const rows = goodRows();
    expect(() => processChain(input(rows, { ts: 1.5 }), OPTS)).toThrow(
      /options chain would break its schema/,
    );
    expect(() => processChain(input(rows, { fetchedAt: -1 }), OPTS)).toThrow(/schema/);
    const long = rows.map((r) => ({ ...r, symbol: 'SPYSPYSPYSPYX' }));
    expect(() => processChain(input(long, { symbol: 'SPYSPYSPYSPYX' }), OPTS)).toThrow(/options chain/);
  });

  it('still refuses a chain with too many bad rows, with the reason', () => {
    const rows = goodRows().map((r, i) => (i % 2 === 0 ? { ...r, delta: 'NaN' } : r));
    const out = processChain(input(rows), OPTS);
    expect(out.ok).toBe(false);
    expect(!out.ok && out.reason).toMatch(/failed validation/);
    expect(out.validated.drops).toHaveLength(rows.length / 2);
  });
});
