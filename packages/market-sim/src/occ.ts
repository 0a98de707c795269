// OCC option symbology, compact form: root + YYMMDD + C/P + strike × 1000 as 8 digits
// (e.g. SPY250919C00650000). SPX options use the PM-settled root SPXW.
import type { OptionRight } from '@alphatrader/quant';

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
  const strikeMilli = Math.round(strike * 1000);
  return `${occRoot(underlying)}${expiry.slice(2, 4)}${expiry.slice(5, 7)}${expiry.slice(8, 10)}${right}${String(strikeMilli).padStart(8, '0')}`;
}

const OCC_RE = /^([A-Z][A-Z0-9.]{0,5})(\d{2})(\d{2})(\d{2})([CP])(\d{8})$/;

/** Parses a compact OCC id; undefined when malformed. */
export function parseOccId(id: string): (OccParts & { root: string }) | undefined {
  const m = OCC_RE.exec(id);
  if (!m) return undefined;
  const root = m[1]!;
  return {
    root,
    underlying: UNDERLYING_OF[root] ?? root,
    expiry: `20${m[2]}-${m[3]}-${m[4]}`,
    right: m[5] as OptionRight,
    strike: Number(m[6]) / 1000,
  };
}
