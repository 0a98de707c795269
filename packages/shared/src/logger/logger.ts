// The fleet's logger: pino JSON to stdout, one root per process with the service name, child loggers per
// component, and every record scrubbed of secrets before it is written.
import { createRequire } from 'node:module';
import { pino, type DestinationStream, type Logger, type LoggerOptions } from 'pino';
import { sanitize, scrubString } from './redact';

export type { Logger } from 'pino';

export interface CreateLoggerOptions {
  /** Service name: the `service` field of every record. */
  service: string;
  /** pino level; default 'info'. */
  level?: string;
  /** Human-readable output through pino-pretty (local development only). */
  pretty?: boolean;
  /** Where records go; default stdout. Tests pass a stream to capture output. */
  destination?: DestinationStream;
  /** Extra fields on every record (e.g. version). */
  base?: Record<string, unknown>;
}

function loggerOptions(opts: CreateLoggerOptions): LoggerOptions {
  return {
    level: opts.level ?? 'info',
    base: { service: opts.service, pid: process.pid, ...opts.base },
    timestamp: pino.stdTimeFunctions.isoTime,
    // sanitize (below) already turned errors into plain objects; pino's own serializer would retype them.
    serializers: { err: (e: unknown) => (e instanceof Error ? sanitize(e) : e) },
    formatters: {
      level: (label) => ({ level: label }),
      // Everything logged goes through sanitize: secret fields masked at any depth, strings scrubbed.
      log: (obj) => sanitize(obj) as Record<string, unknown>,
      bindings: (bindings) => sanitize(bindings) as Record<string, unknown>,
    },
    hooks: {
      // The message string (and printf-style arguments) can carry URLs with keys too.
      logMethod(args, method) {
        const scrubbed = args.map((a) => (typeof a === 'string' ? scrubString(a) : a)) as typeof args;
        // log.error(err) takes its message from the error: give pino the scrubbed text instead.
        const [first] = scrubbed;
        if (scrubbed.length === 1 && first instanceof Error) scrubbed.push(scrubString(first.message));
        method.apply(this, scrubbed);
      },
    },
  };
}

function prettyStream(): DestinationStream | undefined {
  try {
    const require = createRequire(import.meta.url);
    const pretty = require('pino-pretty') as (o: object) => DestinationStream;
    return pretty({ colorize: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' });
  } catch {
    return undefined; // pino-pretty is a dev dependency; fall back to JSON
  }
}

export function createLogger(opts: CreateLoggerOptions): Logger {
  const destination = opts.destination ?? (opts.pretty === true ? prettyStream() : undefined);
  return pino(loggerOptions(opts), destination ?? pino.destination({ dest: 1, sync: true }));
}

/** A child logger for one component of a service: adds `component` to every record. */
export function childLogger(
  parent: Logger,
  component: string,
  bindings: Record<string, unknown> = {},
): Logger {
  return parent.child({ component, ...bindings });
}
