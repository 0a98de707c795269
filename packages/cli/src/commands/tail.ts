// `atp tail KEY`: follows new elements of a list (LPUSH, newest first) or a stream (XADD), each checked
// against the registry schema. Streams block on XREAD; lists are polled (they carry no ids).
import type { RedisClient } from '@alphatrader/shared';
import { streamValue } from '../adapters/inspect';
import { CliError, EXIT, type ExitCode } from '../core/exit-codes';
import { followList } from '../core/list-follow';
import { checkValue } from '../core/validate';
import type { CommandContext } from './context';
import { entryOrFail } from './lookup';

const LIST_POLL_MS = 200;
const LIST_WINDOW = 500;

interface TailOptions {
  key: string;
  count: number;
  max: number | null;
  timeoutSeconds: number | null;
}

export async function tailCommand(ctx: CommandContext, opts: TailOptions): Promise<ExitCode> {
  const def = entryOrFail(opts.key);
  if (def.type !== 'list' && def.type !== 'stream') {
    throw new CliError(
      `tail follows lists and streams; ${opts.key} is a ${def.type} (use: pnpm atp get ${opts.key})`,
      EXIT.usage,
    );
  }
  const deadline = opts.timeoutSeconds === null ? Infinity : ctx.now() + opts.timeoutSeconds * 1000;
  let shown = 0;
  let counting = false; // the first --count elements are history, not counted against --max
  const done = () => ctx.signal.aborted || ctx.now() >= deadline || (opts.max !== null && shown >= opts.max);
  const print = (label: string | null, raw: string) => {
    const c = checkValue(def, raw);
    if (ctx.json) {
      ctx.io.out(
        JSON.stringify(
          c.ok
            ? { key: opts.key, id: label, valid: true, value: c.value }
            : { key: opts.key, id: label, valid: false, error: c.reason, raw },
        ),
      );
    } else {
      const head = label === null ? '' : `${label} `;
      ctx.io.out(
        c.ok ? `${head}${JSON.stringify(c.value)}` : `${head}INVALID — ${c.reason}\n    raw: ${raw}`,
      );
    }
    if (counting) shown++;
  };
  if (!ctx.json) ctx.io.err(`following ${opts.key} (${def.type}); Ctrl-C stops`);

  if (def.type === 'stream') {
    const history = opts.count > 0 ? await ctx.redis.xrevrange(opts.key, '+', '-', 'COUNT', opts.count) : [];
    for (const [id, fields] of [...history].reverse()) print(id, streamValue(fields));
    counting = true;
    let lastId = history[0]?.[0] ?? (await lastStreamId(ctx.redis, opts.key));
    while (!done()) {
      const blockMs = Math.max(1, Math.min(1000, deadline - ctx.now()));
      const reply = await ctx.redis.xread('COUNT', 100, 'BLOCK', blockMs, 'STREAMS', opts.key, lastId);
      for (const [id, fields] of reply?.[0]?.[1] ?? []) {
        lastId = id;
        if (!done()) print(id, streamValue(fields));
      }
    }
    return EXIT.ok;
  }

  const first = await ctx.redis.lrange(opts.key, 0, LIST_WINDOW - 1);
  let step = followList([], first);
  for (const raw of step.fresh.slice(Math.max(0, step.fresh.length - opts.count))) print(null, raw);
  counting = true;
  while (!done()) {
    await sleep(Math.max(0, Math.min(LIST_POLL_MS, deadline - ctx.now())), ctx.signal);
    if (done()) break;
    step = followList(step.signature, await ctx.redis.lrange(opts.key, 0, LIST_WINDOW - 1));
    if (step.gap && !ctx.json)
      ctx.io.err(`(more than ${LIST_WINDOW} new elements since the last read: some were missed)`);
    for (const raw of step.fresh) if (!done()) print(null, raw);
  }
  return EXIT.ok;
}

async function lastStreamId(redis: RedisClient, key: string): Promise<string> {
  const last = await redis.xrevrange(key, '+', '-', 'COUNT', 1);
  return last[0]?.[0] ?? '0-0';
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}
