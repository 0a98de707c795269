// Command-line options of `pnpm sim` (and of the demo, which passes them through).
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { SCENARIOS } from '@alphatrader/market-sim';

export const SimOptions = z.strictObject({
  seed: z.coerce.number().int().default(42),
  speed: z.coerce.number().positive().max(1000).default(1),
  scenario: z.enum(SCENARIOS).default('normal'),
  /** Simulated start, ISO time (e.g. 2026-11-20T09:30:00-05:00); default 09:30 ET of the current or next trading day. */
  start: z.iso.datetime({ offset: true }).optional(),
  /** Address the IB Gateway, Alpha Vantage and control servers bind (0.0.0.0 inside a container). */
  host: z.string().min(1).default('127.0.0.1'),
  twsPort: z.coerce.number().int().min(0).max(65535).default(0),
  twsControlPort: z.coerce.number().int().min(0).max(65535).default(0),
  avPort: z.coerce.number().int().min(0).max(65535).default(0),
  controlPort: z.coerce.number().int().min(0).max(65535).default(0),
  avCallsPerMinute: z.coerce.number().int().positive().default(600),
});
export type SimOptions = z.infer<typeof SimOptions>;

const FLAGS = {
  seed: { type: 'string' },
  speed: { type: 'string' },
  scenario: { type: 'string' },
  start: { type: 'string' },
  host: { type: 'string' },
  'tws-port': { type: 'string' },
  'tws-control-port': { type: 'string' },
  'av-port': { type: 'string' },
  'control-port': { type: 'string' },
  'av-calls-per-minute': { type: 'string' },
} as const;

/** Parses argv; throws a readable error listing each bad flag. */
export function parseSimArgs(argv: readonly string[]): SimOptions {
  const { values } = parseArgs({ args: [...argv], options: FLAGS, strict: true, allowPositionals: false });
  const parsed = SimOptions.safeParse({
    seed: values.seed,
    speed: values.speed,
    scenario: values.scenario,
    start: values.start,
    host: values.host,
    twsPort: values['tws-port'],
    twsControlPort: values['tws-control-port'],
    avPort: values['av-port'],
    controlPort: values['control-port'],
    avCallsPerMinute: values['av-calls-per-minute'],
  });
  if (!parsed.success) {
    throw new Error(parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('; '));
  }
  return parsed.data;
}
