// JSON encoding with schema validation both ways. Writers get their value checked against the entry's
// schema before it reaches Redis; readers get either a typed value or the reason it was rejected.
import type { z } from 'zod';
import type { KeyDef } from '../registry/define';
import { StoreWriteError } from './errors';

const MAX_REASON_LENGTH = 300;

export type Decoded<T> = { ok: true; value: T } | { ok: false; reason: string };

function truncate(text: string): string {
  return text.length > MAX_REASON_LENGTH ? `${text.slice(0, MAX_REASON_LENGTH - 1)}…` : text;
}

export function describeIssues(error: z.ZodError): string {
  return truncate(
    error.issues
      .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(root)'}: ${issue.message}`)
      .join('; '),
  );
}

/** Validates a value with the entry's schema and returns its JSON text; throws StoreWriteError if invalid. */
export function encodeValue<S extends z.ZodType>(
  def: KeyDef<string, S>,
  key: string,
  value: z.input<S>,
): string {
  const parsed = def.schema.safeParse(value);
  if (!parsed.success) throw new StoreWriteError(key, `schema: ${describeIssues(parsed.error)}`);
  const json = JSON.stringify(parsed.data);
  // JSON.stringify drops undefined and functions silently: a value that encodes to nothing is a bug.
  if (typeof json !== 'string') throw new StoreWriteError(key, 'value does not encode to JSON');
  return json;
}

/** Parses JSON text and validates it with the entry's schema; never throws. */
export function decodeValue<S extends z.ZodType>(def: KeyDef<string, S>, raw: string): Decoded<z.output<S>> {
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch (err) {
    return { ok: false, reason: truncate(`not JSON: ${err instanceof Error ? err.message : String(err)}`) };
  }
  const parsed = def.schema.safeParse(data);
  if (!parsed.success) return { ok: false, reason: `schema: ${describeIssues(parsed.error)}` };
  return { ok: true, value: parsed.data };
}
