export { systemClock, createSimulatedClock } from './clock';
export type { Clock, SimulatedClock } from './clock';
export {
  isTradingDay,
  sessionFor,
  isMarketOpen,
  inWindow,
  nextTradingDay,
  previousTradingDay,
  onOrBeforeTradingDay,
  REGULAR_OPEN,
  REGULAR_CLOSE,
  EARLY_CLOSE,
} from './calendar';
export type { TradingSession, TimeWindow } from './calendar';
export { expiries, yearsToClose, expiryClose, monthlyExpiry } from './expiries';
export type { Expiries } from './expiries';
export { marketDayNote, PUBLISHED_YEARS, publishedCalendar, ruleCalendar, easterSunday } from './holidays';
export type { MarketDayNote, MarketDayKind } from './holidays';
export { MARKET_ZONE, etParts } from './time';
export { etDate, etTime, addDays, weekdayOf } from './calendar';
export type { EtParts, IsoDate, DateInput } from './time';
export { formatEtDateTime, parseEtDateTime } from './et-text';
export type { EtTextPrecision } from './et-text';
