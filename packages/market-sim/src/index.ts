// Public surface of @alphatrader/market-sim.
export * from './types';
export { createMarketModel, TICK_MS, type SimMarketModel } from './model';
export { defaultSymbols, INDEX_SYMBOLS, SPX_PER_SPY, specFor, type SymbolSpec } from './symbols';
export { occId, parseOccId, occRoot, type OccParts } from './occ';
export { replayEvents, applyDepthUpdate, cloneBook } from './replay';
export { VENUES, MAX_LEVELS } from './book';
export { TRF_VENUE_CODE } from './trades';
export { listExpiries, expiryKind, expiryTime, type ExpiryKind } from './expiries';
export { strikeStep } from './strikes';
export { RISK_FREE_RATE } from './option-quote';
export {
  MARKET_ZONE,
  isTradingDay,
  isEarlyClose,
  nextTradingDay,
  prevTradingDay,
  nyDate,
  nyTime,
  sessionOf,
  currentOrNextSession,
  defaultStartTime,
  type Session,
} from './calendar';
