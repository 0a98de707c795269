// What a job needs: settings, the plan's admission limits, the client, the store and writers, the
// monitor, telemetry and the market clock.
import type { Logger } from 'pino';
import type { Clock, Store } from '@alphatrader/shared';
import type { AvClient } from '../adapters/av-client';
import type { MonitorStore } from '../adapters/monitor-store';
import type { Telemetry } from '../adapters/telemetry';
import type { Writers } from '../adapters/writers';
import type { BudgetPlan, StreamId } from '../core/plan';
import type { IngestionSettings } from '../core/settings';

export interface JobContext {
  settings: IngestionSettings;
  plan: BudgetPlan;
  limits: Record<StreamId, number>;
  client: AvClient;
  store: Store;
  writers: Writers;
  monitor: MonitorStore;
  telemetry: Telemetry;
  clock: Clock;
  logger: Logger;
}

/**
 * How a run ended: stored good data; not needed (fresh, claimed by another process, outside the
 * stream's window, indicator input unchanged, backfill complete); skipped by the budget; failed.
 */
export type JobOutcome =
  | 'stored'
  | 'fresh'
  | 'claimed_elsewhere'
  | 'idle'
  | 'unchanged'
  | 'done'
  | 'skipped_budget'
  | 'failed'
  | 'aborted';
