import { describe, expect, it } from 'vitest';
import { parseSimArgs } from './options';

describe('parseSimArgs', () => {
  it('applies defaults', () => {
    expect(parseSimArgs([])).toMatchObject({ seed: 42, speed: 1, scenario: 'normal', twsPort: 0 });
  });
  it('reads flags', () => {
    const o = parseSimArgs(['--seed', '7', '--speed', '10', '--scenario', 'crash', '--tws-port', '4102']);
    expect(o).toMatchObject({ seed: 7, speed: 10, scenario: 'crash', twsPort: 4102 });
  });
  it('binds loopback unless --host says otherwise (0.0.0.0 inside a container)', () => {
    expect(parseSimArgs([]).host).toBe('127.0.0.1');
    expect(parseSimArgs(['--host', '0.0.0.0']).host).toBe('0.0.0.0');
  });
  it('rejects an unknown scenario and an unknown flag', () => {
    expect(() => parseSimArgs(['--scenario', 'moon'])).toThrow(/scenario/);
    expect(() => parseSimArgs(['--sped', '2'])).toThrow();
  });
});
