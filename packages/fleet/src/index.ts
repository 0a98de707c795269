export { startRedisProcess, freePort, type RedisProcess, type RedisProcessOptions } from './adapters/redis-process';
export { ManagedProcess, type ManagedProcessOptions, type ProcessStatus, type ProcessState } from './adapters/managed-process';
export {
  onCrash,
  initialRestartState,
  DEFAULT_RESTART_POLICY,
  type RestartPolicy,
  type RestartState,
} from './core/restart-policy';
