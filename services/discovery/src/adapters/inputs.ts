// Reads what discovery works from, per symbol, through the typed store (validated): the recent trades, the
// 5-second bars, the 1-minute bars analytics builds (longer history), and the level-2 snapshots.
import { analyticsBars, marketBars, marketL2Snapshots, marketTrades, type Store } from '@alphatrader/shared';
import type { BarSeries } from '../core/correlation';
import type { SymbolData } from '../core/discover';

export async function readSymbolData(store: Store, symbol: string, level2: boolean): Promise<SymbolData> {
  const [trades, bars5, bars1m, snapshots] = await Promise.all([
    store.range(marketTrades.at({ symbol })),
    store.range(marketBars.at({ symbol })),
    store.get(analyticsBars.at({ symbol, timeframe: '1m' })),
    level2 ? store.range(marketL2Snapshots.at({ symbol })) : undefined,
  ]);
  const bars: BarSeries[] = [];
  // Lists are newest first; series are oldest first.
  if (bars5.ok && bars5.value.values.length > 0) {
    bars.push({
      barSeconds: 5,
      bars: bars5.value.values.map((b) => ({ ts: b.ts, close: b.close })).reverse(),
    });
  }
  if (bars1m.ok) {
    // The last 1-minute bar may still be forming: leave it out.
    const closed = bars1m.value.bars.slice(0, -1);
    if (closed.length > 0)
      bars.push({ barSeconds: 60, bars: closed.map((b) => ({ ts: b.ts, close: b.close })) });
  }
  return {
    trades: trades.ok ? [...trades.value.values].reverse() : [],
    bars,
    snapshots: snapshots?.ok ? [...snapshots.value.values].reverse() : [],
  };
}
