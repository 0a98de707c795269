// Synthesised past: 1-minute bars of earlier sessions generated backwards from a known price, so the
// history ends exactly where the live path begins. A backward GBM walk has the same law as a forward one
// (up to drift), so the bars look like any other session: U-shaped volume and volatility, overnight gaps.
import type { Bar } from './types';
import { MINUTE_MS, round2, round4 } from './bars';
import { volatilityShape, volumeShape } from './profile';
import type { Rng } from './rng';
import type { Session } from './calendar';
import { TRADING_YEAR_MS } from './paths';

export interface HistoryParams {
  symbol: string;
  /** Annualised volatility. */
  vol: number;
  /** Expected shares per session. */
  dailyVolume: number;
  /** Average shares per print, for the bar's trade count. */
  avgTradeSize: number;
}

/**
 * Minute bars covering `[session.open, end)` of each session (ascending), with the close of the last bar
 * equal to `endPrice`. Returns the bars and the open of the first one.
 */
export function synthesizeMinutes(
  p: HistoryParams,
  sessions: readonly { session: Session; end: number }[],
  endPrice: number,
  rng: Rng,
): { bars: Bar[]; firstOpen: number } {
  const minuteSigma = p.vol * Math.sqrt(MINUTE_MS / TRADING_YEAR_MS);
  const gapSigma = p.vol * Math.sqrt(1 / 252) * 0.35;
  const out: Bar[] = [];
  let price = endPrice;
  for (let si = sessions.length - 1; si >= 0; si--) {
    const { session, end } = sessions[si]!;
    const len = session.close - session.open;
    const minutesIn = Math.floor((Math.min(end, session.close) - session.open) / MINUTE_MS);
    const perMinuteVolume = (p.dailyVolume * MINUTE_MS) / len;
    for (let m = minutesIn - 1; m >= 0; m--) {
      const ts = session.open + m * MINUTE_MS;
      const x = (m + 0.5) * (MINUTE_MS / len);
      const close = price;
      const s = minuteSigma * volatilityShape(x);
      const open = close * Math.exp(-s * rng.normal());
      // Two interior points of the minute's path bound the high and low.
      const a = open + (close - open) * 0.33 + close * s * 0.5 * rng.normal();
      const b = open + (close - open) * 0.66 + close * s * 0.5 * rng.normal();
      const o = round2(open);
      const c = round2(close);
      const high = round2(Math.max(o, c, a, b));
      const low = round2(Math.min(o, c, a, b));
      const volume = Math.max(
        100,
        Math.round((perMinuteVolume * volumeShape(x) * Math.exp(0.35 * rng.normal() - 0.06)) / 10) * 10,
      );
      const vwap = round4(Math.min(high, Math.max(low, (o + c + high + low) / 4)));
      out.push({
        symbol: p.symbol,
        ts,
        open: o,
        high,
        low,
        close: c,
        volume,
        vwap,
        count: Math.max(1, Math.round(volume / p.avgTradeSize)),
      });
      price = open;
    }
    // Overnight gap into the previous session's close.
    price = price * Math.exp(-gapSigma * rng.normal());
  }
  out.reverse();
  // Consecutive bars share prices: the first open is the walk's last `open` before the gap.
  const firstOpen = out.length > 0 ? out[0]!.open : endPrice;
  return { bars: out, firstOpen };
}

/** The close implied before the earliest synthesised session (after its overnight gap). */
export function gapBack(price: number, vol: number, rng: Rng): number {
  return price * Math.exp(-vol * Math.sqrt(1 / 252) * 0.35 * rng.normal());
}
