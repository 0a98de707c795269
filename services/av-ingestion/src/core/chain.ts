// One classified options answer → everything stored for the symbol (normalised chain, Greeks by
// strike, unusual activity, flow, the raw envelope), or the reason it must not replace the last good
// chain. Pure: the job and the benchmark call it between the HTTP answer and the store.
import type { AvOptionContractRow, RawAvOptions } from '@alphatrader/shared';
import { greeksByStrike, optionsFlow, unusualActivity } from './chain-metrics';
import { chainRejection, validateContracts, type ValidatedChain } from './contracts';
import type { UnusualSettings } from './settings';
import type { ChainBundleValues } from './types';

export interface ChainInput {
  symbol: string;
  fn: 'REALTIME_OPTIONS' | 'HISTORICAL_OPTIONS';
  requireGreeks: boolean;
  /** The schema-checked answer (rows still strings). */
  data: { data: readonly AvOptionContractRow[] };
  /** The answer as received (for raw:av:options). */
  body: unknown;
  fetchedAt: number;
  ts: number;
}

export interface ChainOptions {
  maxRejectedFraction: number;
  unusual: UnusualSettings;
}

export type ChainOutcome =
  | { ok: true; bundle: ChainBundleValues; validated: ValidatedChain; date: string }
  | { ok: false; reason: string; validated: ValidatedChain };

export function processChain(input: ChainInput, opts: ChainOptions): ChainOutcome {
  const validated = validateContracts(input.data.data, {
    symbol: input.symbol,
    requireGreeks: input.requireGreeks,
  });
  const reason = chainRejection(validated, opts.maxRejectedFraction);
  if (reason !== null) return { ok: false, reason, validated };

  const { symbol, ts } = input;
  const contracts = validated.contracts;
  const date = validated.date ?? '';
  const raw: RawAvOptions = {
    symbol,
    function: input.fn,
    requireGreeks: input.requireGreeks,
    fetchedAt: input.fetchedAt,
    response: input.body as RawAvOptions['response'],
  };
  return {
    ok: true,
    validated,
    date,
    bundle: {
      chain: {
        symbol,
        source: 'av',
        date,
        contracts,
        rejected: validated.drops.length,
        fetchedAt: input.fetchedAt,
        ts,
      },
      greeks: greeksByStrike(symbol, contracts, ts),
      unusual: unusualActivity(symbol, contracts, opts.unusual, ts),
      flow: optionsFlow(symbol, contracts, ts),
      raw,
    },
  };
}
