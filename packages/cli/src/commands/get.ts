// `atp get KEY`: the value, pretty and checked against the entry's schema; lists, hashes, sets, sorted
// sets and streams show their elements. Exit 3 when a shown value fails its schema, 4 when absent.
import { readValue } from '../adapters/inspect';
import { EXIT, type ExitCode } from '../core/exit-codes';
import { invalidCount, renderValue, summarise, type ValueReport } from '../core/render';
import type { CommandContext } from './context';
import { entryOrFail } from './lookup';

export async function getReport(ctx: CommandContext, key: string, count: number): Promise<ValueReport> {
  const def = entryOrFail(key);
  const raw = await readValue(ctx.redis, def, key, count);
  return { key, entry: summarise(def), ...raw };
}

export function getExitCode(r: ValueReport): ExitCode {
  if (!r.exists) return EXIT.missing;
  if (r.redisType !== r.entry.type || invalidCount(r) > 0) return EXIT.invalid;
  return EXIT.ok;
}

export async function getCommand(ctx: CommandContext, key: string, count: number): Promise<ExitCode> {
  const report = await getReport(ctx, key, count);
  if (ctx.json) {
    ctx.io.out(
      JSON.stringify({
        key: report.key,
        entry: report.entry,
        exists: report.exists,
        redisType: report.redisType,
        ttlMs: report.ttlMs,
        length: report.length,
        valid: report.exists && getExitCode(report) === EXIT.ok,
        ...(report.entry.type === 'string' && report.length === null
          ? { value: report.elements[0]?.checked.ok ? report.elements[0].checked.value : null }
          : {}),
        elements: report.elements.map((e) =>
          e.checked.ok
            ? { label: e.label, valid: true, value: e.checked.value }
            : { label: e.label, valid: false, error: e.checked.reason, raw: e.checked.raw },
        ),
      }),
    );
  } else {
    for (const line of renderValue(report)) ctx.io.out(line);
  }
  return getExitCode(report);
}
