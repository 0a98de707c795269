// Public surface of @alphatrader/tws-sim.
export { startTwsSim, type TwsSim, type TwsSimOptions, type TwsSimStats, type ClientStats } from './server';
export type { Faults, FaultState, MalformedKind } from './faults';
export type { PaperBroker, BrokerEvent, ExecutionFilter } from './broker/broker';
export type { SimOrder, SimExecution, SimPosition, PnlValues } from './broker/core/types';
export type { SimContract } from './contracts';
export type { Firehose, FirehoseOptions } from './market/firehose';
export type { TwsSimLogger } from './context';
export { SERVER_VERSION } from './codec/ids';
