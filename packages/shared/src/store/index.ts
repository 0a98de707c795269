export { createStore, type Store, type StoreOptions, type ScoredMember, type StreamEntry } from './store';
export { type Batch } from './batch';
export {
  StoreWriteError,
  StoreBatchError,
  type BatchFailure,
  type ReadResult,
  type ManyRead,
  type StoreReadError,
  type StoreReadErrorKind,
} from './errors';
export { type StoreLogger } from './invalid-reporter';
export { type ScoreBound } from './ops';
