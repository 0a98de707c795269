export { createRedis, closeRedis, waitForRedis, isRedisReady } from './factory';
export type { RedisClient, CreateRedisOptions } from './factory';
export { backoffDelay } from './backoff';
export type { BackoffOptions } from './backoff';
export { describeRedisTarget, redactRedisUrl } from './describe';
