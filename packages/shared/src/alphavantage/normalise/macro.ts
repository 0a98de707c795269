// REAL_GDP / CPI / FEDERAL_FUNDS_RATE → numbers, oldest first; AV's "." (missing observation) → null.
import { parseAvNumber } from '../numbers';
import type { AvMacroResponse } from '../schemas/macro';

export interface AvMacroSeries {
  name: string;
  interval: string;
  unit: string;
  /** Oldest first; `date` is the first day of the period. */
  points: { date: string; value: number | null }[];
}

export function normaliseMacroSeries(data: AvMacroResponse): AvMacroSeries {
  const points = data.data
    .map((p) => ({ date: p.date, value: p.value === '.' ? null : parseAvNumber(p.value) }))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { name: data.name, interval: data.interval, unit: data.unit, points };
}
