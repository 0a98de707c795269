// REAL_GDP, CPI, FEDERAL_FUNDS_RATE: `{ name, interval, unit, data: [{ date, value }] }`, newest first,
// ending at the latest period that would be published by the simulated date.
import { etDate } from '@alphatrader/shared';
import {
  cpiMonth,
  ffrMonth,
  gdpAnnual,
  gdpQuarter,
  monthsBetween,
  ymd,
  type MacroPoint,
} from '../macro-data';
import { csvLines, invalidCall, type Answer, type RequestContext } from './context';

const START_YEAR = 2015;
const DAY_MS = 86_400_000;

interface Today {
  y: number;
  m: number;
  d: number;
  iso: string;
}

function today(ts: number): Today {
  const iso = etDate(ts);
  return { y: Number(iso.slice(0, 4)), m: Number(iso.slice(5, 7)), d: Number(iso.slice(8, 10)), iso };
}

function answer(
  ctx: RequestContext,
  name: string,
  interval: string,
  unit: string,
  points: MacroPoint[],
  decimals: number,
): Answer {
  const data = ctx.empty
    ? []
    : points
        .slice()
        .sort((a, b) => (a.date < b.date ? 1 : -1))
        .map((p) => ({ date: p.date, value: p.value.toFixed(decimals) }));
  const body = { name, interval, unit, data };
  return ctx.csv
    ? {
        body,
        csv: csvLines(
          ['timestamp', 'value'],
          data.map((p) => [p.date, p.value]),
        ),
      }
    : { body };
}

export function realGdp(ctx: RequestContext): Answer {
  const interval = ctx.params['interval'] || 'annual';
  // The advance estimate of a quarter comes out about a month after it ends.
  const known = today(ctx.model.now() - 31 * DAY_MS);
  const points: MacroPoint[] = [];
  if (interval === 'annual') {
    for (let y = START_YEAR; y < known.y; y++) points.push({ date: ymd(y, 1), value: gdpAnnual(y) });
  } else if (interval === 'quarterly') {
    const lastQuarter = Math.floor((known.m - 1) / 3); // quarters fully ended before `known`
    for (let y = START_YEAR; y <= known.y; y++) {
      for (let q = 1; q <= 4; q++) {
        if (y === known.y && q > lastQuarter) break;
        points.push({ date: ymd(y, (q - 1) * 3 + 1), value: gdpQuarter(y, q) });
      }
    }
  } else return invalidCall('REAL_GDP');
  return answer(ctx, 'Real Gross Domestic Product', interval, 'billions of dollars', points, 3);
}

export function cpi(ctx: RequestContext): Answer {
  const interval = ctx.params['interval'] || 'monthly';
  // A month's CPI is released around the middle of the next month.
  const known = today(ctx.model.now() - 45 * DAY_MS);
  const months = monthsBetween(START_YEAR, 1, known.y, known.m);
  let points: MacroPoint[];
  if (interval === 'monthly') {
    points = months.map(([y, m]) => ({ date: ymd(y, m), value: cpiMonth(y, m) }));
  } else if (interval === 'semiannual') {
    points = [];
    for (let y = START_YEAR; y <= known.y; y++) {
      for (const h of [1, 7]) {
        if (y === known.y && known.m < h + 5) break;
        let sum = 0;
        for (let m = h; m < h + 6; m++) sum += cpiMonth(y, m);
        points.push({ date: ymd(y, h), value: sum / 6 });
      }
    }
  } else return invalidCall('CPI');
  return answer(
    ctx,
    'Consumer Price Index for all Urban Consumers',
    interval,
    'index 1982-1984=100',
    points,
    3,
  );
}

export function federalFundsRate(ctx: RequestContext): Answer {
  const interval = ctx.params['interval'] || 'monthly';
  const now = ctx.model.now();
  const t = today(now);
  const points: MacroPoint[] = [];
  if (interval === 'monthly') {
    const last = today(Date.UTC(t.y, t.m - 1, 1) - DAY_MS); // the month before this one
    for (const [y, m] of monthsBetween(START_YEAR, 1, last.y, last.m))
      points.push({ date: ymd(y, m), value: ffrMonth(y, m) });
  } else if (interval === 'daily' || interval === 'weekly') {
    // Daily: each weekday up to yesterday; weekly: weeks ending Wednesday.
    for (let ts = Date.UTC(START_YEAR, 0, 1, 12); ; ts += DAY_MS) {
      const iso = new Date(ts).toISOString().slice(0, 10);
      if (iso >= t.iso) break;
      const dow = new Date(ts).getUTCDay();
      const keep = interval === 'daily' ? dow !== 0 && dow !== 6 : dow === 3;
      if (keep) points.push({ date: iso, value: ffrMonth(Number(iso.slice(0, 4)), Number(iso.slice(5, 7))) });
    }
  } else return invalidCall('FEDERAL_FUNDS_RATE');
  return answer(ctx, 'Effective Federal Funds Rate', interval, 'percent', points, 2);
}
