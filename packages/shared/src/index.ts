// Public surface of @alphatrader/shared. Each area keeps an explicit list of named exports in its own
// index; import from '@alphatrader/shared' only (no deep imports).
export * from './registry/index';
export * from './store/index';
export * from './config/index';
export * from './logger/index';
export * from './redis/index';
export * from './runtime/index';
export * from './clock/index';
export * from './alphavantage/index';
