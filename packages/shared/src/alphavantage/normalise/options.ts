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

type RowResult = AvOptionContract | AvOptionRowIssue;

function issue(
  row: AvOptionContractRow,
  index: number,
  field: string,
  reason: AvOptionRowIssueReason,
): AvOptionRowIssue {
  const value = (row as Record<string, string | undefined>)[field];
  return { index, contractId: row.contractID, field, value, reason };
}

/** isAvDate with a per-call cache: a chain repeats a handful of expiries and one snapshot date. */
function dateChecker(): (text: string) => boolean {
  const seen = new Map<string, boolean>();
  return (text) => {
    let ok = seen.get(text);
    if (ok === undefined) {
      ok = isAvDate(text);
      seen.set(text, ok);
    }
    return ok;
  };
}

/**
 * One row → a contract or the first problem found. Written out field by field (no loops over field
 * names, no intermediate maps): a 10,000-contract chain goes through here on the ingestion's hot path.
 */
function normaliseRow(row: AvOptionContractRow, index: number, validDate: (t: string) => boolean): RowResult {
  const right: AvOptionRight | undefined = row.type === 'call' ? 'C' : row.type === 'put' ? 'P' : undefined;
  if (right === undefined) return issue(row, index, 'type', 'bad_type');
  if (!validDate(row.expiration)) return issue(row, index, 'expiration', 'bad_date');
  if (!validDate(row.date)) return issue(row, index, 'date', 'bad_date');
  const strike = parseAvNumber(row.strike);
  if (strike === null) return issue(row, index, 'strike', 'not_a_number');
  const last = parseAvNumber(row.last);
  if (last === null) return issue(row, index, 'last', 'not_a_number');
  const mark = parseAvNumber(row.mark);
  if (mark === null) return issue(row, index, 'mark', 'not_a_number');
  const bid = parseAvNumber(row.bid);
  if (bid === null) return issue(row, index, 'bid', 'not_a_number');
  const ask = parseAvNumber(row.ask);
  if (ask === null) return issue(row, index, 'ask', 'not_a_number');
  const bidSize = parseAvNumber(row.bid_size);
  if (bidSize === null) return issue(row, index, 'bid_size', 'not_a_number');
  const askSize = parseAvNumber(row.ask_size);
  if (askSize === null) return issue(row, index, 'ask_size', 'not_a_number');
  const volume = parseAvNumber(row.volume);
  if (volume === null) return issue(row, index, 'volume', 'not_a_number');
  const openInterest = parseAvNumber(row.open_interest);
  if (openInterest === null) return issue(row, index, 'open_interest', 'not_a_number');

  let iv: number | null = null;
  let delta: number | null = null;
  let gamma: number | null = null;
  let theta: number | null = null;
  let vega: number | null = null;
  let rho: number | null = null;
  const g = [row.implied_volatility, row.delta, row.gamma, row.theta, row.vega, row.rho];
  const present = g.filter((v) => v !== undefined).length;
  if (present !== 0) {
    if (present !== g.length) {
      const missing = AV_OPTION_GREEK_FIELDS[g.findIndex((v) => v === undefined)] ?? 'implied_volatility';
      return issue(row, index, missing, 'partial_greeks');
    }
    iv = parseAvNumber(row.implied_volatility as string);
    if (iv === null) return issue(row, index, 'implied_volatility', 'not_a_number');
    delta = parseAvNumber(row.delta as string);
    if (delta === null) return issue(row, index, 'delta', 'not_a_number');
    gamma = parseAvNumber(row.gamma as string);
    if (gamma === null) return issue(row, index, 'gamma', 'not_a_number');
    theta = parseAvNumber(row.theta as string);
    if (theta === null) return issue(row, index, 'theta', 'not_a_number');
    vega = parseAvNumber(row.vega as string);
    if (vega === null) return issue(row, index, 'vega', 'not_a_number');
    rho = parseAvNumber(row.rho as string);
    if (rho === null) return issue(row, index, 'rho', 'not_a_number');
  }
  return {
    contractId: row.contractID,
    underlying: row.symbol,
    expiry: row.expiration,
    strike,
    right,
    last,
    mark,
    bid,
    ask,
    bidSize,
    askSize,
    volume,
    openInterest,
    date: row.date,
    iv,
    delta,
    gamma,
    theta,
    vega,
    rho,
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
  const validDate = dateChecker();
  for (let index = 0; index < rows.length; index++) {
    const r = normaliseRow(rows[index] as AvOptionContractRow, index, validDate);
    if ('reason' in r) rejected.push(r);
    else contracts.push(r);
  }
  return { contracts, rejected };
}
