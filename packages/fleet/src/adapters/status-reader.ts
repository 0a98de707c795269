// Reads the fleet's state from Redis into a StatusSnapshot: heartbeats, halt flag, monitor health,
// data age per symbol and a few headline figures. Every read is validated by the typed store.
import {
  analyticsVpin,
  marketTicker,
  marketTimestamp,
  moduleHeartbeat,
  optionsGex,
  simClock,
  systemHalt,
  systemHealthMain,
  type Store,
} from '@alphatrader/shared';
import { formatUsd, type Headline, type ServiceRow, type StatusSnapshot } from '../core/status-view';

export interface StatusReadOptions {
  services: readonly string[];
  symbols: readonly string[];
  /** Symbol whose spot, GEX, zero gamma and VPIN are shown. */
  headlineSymbol?: string;
  /** Supervisor view (demo): pid and restarts per service. */
  processes?: ReadonlyMap<string, { pid: number | null; restarts: number; state: string }>;
  footer?: string[];
  now?: number;
}

export async function readStatus(store: Store, opts: StatusReadOptions): Promise<StatusSnapshot> {
  const now = opts.now ?? Date.now();
  const [clock, halt, health] = await Promise.all([
    store.get(simClock.at()),
    store.get(systemHalt.at()),
    store.get(systemHealthMain.at()),
  ]);
  const services: ServiceRow[] = await Promise.all(
    opts.services.map(async (name): Promise<ServiceRow> => {
      const hb = await store.get(moduleHeartbeat.at({ service: name }));
      const proc = opts.processes?.get(name);
      if (!hb.ok) {
        return {
          name,
          pid: proc?.pid ?? null,
          state: proc && proc.state !== 'running' ? proc.state : 'down',
          heartbeatAgeMs: null,
          restarts: proc?.restarts ?? null,
          lastError: hb.error.kind === 'missing' ? null : hb.error.reason,
        };
      }
      return {
        name,
        pid: proc?.pid ?? hb.value.pid,
        state: hb.value.status,
        heartbeatAgeMs: now - hb.value.ts,
        restarts: proc?.restarts ?? null,
        lastError: hb.value.lastError,
      };
    }),
  );
  const freshness = await Promise.all(
    opts.symbols.map(async (symbol) => {
      const ts = await store.get(marketTimestamp.at({ symbol }));
      return {
        symbol,
        ageMs: ts.ok ? Math.max(0, marketNow(clock.ok ? clock.value : null, now) - ts.value) : null,
      };
    }),
  );
  const headlines: Headline[] = [];
  const h = opts.headlineSymbol;
  if (h !== undefined) {
    const [ticker, gex, vpin] = await Promise.all([
      store.get(marketTicker.at({ symbol: h })),
      store.get(optionsGex.at({ symbol: h })),
      store.get(analyticsVpin.at({ symbol: h })),
    ]);
    headlines.push({
      label: `${h}`,
      value: ticker.ok && ticker.value.last !== null ? ticker.value.last.toFixed(2) : '—',
    });
    headlines.push({ label: 'GEX', value: gex.ok ? `${formatUsd(gex.value.total)}/1%` : '—' });
    headlines.push({
      label: 'zero-gamma',
      value: gex.ok && gex.value.zeroGamma !== null ? gex.value.zeroGamma.toFixed(2) : '—',
    });
    headlines.push({
      label: 'VPIN',
      value: vpin.ok && vpin.value.value !== null ? vpin.value.value.toFixed(3) : '—',
    });
  }
  return {
    takenAt: now,
    simTime: clock.ok ? marketNow(clock.value, now) : null,
    scenario: clock.ok ? clock.value.scenario : null,
    speed: clock.ok ? clock.value.speed : null,
    halted: halt.ok ? { reason: halt.value.reason, by: halt.value.by } : null,
    health: health.ok
      ? `${health.value.state}${health.value.reasons.length ? ` (${health.value.reasons.slice(0, 3).join('; ')})` : ''}`
      : null,
    services,
    freshness,
    headlines,
    footer: opts.footer ?? [],
  };
}

/** Market time: the simulated clock when one is published, else the wall clock. */
function marketNow(clock: { simTime: number; wallTime: number; speed: number } | null, now: number): number {
  return clock === null ? now : clock.simTime + (now - clock.wallTime) * clock.speed;
}
