// Secret scrubbing for log records. Field names that hold secrets are masked at any depth (with a depth
// cap and cycle guard), and secrets embedded in strings — URL query parameters such as apikey=, URL
// passwords, bearer tokens — are masked wherever a string is logged.

export const REDACTED = '[REDACTED]';

/** Field names whose values are secrets, whatever their nesting. */
const SECRET_KEY =
  /(^pass$|passw(or)?d$|secrets?$|token$|api[_-]?keys?$|^authorization$|^proxy-authorization$|^cookie$|^set-cookie$|private[_-]?key$|^credentials?$|webhooks?$|webhook[_-]?url$)/i;

/** Secrets inside free text. */
const QUERY_SECRET = /([?&;](?:key|sig)=)[^&#\s"']*/gi;
const ASSIGNED_SECRET =
  /(\b(?:api[_-]?key|apikey|token|access_token|password|passwd|secret|signature)=)[^&#\s"',;]*/gi;
const URL_PASSWORD = /([a-z][a-z0-9+.-]*:\/\/[^:/@\s"']*:)[^@/\s"']+@/gi;
const BEARER = /\b(bearer|basic)\s+[a-z0-9._~+/=-]{8,}/gi;
const DISCORD_WEBHOOK = /(discord(?:app)?\.com\/api\/webhooks\/\d+\/)[\w-]+/gi;
const TELEGRAM_BOT = /(\/bot)\d+:[\w-]+/gi;

const MAX_DEPTH = 8;

export function isSecretKey(key: string): boolean {
  return SECRET_KEY.test(key);
}

/** Cheap pre-check: every pattern below needs one of these. */
const MAYBE_SECRET = /[=@]|bearer|basic|\/bot|webhooks/i;

export function scrubString(text: string): string {
  if (text.length < 8 || !MAYBE_SECRET.test(text)) return text;
  return text
    .replace(QUERY_SECRET, `$1${REDACTED}`)
    .replace(ASSIGNED_SECRET, `$1${REDACTED}`)
    .replace(URL_PASSWORD, `$1${REDACTED}@`)
    .replace(BEARER, `$1 ${REDACTED}`)
    .replace(DISCORD_WEBHOOK, `$1${REDACTED}`)
    .replace(TELEGRAM_BOT, `$1${REDACTED}`);
}

/** Serialises an Error to a plain object (name, message, stack, code, cause and own enumerable fields). */
export function errorToObject(err: Error, depth = 0): Record<string, unknown> {
  const out: Record<string, unknown> = { type: err.name, message: err.message, stack: err.stack };
  for (const [k, v] of Object.entries(err)) if (!(k in out)) out[k] = v;
  if (err.cause !== undefined && depth < 3) {
    out.cause = err.cause instanceof Error ? errorToObject(err.cause, depth + 1) : err.cause;
  }
  return out;
}

/**
 * A copy of `value` safe to log: secret fields masked, strings scrubbed, errors serialised. Objects
 * other than plain objects and arrays (Buffers, Dates, class instances) keep their JSON form.
 */
export function sanitize(value: unknown, depth = 0, seen: WeakSet<object> = new WeakSet()): unknown {
  if (typeof value === 'string') return scrubString(value);
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value)) return '[Circular]';
  if (depth >= MAX_DEPTH) return '[Truncated]';
  if (value instanceof Error) {
    seen.add(value);
    return sanitize(errorToObject(value), depth, seen);
  }
  if (Array.isArray(value)) {
    seen.add(value);
    return value.map((v) => sanitize(v, depth + 1, seen));
  }
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) {
    if (value instanceof Map) return sanitize(Object.fromEntries(value), depth, seen);
    if (value instanceof Headers) return sanitize(Object.fromEntries(value.entries()), depth, seen);
    if (typeof (value as { toJSON?: unknown }).toJSON === 'function') {
      return sanitize((value as { toJSON: () => unknown }).toJSON(), depth, seen);
    }
  }
  seen.add(value);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    out[k] =
      isSecretKey(k) && v !== null && v !== undefined && v !== '' ? REDACTED : sanitize(v, depth + 1, seen);
  }
  return out;
}
