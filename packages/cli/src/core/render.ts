// Text rendering of what the commands read: pure functions from data to lines.
import type { KeyDef, SystemHealth } from '@alphatrader/shared';
import type { Checked } from './validate';

export function formatMs(ms: number | null): string {
  if (ms === null) return 'none';
  if (ms < 1000) return `${Math.max(0, Math.round(ms))}ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)}s`;
  if (ms < 3_600_000)
    return `${Math.floor(ms / 60_000)}m${String(Math.floor((ms % 60_000) / 1000)).padStart(2, '0')}s`;
  if (ms < 86_400_000)
    return `${Math.floor(ms / 3_600_000)}h${String(Math.floor((ms % 3_600_000) / 60_000)).padStart(2, '0')}m`;
  const hours = Math.floor((ms % 86_400_000) / 3_600_000);
  return `${Math.floor(ms / 86_400_000)}d${hours > 0 ? `${hours}h` : ''}`;
}

export function formatTtlSeconds(seconds: number | null): string {
  return seconds === null ? 'none' : formatMs(seconds * 1000);
}

function pad(text: string, width: number): string {
  return text.length >= width ? `${text} ` : text + ' '.repeat(width - text.length);
}

export interface EntrySummary {
  pattern: string;
  type: string;
  ttlSeconds: number | null;
  cap: number | null;
  owner: string;
  presence: string;
  description: string;
}

export function summarise(def: KeyDef): EntrySummary {
  return {
    pattern: def.pattern,
    type: def.type,
    ttlSeconds: def.ttlSeconds,
    cap: def.cap ?? null,
    owner: def.owner,
    presence: def.presence,
    description: def.description,
  };
}

export interface LiveKey {
  key: string;
  /** Type Redis reports (may differ from the registry's: then the key holds something unexpected). */
  redisType: string;
  /** Remaining time to live; null = persistent. */
  ttlMs: number | null;
  /** Bytes for strings, elements for lists, sets, sorted sets and streams, fields for hashes. */
  size: number;
}

export interface KeysReport {
  pattern: string;
  entries: Array<{ entry: EntrySummary; live: LiveKey[] }>;
  /** Live keys matching the pattern that no registry entry describes. */
  unregistered: LiveKey[];
  scanned: number;
  truncated: boolean;
}

export function sizeUnit(redisType: string): string {
  switch (redisType) {
    case 'string':
      return 'B';
    case 'hash':
      return 'fields';
    default:
      return 'items';
  }
}

function liveLine(k: LiveKey, registryType: string | null): string {
  const mismatch =
    registryType !== null && k.redisType !== registryType
      ? `  (!) ${k.redisType}, registry says ${registryType}`
      : '';
  return `    ${pad(k.key, 44)}${pad(`ttl ${formatMs(k.ttlMs)}`, 14)}${k.size} ${sizeUnit(k.redisType)}${mismatch}`;
}

export function renderKeys(r: KeysReport): string[] {
  const lines: string[] = [];
  const withLive = r.entries.filter((e) => e.live.length > 0).length;
  const liveKeys = r.entries.reduce((n, e) => n + e.live.length, 0);
  lines.push(
    `${r.entries.length} registry entries match '${r.pattern}', ${withLive} with live keys (${liveKeys} keys)` +
      (r.truncated ? `; scan stopped after ${r.scanned} keys (--limit)` : ''),
  );
  for (const { entry, live } of r.entries) {
    const cap = entry.cap !== null ? `, cap ${entry.cap}` : '';
    lines.push('');
    lines.push(
      `${entry.pattern}  [${entry.type}, ttl ${formatTtlSeconds(entry.ttlSeconds)}${cap}, ${entry.owner}, ${entry.presence === 'always' ? 'always present' : 'on event'}]`,
    );
    lines.push(`    ${entry.description}`);
    if (live.length === 0) lines.push('    (no live key)');
    for (const k of live) lines.push(liveLine(k, entry.type));
  }
  if (r.unregistered.length > 0) {
    lines.push('');
    lines.push(`${r.unregistered.length} live keys are not in the registry:`);
    for (const k of r.unregistered) lines.push(liveLine(k, null));
  }
  return lines;
}

export interface ValueElement {
  /** Index, hash field, sorted-set score or stream id. */
  label: string | null;
  checked: Checked;
}

export interface ValueReport {
  key: string;
  entry: EntrySummary;
  exists: boolean;
  redisType: string | null;
  ttlMs: number | null;
  /** Total elements (lists, hashes, sets, sorted sets, streams). */
  length: number | null;
  elements: ValueElement[];
}

export function invalidCount(r: ValueReport): number {
  return r.elements.filter((e) => !e.checked.ok).length;
}

function indent(text: string, by: string): string {
  return text
    .split('\n')
    .map((l) => by + l)
    .join('\n');
}

export function renderValue(r: ValueReport): string[] {
  const e = r.entry;
  const ttl = r.exists
    ? `ttl ${formatMs(r.ttlMs)} of ${formatTtlSeconds(e.ttlSeconds)}`
    : `ttl ${formatTtlSeconds(e.ttlSeconds)}`;
  const lines = [`${r.key}  [${e.type}, ${ttl}, owner ${e.owner}]`, `  ${e.description}`];
  if (!r.exists) {
    lines.push(
      e.presence === 'always'
        ? `  does not exist: ${e.owner} keeps it present while it runs, so it is down, idle or failing to write it`
        : '  does not exist (written only when something happens)',
    );
    return lines;
  }
  if (r.redisType !== e.type) {
    lines.push(`  (!) Redis holds a ${r.redisType ?? '?'} here, the registry says ${e.type}`);
    return lines;
  }
  if (r.length !== null) {
    lines.push(
      `  ${r.length} ${e.type === 'hash' ? 'fields' : 'elements'}${r.length > r.elements.length ? `, showing ${r.elements.length}` : ''}`,
    );
  }
  const bad = invalidCount(r);
  for (const el of r.elements) {
    const head = el.label === null ? '' : `${el.label}: `;
    if (el.checked.ok) {
      lines.push(
        indent(`${head}${JSON.stringify(el.checked.value, null, 2)}`, r.length === null ? '' : '  '),
      );
    } else {
      lines.push(`${r.length === null ? '' : '  '}${head}INVALID — ${el.checked.reason}`);
      lines.push(
        indent(
          `raw: ${el.checked.raw.length > 2000 ? `${el.checked.raw.slice(0, 2000)}…` : el.checked.raw}`,
          '    ',
        ),
      );
    }
  }
  if (bad > 0)
    lines.push(
      `${bad} of ${r.elements.length} shown ${bad === 1 ? 'value fails' : 'values fail'} the registry schema`,
    );
  return lines;
}

export function renderHealth(h: SystemHealth, now: number): string[] {
  const lines = [
    `fleet ${h.state.toUpperCase()}  (report ${formatMs(Math.max(0, now - h.ts))} old, check #${h.checks})${h.halted ? '  TRADING HALTED' : ''}`,
    '',
    `${pad('SERVICE', 18)}${pad('STATE', 10)}${pad('HEARTBEAT', 11)}REASON`,
  ];
  for (const [name, s] of Object.entries(h.services)) {
    lines.push(
      `${pad(name, 18)}${pad(s.state, 10)}${pad(s.heartbeatAgeMs === null ? '—' : formatMs(s.heartbeatAgeMs), 11)}${s.reason ?? ''}`,
    );
  }
  const stale = Object.entries(h.staleFeeds);
  lines.push('');
  lines.push(
    stale.length === 0
      ? 'stale feeds: none'
      : `stale feeds: ${stale.map(([f, age]) => `${f} ${formatMs(age)}`).join(', ')}`,
  );
  if (h.reasons.length > 0) {
    lines.push('');
    lines.push('reasons:');
    for (const r of h.reasons) lines.push(`  - ${r}`);
  }
  return lines;
}
