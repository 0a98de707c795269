export {
  defineKey,
  type KeyDef,
  type KeyRef,
  type KeySpec,
  type RedisType,
  type KeyArgs,
  type PatternParams,
} from './define';
export { SERVICE_NAMES, NON_SERVICE_OWNERS, isServiceName, type ServiceName, type KeyOwner } from './services';
export {
  systemHalt,
  moduleHeartbeat,
  simClock,
  monitoringDataInvalid,
  HaltFlag,
  Heartbeat,
  SimClockState,
  InvalidDataCounter,
} from './keys';
