import { describe, expect, it } from 'vitest';
import { parseCliArgs } from './args';
import { CliError } from './exit-codes';
import { globToRegExp } from './glob';

function usageError(argv: string[]): string {
  try {
    parseCliArgs(argv);
  } catch (err) {
    expect(err).toBeInstanceOf(CliError);
    expect((err as CliError).code).toBe(2);
    return (err as CliError).message;
  }
  throw new Error('expected a usage error');
}

describe('parseCliArgs', () => {
  it('parses every command with its arguments and the global options', () => {
    expect(parseCliArgs(['status', '--json'])).toEqual({
      command: { name: 'status' },
      json: true,
      configPath: null,
    });
    expect(parseCliArgs(['keys']).command).toEqual({ name: 'keys', pattern: '*', limit: 10_000 });
    expect(parseCliArgs(['keys', 'fam:*', '--limit', '50']).command).toEqual({
      name: 'keys',
      pattern: 'fam:*',
      limit: 50,
    });
    expect(parseCliArgs(['get', 'fam:flag', '--count', '5', '--config', 'x.yaml'])).toEqual({
      command: { name: 'get', key: 'fam:flag', count: 5 },
      json: false,
      configPath: 'x.yaml',
    });
    expect(parseCliArgs(['tail', 'fam:list', '--max', '3', '--timeout', '9']).command).toEqual({
      name: 'tail',
      key: 'fam:list',
      count: 0,
      max: 3,
      timeoutSeconds: 9,
    });
    expect(parseCliArgs(['halt', 'broker', 'outage', '--by', 'ops']).command).toEqual({
      name: 'halt',
      reason: 'broker outage',
      by: 'ops',
    });
    expect(parseCliArgs([]).command.name).toBe('help');
    expect(parseCliArgs(['get', 'x', '--help']).command.name).toBe('help');
  });

  it('rejects bad usage with the usage text', () => {
    expect(usageError(['frobnicate'])).toContain("unknown command 'frobnicate'");
    expect(usageError(['get'])).toContain('get takes one KEY');
    expect(usageError(['halt'])).toContain('halt needs a REASON');
    expect(usageError(['status', 'extra'])).toContain('status takes no argument');
    expect(usageError(['get', 'k', '--count', '0'])).toContain('--count must be an integer ≥ 1');
    expect(usageError(['status', '--nope'])).toContain('Usage: pnpm atp');
  });
});

describe('globToRegExp', () => {
  it('matches like Redis SCAN MATCH', () => {
    expect(globToRegExp('fam:*').test('fam:{symbol}:book')).toBe(true);
    expect(globToRegExp('fam:SP?:book').test('fam:SPY:book')).toBe(true);
    expect(globToRegExp('fam:[SQ]*').test('fam:QQQ:book')).toBe(true);
    expect(globToRegExp('fam:[^S]*').test('fam:SPY:book')).toBe(false);
    expect(globToRegExp('a.b').test('axb')).toBe(false);
    expect(globToRegExp('mod:beat:*').test('fam:flag')).toBe(false);
  });
});
