export { defineKey, type KeyDef,
  type KeyRef, type KeySpec, type RedisType, type KeyArgs, type PatternParams } from './define';
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
