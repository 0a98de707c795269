// Which inputs of which symbol a change event is about: from the registry entry of the key it names, and
// from its kinds (a coalescing writer sends one entry per symbol and flush, listing every kind that changed).
import {
  marketBars,
  marketBook,
  marketIntraday,
  marketTicker,
  marketTrades,
  optionsChain,
  parseKey,
  type ChangeEvent,
  type KeyDef,
} from '@alphatrader/shared';

export const INPUT_KINDS = ['book', 'ticker', 'trades', 'bars', 'chain', 'intraday'] as const;
export type InputKind = (typeof INPUT_KINDS)[number];

const INPUT_OF_ENTRY = new Map<KeyDef, InputKind>([
  [marketBook, 'book'],
  [marketTicker, 'ticker'],
  [marketTrades, 'trades'],
  [marketBars, 'bars'],
  [optionsChain, 'chain'],
  [marketIntraday, 'intraday'],
]);

const INPUT_OF_KIND = new Map<string, InputKind>(INPUT_KINDS.map((k) => [k, k]));

/** The symbol and the inputs an event refers to, or null when it names nothing the engine consumes. */
export function eventInputs(ev: ChangeEvent): { symbol: string; inputs: InputKind[] } | null {
  const parsed = parseKey(ev.key);
  const symbol = ev.symbol ?? parsed?.params.symbol;
  if (symbol === undefined) return null;
  const inputs = new Set<InputKind>();
  const fromKey = parsed === undefined ? undefined : INPUT_OF_ENTRY.get(parsed.def);
  if (fromKey !== undefined) inputs.add(fromKey);
  // `changes` lists every kind a coalesced entry stands for (read defensively: older writers omit it).
  const changes = (ev as { changes?: unknown }).changes;
  const kinds: unknown[] = [ev.kind, ...(Array.isArray(changes) ? (changes as unknown[]) : [])];
  for (const k of kinds) {
    const input = typeof k === 'string' ? INPUT_OF_KIND.get(k) : undefined;
    if (input !== undefined) inputs.add(input);
  }
  return inputs.size === 0 ? null : { symbol, inputs: [...inputs] };
}
