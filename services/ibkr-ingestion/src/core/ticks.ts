// TWS tick types this service reads (numbers from IB's TickType), and the RTVolume string of generic
// tick 233: "price;size;epochMs;totalVolume;vwap;singleTrade".

export const Tick = {
  BID_SIZE: 0,
  BID: 1,
  ASK: 2,
  ASK_SIZE: 3,
  LAST: 4,
  LAST_SIZE: 5,
  HIGH: 6,
  LOW: 7,
  VOLUME: 8,
  CLOSE: 9,
  BID_OPTION: 10,
  ASK_OPTION: 11,
  LAST_OPTION: 12,
  MODEL_OPTION: 13,
  OPEN: 14,
  LAST_TIMESTAMP: 45,
  RT_VOLUME: 48,
} as const;

/** Names used as field names in raw:ibkr:{symbol} (IB's own TickType names). */
export const TICK_NAMES: Readonly<Record<number, string>> = Object.freeze(
  Object.fromEntries(Object.entries(Tick).map(([name, id]) => [id, name])),
);

export interface RtVolume {
  /** Null on a volume-only update (no print). */
  price: number | null;
  size: number;
  /** Epoch ms of the print. */
  ts: number;
  totalVolume: number;
  vwap: number | null;
  /** True when one trade, false when several were aggregated into this print. */
  single: boolean;
}

const num = (s: string | undefined): number => (s === undefined || s.trim() === '' ? NaN : Number(s));

/** Parses an RTVolume value; null when it is malformed (wrong field count, non-numeric, negative). */
export function parseRtVolume(value: string): RtVolume | null {
  const parts = value.split(';');
  if (parts.length !== 6) return null;
  const [p, sz, t, tv, vw, single] = parts;
  const priceText = p?.trim() ?? '';
  const price = priceText === '' ? null : Number(priceText);
  const size = num(sz);
  const ts = num(t);
  const totalVolume = num(tv);
  const vwapRaw = num(vw);
  if (price !== null && !(Number.isFinite(price) && price > 0)) return null;
  if (!(Number.isFinite(size) && size >= 0)) return null;
  if (!(Number.isInteger(ts) && ts > 0)) return null;
  if (!(Number.isFinite(totalVolume) && totalVolume >= 0)) return null;
  if (price !== null && size <= 0) return null;
  const s = single?.trim().toLowerCase();
  if (s !== 'true' && s !== 'false') return null;
  return {
    price,
    size,
    ts,
    totalVolume,
    vwap: Number.isFinite(vwapRaw) && vwapRaw > 0 ? vwapRaw : null,
    single: s === 'true',
  };
}
