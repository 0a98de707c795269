// Writes of good data, each through the typed store (schema and registry TTL applied), followed by a
// change notification on events:options once the data is in place — a separate round trip, so under
// Cluster (where a batch splits by slot) no consumer can see the event before the value.
import {
  eventsOptions,
  macroSeries,
  marketIntraday,
  optionsChain,
  optionsFlow,
  optionsGreeks,
  optionsOiHistory,
  optionsUnusual,
  rawAvOptions,
  sentimentArticles,
  sentimentScore,
  technicalsAtr,
  technicalsBbands,
  technicalsMacd,
  technicalsRsi,
  type AtrValue,
  type BbandsValue,
  type IntradaySeries,
  type KeyRef,
  type MacdValue,
  type MacroSeries,
  type OpenInterestHistory,
  type RsiValue,
  type SentimentArticles,
  type SentimentScore,
  type Store,
} from '@alphatrader/shared';
import type { TechnicalFunction } from '../core/settings';
import type { ChainBundleValues } from '../core/types';

export type ChainBundle = ChainBundleValues;

export type TechnicalValue =
  | { fn: 'RSI'; value: RsiValue }
  | { fn: 'MACD'; value: MacdValue }
  | { fn: 'BBANDS'; value: BbandsValue }
  | { fn: 'ATR'; value: AtrValue };

export interface Writers {
  chain(symbol: string, bundle: ChainBundle, ts: number): Promise<void>;
  intraday(series: IntradaySeries, ts: number): Promise<void>;
  technical(symbol: string, t: TechnicalValue, ts: number, notify?: boolean): Promise<void>;
  sentiment(symbol: string, score: SentimentScore, articles: SentimentArticles, ts: number): Promise<void>;
  macro(param: string, series: MacroSeries, ts: number): Promise<void>;
  oiHistory(symbol: string, date: string, value: OpenInterestHistory, ts: number): Promise<void>;
}

interface Change {
  kind: string;
  ref: KeyRef;
  symbol: string | null;
}

export const TECHNICAL_REFS = {
  RSI: technicalsRsi,
  MACD: technicalsMacd,
  BBANDS: technicalsBbands,
  ATR: technicalsAtr,
} as const satisfies Record<TechnicalFunction, unknown>;

export function createWriters(store: Store): Writers {
  const events = eventsOptions.at();

  const notify = async (changes: readonly Change[], ts: number): Promise<void> => {
    const b = store.batch();
    for (const c of changes) b.xadd(events, { symbol: c.symbol, kind: c.kind, key: c.ref.key, ts });
    await b.exec();
  };

  return {
    async chain(symbol, bundle, ts) {
      const refs = {
        chain: optionsChain.at({ symbol }),
        greeks: optionsGreeks.at({ symbol }),
        unusual: optionsUnusual.at({ symbol }),
        flow: optionsFlow.at({ symbol }),
        raw: rawAvOptions.at({ symbol }),
      };
      // The chain, its Greeks and the raw answer were validated once already (processChain): the store
      // does not parse their 10,000 contracts a second time.
      await store
        .batch()
        .setPrevalidatedJson(refs.raw, bundle.rawJson)
        .setPrevalidated(refs.chain, bundle.chain)
        .setPrevalidated(refs.greeks, bundle.greeks)
        .set(refs.unusual, bundle.unusual)
        .set(refs.flow, bundle.flow)
        .exec();
      await notify(
        [
          { kind: 'chain', ref: refs.chain, symbol },
          { kind: 'greeks', ref: refs.greeks, symbol },
          { kind: 'unusual', ref: refs.unusual, symbol },
          { kind: 'flow', ref: refs.flow, symbol },
        ],
        ts,
      );
    },
    async intraday(series, ts) {
      const ref = marketIntraday.at({ symbol: series.symbol });
      await store.set(ref, series);
      await notify([{ kind: 'intraday', ref, symbol: series.symbol }], ts);
    },
    async technical(symbol, t, ts, changed = true) {
      let ref: KeyRef;
      switch (t.fn) {
        case 'RSI':
          await store.set((ref = technicalsRsi.at({ symbol })), t.value);
          break;
        case 'MACD':
          await store.set((ref = technicalsMacd.at({ symbol })), t.value);
          break;
        case 'BBANDS':
          await store.set((ref = technicalsBbands.at({ symbol })), t.value);
          break;
        case 'ATR':
          await store.set((ref = technicalsAtr.at({ symbol })), t.value);
          break;
      }
      if (changed) await notify([{ kind: t.fn.toLowerCase(), ref, symbol }], ts);
    },
    async sentiment(symbol, score, articles, ts) {
      const refs = { score: sentimentScore.at({ symbol }), articles: sentimentArticles.at({ symbol }) };
      await store.batch().set(refs.score, score).set(refs.articles, articles).exec();
      await notify([{ kind: 'sentiment', ref: refs.score, symbol }], ts);
    },
    async macro(param, series, ts) {
      const ref = macroSeries.at({ series: param });
      await store.set(ref, series);
      await notify([{ kind: 'macro', ref, symbol: null }], ts);
    },
    async oiHistory(symbol, date, value, ts) {
      const ref = optionsOiHistory.at({ symbol, date });
      await store.set(ref, value);
      await notify([{ kind: 'oi_history', ref, symbol }], ts);
    },
  };
}
