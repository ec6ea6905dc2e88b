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

describe('file storage', () => {
  it('is the local folder by default', () => {
    const config = loadConfig(base);
    expect(config.s3).toBeUndefined();
    expect(config.uploadDir).toMatch(/uploads$/);
  });

  it('is the bucket once S3_BUCKET is set: path-style for an endpoint (MinIO), the keys kept together', () => {
    const config = loadConfig({
      ...base,
      S3_BUCKET: 'sip-bukti',
      S3_ENDPOINT: 'http://minio:9000',
      S3_ACCESS_KEY_ID: 'sip',
      S3_SECRET_ACCESS_KEY: 'rahasia-minio',
    });
    expect(config.s3).toEqual({
      bucket: 'sip-bukti',
      endpoint: 'http://minio:9000',
      region: 'us-east-1',
      credentials: { accessKeyId: 'sip', secretAccessKey: 'rahasia-minio' },
      forcePathStyle: true,
      prefix: '',
      timeoutMs: 15_000,
    });
    // AWS itself: virtual-hosted style and the SDK's own credentials chain.
    expect(loadConfig({ ...base, S3_BUCKET: 'sip-bukti', S3_REGION: 'ap-southeast-3' }).s3).toMatchObject({
      endpoint: undefined,
      region: 'ap-southeast-3',
      credentials: undefined,
      forcePathStyle: false,
    });
    // STORAGE_DRIVER=local keeps the folder even with a bucket named.
    expect(loadConfig({ ...base, S3_BUCKET: 'sip-bukti', STORAGE_DRIVER: 'local' }).s3).toBeUndefined();
  });

  it('refuses an incomplete or malformed bucket setting, naming every bad key', () => {
    expect(() => loadConfig({ ...base, STORAGE_DRIVER: 's3' })).toThrow(
      /S3_BUCKET: required when STORAGE_DRIVER=s3/,
    );
    expect(() => loadConfig({ ...base, S3_BUCKET: 'sip', S3_ACCESS_KEY_ID: 'sip' })).toThrow(
      /S3_SECRET_ACCESS_KEY/,
    );
    let message = '';
    try {
      loadConfig({ ...base, S3_BUCKET: 'Bukti_SIP', S3_ENDPOINT: 'minio:9000', S3_PREFIX: '/sip' });
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toMatch(/S3_BUCKET: must be a bucket name/);
    expect(message).toMatch(/S3_ENDPOINT: must be an http/);
    expect(message).toMatch(/S3_PREFIX: must be folder names/);
  });
});
