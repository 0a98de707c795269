// Option quotes on request: reads the lease set ibkr:subscriptions:options (member = OCC id, score =
// lease expiry in market time) and keeps the gateway's option subscriptions in line with the live
// leases, within the line budget; expired or removed contracts are cancelled.
import { ibkrSubscriptionsOptions, type Clock, type Store } from '@alphatrader/shared';
import type { Logger } from 'pino';
import { optionContract, planOptionSubscriptions, type Lease } from '../core/options';
import type { Gateway } from './gateway';

export interface LeasePollerDeps {
  store: Store;
  gateway: Gateway;
  clock: Clock;
  logger: Logger;
  maxSubscriptions: number;
}

export class OptionLeasePoller {
  private readonly badIds = new Set<string>();
  private lastSkipped = 0;
  private readFailing = false;

  constructor(private readonly deps: LeasePollerDeps) {}

  async poll(): Promise<void> {
    const { store, gateway, clock, logger } = this.deps;
    const now = clock.now();
    const read = await store.zrangeByScore(ibkrSubscriptionsOptions.at(), now, '+inf');
    if (!read.ok) {
      if (!this.readFailing)
        logger.warn({ reason: read.error.reason }, 'option leases unreadable: keeping current subscriptions');
      this.readFailing = true;
      return;
    }
    this.readFailing = false;
    const leases: Lease[] = read.value.values.map((m) => ({ occ: m.member, expiresAt: m.score }));
    const plan = planOptionSubscriptions(gateway.optionContracts(), leases, now, this.deps.maxSubscriptions);
    for (const occ of plan.remove) gateway.removeOption(occ);
    for (const occ of plan.add) {
      const spec = optionContract(occ);
      if (spec === null) {
        if (!this.badIds.has(occ)) logger.warn({ occ }, 'lease for an unparsable OCC id ignored');
        this.badIds.add(occ);
        continue;
      }
      gateway.addOption(spec);
    }
    if (plan.skipped !== this.lastSkipped && plan.skipped > 0)
      logger.warn(
        { skipped: plan.skipped, max: this.deps.maxSubscriptions },
        'option leases beyond the line budget not quoted',
      );
    this.lastSkipped = plan.skipped;
    if (plan.add.length > 0 || plan.remove.length > 0)
      logger.info({ added: plan.add.length, removed: plan.remove.length }, 'option subscriptions updated');
  }
}
