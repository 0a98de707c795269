// The fleet status table shown live by the demo and once by `atp status`: a pure rendering of a
// snapshot read from Redis (and, in the demo, from the supervisor).

export interface ServiceRow {
  name: string;
  pid: number | null;
  /** Heartbeat status, or 'down' when no heartbeat exists. */
  state: string;
  heartbeatAgeMs: number | null;
  restarts: number | null;
  lastError: string | null;
}

export interface FreshnessCell {
  symbol: string;
  ageMs: number | null;
}

export interface Headline {
  label: string;
  value: string;
}

export interface StatusSnapshot {
  takenAt: number;
  simTime: number | null;
  scenario: string | null;
  speed: number | null;
  halted: { reason: string; by: string } | null;
  health: string | null;
  services: ServiceRow[];
  freshness: FreshnessCell[];
  headlines: Headline[];
  footer: string[];
}

export function formatAge(ms: number | null): string {
  if (ms === null) return '—';
  if (ms < 1000) return `${Math.max(0, Math.round(ms))}ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)}s`;
  if (ms < 3_600_000) return `${Math.floor(ms / 60_000)}m`;
  return `${Math.floor(ms / 3_600_000)}h`;
}

export function formatUsd(value: number): string {
  const abs = Math.abs(value);
  const sign = value < 0 ? '-' : '';
  if (abs >= 1e9) return `${sign}$${(abs / 1e9).toFixed(2)}B`;
  if (abs >= 1e6) return `${sign}$${(abs / 1e6).toFixed(2)}M`;
  if (abs >= 1e3) return `${sign}$${(abs / 1e3).toFixed(1)}K`;
  return `${sign}$${abs.toFixed(2)}`;
}

function pad(text: string, width: number): string {
  return text.length >= width ? text.slice(0, width) : text + ' '.repeat(width - text.length);
}

function etClock(ts: number): string {
  return new Intl.DateTimeFormat('en-US', {
    timeZone: 'America/New_York',
    weekday: 'short',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hour12: false,
  }).format(new Date(ts));
}

export function renderStatus(s: StatusSnapshot): string[] {
  const lines: string[] = [];
  const market =
    s.simTime !== null
      ? `market time ${etClock(s.simTime)} ET (simulated x${s.speed ?? 1}, scenario ${s.scenario ?? '?'})`
      : `market time ${etClock(s.takenAt)} ET`;
  lines.push(`AlphaTrader — ${market}`);
  lines.push(
    `halt: ${s.halted ? `YES (${s.halted.reason}, by ${s.halted.by})` : 'no'}   health: ${s.health ?? 'no report'}`,
  );
  lines.push('');
  lines.push(
    `${pad('SERVICE', 18)}${pad('PID', 9)}${pad('STATE', 11)}${pad('HEARTBEAT', 11)}${pad('RESTARTS', 10)}LAST ERROR`,
  );
  for (const r of s.services) {
    lines.push(
      `${pad(r.name, 18)}${pad(r.pid === null ? '—' : String(r.pid), 9)}${pad(r.state, 11)}${pad(formatAge(r.heartbeatAgeMs), 11)}${pad(
        r.restarts === null ? '—' : String(r.restarts),
        10,
      )}${r.lastError ?? ''}`,
    );
  }
  lines.push('');
  const cells = s.freshness.map((f) => `${f.symbol} ${formatAge(f.ageMs)}`);
  for (let i = 0; i < cells.length; i += 6) {
    lines.push(
      `${i === 0 ? pad('DATA AGE', 10) : pad('', 10)}${cells
        .slice(i, i + 6)
        .map((c) => pad(c, 13))
        .join('')}`,
    );
  }
  if (s.headlines.length > 0) {
    lines.push('');
    lines.push(s.headlines.map((h) => `${h.label} ${h.value}`).join('   '));
  }
  if (s.footer.length > 0) {
    lines.push('');
    lines.push(...s.footer);
  }
  return lines;
}
