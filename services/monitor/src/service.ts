// The monitor under the fleet runtime: works out whom to expect and what to watch from the config and
// the service folders, then every publishIntervalMs observes the fleet, judges it and publishes
// system:health:main and the per-area reports (monitors:{area}). State changes are logged with their reasons.
import {
  childLogger,
  monitorsArea,
  systemHealthMain,
  type ServiceContext,
  type ServiceHooks,
} from '@alphatrader/shared';
import { areaReports } from './core/areas';
import { evaluateHealth } from './core/evaluate';
import { monitorSettings } from './core/settings';
import { emptyMemory } from './core/types';
import { createObserver } from './adapters/observe';
import { existingServices } from './adapters/service-folders';

export interface MonitorOptions {
  /** Services that exist (default: the folders under services/ with a src/main.ts). */
  services?: readonly string[];
}

const STATE_VALUE = { ok: 0, degraded: 1, down: 2 } as const;

export function startMonitor(ctx: ServiceContext, opts: MonitorOptions = {}): ServiceHooks {
  const log = childLogger(ctx.logger, 'health');
  const settings = monitorSettings(ctx.config, opts.services ?? existingServices(), ctx.name);
  const observe = createObserver({
    redis: ctx.redis,
    store: ctx.store,
    clock: ctx.clock,
    clockMode: ctx.config.clock.mode,
    settings,
  });
  log.info(
    {
      expected: settings.expected,
      feeds: settings.feeds.length,
      heartbeatStaleMs: settings.heartbeatStaleMs,
      publishIntervalMs: settings.publishIntervalMs,
    },
    'watching the fleet',
  );

  const stateGauge = ctx.metrics.gauge({
    name: 'atp_monitor_state',
    help: 'Fleet state from the last check: 0 ok, 1 degraded, 2 down',
  });
  const downGauge = ctx.metrics.gauge({ name: 'atp_monitor_services_down', help: 'Expected services down' });
  const staleGauge = ctx.metrics.gauge({ name: 'atp_monitor_stale_feeds', help: 'Stale feeds' });
  const checks = ctx.metrics.counter({ name: 'atp_monitor_checks_total', help: 'Health checks published' });

  let memory = emptyMemory();
  let lastSummary = '';
  ctx.every(
    'publish',
    settings.publishIntervalMs,
    async () => {
      const obs = await observe();
      const evaluation = evaluateHealth(obs, settings, memory);
      const { health } = evaluation;
      memory = evaluation.memory;
      const batch = ctx.store.batch().set(systemHealthMain.at(), health);
      for (const report of areaReports(evaluation, obs, settings))
        batch.set(monitorsArea.at({ area: report.area }), report);
      await batch.exec();
      checks.inc();
      stateGauge.set(STATE_VALUE[health.state]);
      downGauge.set(settings.expected.filter((n) => health.services[n]?.state === 'down').length);
      staleGauge.set(Object.keys(health.staleFeeds).length);
      // Logged when the verdict changes, not when only an age in a reason does.
      const notUp = Object.entries(health.services)
        .filter(([, v]) => v.state !== 'up')
        .map(([n, v]) => `${n}:${v.state}`);
      const summary = [
        health.state,
        ...notUp,
        ...Object.keys(health.staleFeeds).sort(),
        String(health.halted),
      ].join('|');
      if (summary !== lastSummary) {
        const level = health.state === 'ok' ? 'info' : 'warn';
        log[level]({ state: health.state, reasons: health.reasons }, `fleet ${health.state}`);
        lastSummary = summary;
      }
    },
    { immediate: true },
  );
  return {};
}
