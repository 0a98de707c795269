// Views of the configured symbol lists that several services need.
import type { AppConfig } from './schema';

type SymbolsConfig = Pick<AppConfig, 'symbols'>;

/** Symbols with stock market data (level 2 first, then standard). */
export function tradedSymbols(cfg: SymbolsConfig): string[] {
  return [...cfg.symbols.level2, ...cfg.symbols.standard];
}

/** Every configured symbol, indices included (options data). */
export function allSymbols(cfg: SymbolsConfig): string[] {
  return [...cfg.symbols.level2, ...cfg.symbols.standard, ...cfg.symbols.index];
}

/** Whether news sentiment exists for the symbol: single names only, never ETFs or indices. */
export function hasSentiment(cfg: SymbolsConfig, symbol: string): boolean {
  return tradedSymbols(cfg).includes(symbol) && !cfg.symbols.etfs.includes(symbol);
}

/** Symbols that get NEWS_SENTIMENT calls. */
export function sentimentSymbols(cfg: SymbolsConfig): string[] {
  return tradedSymbols(cfg).filter((s) => hasSentiment(cfg, s));
}
