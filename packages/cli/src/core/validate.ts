// Validates a raw Redis value against its registry entry's schema without the typed store: an operator
// looking at a bad value must see it and why it is rejected, and must not bump monitoring:data:invalid.
import type { KeyDef } from '@alphatrader/shared';

export type Checked = { ok: true; value: unknown } | { ok: false; reason: string; raw: string };

export function checkValue(def: KeyDef, raw: string): Checked {
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch (err) {
    return { ok: false, reason: `not JSON: ${(err as Error).message}`, raw };
  }
  const parsed = def.schema.safeParse(data);
  if (parsed.success) return { ok: true, value: parsed.data };
  const reason = parsed.error.issues
    .map((i) => `${i.path.length > 0 ? i.path.map(String).join('.') : '(root)'}: ${i.message}`)
    .join('; ');
  return { ok: false, reason: `schema: ${reason}`, raw };
}
