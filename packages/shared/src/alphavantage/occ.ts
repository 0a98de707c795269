// OCC-style compact option ids as AV sends them: ROOT + YYMMDD + C|P + strike×1000 in 8 digits,
// e.g. SPY250919C00650000. Parsed with an anchored regex; anything else is not an id.
import { isAvDate } from './numbers';

export type AvOptionRight = 'C' | 'P';

export interface OccContractId {
  root: string;
  /** YYYY-MM-DD */
  expiry: string;
  right: AvOptionRight;
  strike: number;
}

const OCC_ID = /^([A-Z][A-Z0-9]{0,5})(\d{2})(\d{2})(\d{2})([CP])(\d{8})$/;

export function parseOccContractId(id: string): OccContractId | null {
  const m = OCC_ID.exec(id);
  if (m === null) return null;
  const [, root, yy, mm, dd, right, strike] = m as unknown as [
    string,
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  const expiry = `20${yy}-${mm}-${dd}`;
  if (!isAvDate(expiry)) return null;
  return { root, expiry, right: right as AvOptionRight, strike: Number(strike) / 1000 };
}

export function formatOccContractId(c: OccContractId): string {
  const ymd = c.expiry.replaceAll('-', '').slice(2);
  const strike = String(Math.round(c.strike * 1000)).padStart(8, '0');
  return `${c.root}${ymd}${c.right}${strike}`;
}
