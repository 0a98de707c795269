// What every command gets: the connection, the typed store, the config, output and the stop signal.
import type { AppConfig, RedisClient, Store } from '@alphatrader/shared';

export interface CliIO {
  out(line: string): void;
  err(line: string): void;
}

export interface CommandContext {
  readonly redis: RedisClient;
  readonly store: Store;
  readonly config: AppConfig;
  readonly io: CliIO;
  readonly json: boolean;
  /** Repository root (service folders). */
  readonly root: string;
  /** Aborted on Ctrl-C (tail). */
  readonly signal: AbortSignal;
  now(): number;
}
