// OCC ids of the simulated contracts: quant's compact OCC symbols, with the one mapping the simulator adds
// (SPX options are listed under the PM-settled root SPXW). Ids are built without checks so that a lookup
// with odd input (a strike off the $0.001 grid, an impossible date) misses instead of throwing.
import { formatOccUnchecked, parseOcc, type OptionRight } from '@alphatrader/quant';

export interface OccParts {
  underlying: string;
  /** YYYY-MM-DD */
  expiry: string;
  right: OptionRight;
  strike: number;
}

const ROOT_OF: Record<string, string> = { SPX: 'SPXW' };
const UNDERLYING_OF: Record<string, string> = { SPXW: 'SPX' };

export function occRoot(underlying: string): string {
  return ROOT_OF[underlying] ?? underlying;
}

export function occId({ underlying, expiry, right, strike }: OccParts): string {
  return formatOccUnchecked({ root: occRoot(underlying), expiry, right, strike });
}

/** Parses a compact OCC id; undefined when malformed. */
export function parseOccId(id: string): (OccParts & { root: string }) | undefined {
  const c = parseOcc(id, { form: 'compact' });
  if (c === null) return undefined;
  return {
    root: c.root,
    underlying: UNDERLYING_OF[c.root] ?? c.root,
    expiry: c.expiry,
    right: c.right,
    strike: c.strike,
  };
}
