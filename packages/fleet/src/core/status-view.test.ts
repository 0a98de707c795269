import { describe, expect, it } from 'vitest';
import { formatAge, formatUsd, renderStatus, type StatusSnapshot } from './status-view';

const snapshot: StatusSnapshot = {
  takenAt: Date.UTC(2026, 10, 23, 15, 0, 0),
  simTime: Date.UTC(2026, 10, 23, 15, 0, 0),
  scenario: 'crash',
  speed: 10,
  halted: { reason: 'drill', by: 'operator' },
  health: 'degraded',
  services: [
    { name: 'analytics', pid: 42, state: 'running', heartbeatAgeMs: 1200, restarts: 1, lastError: null },
    { name: 'monitor', pid: null, state: 'down', heartbeatAgeMs: null, restarts: null, lastError: 'boom' },
  ],
  freshness: [{ symbol: 'SPY', ageMs: 300 }],
  headlines: [{ label: 'SPY', value: '683.21' }],
  footer: ['logs: logs/'],
};

describe('status view', () => {
  it('formats ages and dollars', () => {
    expect(formatAge(null)).toBe('—');
    expect(formatAge(250)).toBe('250ms');
    expect(formatAge(1500)).toBe('1.5s');
    expect(formatUsd(-1.5e9)).toBe('-$1.50B');
    expect(formatUsd(2_340_000)).toBe('$2.34M');
  });
  it('renders services, halt, freshness and headlines', () => {
    const text = renderStatus(snapshot).join('\n');
    expect(text).toContain('10:00:00'); // 15:00 UTC is 10:00 ET in November
    expect(text).toContain('scenario crash');
    expect(text).toContain('halt: YES (drill, by operator)');
    expect(text).toMatch(/analytics\s+42\s+running\s+1\.2s\s+1/);
    expect(text).toMatch(/monitor\s+—\s+down\s+—\s+—\s+boom/);
    expect(text).toContain('SPY 300ms');
    expect(text).toContain('SPY 683.21');
  });
});
