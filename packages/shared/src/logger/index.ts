export { createLogger, childLogger } from './logger';
export type { Logger, CreateLoggerOptions } from './logger';
export { sanitize, scrubString, isSecretKey, REDACTED } from './redact';
