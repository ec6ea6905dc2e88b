import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { skmUnitsSchema } from '@sip/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../../../test/helpers';
import { createWilayahRepo } from '../wilayah/wilayah.repo';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp({ RATE_LIMIT_PER_MINUTE: '10' });
});
afterAll(() => ctx?.close());

describe('GET /api/public/skm (the survey entry without a QR code)', () => {
  it('lists every kecamatan of the pemda with its kelurahan, without login or cookies', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/public/skm?pemda=32.73' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['set-cookie']).toBeUndefined();
    const body = skmUnitsSchema.parse(res.json());
    expect(body.pemdaKode).toBe('32.73');
    expect(body.pemdaNama).toMatch(/bandung/i);

    // Exactly the imported units: every kecamatan, every kelurahan under its own kecamatan.
    const units = await createWilayahRepo(ctx.database.db).unitsOf('32.73');
    const kecamatan = units.filter((u) => u.level === 'kecamatan');
    const kelurahan = units.filter((u) => u.level === 'kelurahan_desa');
    expect(body.kecamatan.map((k) => k.kode)).toEqual(kecamatan.map((k) => k.kode));
    expect(body.kecamatan.flatMap((k) => k.kelurahan.map((l) => l.kode))).toEqual(
      kelurahan.map((l) => l.kode),
    );
    for (const k of body.kecamatan) {
      for (const l of k.kelurahan) expect(l.kode.startsWith(`${k.kode}.`)).toBe(true);
    }
    const coblong = body.kecamatan.find((k) => k.kode === '32.73.02');
    expect(coblong?.nama).toMatch(/Coblong/i);
    expect(coblong?.kelurahan.find((l) => l.kode === '32.73.02.1004')?.nama).toMatch(/Dago/i);
  });

  it('answers 404 in Indonesian for an unknown pemda and 400 for a malformed code', async () => {
    const missing = await ctx.app.inject({ method: 'GET', url: '/api/public/skm?pemda=99.99' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.message).toContain('Pemda dengan kode 99.99 tidak ditemukan');
    // A kecamatan code is not a pemda.
    const notPemda = await ctx.app.inject({ method: 'GET', url: '/api/public/skm?pemda=32.73.02' });
    expect(notPemda.statusCode).toBe(400);
  });

  it('is rate-limited like the other public routes', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const res = await ctx.app.inject({
        method: 'GET',
        url: '/api/public/skm?pemda=32.73',
        remoteAddress: '203.0.113.77',
      });
      statuses.push(res.statusCode);
    }
    expect(statuses.filter((s) => s === 200).length).toBe(10);
    expect(statuses.at(-1)).toBe(429);
  });
});

describe('the survey page without a code', () => {
  const webDist = mkdtempSync(path.join(tmpdir(), 'sip-web-'));
  let web: TestContext;
  beforeAll(async () => {
    writeFileSync(path.join(webDist, 'index.html'), '<title>SPA</title>');
    writeFileSync(path.join(webDist, 'survei.html'), '<title>Survei</title>');
    web = await ctx.variant({ WEB_DIST: webDist });
  });
  afterAll(async () => {
    await web?.close();
    rmSync(webDist, { recursive: true, force: true });
  });

  it('serves the light survey bundle at /survei (not the app, which would ask for a login)', async () => {
    for (const url of ['/survei', '/survei/', '/survei?pemda=32.73']) {
      const res = await web.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.body, url).toContain('Survei');
    }
    expect((await web.app.inject({ method: 'GET', url: '/surveinya' })).body).toContain('SPA');
  });
});
