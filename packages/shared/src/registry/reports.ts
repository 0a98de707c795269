// reports:* and logs:* — generated reports, strategy notes and trade telemetry kept for review.
import { z } from 'zod';
import { epochMs, finite, isoDate, price, size, strategyName, symbol, tierName } from './common';
import { defineKey } from './define';

const DAY = 86_400;

export const ReportRecord = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9_.\-]+$/),
  date: isoDate,
  type: z.enum(['premarket', 'intraday', 'close', 'morning']),
  tier: tierName,
  title: z.string(),
  ts: epochMs,
});
export type ReportRecord = z.infer<typeof ReportRecord>;

export const ReportContent = ReportRecord.extend({
  format: z.enum(['html', 'markdown', 'text']),
  body: z.string(),
});
export type ReportContent = z.infer<typeof ReportContent>;

export const DailyNote = z.strictObject({
  date: isoDate,
  strategy: strategyName,
  symbol,
  signalId: z.string().nullable(),
  note: z.string(),
  ts: epochMs,
});
export type DailyNote = z.infer<typeof DailyNote>;

export const QaNote = z.strictObject({
  date: isoDate,
  reportId: z.string(),
  tier: tierName,
  issue: z.string(),
  ts: epochMs,
});
export type QaNote = z.infer<typeof QaNote>;

export const SwingJournalEntry = z.strictObject({
  date: isoDate,
  symbol,
  signalId: z.string(),
  markToMarket: finite,
  /** Distance of price from the model's assumption, in ATRs (alert above 1.5). */
  divergenceAtr: finite,
  note: z.string(),
  ts: epochMs,
});
export type SwingJournalEntry = z.infer<typeof SwingJournalEntry>;

export const ZeroDteLogEntry = z.strictObject({
  event: z.enum(['fill', 'stop_adjust', 'suppressed']),
  signalId: z.string().nullable(),
  symbol,
  detail: z.string(),
  ts: epochMs,
});
export type ZeroDteLogEntry = z.infer<typeof ZeroDteLogEntry>;

export const MocDepthLogEntry = z.strictObject({
  signalId: z.string(),
  symbol,
  phase: z.enum(['pre', 'post']),
  bestBid: price.nullable(),
  bestAsk: price.nullable(),
  bidDepth: size,
  askDepth: size,
  imbalance: z.number().min(-1).max(1),
  ts: epochMs,
});
export type MocDepthLogEntry = z.infer<typeof MocDepthLogEntry>;

export const reportsGenerated = defineKey({
  pattern: 'reports:generated',
  type: 'list',
  ttlSeconds: 30 * DAY,
  cap: 1000,
  schema: ReportRecord,
  owner: 'morning-analysis',
  presence: 'event',
  description:
    'Reports produced (pre-market, intraday, close) per tier, newest first; content under reports:content:{id}.',
});

export const reportsContent = defineKey({
  pattern: 'reports:content:{id}',
  type: 'string',
  ttlSeconds: 30 * DAY,
  schema: ReportContent,
  owner: 'morning-analysis',
  presence: 'event',
  description: 'Full content of one report (HTML, Markdown or text), kept 30 days; archived for compliance.',
});

export const reportsDailyNotes = defineKey({
  pattern: 'reports:daily:notes',
  type: 'list',
  ttlSeconds: 7 * DAY,
  cap: 500,
  schema: DailyNote,
  owner: 'signals',
  presence: 'event',
  description: 'Entry rationale notes (1DTE) for the evening report, newest first.',
});

export const reportsQa = defineKey({
  pattern: 'reports:qa',
  type: 'list',
  ttlSeconds: 30 * DAY,
  cap: 500,
  schema: QaNote,
  owner: 'operator',
  presence: 'event',
  description: 'Tier-redaction discrepancies found when sampling report outputs, newest first.',
});

export const reportsSwingJournal = defineKey({
  pattern: 'reports:swing_journal',
  type: 'list',
  ttlSeconds: null,
  cap: 1000,
  schema: SwingJournalEntry,
  owner: 'signals',
  presence: 'event',
  description: 'Daily mark-to-market notes of open swing trades, newest first.',
});

export const logsSignals0dte = defineKey({
  pattern: 'logs:signals:0dte',
  type: 'list',
  ttlSeconds: 7 * DAY,
  cap: 1000,
  schema: ZeroDteLogEntry,
  owner: 'signals',
  presence: 'event',
  description:
    '0DTE telemetry: fills, stop adjustments, signals suppressed for stale analytics; newest first.',
});

export const logsMocDepth = defineKey({
  pattern: 'logs:moc:depth',
  type: 'list',
  ttlSeconds: 7 * DAY,
  cap: 1000,
  schema: MocDepthLogEntry,
  owner: 'signals',
  presence: 'event',
  description: 'Order-book conditions before and after MOC trades, newest first.',
});
