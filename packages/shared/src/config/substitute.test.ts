import { describe, expect, it } from 'vitest';
import { substituteEnv, substituteString, type ConfigIssue } from './substitute';

describe('environment substitution', () => {
  it('replaces ${VAR} and ${VAR:-default}, treating an empty value as unset for defaults', () => {
    const issues: ConfigIssue[] = [];
    const env = { A: 'alpha', EMPTY: '' };
    expect(substituteString('x-${A}-y', env, [], issues)).toBe('x-alpha-y');
    expect(substituteString('${B:-fallback}', env, [], issues)).toBe('fallback');
    expect(substituteString('${EMPTY:-fallback}', env, [], issues)).toBe('fallback');
    expect(substituteString('${EMPTY}', env, [], issues)).toBe('');
    expect(substituteString('${B:-}', env, [], issues)).toBe('');
    expect(issues).toEqual([]);
  });

  it('reports an unset variable without default by name and path', () => {
    const issues: ConfigIssue[] = [];
    substituteEnv({ ibkr: { account: '${IBKR_ACCOUNT}' } }, {}, issues);
    expect(issues).toEqual([
      { path: 'ibkr.account', message: 'environment variable IBKR_ACCOUNT is not set' },
    ]);
  });

  it('keeps $${...} as a literal and rejects malformed names', () => {
    const issues: ConfigIssue[] = [];
    expect(substituteString('cost $${HOME}', { HOME: '/root' }, [], issues)).toBe('cost ${HOME}');
    substituteString('${1BAD}', {}, ['x', 0], issues);
    expect(issues).toEqual([{ path: 'x[0]', message: 'invalid environment reference ${1BAD}' }]);
  });

  it('inserts values verbatim: YAML syntax in a secret cannot change the document', () => {
    const issues: ConfigIssue[] = [];
    const secret = 'p@ss: #not-a-comment\n  evil: true';
    const out = substituteEnv({ redis: { password: '${PW}' }, list: ['${PW}', 3] }, { PW: secret }, issues);
    expect(out).toEqual({ redis: { password: secret }, list: [secret, 3] });
  });
});
