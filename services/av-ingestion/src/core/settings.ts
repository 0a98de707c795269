// What the ingestion does, resolved once from the validated config: symbol sets per stream (with the
// seed's exclusions applied: no sentiment for ETFs and indices), cadences, budget and quality knobs.
import { hasSentiment, type AppConfig } from '@alphatrader/shared';

export const TECHNICAL_FUNCTIONS = ['RSI', 'MACD', 'BBANDS', 'ATR'] as const;
export type TechnicalFunction = (typeof TECHNICAL_FUNCTIONS)[number];

export const MACRO_FUNCTIONS = ['REAL_GDP', 'CPI', 'FEDERAL_FUNDS_RATE'] as const;
export type MacroFunction = (typeof MACRO_FUNCTIONS)[number];

/** Indicator periods we ask for (AV's customary defaults). */
export const TECHNICAL_PERIODS = { RSI: 14, BBANDS: 20, ATR: 14 } as const;

export interface UnusualSettings {
  minVolume: number;
  volumeOiRatio: number;
  maxContracts: number;
}

export interface IngestionSettings {
  planPerMinute: number;
  budgetPerMinute: number;
  /** Calls allowed in any rolling second, all processes together. */
  burstPerSecond: number;
  timeoutMs: number;
  retries: number;
  tickMs: number;
  sessionOnly: boolean;
  chains: { symbols: string[]; intervalMs: number; staggerMs: number; expiries: 'all' | '0dte' };
  intraday: { symbols: string[]; intervalMs: number };
  technicals: { symbols: string[]; intervalMs: number; interval: string; functions: TechnicalFunction[] };
  /** `skipped` lists configured symbols left out because they are ETFs or indices. */
  sentiment: { symbols: string[]; intervalMs: number; skipped: string[] };
  macro: { functions: MacroFunction[]; intervalMs: number };
  historical: { symbols: string[]; after: string; callsPerMinute: number; days: number };
  maxRejectedFraction: number;
  unusual: UnusualSettings;
  slowP95Ms: number;
  slowWindowMs: number;
}

export class SettingsError extends Error {
  override readonly name = 'SettingsError';
}

const unique = (list: readonly string[]): string[] => [...new Set(list)];

function strategySymbols(config: AppConfig): string[] {
  return unique(
    Object.values(config.strategies)
      .filter((s) => s.enabled)
      .flatMap((s) => s.symbols),
  );
}

export function resolveSettings(config: AppConfig): IngestionSettings {
  const section = config.services['av-ingestion'];
  const av = config.alphaVantage;
  const known = new Set([...config.symbols.level2, ...config.symbols.standard, ...config.symbols.index]);
  const checkKnown = (list: readonly string[], what: string): string[] => {
    const unknown = list.filter((s) => !known.has(s));
    if (unknown.length > 0) {
      throw new SettingsError(`services.av-ingestion.${what}: unknown symbols ${unknown.join(', ')}`);
    }
    return [...list];
  };

  const singleNames = [...config.symbols.level2, ...config.symbols.standard].filter((s) =>
    hasSentiment(config, s),
  );
  const sentimentWanted = checkKnown(section.sentimentSymbols ?? singleNames, 'sentimentSymbols');
  const sentimentSymbols = sentimentWanted.filter((s) => hasSentiment(config, s));

  return {
    planPerMinute: av.planCallsPerMinute,
    budgetPerMinute: av.budgetCallsPerMinute,
    burstPerSecond: section.burstPerSecond ?? Math.max(1, Math.ceil((2 * av.budgetCallsPerMinute) / 60)),
    timeoutMs: av.timeoutMs,
    retries: section.retries,
    tickMs: section.tickMs,
    sessionOnly: section.sessionOnly,
    chains: {
      symbols: checkKnown(section.chainSymbols, 'chainSymbols'),
      intervalMs: section.chainIntervalMs,
      staggerMs: section.chainStaggerMs,
      expiries: section.chainExpiries,
    },
    intraday: {
      symbols: checkKnown(section.intradaySymbols, 'intradaySymbols'),
      intervalMs: section.intradayIntervalMs,
    },
    technicals: {
      symbols: checkKnown(section.technicalsSymbols ?? strategySymbols(config), 'technicalsSymbols'),
      intervalMs: section.technicalsIntervalMs,
      interval: section.technicalsInterval,
      functions: [...TECHNICAL_FUNCTIONS],
    },
    sentiment: {
      symbols: sentimentSymbols,
      intervalMs: section.sentimentIntervalMs,
      skipped: sentimentWanted.filter((s) => !sentimentSymbols.includes(s)),
    },
    macro: { functions: [...MACRO_FUNCTIONS], intervalMs: section.macroIntervalMs },
    historical: {
      symbols: checkKnown(section.historicalSymbols ?? section.chainSymbols, 'historicalSymbols'),
      after: section.historicalAfter,
      callsPerMinute: section.historicalCallsPerMinute,
      days: section.historicalDays,
    },
    maxRejectedFraction: section.maxRejectedFraction,
    unusual: { ...section.unusual },
    slowP95Ms: av.slowP95Ms,
    slowWindowMs: av.slowWindowMs,
  };
}
