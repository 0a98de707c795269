// REAL_GDP, CPI, FEDERAL_FUNDS_RATE: `{ name, interval, unit, data: [{ date, value }] }`, newest first;
// a missing observation is `"value": "."`.
import { z } from 'zod';
import { avDecimalString } from '../numbers';

export const avMacroPointSchema = z.object({
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD'),
  value: z.union([avDecimalString, z.literal('.')]),
});

export const avMacroResponseSchema = z.object({
  name: z.string(),
  interval: z.string(),
  unit: z.string(),
  data: z.array(avMacroPointSchema),
});

export type AvMacroResponse = z.infer<typeof avMacroResponseSchema>;
export type AvMacroPoint = z.infer<typeof avMacroPointSchema>;
