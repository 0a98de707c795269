// Errors of the typed store. Reads never throw: they return a ReadResult whose error says whether the
// key is missing, holds an invalid value or Redis could not be reached. Writes throw StoreWriteError
// when the value breaks the entry's schema — that is a bug in the writer, not bad luck.

export type StoreReadErrorKind = 'missing' | 'invalid' | 'unavailable';

export interface StoreReadError {
  readonly kind: StoreReadErrorKind;
  readonly key: string;
  readonly reason: string;
}

export type ReadResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: StoreReadError };

/** Several values read at once (list, hash, set, zset, stream): invalid elements are skipped and counted. */
export interface ManyRead<T> {
  readonly values: T;
  /** Number of elements dropped because they were not valid JSON or broke the schema. */
  readonly invalid: number;
}

export class StoreWriteError extends Error {
  override readonly name = 'StoreWriteError';
  constructor(
    readonly key: string,
    readonly reason: string,
  ) {
    super(`refusing to write ${key}: ${reason}`);
  }
}

export interface BatchFailure {
  readonly key: string;
  readonly message: string;
}

/** Some commands of a batch failed (the others were applied: batches are not transactions). */
export class StoreBatchError extends Error {
  override readonly name = 'StoreBatchError';
  constructor(readonly failures: readonly BatchFailure[]) {
    super(
      `${failures.length} batch command(s) failed: ` +
        failures
          .slice(0, 5)
          .map((f) => `${f.key}: ${f.message}`)
          .join('; '),
    );
  }
}
