// OCC-style compact option ids as AV sends them: ROOT + YYMMDD + C|P + strike×1000 in 8 digits,
// e.g. SPY250919C00650000. Parsed by quant's anchored OCC parser, compact form only and with a root that
// starts with a letter; anything else is not an id. A zero strike parses: consumers read a root + date
// prefix with a placeholder strike.
import { formatOccUnchecked, parseOcc, type OccContract, type OptionRight } from '@alphatrader/quant';

export type AvOptionRight = OptionRight;

export type OccContractId = OccContract;

export function parseOccContractId(id: string): OccContractId | null {
  if (!/^[A-Z]/.test(id)) return null;
  return parseOcc(id, { form: 'compact', allowZeroStrike: true });
}

export function formatOccContractId(c: OccContractId): string {
  return formatOccUnchecked(c);
}
