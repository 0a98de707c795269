// @alphatrader/av-sim: an Alpha Vantage API simulator over HTTP, fed by the market model.
export { startAvSim, type StartAvSimOptions, type AvSimHandle, type AvSimStatsView } from './server';
export {
  FAULT_KINDS,
  FaultController,
  FaultSpecError,
  parseFaultSpec,
  type FaultKind,
  type FaultSpec,
  type PendingFault,
} from './faults';
export type { AvSimStats } from './stats';
export { SIM_FUNCTIONS, type SimFunction } from './endpoints/index';
export { avMessages } from './messages';
