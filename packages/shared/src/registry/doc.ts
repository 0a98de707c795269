// Renders docs/redis-keys.md from the registry. Pure: the same registry always gives the same text, so a
// test can compare it with the committed file.
import { z } from 'zod';
import type { KeyDef } from './define';
import { REGISTRY } from './registry';

type JsonSchema = {
  type?: string | string[];
  const?: unknown;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  additionalProperties?: JsonSchema | boolean;
};

const FAMILY_TITLES: Record<string, string> = {
  system: 'System control',
  module: 'Service liveness',
  sim: 'Simulator',
  monitoring: 'Monitoring',
  ibkr: 'IBKR connection and option quotes',
  market: 'Market data',
  raw: 'Raw source payloads',
  orderflow: 'Order flow',
  options: 'Options',
  sentiment: 'Sentiment',
  technicals: 'Technical indicators',
  macro: 'Macro series',
  ratelimit: 'Rate limiting',
  analytics: 'Analytics',
  discovered: 'Discovered parameters',
  signals: 'Signals',
  risk: 'Risk',
  positions: 'Positions',
  pnl: 'P&L',
  execution: 'Execution',
  distribution: 'Distribution',
  reports: 'Reports',
  logs: 'Strategy telemetry',
  explainer: 'Explainability',
  archive: 'Archive index',
  overseer: 'Overseer',
  monitors: 'Overseer monitors',
  validator: 'Validation rules',
  scheduler: 'Scheduler',
  events: 'Change streams',
};

function typeOf(s: JsonSchema, depth: number): string {
  if (s.const !== undefined) return JSON.stringify(s.const);
  if (s.enum) return s.enum.map((v) => JSON.stringify(v)).join(' | ');
  const variants = s.anyOf ?? s.oneOf;
  if (variants) return variants.map((v) => typeOf(v, depth)).join(' | ');
  if (Array.isArray(s.type)) return s.type.map((t) => typeOf({ ...s, type: t }, depth)).join(' | ');
  switch (s.type) {
    case 'array':
      return s.items ? `${wrap(typeOf(s.items, depth))}[]` : 'unknown[]';
    case 'object':
      if (s.properties) {
        const names = Object.keys(s.properties);
        return depth > 0
          ? `{ ${names.join(', ')} }`
          : `{ ${names.map((n) => field(n, s.properties?.[n], 1)).join('; ')} }`;
      }
      if (typeof s.additionalProperties === 'object')
        return `record<string, ${typeOf(s.additionalProperties, depth)}>`;
      return 'object';
    case undefined:
      return 'unknown';
    default:
      return s.type;
  }
}

function wrap(type: string): string {
  return type.includes(' | ') ? `(${type})` : type;
}

function field(name: string, s: JsonSchema | undefined, depth: number): string {
  return `${name}: ${s ? typeOf(s, depth) : 'unknown'}`;
}

/** One line per top-level field of a value schema ('price: number', 'venue: string | null', …). */
export function describeSchemaFields(schema: z.ZodType): string[] {
  const json = z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' }) as JsonSchema;
  if (json.type === 'object' && json.properties) {
    return Object.entries(json.properties).map(([name, s]) => field(name, s, 1));
  }
  return [typeOf(json, 0)];
}

function formatTtl(seconds: number | null): string {
  if (seconds === null) return 'none';
  if (seconds % 86_400 === 0) return `${seconds / 86_400} d`;
  if (seconds % 3600 === 0) return `${seconds / 3600} h`;
  if (seconds >= 60 && seconds % 60 === 0) return `${seconds / 60} min`;
  return `${seconds} s`;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function row(def: KeyDef): string {
  const fields = describeSchemaFields(def.schema)
    .map((f) => `\`${f}\``)
    .join('<br>');
  return `| \`${def.pattern}\` | ${def.type} | ${formatTtl(def.ttlSeconds)} | ${def.cap ?? '–'} | ${def.owner} | ${
    def.presence === 'event' ? 'on event' : 'always'
  } | ${cell(def.description)} | ${cell(fields)} |`;
}

/** The full text of docs/redis-keys.md. */
export function renderRedisKeysDoc(registry: readonly KeyDef[] = REGISTRY): string {
  // Curated family order (data flow: control, feeds, analytics, trading, distribution, oversight), then
  // any family without a title; entries sorted by pattern.
  const present = new Set(registry.map((d) => d.family));
  const families = [
    ...Object.keys(FAMILY_TITLES).filter((f) => present.has(f)),
    ...[...present].filter((f) => !(f in FAMILY_TITLES)).sort(),
  ];
  const lines = [
    '# Redis keys',
    '',
    '<!-- Generated from packages/shared/src/registry by `pnpm docs:keys`. Do not edit by hand. -->',
    '',
    'Every key the fleet reads or writes, from the key registry in `@alphatrader/shared`. Values are JSON',
    '(numbers as numbers, times as epoch milliseconds in `ts` / `…At` fields) and are validated with the',
    "entry's zod schema on write and on read. For lists, hashes, sets, sorted sets and streams the schema is",
    'that of one element, field value, member or entry. TTL "none" means the key never expires (and can never',
    'be evicted by the volatile-* policy); lists are trimmed to their cap on every push, newest first.',
    '"Present" says whether a running fleet keeps the key present or writes it only when something happens.',
    '',
    `${registry.length} entries in ${families.length} families.`,
    '',
  ];
  for (const family of families) {
    const defs = registry
      .filter((d) => d.family === family)
      .sort((a, b) => a.pattern.localeCompare(b.pattern));
    lines.push(`## ${FAMILY_TITLES[family] ?? family} (\`${family}:\`)`, '');
    lines.push('| Key | Type | TTL | Cap | Owner | Present | Description | Fields |');
    lines.push('|---|---|---|---|---|---|---|---|');
    for (const def of defs) lines.push(row(def));
    lines.push('');
  }
  return lines.join('\n');
}
