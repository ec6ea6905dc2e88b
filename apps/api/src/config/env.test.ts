import { describe, expect, it } from 'vitest';
import { loadConfig, weakenedProtections } from './env';

const base = { AUTH_SECRET: 'x'.repeat(32) };

describe('TRUST_PROXY', () => {
  it.each([
    [undefined, false],
    ['', false],
    ['false', false],
    ['0', false],
    ['true', true],
    ['10.0.0.2', ['10.0.0.2']],
    ['10.0.0.0/8, fd00::/8', ['10.0.0.0/8', 'fd00::/8']],
  ])('%s means %j', (value, expected) => {
    expect(loadConfig({ ...base, TRUST_PROXY: value }).trustProxy).toEqual(expected);
  });

  it.each(['proxy.local', '1', '2'])('refuses %s (neither a switch nor addresses)', (value) => {
    expect(() => loadConfig({ ...base, TRUST_PROXY: value })).toThrow(/TRUST_PROXY/);
  });
});

describe('weakened protections', () => {
  it('are none with the production defaults', () => {
    expect(weakenedProtections(loadConfig(base))).toEqual([]);
  });

  it('name trusting every proxy and cookies over plain HTTP', () => {
    const config = loadConfig({ ...base, TRUST_PROXY: 'true', COOKIE_SECURE: 'false' });
    const warnings = weakenedProtections(config);
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(/^TRUST_PROXY=true/);
    expect(warnings[1]).toMatch(/^COOKIE_SECURE=false/);
  });
});
