export { startRedisProcess, freePort, type RedisProcess, type RedisProcessOptions } from './redis-process';
