// Time strings as TWS writes them, in US/Eastern (the simulated market's zone).
const ZONE = 'America/New_York';

const partsFormat = new Intl.DateTimeFormat('en-US', {
  timeZone: ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
  timeZoneName: 'short',
});

interface EtParts {
  ymd: string;
  hms: string;
  zone: string;
}

function etParts(epochMs: number): EtParts {
  const p: Record<string, string> = {};
  for (const part of partsFormat.formatToParts(new Date(epochMs))) p[part.type] = part.value;
  return {
    ymd: `${p.year}${p.month}${p.day}`,
    hms: `${p.hour}:${p.minute}:${p.second}`,
    zone: p.timeZoneName ?? 'EST',
  };
}

/** Handshake connection time, e.g. "20260105 09:30:00 EST". */
export function connectionTime(epochMs: number): string {
  const t = etParts(epochMs);
  return `${t.ymd} ${t.hms} ${t.zone}`;
}

/** Execution time, e.g. "20260105 09:30:01 US/Eastern". */
export function executionTime(epochMs: number): string {
  const t = etParts(epochMs);
  return `${t.ymd} ${t.hms} US/Eastern`;
}

/** YYYYMMDD of a simulated instant in US/Eastern. */
export function etDate(epochMs: number): string {
  return etParts(epochMs).ymd;
}
