// REALTIME_OPTIONS and HISTORICAL_OPTIONS from the model's chain at the moment of the request:
// `{ endpoint, message: "success", data }`, all strings, sorted by expiration, strike, call before put.
import type { OptionQuote } from '@alphatrader/market-sim';
import { addDays, etDate, weekdayOf } from '@alphatrader/shared';
import { whole } from '../format';
import { avMessages } from '../messages';
import { csvLines, invalidCall, modelSymbol, type Answer, type RequestContext } from './context';

const BASE_FIELDS = [
  'contractID',
  'symbol',
  'expiration',
  'strike',
  'type',
  'last',
  'mark',
  'bid',
  'bid_size',
  'ask',
  'ask_size',
  'volume',
  'open_interest',
  'date',
] as const;
const GREEK_FIELDS = ['implied_volatility', 'delta', 'gamma', 'theta', 'vega', 'rho'] as const;

type Row = Record<string, string>;

function byExpiryStrikeRight(a: OptionQuote, b: OptionQuote): number {
  if (a.expiry !== b.expiry) return a.expiry < b.expiry ? -1 : 1;
  if (a.strike !== b.strike) return a.strike - b.strike;
  return a.right === b.right ? 0 : a.right === 'C' ? -1 : 1;
}

/** One row in AV's field order, built as one object literal per shape: spreading a base row or adding
 *  keys afterwards measured markedly slower to build and serialise for 10,000-row chains. */
function toRow(q: OptionQuote, date: string, greeks: boolean, greekValue: string | undefined): Row {
  const type = q.right === 'C' ? 'call' : 'put';
  if (!greeks) {
    return {
      contractID: q.contractId,
      symbol: q.underlying,
      expiration: q.expiry,
      strike: q.strike.toFixed(2),
      type,
      last: q.last.toFixed(2),
      mark: q.mark.toFixed(2),
      bid: q.bid.toFixed(2),
      bid_size: whole(q.bidSize),
      ask: q.ask.toFixed(2),
      ask_size: whole(q.askSize),
      volume: whole(q.volume),
      open_interest: whole(q.openInterest),
      date,
    };
  }
  const g = greekValue;
  return {
    contractID: q.contractId,
    symbol: q.underlying,
    expiration: q.expiry,
    strike: q.strike.toFixed(2),
    type,
    last: q.last.toFixed(2),
    mark: q.mark.toFixed(2),
    bid: q.bid.toFixed(2),
    bid_size: whole(q.bidSize),
    ask: q.ask.toFixed(2),
    ask_size: whole(q.askSize),
    volume: whole(q.volume),
    open_interest: whole(q.openInterest),
    date,
    implied_volatility: g ?? q.iv.toFixed(5),
    delta: g ?? q.delta.toFixed(5),
    gamma: g ?? q.gamma.toFixed(5),
    theta: g ?? q.theta.toFixed(5),
    vega: g ?? q.vega.toFixed(5),
    rho: g ?? q.rho.toFixed(5),
  };
}

/** AV's placeholder rows for a key without the options plan. */
function placeholderRows(greeks: boolean): Row[] {
  return (['call', 'put'] as const).map((type) => {
    const row: Row = {
      contractID: `XXYYZZ999999${type === 'call' ? 'C' : 'P'}00020000`,
      symbol: 'XXYYZZ',
      expiration: '2099-99-99',
      strike: '20.00',
      type,
      last: '0.00',
      mark: '0.00',
      bid: '0.00',
      bid_size: '0',
      ask: '0.00',
      ask_size: '0',
      volume: '0',
      open_interest: '0',
      date: '2049-99-99',
    };
    if (greeks) for (const f of GREEK_FIELDS) row[f] = '0.00000';
    return row;
  });
}

function answer(
  endpoint: string,
  message: string,
  rows: Row[],
  ctx: RequestContext,
  greeks: boolean,
): Answer {
  const body = { endpoint, message, data: rows };
  if (!ctx.csv) return { body };
  const header = greeks ? [...BASE_FIELDS, ...GREEK_FIELDS] : [...BASE_FIELDS];
  return {
    body,
    csv: csvLines(
      header,
      rows.map((r) => header.map((h) => r[h] ?? '')),
    ),
  };
}

function chainRows(ctx: RequestContext, quotes: OptionQuote[], date: string, greeks: boolean): Row[] {
  if (ctx.empty) return [];
  const sorted = quotes.slice().sort(byExpiryStrikeRight);
  const bad = ctx.greeksFault === 'nan' ? 'NaN' : ctx.greeksFault === 'empty' ? '' : undefined;
  return sorted.map((q, i) => toRow(q, date, greeks, i % 3 === 0 ? bad : undefined));
}

export function realtimeOptions(ctx: RequestContext): Answer {
  const symbol = ctx.params['symbol'];
  if (symbol === undefined || symbol === '') return invalidCall('REALTIME_OPTIONS');
  const greeks = ctx.params['require_greeks']?.toLowerCase() === 'true';
  if (ctx.optionsPlaceholder) {
    return answer('Realtime Options', avMessages.optionsPlaceholder, placeholderRows(greeks), ctx, greeks);
  }
  const contract = ctx.params['contract'];
  const expiration = ctx.params['expiration'];
  const sym = modelSymbol(symbol);
  let quotes: OptionQuote[];
  if (contract !== undefined && contract !== '') {
    const q = ctx.model.optionQuote(contract.toUpperCase());
    quotes = q !== undefined && q.underlying === sym ? [q] : [];
  } else {
    quotes = ctx.model.optionChain(
      sym,
      expiration === undefined || expiration === '' ? undefined : [expiration],
    );
  }
  const date = etDate(ctx.model.now());
  return answer('Realtime Options', 'success', chainRows(ctx, quotes, date, greeks), ctx, greeks);
}

/** The weekday before a date (the previous session, ignoring holidays). */
function previousWeekday(date: string): string {
  let d = addDays(date, -1);
  while (weekdayOf(d) > 5) d = addDays(d, -1);
  return d;
}

/**
 * HISTORICAL_OPTIONS: the model keeps no past chains, so this serves the chain at the moment of the
 * request stamped with the asked `date` (default: the previous weekday), IV and Greeks always included.
 */
export function historicalOptions(ctx: RequestContext): Answer {
  const symbol = ctx.params['symbol'];
  if (symbol === undefined || symbol === '') return invalidCall('HISTORICAL_OPTIONS');
  if (ctx.optionsPlaceholder) {
    return answer('Historical Options', avMessages.optionsPlaceholder, placeholderRows(true), ctx, true);
  }
  const asked = ctx.params['date'];
  if (asked !== undefined && asked !== '' && !/^\d{4}-\d{2}-\d{2}$/.test(asked)) {
    return invalidCall('HISTORICAL_OPTIONS');
  }
  const date = asked !== undefined && asked !== '' ? asked : previousWeekday(etDate(ctx.model.now()));
  const quotes = ctx.model.optionChain(modelSymbol(symbol)).filter((q) => q.expiry >= date);
  return answer('Historical Options', 'success', chainRows(ctx, quotes, date, true), ctx, true);
}
