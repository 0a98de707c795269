// What request handlers share: the model, the registries, the broker, the feed and the faults.
import type { MarketModel } from '@alphatrader/market-sim';
import type { PaperBroker } from './broker/broker';
import type { ContractRegistry } from './contracts';
import type { Faults } from './faults';
import type { MarketFeed } from './market/feed';
import type { Session } from './session';

/** Structural subset of a pino logger. */
export interface TwsSimLogger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export const silentLogger: TwsSimLogger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

export interface SimContext {
  readonly model: MarketModel;
  readonly contracts: ContractRegistry;
  readonly broker: PaperBroker;
  readonly feed: MarketFeed;
  readonly faults: Faults;
  readonly account: string;
  readonly log: TwsSimLogger;
  sessions(): Iterable<Session>;
}
