// The chain values the writer stores without the store's second schema parse (Batch.setPrevalidated):
// a 10,000-contract chain is validated once, not twice. Contracts were checked row by row in
// validateContracts (its checks imply the registry's OptionContract; the tests parse its output with
// the registry schemas), the Greeks table holds those contracts' numbers, and the raw answer's body
// passed the classifier's stricter schema. Only the small envelopes around them are parsed here, with
// the registry's own schemas; a failure is a bug in this service, thrown like the store's write error.
import { GreeksByStrike, OptionChain, RawAvOptions } from '@alphatrader/shared';
import { z } from 'zod';

const ChainEnvelope = OptionChain.omit({ contracts: true });
const GreeksEnvelope = GreeksByStrike.omit({ expiries: true });
const RawEnvelope = RawAvOptions.omit({ response: true });

export type RawAvOptionsEnvelope = z.output<typeof RawEnvelope>;

function check<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new Error(`${what} would break its schema: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/**
 * Checks the chain's and the Greeks table's fields other than the contracts themselves. The contracts'
 * `underlying` is the chain's symbol (validateContracts is given the same symbol), so it is checked here.
 */
export function checkChainEnvelopes(chain: OptionChain, greeks: GreeksByStrike): void {
  const { contracts: _contracts, ...chainEnvelope } = chain;
  check(ChainEnvelope, chainEnvelope, 'options chain');
  const { expiries: _expiries, ...greeksEnvelope } = greeks;
  check(GreeksEnvelope, greeksEnvelope, 'options Greeks');
}

/**
 * raw:av:options as JSON text. `body` is the answer the classifier validated and `bodyText` the text it
 * was parsed from, when the client has it: that text is stored as received instead of being encoded
 * again. An indented answer (line breaks) is re-encoded from `body`, so Redis does not hold megabytes of
 * whitespace.
 */
export function rawOptionsJson(envelope: RawAvOptionsEnvelope, body: unknown, bodyText?: string): string {
  const head = JSON.stringify(check(RawEnvelope, envelope, 'raw options envelope'));
  const response = bodyText !== undefined && !bodyText.includes('\n') ? bodyText : JSON.stringify(body);
  if (typeof response !== 'string') throw new Error('raw options body does not encode to JSON');
  // `head` is a non-empty object ("{…}"): the response goes in as its last field.
  return `${head.slice(0, -1)},"response":${response}}`;
}
