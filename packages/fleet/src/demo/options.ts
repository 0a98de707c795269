// Flags of the demo runner (`scripts/demo.sh`, `pnpm demo`).
import { parseArgs } from 'node:util';
import { z } from 'zod';

export const DemoOptions = z.strictObject({
  speed: z.coerce.number().positive().max(1000).default(1),
  scenario: z.string().min(1).default('normal'),
  /** Stop by itself after this many seconds (0 = run until Ctrl-C). */
  duration: z.coerce.number().nonnegative().default(0),
  seed: z.coerce.number().int().default(42),
  /** Simulated start, ISO with offset; default 09:30 ET of the current or next trading day. */
  start: z.string().optional(),
  /** Live table refresh; 'plain' prints a snapshot every 10 s instead of redrawing the screen. */
  ui: z.enum(['auto', 'live', 'plain']).default('auto'),
});
export type DemoOptions = z.infer<typeof DemoOptions>;

export function parseDemoArgs(argv: readonly string[]): DemoOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      speed: { type: 'string' },
      scenario: { type: 'string' },
      duration: { type: 'string' },
      seed: { type: 'string' },
      start: { type: 'string' },
      ui: { type: 'string' },
    },
    strict: true,
    allowPositionals: false,
  });
  const parsed = DemoOptions.safeParse(values);
  if (!parsed.success)
    throw new Error(parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('; '));
  return parsed.data;
}
