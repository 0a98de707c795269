// The process wrapper around startServiceRuntime: signals, deadlines and exit codes. Crash-only: any
// uncaught error is logged and the process exits non-zero; starting again is the recovery path.
import type { Logger } from 'pino';
import { loadConfigOrExit, serviceConfig, ConfigError } from '../config/index';
import { createLogger } from '../logger/index';
import { startServiceRuntime } from './runtime';
import type { ServiceDefinition, ServiceHandle } from './types';

export interface RunServiceOptions extends ServiceDefinition {
  /** Config file (default: ATP_CONFIG, else config/config.yaml). */
  configPath?: string;
}

/** Exit codes: 0 clean stop, 1 crash/failed start/missed deadline, 78 invalid configuration. */
export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_CONFIG = 78;

export async function runService(opts: RunServiceOptions): Promise<void> {
  const config = loadConfigOrExit({ path: opts.configPath });
  try {
    serviceConfig(config, opts.name);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(EXIT_CONFIG);
    }
    throw err;
  }
  const logger: Logger = createLogger({
    service: opts.name,
    level: config.log.level,
    pretty: config.log.pretty,
    base: { version: opts.version ?? '0.0.0-dev' },
  });

  const crash = (kind: string) => (err: unknown) => {
    logger.fatal({ err, kind }, 'crashed');
    process.exit(EXIT_FAILURE);
  };
  process.on('uncaughtException', crash('uncaughtException'));
  process.on('unhandledRejection', crash('unhandledRejection'));

  let handle: ServiceHandle | undefined;
  let stopRequested: string | undefined;
  let shuttingDown = false;

  const shutdown = (signal: string) => {
    if (shuttingDown) {
      if (signal === 'SIGINT') {
        logger.warn('second interrupt: exiting now');
        process.exit(EXIT_FAILURE);
      }
      return;
    }
    shuttingDown = true;
    const deadline = setTimeout(() => {
      logger.error({ timeoutMs: config.runtime.shutdownTimeoutMs }, 'shutdown deadline exceeded: exiting');
      process.exit(EXIT_FAILURE);
    }, config.runtime.shutdownTimeoutMs);
    deadline.unref();
    if (handle === undefined) {
      stopRequested = signal; // still starting: stop as soon as start-up returns
      return;
    }
    handle.stop(signal).then(
      () => process.exit(EXIT_OK),
      (err: unknown) => {
        logger.error({ err }, 'shutdown failed');
        process.exit(EXIT_FAILURE);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));

  try {
    handle = await startServiceRuntime({ ...opts, config, logger });
  } catch {
    // startServiceRuntime logged why and cleaned up.
    process.exit(EXIT_FAILURE);
  }
  if (stopRequested !== undefined) {
    shuttingDown = false;
    shutdown(stopRequested);
  }
}
