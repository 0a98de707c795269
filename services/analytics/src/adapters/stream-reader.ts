// Follows one registry stream with XREAD BLOCK on a dedicated connection (one stream per connection, so it
// works under Redis Cluster too) and hands every valid entry to the consumer. Entries are validated with
// the entry's zod schema; an invalid one is skipped, counted and logged, and the cursor still moves past it.
import type { KeyRef, RedisClient } from '@alphatrader/shared';
import type { Logger } from 'pino';
import type { z } from 'zod';

export interface StreamReaderOptions<S extends z.ZodType> {
  ref: KeyRef<S, 'stream'>;
  conn: RedisClient;
  logger: Logger;
  signal: AbortSignal;
  onEntries(values: z.output<S>[]): void;
  onInvalid?(reason: string): void;
  /** Longest single XREAD block (ms); the loop re-blocks until aborted. */
  blockMs?: number;
  count?: number;
}

type XReadReply = [key: string, entries: [id: string, fields: string[]][]][] | null;

/** Id of the newest entry of the stream, '0-0' when empty: start reading after it. */
export async function lastStreamId(conn: RedisClient, ref: KeyRef<z.ZodType, 'stream'>): Promise<string> {
  const last = await conn.xrevrange(ref.key, '+', '-', 'COUNT', 1);
  return last[0]?.[0] ?? '0-0';
}

function decode<S extends z.ZodType>(
  schema: S,
  fields: string[],
): { ok: true; value: z.output<S> } | { ok: false; reason: string } {
  const i = fields.indexOf('v');
  const raw = i >= 0 && i % 2 === 0 ? fields[i + 1] : undefined;
  if (raw === undefined) return { ok: false, reason: 'entry without field v' };
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return { ok: false, reason: 'not JSON' };
  }
  const parsed = schema.safeParse(data);
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, reason: `schema: ${parsed.error.issues[0]?.message ?? 'invalid'}` };
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const t = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(t);
        resolve();
      },
      { once: true },
    );
  });

/** Reads from `startId` until the signal aborts; resolves then. Redis errors back off and retry. */
export async function followStream<S extends z.ZodType>(
  opts: StreamReaderOptions<S>,
  startId: string,
): Promise<void> {
  const { conn, ref, signal } = opts;
  const blockMs = opts.blockMs ?? 1000;
  const count = opts.count ?? 1000;
  let id = startId;
  let failures = 0;
  while (!signal.aborted) {
    let reply: XReadReply;
    try {
      reply = await conn.xread('COUNT', count, 'BLOCK', blockMs, 'STREAMS', ref.key, id);
      if (failures > 0) opts.logger.info({ stream: ref.key }, 'event stream readable again');
      failures = 0;
    } catch (err) {
      if (signal.aborted) break;
      if (failures === 0) opts.logger.warn({ err, stream: ref.key }, 'event stream read failed: retrying');
      failures++;
      await sleep(Math.min(2000, 50 * 2 ** Math.min(failures, 6)), signal);
      continue;
    }
    const entries = reply?.[0]?.[1] ?? [];
    if (entries.length === 0) continue;
    const values: z.output<S>[] = [];
    for (const [entryId, fields] of entries) {
      id = entryId;
      const d = decode(ref.def.schema, fields);
      if (d.ok) values.push(d.value);
      else opts.onInvalid?.(d.reason);
    }
    if (values.length > 0) opts.onEntries(values);
  }
}
