// distribution:* — signals fanned out to subscribers by tier (premium 0 s, basic 60 s, free 300 s delay)
// and channel, already redacted for the tier.
import { z } from 'zod';
import { epochMs, tierName } from './common';
import { defineKey } from './define';
import { Signal } from './signals';

export const DistributionMessage = z.strictObject({
  id: z.string().min(1),
  signalId: z.string(),
  tier: tierName,
  channel: z.enum(['discord', 'telegram', 'twitter', 'email']),
  /** Text for the tier: exact contract for premium, rounded strike for basic, direction only for free. */
  text: z.string().min(1),
  /** Not before this time (creation + the tier's delay). */
  releaseAt: epochMs,
  createdAt: epochMs,
});
export type DistributionMessage = z.infer<typeof DistributionMessage>;

export const distributionIncoming = defineKey({
  pattern: 'distribution:incoming',
  type: 'list',
  ttlSeconds: 3600,
  cap: 1000,
  schema: Signal,
  owner: 'signals',
  presence: 'event',
  description: 'Signals handed to the distributor, newest first (the distributor pops the oldest).',
});

export const distributionScheduled = defineKey({
  pattern: 'distribution:scheduled',
  type: 'zset',
  ttlSeconds: null,
  cap: 10_000,
  schema: DistributionMessage,
  owner: 'distributor',
  presence: 'event',
  description: 'Redacted messages waiting for their tier delay (score = release time, epoch ms).',
});

export const distributionQueue = defineKey({
  pattern: 'distribution:{channel}:{tier}',
  type: 'list',
  ttlSeconds: 86_400,
  cap: 1000,
  schema: DistributionMessage,
  owner: 'distributor',
  presence: 'event',
  description:
    'Messages due for one channel and tier (e.g. distribution:discord:premium); the bot pops the oldest.',
});
