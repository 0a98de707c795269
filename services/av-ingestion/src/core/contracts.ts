// Data quality of one options chain, in one pass from AV's schema-checked rows (all strings) to stored
// contracts: numbers parsed strictly (a blank or "NaN" field is not a zero), then every contract checked
// (|delta| ≤ 1, gamma ≥ 0, IV in (0, 5], positive theta only below $1/day, prices and sizes ≥ 0,
// bid ≤ ask, an OCC id that parses and agrees with the row). A bad contract is dropped with a counted
// reason, never repaired. One pass, no intermediate copies: a 10,000-row chain is on the hot path.
import {
  AV_OPTION_GREEK_FIELDS,
  isAvDate,
  parseAvNumber,
  parseOccContractId,
  type AvOptionContractRow,
  type OccContractId,
  type OptionContract,
} from '@alphatrader/shared';

export const DROP_REASONS = [
  'not_a_number',
  'bad_type',
  'bad_date',
  'partial_greeks',
  'missing_greeks',
  'wrong_underlying',
  'bad_occ',
  'occ_mismatch',
  'bad_strike',
  'negative_price',
  'negative_size',
  'crossed_quote',
  'delta_out_of_range',
  'negative_gamma',
  'iv_out_of_range',
  'theta_too_positive',
] as const;
export type DropReason = (typeof DROP_REASONS)[number];

export interface ContractDrop {
  contractId: string;
  reason: DropReason;
  field: string;
  /** The offending value (number or AV's text). */
  value: string | number | null;
}

export interface ValidatedChain {
  contracts: OptionContract[];
  drops: ContractDrop[];
  /** Rows AV sent. */
  total: number;
  /** AV's snapshot date of the rows (`date`), from the first kept contract; null when none was kept. */
  date: string | null;
}

/** Largest IV accepted: deep-ITM and illiquid rows carry junk IV (AV's own captures show 5.98). */
export const MAX_IV = 5;
/** Positive theta (a deep-ITM European put can earn time value) is believable only below $1/day. */
export const MAX_POSITIVE_THETA = 1;

export interface ValidateOptions {
  /** The symbol asked for; rows for another underlying are dropped. */
  symbol: string;
  /** Asked with require_greeks (or HISTORICAL_OPTIONS): IV and Greeks must be present. */
  requireGreeks: boolean;
  /**
   * Range-check IV and Greeks (default true). The open-interest backfill stores no Greeks, so junk IV
   * on deep-ITM rows (common in HISTORICAL_OPTIONS) does not cost it the row's open interest.
   */
  checkGreeks?: boolean;
}

type Drop = Omit<ContractDrop, 'contractId'>;
type Row = AvOptionContractRow;

interface OccParts {
  expiry: string;
  right: 'C' | 'P';
  strike: number;
}

/**
 * OCC ids of a chain share a handful of root+date prefixes: the prefix is parsed once with the shared
 * anchored parser, the right and 8-digit strike per id.
 */
function occParser(): (id: string) => OccParts | null {
  const prefixes = new Map<string, string | null>();
  return (id) => {
    const n = id.length;
    if (n < 16) return null;
    const prefix = id.slice(0, n - 9);
    let expiry = prefixes.get(prefix);
    if (expiry === undefined) {
      const parsed: OccContractId | null = parseOccContractId(`${prefix}C00000000`);
      expiry = parsed === null ? null : parsed.expiry;
      prefixes.set(prefix, expiry);
    }
    if (expiry === null) return null;
    const r = id[n - 9];
    const digits = id.slice(n - 8);
    if ((r !== 'C' && r !== 'P') || !EIGHT_DIGITS.test(digits)) return null;
    return { expiry, right: r, strike: Number(digits) / 1000 };
  };
}

const EIGHT_DIGITS = /^\d{8}$/;

/** Dates repeat across a chain (a few expiries, one snapshot date): check each text once. */
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

interface Parsers {
  validDate: (text: string) => boolean;
  occ: (id: string) => OccParts | null;
}

/** A Greek or IV: AV writes "-0.00000", stored as 0. */
function greek(text: string): number | null {
  const n = parseAvNumber(text);
  return n === null ? null : n + 0;
}

function readRow(row: Row, opts: ValidateOptions, parsers: Parsers): OptionContract | Drop {
  const { validDate } = parsers;
  const right = row.type === 'call' ? 'C' : row.type === 'put' ? 'P' : null;
  if (right === null) return { reason: 'bad_type', field: 'type', value: row.type };
  if (!validDate(row.expiration)) return { reason: 'bad_date', field: 'expiration', value: row.expiration };
  if (!validDate(row.date)) return { reason: 'bad_date', field: 'date', value: row.date };

  const strike = parseAvNumber(row.strike);
  if (strike === null) return { reason: 'not_a_number', field: 'strike', value: row.strike };
  // Plain locals, no per-row arrays: a chain is 10,000+ rows and allocation is the hot cost.
  const bid = parseAvNumber(row.bid);
  if (bid === null) return { reason: 'not_a_number', field: 'bid', value: row.bid };
  const ask = parseAvNumber(row.ask);
  if (ask === null) return { reason: 'not_a_number', field: 'ask', value: row.ask };
  const last = parseAvNumber(row.last);
  if (last === null) return { reason: 'not_a_number', field: 'last', value: row.last };
  const mark = parseAvNumber(row.mark);
  if (mark === null) return { reason: 'not_a_number', field: 'mark', value: row.mark };
  const bidSize = parseAvNumber(row.bid_size);
  if (bidSize === null) return { reason: 'not_a_number', field: 'bid_size', value: row.bid_size };
  const askSize = parseAvNumber(row.ask_size);
  if (askSize === null) return { reason: 'not_a_number', field: 'ask_size', value: row.ask_size };
  const volume = parseAvNumber(row.volume);
  if (volume === null) return { reason: 'not_a_number', field: 'volume', value: row.volume };
  const openInterest = parseAvNumber(row.open_interest);
  if (openInterest === null)
    return { reason: 'not_a_number', field: 'open_interest', value: row.open_interest };

  // Greeks in locals too (no per-row array or closure): all six present, or none.
  const ivText = row.implied_volatility;
  const deltaText = row.delta;
  const gammaText = row.gamma;
  const thetaText = row.theta;
  const vegaText = row.vega;
  const rhoText = row.rho;
  const present =
    (ivText === undefined ? 0 : 1) +
    (deltaText === undefined ? 0 : 1) +
    (gammaText === undefined ? 0 : 1) +
    (thetaText === undefined ? 0 : 1) +
    (vegaText === undefined ? 0 : 1) +
    (rhoText === undefined ? 0 : 1);
  if (present !== 0 && present !== 6) {
    const missing = AV_OPTION_GREEK_FIELDS.find((f) => row[f] === undefined) ?? 'implied_volatility';
    return { reason: 'partial_greeks', field: missing, value: null };
  }
  if (present === 0 && opts.requireGreeks) {
    return { reason: 'missing_greeks', field: 'implied_volatility', value: null };
  }
  let iv: number | null = null;
  let delta: number | null = null;
  let gamma: number | null = null;
  let theta: number | null = null;
  let vega: number | null = null;
  let rho: number | null = null;
  if (present === 6) {
    iv = greek(ivText!);
    if (iv === null) return { reason: 'not_a_number', field: 'implied_volatility', value: ivText! };
    delta = greek(deltaText!);
    if (delta === null) return { reason: 'not_a_number', field: 'delta', value: deltaText! };
    gamma = greek(gammaText!);
    if (gamma === null) return { reason: 'not_a_number', field: 'gamma', value: gammaText! };
    theta = greek(thetaText!);
    if (theta === null) return { reason: 'not_a_number', field: 'theta', value: thetaText! };
    vega = greek(vegaText!);
    if (vega === null) return { reason: 'not_a_number', field: 'vega', value: vegaText! };
    rho = greek(rhoText!);
    if (rho === null) return { reason: 'not_a_number', field: 'rho', value: rhoText! };
  }

  if (row.symbol.toUpperCase() !== opts.symbol) {
    return { reason: 'wrong_underlying', field: 'symbol', value: row.symbol };
  }
  const occ = parsers.occ(row.contractID);
  if (occ === null) return { reason: 'bad_occ', field: 'contractID', value: row.contractID };
  if (!(strike > 0)) return { reason: 'bad_strike', field: 'strike', value: strike };
  if (occ.expiry !== row.expiration)
    return { reason: 'occ_mismatch', field: 'expiration', value: row.expiration };
  if (occ.right !== right) return { reason: 'occ_mismatch', field: 'type', value: row.type };
  if (Math.abs(occ.strike - strike) > 1e-6) return { reason: 'occ_mismatch', field: 'strike', value: strike };

  if (bid < 0) return { reason: 'negative_price', field: 'bid', value: bid };
  if (ask < 0) return { reason: 'negative_price', field: 'ask', value: ask };
  if (last < 0) return { reason: 'negative_price', field: 'last', value: last };
  if (mark < 0) return { reason: 'negative_price', field: 'mark', value: mark };
  if (bidSize < 0) return { reason: 'negative_size', field: 'bid_size', value: bidSize };
  if (askSize < 0) return { reason: 'negative_size', field: 'ask_size', value: askSize };
  if (volume < 0) return { reason: 'negative_size', field: 'volume', value: volume };
  if (openInterest < 0) return { reason: 'negative_size', field: 'open_interest', value: openInterest };
  if (bid > ask) return { reason: 'crossed_quote', field: 'bid', value: bid };

  if (present === 6 && opts.checkGreeks !== false) {
    if (!(Math.abs(delta!) <= 1)) return { reason: 'delta_out_of_range', field: 'delta', value: delta! };
    if (!(gamma! >= 0)) return { reason: 'negative_gamma', field: 'gamma', value: gamma! };
    if (!(iv! > 0 && iv! <= MAX_IV))
      return { reason: 'iv_out_of_range', field: 'implied_volatility', value: iv! };
    if (theta! >= MAX_POSITIVE_THETA) return { reason: 'theta_too_positive', field: 'theta', value: theta! };
  }
  return {
    occ: row.contractID,
    underlying: opts.symbol,
    expiry: row.expiration,
    strike,
    right,
    bid,
    ask,
    last,
    mark,
    bidSize,
    askSize,
    volume,
    openInterest,
    iv,
    delta,
    gamma,
    theta,
    vega,
    rho,
  };
}

/** Reads and validates every row: each is either a kept contract or a counted drop. */
export function validateContracts(rows: readonly Row[], opts: ValidateOptions): ValidatedChain {
  const contracts: OptionContract[] = [];
  const drops: ContractDrop[] = [];
  const parsers: Parsers = { validDate: dateChecker(), occ: occParser() };
  let date: string | null = null;
  for (const row of rows) {
    const r = readRow(row, opts, parsers);
    if ('reason' in r) {
      drops.push({ contractId: row.contractID, ...r });
    } else {
      date ??= row.date;
      contracts.push(r);
    }
  }
  return { contracts, drops, total: rows.length, date };
}

/** Drops counted by reason. */
export function countDrops(drops: readonly ContractDrop[]): Partial<Record<DropReason, number>> {
  const out: Partial<Record<DropReason, number>> = {};
  for (const d of drops) out[d.reason] = (out[d.reason] ?? 0) + 1;
  return out;
}

/** Why a validated chain must not replace the last good one, or null when it may. */
export function chainRejection(chain: ValidatedChain, maxRejectedFraction: number): string | null {
  if (chain.contracts.length === 0) {
    return `no valid contracts (${chain.drops.length} of ${chain.total} dropped)`;
  }
  const fraction = chain.drops.length / chain.total;
  if (fraction > maxRejectedFraction) {
    const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
    return `${chain.drops.length} of ${chain.total} contracts failed validation (${pct(fraction)} > ${pct(maxRejectedFraction)})`;
  }
  return null;
}
