// RSI, MACD, BBANDS, ATR: colon-numbered meta ("1: Symbol") with JSON-number periods, rows of 4-decimal
// strings under `Technical Analysis: <FUNC>`. Time Zone key number and value vary by indicator, so meta
// objects are loose and only the stable keys are required.
import { z } from 'zod';
import { avDecimalString } from '../numbers';

const commonMeta = {
  '1: Symbol': z.string(),
  '2: Indicator': z.string(),
  '3: Last Refreshed': z.string(),
  '4: Interval': z.string(),
};

export const avRsiResponseSchema = z.object({
  'Meta Data': z.looseObject({ ...commonMeta, '5: Time Period': z.number(), '6: Series Type': z.string() }),
  'Technical Analysis: RSI': z.record(z.string(), z.object({ RSI: avDecimalString })),
});

export const avMacdResponseSchema = z.object({
  'Meta Data': z.looseObject({
    ...commonMeta,
    '5.1: Fast Period': z.number(),
    '5.2: Slow Period': z.number(),
    '5.3: Signal Period': z.number(),
    '6: Series Type': z.string(),
  }),
  'Technical Analysis: MACD': z.record(
    z.string(),
    z.object({ MACD: avDecimalString, MACD_Signal: avDecimalString, MACD_Hist: avDecimalString }),
  ),
});

export const avBbandsResponseSchema = z.object({
  'Meta Data': z.looseObject({
    ...commonMeta,
    '5: Time Period': z.number(),
    '6.1: Deviation multiplier for upper band': z.number(),
    '6.2: Deviation multiplier for lower band': z.number(),
    '6.3: MA Type': z.number(),
    '7: Series Type': z.string(),
  }),
  'Technical Analysis: BBANDS': z.record(
    z.string(),
    z.object({
      'Real Upper Band': avDecimalString,
      'Real Middle Band': avDecimalString,
      'Real Lower Band': avDecimalString,
    }),
  ),
});

export const avAtrResponseSchema = z.object({
  'Meta Data': z.looseObject({ ...commonMeta, '5: Time Period': z.number() }),
  'Technical Analysis: ATR': z.record(z.string(), z.object({ ATR: avDecimalString })),
});

export type AvRsiResponse = z.infer<typeof avRsiResponseSchema>;
export type AvMacdResponse = z.infer<typeof avMacdResponseSchema>;
export type AvBbandsResponse = z.infer<typeof avBbandsResponseSchema>;
export type AvAtrResponse = z.infer<typeof avAtrResponseSchema>;
