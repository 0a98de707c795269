// What an endpoint handler gets and gives back. Handlers are pure functions of the model at the moment
// of the request and the query parameters; transport faults (slow, truncated…) are applied by the server.
import type { MarketModel } from '@alphatrader/market-sim';
import { avMessages } from '../messages';

export interface RequestContext {
  model: MarketModel;
  /** The `function=` value, upper-cased. */
  fn: string;
  /** Query parameters (first value of each). */
  params: Readonly<Record<string, string | undefined>>;
  /** `datatype=csv` was asked for. */
  csv: boolean;
  /** Fault: answer with an empty chain / series / feed. */
  empty: boolean;
  /** Fault: every third contract's Greeks as "NaN" or "" (options with Greeks only). */
  greeksFault: 'nan' | 'empty' | undefined;
  /** Fault: options answer with the premium placeholder envelope and fake rows. */
  optionsPlaceholder: boolean;
}

export interface Answer {
  body: Record<string, unknown>;
  /** CSV text when `datatype=csv` was asked for and the endpoint has a CSV form. */
  csv?: string;
}

export type Handler = (ctx: RequestContext) => Answer;

export function invalidCall(fn: string): Answer {
  return { body: { 'Error Message': avMessages.invalidCall(fn) } };
}

/** A required positive integer parameter, or undefined when absent or not one. */
export function positiveInt(value: string | undefined): number | undefined {
  if (value === undefined || !/^\d+$/.test(value)) return undefined;
  const n = Number(value);
  return n > 0 ? n : undefined;
}

/** Looks a symbol up as the model knows it (upper case); AV echoes the symbol as sent. */
export function modelSymbol(symbol: string): string {
  return symbol.trim().toUpperCase();
}

export function csvLines(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return [header.join(','), ...rows.map((r) => r.join(','))].join('\r\n') + '\r\n';
}
