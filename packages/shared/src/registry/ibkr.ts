// ibkr:* — broker connection state, account, and option quotes requested by other services.
import { z } from 'zod';
import { OptionContractId, epochMs, finite, occId, price, size } from './common';
import { defineKey } from './define';

export const IbkrConnected = z.union([z.literal(0), z.literal(1)]);
export type IbkrConnected = z.infer<typeof IbkrConnected>;

export const IbkrAccount = z.strictObject({
  /** Account the fleet trades, e.g. DU1234567 (paper accounts start with D). */
  accountId: z.string().min(1),
  managedAccounts: z.array(z.string()),
  paper: z.boolean(),
  ts: epochMs,
});
export type IbkrAccount = z.infer<typeof IbkrAccount>;

export const IbkrAccountSummary = z.strictObject({
  accountId: z.string().min(1),
  currency: z.string(),
  netLiquidation: finite,
  buyingPower: finite,
  availableFunds: finite,
  excessLiquidity: finite,
  ts: epochMs,
});
export type IbkrAccountSummary = z.infer<typeof IbkrAccountSummary>;

export const IbkrOptionQuote = OptionContractId.extend({
  bid: price.nullable(),
  ask: price.nullable(),
  last: price.nullable(),
  /** Mid of bid and ask when both exist, else last: the mark trailing stops compare against. */
  mark: price.nullable(),
  bidSize: size.nullable(),
  askSize: size.nullable(),
  volume: size.nullable(),
  /** TWS model Greeks (option computation ticks); theta per day, vega per vol point. */
  iv: z.number().finite().positive().nullable(),
  delta: z.number().min(-1).max(1).nullable(),
  gamma: finite.nullable(),
  thetaPerDay: finite.nullable(),
  vegaPerPoint: finite.nullable(),
  underlyingPrice: price.nullable(),
  sourceTs: epochMs,
  ts: epochMs,
});
export type IbkrOptionQuote = z.infer<typeof IbkrOptionQuote>;

export const ibkrConnected = defineKey({
  pattern: 'ibkr:connected',
  type: 'string',
  ttlSeconds: 15,
  schema: IbkrConnected,
  owner: 'ibkr-ingestion',
  description: 'Gateway connection: 1 connected, 0 not; refreshed every 5 s, absent when ingestion is down.',
});

export const ibkrAccount = defineKey({
  pattern: 'ibkr:account',
  type: 'string',
  ttlSeconds: 15,
  schema: IbkrAccount,
  owner: 'ibkr-ingestion',
  description: 'Connected account id and managed accounts; refreshed with ibkr:connected.',
});

export const ibkrAccountSummary = defineKey({
  pattern: 'ibkr:account:summary',
  type: 'string',
  ttlSeconds: 60,
  schema: IbkrAccountSummary,
  owner: 'execution',
  description:
    'Account values from the broker: net liquidation, buying power, available funds, excess liquidity.',
});

export const ibkrSubscriptionsOptions = defineKey({
  pattern: 'ibkr:subscriptions:options',
  type: 'zset',
  ttlSeconds: null,
  cap: 500,
  schema: occId,
  owner: 'every service',
  presence: 'event',
  description:
    'Option contracts other services want quoted (member = OCC id, score = lease expiry, epoch ms of the market clock); ingestion quotes live leases.',
});

export const ibkrOptionQuote = defineKey({
  pattern: 'ibkr:option:{contract}:quote',
  type: 'string',
  ttlSeconds: 10,
  schema: IbkrOptionQuote,
  owner: 'ibkr-ingestion',
  presence: 'event',
  description:
    'IBKR quote for one subscribed option contract (param = OCC id): bid/ask/mark and model Greeks.',
});
