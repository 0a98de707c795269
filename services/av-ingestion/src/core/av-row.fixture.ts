// A valid SPY call as Alpha Vantage sends it (every field a string), for the contract and chain tests.
import type { AvOptionContractRow } from '@alphatrader/shared';

export type AvRowFields = Record<keyof AvOptionContractRow, string | undefined>;

export const GOOD_ROW: AvRowFields = {
  contractID: 'SPY251219C00650000',
  symbol: 'SPY',
  expiration: '2025-12-19',
  strike: '650.00',
  type: 'call',
  last: '5.12',
  mark: '5.15',
  bid: '5.10',
  bid_size: '25',
  ask: '5.20',
  ask_size: '31',
  volume: '1520',
  open_interest: '10234',
  date: '2025-11-21',
  implied_volatility: '0.16533',
  delta: '0.41208',
  gamma: '0.01187',
  theta: '-0.21345',
  vega: '0.98511',
  rho: '0.31022',
};

/** GOOD_ROW with some fields replaced; a field set to undefined is left out (AV omits it). */
export function avRow(over: Partial<AvRowFields> = {}): AvOptionContractRow {
  const fields: Record<string, string | undefined> = { ...GOOD_ROW, ...over };
  for (const k of Object.keys(fields)) if (fields[k] === undefined) delete fields[k];
  return fields as unknown as AvOptionContractRow;
}
