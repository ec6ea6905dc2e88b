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

describe('second factor, password strength and idle sessions', () => {
  it('require TOTP of admins, a score of 3, and end idle sessions after 30 min (admin) / 8 h by default', () => {
    const config = loadConfig(base);
    expect(config.requireTotpRoles).toEqual(['admin']);
    expect(config.passwordMinScore).toBe(3);
    expect(config.sessionIdleMinutesAdmin).toBe(30);
    expect(config.sessionIdleMinutes).toBe(480);
  });

  it('the demo needs no TOTP unless told, and says so at start', () => {
    const demo = loadConfig({ DEMO: '1' }, { dataDir: '/tmp/sip-env-test-demo' });
    expect(demo.requireTotpRoles).toEqual([]);
    expect(weakenedProtections(demo).some((w) => w.startsWith('REQUIRE_TOTP_ROLES='))).toBe(true);
    expect(
      loadConfig({ DEMO: '1', REQUIRE_TOTP_ROLES: 'admin' }, { dataDir: '/tmp/sip-env-test-demo' })
        .requireTotpRoles,
    ).toEqual(['admin']);
  });

  it('names a weak minimum score and refuses unknown roles', () => {
    expect(weakenedProtections(loadConfig({ ...base, PASSWORD_MIN_SCORE: '2' }))[0]).toMatch(
      /^PASSWORD_MIN_SCORE=2/,
    );
    expect(loadConfig({ ...base, REQUIRE_TOTP_ROLES: 'admin, verifikator' }).requireTotpRoles).toEqual([
      'admin',
      'verifikator',
    ]);
    expect(() => loadConfig({ ...base, REQUIRE_TOTP_ROLES: 'admin,superuser' })).toThrow(
      /REQUIRE_TOTP_ROLES/,
    );
  });
});
