// Static but realistic US macro history (approximate published levels) for REAL_GDP, CPI and
// FEDERAL_FUNDS_RATE. Past the last table entry the series are extended by plain rules (GDP +2 %/yr,
// CPI +0.25 %/month, the funds rate held), so any simulated date gets a sensible latest point.

/** Real GDP, billions of chained 2017 dollars, annual. */
const GDP_ANNUAL: Readonly<Record<number, number>> = {
  2010: 16789.8,
  2011: 17052.4,
  2012: 17442.8,
  2013: 17812.2,
  2014: 18261.7,
  2015: 18799.6,
  2016: 19141.7,
  2017: 19612.1,
  2018: 20193.9,
  2019: 20692.1,
  2020: 20234.1,
  2021: 21407.7,
  2022: 21822.0,
  2023: 22376.9,
  2024: 22997.3,
};
/** 2020 quarters (SAAR) are not a smooth path. */
const GDP_2020_QUARTERS = [20693.2, 19056.6, 20548.8, 20771.7];

/** CPI-U (1982-84=100), January of each year; months in between are interpolated. */
const CPI_JANUARY: Readonly<Record<number, number>> = {
  2015: 233.707,
  2016: 236.916,
  2017: 242.839,
  2018: 247.867,
  2019: 251.712,
  2020: 257.971,
  2021: 261.582,
  2022: 281.148,
  2023: 299.17,
  2024: 308.417,
  2025: 317.671,
};

/** Effective federal funds rate, monthly averages (percent), January 2015 onwards. */
const FFR_MONTHLY: readonly number[] = [
  0.11, 0.11, 0.11, 0.12, 0.12, 0.13, 0.13, 0.14, 0.14, 0.12, 0.12, 0.24, 0.34, 0.38, 0.36, 0.37, 0.37, 0.38,
  0.39, 0.4, 0.4, 0.4, 0.41, 0.54, 0.65, 0.66, 0.79, 0.9, 0.91, 1.04, 1.15, 1.16, 1.15, 1.15, 1.16, 1.3, 1.41,
  1.42, 1.51, 1.69, 1.7, 1.82, 1.91, 1.91, 1.95, 2.19, 2.2, 2.27, 2.4, 2.4, 2.41, 2.42, 2.39, 2.38, 2.4, 2.13,
  2.04, 1.83, 1.55, 1.55, 1.55, 1.58, 0.65, 0.05, 0.05, 0.08, 0.09, 0.1, 0.09, 0.09, 0.09, 0.09, 0.09, 0.08,
  0.07, 0.07, 0.06, 0.08, 0.1, 0.09, 0.08, 0.08, 0.08, 0.08, 0.08, 0.08, 0.2, 0.33, 0.77, 1.21, 1.68, 2.33,
  2.56, 3.08, 3.78, 4.1, 4.33, 4.57, 4.65, 4.83, 5.06, 5.08, 5.12, 5.33, 5.33, 5.33, 5.33, 5.33, 5.33, 5.33,
  5.33, 5.33, 5.33, 5.33, 5.33, 5.33, 5.13, 4.83, 4.64, 4.48, 4.33, 4.33, 4.33, 4.33, 4.33, 4.33, 4.33, 4.33,
  4.22, 4.09, 3.88, 3.64,
];
const FFR_FIRST_YEAR = 2015;

export interface MacroPoint {
  date: string;
  value: number;
}

const pad = (n: number): string => String(n).padStart(2, '0');
const ymd = (y: number, m: number, d = 1): string => `${y}-${pad(m)}-${pad(d)}`;

export function gdpAnnual(year: number): number {
  const last = 2024;
  if (year <= last) return GDP_ANNUAL[year] ?? (GDP_ANNUAL[2010] as number);
  return (GDP_ANNUAL[last] as number) * 1.02 ** (year - last);
}

export function gdpQuarter(year: number, quarter: number): number {
  if (year === 2020) return GDP_2020_QUARTERS[quarter - 1] as number;
  const a = gdpAnnual(year);
  const growth = gdpAnnual(year + 1) / a - 1;
  return a * (1 + (growth * (quarter - 2.5)) / 4);
}

export function cpiMonth(year: number, month: number): number {
  const first = 2015;
  const last = 2025;
  const base = CPI_JANUARY[Math.min(Math.max(year, first), last)] as number;
  if (year > last) return (CPI_JANUARY[last] as number) * 1.0025 ** ((year - last) * 12 + month - 1);
  if (year < first) return base;
  const next = year === last ? base * 1.0025 ** 12 : (CPI_JANUARY[year + 1] as number);
  return base + ((next - base) * (month - 1)) / 12;
}

export function ffrMonth(year: number, month: number): number {
  const i = (year - FFR_FIRST_YEAR) * 12 + (month - 1);
  if (i < 0) return FFR_MONTHLY[0] as number;
  return FFR_MONTHLY[Math.min(i, FFR_MONTHLY.length - 1)] as number;
}

/** Months from (y0, m0) to (y1, m1) inclusive, oldest first. */
export function monthsBetween(y0: number, m0: number, y1: number, m1: number): [number, number][] {
  const out: [number, number][] = [];
  for (let y = y0, m = m0; y < y1 || (y === y1 && m <= m1); m === 12 ? ((m = 1), y++) : m++) out.push([y, m]);
  return out;
}

export { ymd };
