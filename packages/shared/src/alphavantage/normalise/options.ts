// AV option rows (all strings) → contracts with numbers. Numbers are parsed strictly; a row whose number
// cannot be read is not guessed at but reported in `rejected` with the field and its raw text. Range and
// consistency checks (|delta| ≤ 1, bid ≤ ask, OCC id …) are the consumer's: see parseOccContractId.
import { isAvDate, parseAvNumber } from '../numbers';
import type { AvOptionRight } from '../occ';
import { AV_OPTION_GREEK_FIELDS, type AvOptionContractRow } from '../schemas/options';

export interface AvOptionContract {
  /** OCC-style id exactly as sent, e.g. SPY250919C00650000. */
  contractId: string;
  underlying: string;
  /** YYYY-MM-DD */
  expiry: string;
  strike: number;
  right: AvOptionRight;
  last: number;
  mark: number;
  bid: number;
  ask: number;
  bidSize: number;
  askSize: number;
  volume: number;
  openInterest: number;
  /** Snapshot date YYYY-MM-DD (AV's `date`). */
  date: string;
  /** IV and Greeks are null when the call was made without `require_greeks`. Theta per day, vega per vol point. */
  iv: number | null;
  delta: number | null;
  gamma: number | null;
  theta: number | null;
  vega: number | null;
  rho: number | null;
}

export type AvOptionRowIssueReason = 'not_a_number' | 'bad_type' | 'bad_date' | 'partial_greeks';

export interface AvOptionRowIssue {
  /** Position of the row in `data`. */
  index: number;
  contractId: string;
  field: string;
  value: string | undefined;
  reason: AvOptionRowIssueReason;
}

export interface AvNormalisedOptionChain {
  contracts: AvOptionContract[];
  rejected: AvOptionRowIssue[];
}

const NUMERIC_FIELDS = [
  ['strike', 'strike'],
  ['last', 'last'],
  ['mark', 'mark'],
  ['bid', 'bid'],
  ['ask', 'ask'],
  ['bid_size', 'bidSize'],
  ['ask_size', 'askSize'],
  ['volume', 'volume'],
  ['open_interest', 'openInterest'],
] as const;

const GREEK_TARGETS = {
  implied_volatility: 'iv',
  delta: 'delta',
  gamma: 'gamma',
  theta: 'theta',
  vega: 'vega',
  rho: 'rho',
} as const;

type Parsed = { ok: true; contract: AvOptionContract } | { ok: false; issue: AvOptionRowIssue };

function normaliseRow(row: AvOptionContractRow, index: number): Parsed {
  const bad = (field: string, value: string | undefined, reason: AvOptionRowIssueReason): Parsed => ({
    ok: false,
    issue: { index, contractId: row.contractID, field, value, reason },
  });
  const right: AvOptionRight | undefined = row.type === 'call' ? 'C' : row.type === 'put' ? 'P' : undefined;
  if (right === undefined) return bad('type', row.type, 'bad_type');
  if (!isAvDate(row.expiration)) return bad('expiration', row.expiration, 'bad_date');
  if (!isAvDate(row.date)) return bad('date', row.date, 'bad_date');

  const numbers: Record<string, number | null> = {};
  for (const [src, dst] of NUMERIC_FIELDS) {
    const n = parseAvNumber(row[src]);
    if (n === null) return bad(src, row[src], 'not_a_number');
    numbers[dst] = n;
  }
  const present = AV_OPTION_GREEK_FIELDS.filter((f) => row[f] !== undefined);
  if (present.length !== 0 && present.length !== AV_OPTION_GREEK_FIELDS.length) {
    const missing = AV_OPTION_GREEK_FIELDS.find((f) => row[f] === undefined) ?? 'implied_volatility';
    return bad(missing, undefined, 'partial_greeks');
  }
  for (const src of AV_OPTION_GREEK_FIELDS) {
    const raw = row[src];
    if (raw === undefined) {
      numbers[GREEK_TARGETS[src]] = null;
      continue;
    }
    const n = parseAvNumber(raw);
    if (n === null) return bad(src, raw, 'not_a_number');
    numbers[GREEK_TARGETS[src]] = n;
  }
  const num = (k: string): number => numbers[k] as number;
  const opt = (k: string): number | null => numbers[k] ?? null;
  return {
    ok: true,
    contract: {
      contractId: row.contractID,
      underlying: row.symbol,
      expiry: row.expiration,
      strike: num('strike'),
      right,
      last: num('last'),
      mark: num('mark'),
      bid: num('bid'),
      ask: num('ask'),
      bidSize: num('bidSize'),
      askSize: num('askSize'),
      volume: num('volume'),
      openInterest: num('openInterest'),
      date: row.date,
      iv: opt('iv'),
      delta: opt('delta'),
      gamma: opt('gamma'),
      theta: opt('theta'),
      vega: opt('vega'),
      rho: opt('rho'),
    },
  };
}

/** Normalises a parsed REALTIME_OPTIONS / HISTORICAL_OPTIONS body (or its `data` rows), keeping AV's order. */
export function normaliseOptionContracts(
  input: { data: readonly AvOptionContractRow[] } | readonly AvOptionContractRow[],
): AvNormalisedOptionChain {
  const rows: readonly AvOptionContractRow[] = Array.isArray(input)
    ? (input as readonly AvOptionContractRow[])
    : (input as { data: readonly AvOptionContractRow[] }).data;
  const contracts: AvOptionContract[] = [];
  const rejected: AvOptionRowIssue[] = [];
  rows.forEach((row, index) => {
    const r = normaliseRow(row, index);
    if (r.ok) contracts.push(r.contract);
    else rejected.push(r.issue);
  });
  return { contracts, rejected };
}
