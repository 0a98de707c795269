// The whole registry as data: every entry defined in the family files, lookup of a concrete key's entry
// (operator CLI, docs, guards) and the key families.
import type { KeyDef, KeyRef } from './define';
import * as analytics from './analytics';
import * as av from './av';
import * as discovered from './discovered';
import * as distribution from './distribution';
import * as events from './events';
import * as execution from './execution';
import * as ibkr from './ibkr';
import * as market from './market';
import * as monitoring from './monitoring';
import * as options from './options';
import * as oversight from './oversight';
import * as positions from './positions';
import * as raw from './raw';
import * as reports from './reports';
import * as risk from './risk';
import * as signals from './signals';
import * as system from './system';

const FAMILY_FILES = [
  system,
  monitoring,
  ibkr,
  market,
  raw,
  options,
  av,
  analytics,
  discovered,
  signals,
  risk,
  positions,
  execution,
  distribution,
  reports,
  oversight,
  events,
];

function isKeyDef(value: unknown): value is KeyDef {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Partial<KeyDef>).pattern === 'string' &&
    typeof (value as Partial<KeyDef>).at === 'function' &&
    typeof (value as Partial<KeyDef>).glob === 'string'
  );
}

/** Every registry entry, in family-file order. */
export const REGISTRY: readonly KeyDef[] = Object.freeze(
  FAMILY_FILES.flatMap((file) => Object.values(file).filter(isKeyDef)),
);

/** Key families (first key segment), sorted: 'analytics', 'discovered', 'market', … */
export const REGISTRY_FAMILIES: readonly string[] = Object.freeze(
  [...new Set(REGISTRY.map((d) => d.family))].sort(),
);

interface Matcher {
  def: KeyDef;
  regex: RegExp;
  names: string[];
  literalLength: number;
}

const PARAM = /\{([^}]+)\}/g;

function compile(def: KeyDef): Matcher {
  const names: string[] = [];
  let source = '';
  let last = 0;
  for (const m of def.pattern.matchAll(PARAM)) {
    source += def.pattern.slice(last, m.index).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    source += '([A-Za-z0-9_.\\-]+)';
    names.push(m[1] ?? '');
    last = m.index + m[0].length;
  }
  source += def.pattern.slice(last).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return {
    def,
    regex: new RegExp(`^${source}$`),
    names,
    literalLength: def.pattern.replace(PARAM, '').length,
  };
}

// Most literal characters first, so 'signals:pending' wins over 'signals:{id}'.
const MATCHERS = REGISTRY.map(compile).sort((a, b) => b.literalLength - a.literalLength);

/** The entry a concrete key belongs to and the parameter values in it; undefined for unknown keys. */
export function parseKey(key: string): { def: KeyDef; params: Record<string, string> } | undefined {
  for (const m of MATCHERS) {
    const match = m.regex.exec(key);
    if (match === null) continue;
    const params: Record<string, string> = {};
    m.names.forEach((name, i) => (params[name] = match[i + 1] ?? ''));
    return { def: m.def, params };
  }
  return undefined;
}

/** The registry entry of a concrete key ('market:SPY:book' → marketBook), or undefined. */
export function findEntryForKey(key: string): KeyDef | undefined {
  return parseKey(key)?.def;
}

/** A store ref for a concrete key typed in by a human (operator CLI): the key bound to its entry. */
export function refForKey(key: string): KeyRef | undefined {
  const def = findEntryForKey(key);
  return def === undefined ? undefined : { def, key };
}
