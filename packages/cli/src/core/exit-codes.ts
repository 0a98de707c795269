// Exit codes of `atp`, for scripts.
export const EXIT = {
  ok: 0,
  /** Redis unreachable, invalid configuration, or another failure. */
  failure: 1,
  /** Bad usage, or a key that is not in the registry. */
  usage: 2,
  /** The value exists but fails its schema (`get`). */
  invalid: 3,
  /** The key (or the health report) does not exist. */
  missing: 4,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** A failure with a message for the operator and the exit code to end with. */
export class CliError extends Error {
  override readonly name = 'CliError';
  constructor(
    message: string,
    readonly code: ExitCode,
  ) {
    super(message);
  }
}
