// One classified options answer → everything stored for the symbol (normalised chain, Greeks by
// strike, unusual activity, flow, the raw envelope), or the reason it must not replace the last good
// chain. Pure: the job and the benchmark call it between the HTTP answer and the store. The chain, the
// Greeks table and the raw answer come out checked against their registry schemas (see prevalidated.ts),
// so the writer stores them without a second parse.
import type { AvOptionContractRow, OptionChain } from '@alphatrader/shared';
import { greeksByStrike, optionsFlow, unusualActivity } from './chain-metrics';
import { chainRejection, validateContracts, type ValidatedChain } from './contracts';
import { checkChainEnvelopes, rawOptionsJson } from './prevalidated';
import type { UnusualSettings } from './settings';
import type { ChainBundleValues } from './types';

export interface ChainInput {
  symbol: string;
  fn: 'REALTIME_OPTIONS' | 'HISTORICAL_OPTIONS';
  requireGreeks: boolean;
  /** The schema-checked answer (rows still strings). */
  data: { data: readonly AvOptionContractRow[] };
  /** The answer as received, the object the classifier validated (for raw:av:options). */
  body: unknown;
  /** The text `body` was parsed from, when the client has it (stored as received). */
  bodyText?: string;
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
  const chain: OptionChain = {
    symbol,
    source: 'av',
    date,
    contracts,
    rejected: validated.drops.length,
    fetchedAt: input.fetchedAt,
    ts,
  };
  const greeks = greeksByStrike(symbol, contracts, ts);
  checkChainEnvelopes(chain, greeks);
  const rawJson = rawOptionsJson(
    { symbol, function: input.fn, requireGreeks: input.requireGreeks, fetchedAt: input.fetchedAt },
    input.body,
    input.bodyText,
  );
  return {
    ok: true,
    validated,
    date,
    bundle: {
      chain,
      greeks,
      unusual: unusualActivity(symbol, contracts, opts.unusual, ts),
      flow: optionsFlow(symbol, contracts, ts),
      rawJson,
    },
  };
}
