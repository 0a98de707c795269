// Writes what the engine produced in one pipeline per update: outputs (with their registry TTL), deletions,
// alerts, and one events:analytics entry per written key so signal generation reacts without polling.
import {
  analyticsAlerts,
  analyticsBars,
  analyticsGexProfile,
  analyticsGreeks,
  analyticsHidden,
  analyticsLiquidity,
  analyticsMocPred,
  analyticsObi,
  analyticsPortfolio,
  analyticsRegime,
  analyticsStatus,
  analyticsToxicity,
  analyticsVolForecast,
  analyticsVpin,
  eventsAnalytics,
  optionsDex,
  optionsGex,
  type AnalyticsJobStatus,
  type Batch,
  type KeyRef,
  type PortfolioAnalytics,
  type Store,
} from '@alphatrader/shared';
import type { Output, OutputKind, UpdateResult } from '../core/types';

/** Queues one output; returns its key. Throws StoreWriteError when the value breaks its schema (a bug). */
function queueOutput(b: Batch, symbol: string, o: Output): string {
  const p = { symbol };
  const set = <R extends KeyRef>(ref: R, fn: (ref: R) => void): string => {
    fn(ref);
    return ref.key;
  };
  switch (o.kind) {
    case 'vpin':
      return set(analyticsVpin.at(p), (r) => b.set(r, o.value));
    case 'obi':
      return set(analyticsObi.at(p), (r) => b.set(r, o.value));
    case 'liquidity':
      return set(analyticsLiquidity.at(p), (r) => b.set(r, o.value));
    case 'hidden':
      return set(analyticsHidden.at(p), (r) => b.set(r, o.value));
    case 'toxicity':
      return set(analyticsToxicity.at(p), (r) => b.set(r, o.value));
    case 'gex':
      return set(optionsGex.at(p), (r) => b.set(r, o.value));
    case 'dex':
      return set(optionsDex.at(p), (r) => b.set(r, o.value));
    case 'gex_profile':
      return set(analyticsGexProfile.at(p), (r) => b.set(r, o.value));
    case 'greeks':
      return set(analyticsGreeks.at(p), (r) => b.set(r, o.value));
    case 'bars':
      return set(analyticsBars.at({ symbol, timeframe: o.timeframe }), (r) => b.set(r, o.value));
    case 'regime':
      return set(analyticsRegime.at(p), (r) => b.set(r, o.value));
    case 'vol_forecast':
      return set(analyticsVolForecast.at(p), (r) => b.set(r, o.value));
    case 'moc_pred':
      return set(analyticsMocPred.at(p), (r) => b.set(r, o.value));
  }
}

function refOf(symbol: string, kind: Exclude<OutputKind, 'bars'>): KeyRef {
  const p = { symbol };
  switch (kind) {
    case 'vpin':
      return analyticsVpin.at(p);
    case 'obi':
      return analyticsObi.at(p);
    case 'liquidity':
      return analyticsLiquidity.at(p);
    case 'hidden':
      return analyticsHidden.at(p);
    case 'toxicity':
      return analyticsToxicity.at(p);
    case 'gex':
      return optionsGex.at(p);
    case 'dex':
      return optionsDex.at(p);
    case 'gex_profile':
      return analyticsGexProfile.at(p);
    case 'greeks':
      return analyticsGreeks.at(p);
    case 'regime':
      return analyticsRegime.at(p);
    case 'vol_forecast':
      return analyticsVolForecast.at(p);
    case 'moc_pred':
      return analyticsMocPred.at(p);
  }
}

/** Event kind of an output in events:analytics ('bars_1m' for the 1-minute bars). */
function eventKind(o: Output): string {
  return o.kind === 'bars' ? `bars_${o.timeframe}` : o.kind;
}

export interface WriteOutcome {
  written: number;
  deleted: number;
  /** Outputs that broke their schema (a bug in the engine): skipped, with the reason. */
  rejected: { kind: string; reason: string }[];
}

export async function writeUpdate(
  store: Store,
  symbol: string,
  r: UpdateResult,
  now: number,
): Promise<WriteOutcome> {
  const b = store.batch();
  const outcome: WriteOutcome = { written: 0, deleted: 0, rejected: [] };
  const written = new Set<string>();
  for (const o of r.outputs) {
    try {
      const key = queueOutput(b, symbol, o);
      written.add(key);
      b.xadd(eventsAnalytics.at(), { symbol, kind: eventKind(o), key, ts: now });
      outcome.written++;
    } catch (err) {
      outcome.rejected.push({ kind: o.kind, reason: err instanceof Error ? err.message : String(err) });
    }
  }
  for (const kind of r.cleared) {
    const ref = refOf(symbol, kind);
    if (written.has(ref.key)) continue;
    b.del(ref);
    outcome.deleted++;
  }
  if (r.alerts.length > 0) b.push(analyticsAlerts.at(), ...r.alerts);
  await b.exec();
  return outcome;
}

export async function writePortfolio(store: Store, value: PortfolioAnalytics): Promise<void> {
  const ref = analyticsPortfolio.at();
  await store
    .batch()
    .set(ref, value)
    .xadd(eventsAnalytics.at(), { symbol: null, kind: 'portfolio', key: ref.key, ts: value.ts })
    .exec();
}

export async function writeStatus(store: Store, statuses: Record<string, AnalyticsJobStatus>): Promise<void> {
  if (Object.keys(statuses).length === 0) return;
  await store.hsetMany(analyticsStatus.at(), statuses);
}
