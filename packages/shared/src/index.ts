// Public surface of @alphatrader/shared. Each area keeps an explicit list of named exports in its own
// index; import from '@alphatrader/shared' only (no deep imports).
export * from './registry/index';
