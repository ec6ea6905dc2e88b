import type { Periode } from '@sip/contracts';
import type { Framework } from '@sip/scoring';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loggedIn, type TestClient, type TestContext } from '../../../test/helpers';
import { auditLog } from '../../db/schema/audit';
import { periode as periodeTable } from '../../db/schema/periode';
import { systemClock } from '../../lib/clock';
import { createEvents } from '../../lib/events';
import { createAuditRepo } from '../audit/audit.repo';
import { createPemdaRepo } from '../pemda/pemda.repo';
import { createZones } from '../pemda/pemda.zona';
import { importWilayah } from '../wilayah/wilayah.import';
import { createWilayahRepo } from '../wilayah/wilayah.repo';
import { createPeriodeRepo } from './periode.repo';
import { createPeriodeService } from './periode.service';

let ctx: TestContext;
let admin: TestClient;
/** Admin of another pemda (Kabupaten Bandung, 32.04). */
let otherAdmin: TestClient;

beforeAll(async () => {
  ctx = await createTestApp();
  await importWilayah({ db: ctx.database.db, repo: createWilayahRepo(ctx.database.db) }, '32.04');
  admin = (await loggedIn(ctx, 'admin', '32.73')).client;
  otherAdmin = (await loggedIn(ctx, 'admin', '32.04')).client;
});
afterAll(() => ctx?.close());

let nextYear = 2030;
const year = () => nextYear++;

async function create(client: TestClient, body: object) {
  return client.request('POST', '/api/periode', body);
}
async function createFromTemplate(client = admin, tahun = year()): Promise<Periode> {
  const res = await create(client, { tahun, source: { kind: 'template' } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}
const fw = (p: Periode) => structuredClone(p.framework) as Framework;
const ind = (f: Framework, code: string) => {
  const found = f.bidang.flatMap((b) => b.indikator).find((i) => i.code === code);
  if (!found) throw new Error(code);
  return found;
};
async function saveFramework(
  p: { id: string; version: number },
  framework: unknown,
  client = admin,
  reason?: string,
) {
  return client.request('PUT', `/api/periode/${p.id}/framework`, { version: p.version, framework, reason });
}
async function transition(p: { id: string; version: number }, to: string, reason?: string) {
  return admin.request('POST', `/api/periode/${p.id}/transition`, { version: p.version, to, reason });
}
async function auditRows(entityId: string, action: string) {
  return ctx.database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityId, entityId), eq(auditLog.action, action)));
}

describe('creating periodes', () => {
  it('from the Bandung Juara template: draf, valid, default settings, audited', async () => {
    const tahun = year();
    const p = await createFromTemplate(admin, tahun);
    expect(p).toMatchObject({
      tahun,
      status: 'draf',
      pemdaKode: '32.73',
      version: 1,
      bidangCount: 4,
      issues: [],
      scoringLocked: false,
      nextStatus: 'aktif',
      settings: {
        monthlyDueDay: 10,
        annualDueDate: `${tahun + 1}-01-31`,
        camatEndorsement: true,
        resultsVisibleBeforePublication: false,
      },
    });
    expect(fw(p).bidang.map((b) => b.weight)).toEqual([30, 30, 20, 20]);
    const [row] = await auditRows(p.id, 'periode.created');
    expect(row?.after).toMatchObject({ tahun, sumber: { kind: 'template' } });
    const list = await admin.request('GET', '/api/periode');
    expect(list.json().items.map((i: Periode) => i.tahun)).toContain(tahun);
  });

  it('empty: saved, but the engine lists what is missing and it cannot be activated', async () => {
    const res = await create(admin, { tahun: year(), source: { kind: 'empty' } });
    expect(res.statusCode).toBe(201);
    const p: Periode = res.json();
    expect(p.bidangCount).toBe(0);
    expect(p.issues.map((i) => i.code)).toContain('BIDANG_WEIGHT_SUM');
    const act = await transition(p, 'aktif');
    expect(act.statusCode).toBe(400);
    expect(act.json().error.message).toMatch(/belum dapat diaktifkan/);
    expect((await admin.request('GET', `/api/periode/${p.id}`)).json().status).toBe('draf');
  });

  it("by copying another year's framework, with that year's settings moved to the new year", async () => {
    const source = await createFromTemplate();
    const f = fw(source);
    ind(f, 'B1.2').name = 'Layanan administrasi tuntas tepat waktu';
    const saved = await saveFramework(source, f);
    expect(saved.statusCode).toBe(200);
    const tahun = year();
    const res = await create(admin, { tahun, source: { kind: 'copy', periodeId: source.id } });
    expect(res.statusCode).toBe(201);
    const copy: Periode = res.json();
    expect(ind(fw(copy), 'B1.2').name).toBe('Layanan administrasi tuntas tepat waktu');
    expect(copy.settings.annualDueDate).toBe(`${tahun + 1}-01-31`);
    expect(copy.status).toBe('draf');
    const [row] = await auditRows(copy.id, 'periode.created');
    expect(row?.after).toMatchObject({ sumber: { kind: 'copy', periodeId: source.id } });
  });

  it('refuses a year that already exists (409) and a bad year (400)', async () => {
    const p = await createFromTemplate();
    const dup = await create(admin, { tahun: p.tahun, source: { kind: 'empty' } });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.message).toMatch(new RegExp(`Periode ${p.tahun} sudah ada`));
    expect((await create(admin, { tahun: 1999, source: { kind: 'empty' } })).statusCode).toBe(400);
    const unknown = await create(admin, { tahun: year(), source: { kind: 'sihir' } });
    expect(unknown.statusCode).toBe(400);
  });

  it('two admins creating the same year at once: one wins, the other gets 409', async () => {
    const tahun = year();
    const results = await Promise.all([
      create(admin, { tahun, source: { kind: 'template' } }),
      create(admin, { tahun, source: { kind: 'empty' } }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
  });

  it('cannot copy a periode of another pemda (404)', async () => {
    const mine = await createFromTemplate();
    const res = await create(otherAdmin, { tahun: year(), source: { kind: 'copy', periodeId: mine.id } });
    expect(res.statusCode).toBe(404);
  });
});

describe('framework validation on save: clear errors, nothing half-saved', () => {
  it('weights that do not sum to 100: 400 naming the bidang and the sum, nothing saved', async () => {
    const p = await createFromTemplate();
    const f = fw(p);
    ind(f, 'B1.2').weights.kecamatan = 20; // B1 kecamatan: 35 + 20 + 20 + 20 = 95
    const res = await saveFramework(p, f);
    expect(res.statusCode).toBe(400);
    const { error } = res.json();
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toMatch(
      /Jumlah bobot indikator kecamatan di bidang "Kualitas pelayanan publik" adalah 95, harus 100/,
    );
    expect(error.details).toEqual([
      expect.objectContaining({ code: 'INDIKATOR_WEIGHT_SUM', path: ['bidang', 0, 'indikator'] }),
    ]);
    const after = (await admin.request('GET', `/api/periode/${p.id}`)).json();
    expect(after.version).toBe(1);
    expect(ind(after.framework, 'B1.2').weights.kecamatan).toBe(25);
  });

  it('bidang weights that do not sum, duplicate codes and a band table with a gap', async () => {
    const p = await createFromTemplate();
    const f = fw(p);
    f.bidang[0]!.weight = 25;
    ind(f, 'B1.3').code = 'B1.2';
    const banded = f.bidang.flatMap((b) => b.indikator).find((i) => i.scoring.type === 'bands');
    if (banded?.scoring.type !== 'bands') throw new Error('template has a bands indicator');
    banded.scoring.bands[1]!.min += 5;
    const res = await saveFramework(p, f);
    expect(res.statusCode).toBe(400);
    const codes = res.json().error.details.map((d: { code: string }) => d.code);
    expect(codes).toEqual(
      expect.arrayContaining(['BIDANG_WEIGHT_SUM', 'INDIKATOR_CODE_DUPLICATE', 'BANDS_GAP']),
    );
    expect(res.json().error.message).toMatch(/dan \d+ masalah lain/);
  });

  it("a framework of the wrong shape gets 400 with the engine's messages", async () => {
    const p = await createFromTemplate();
    const res = await saveFramework(p, { bidang: 'semua' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].code).toBe('SCHEMA');
    const validate = await admin.request('POST', '/api/framework/validate', { framework: { bidang: [] } });
    expect(validate.statusCode).toBe(200);
    expect(validate.json().issues[0].code).toBe('SCHEMA');
  });

  it('two admins saving the same framework at once: the second gets 409 STALE, the first is kept', async () => {
    const p = await createFromTemplate();
    const a = fw(p);
    ind(a, 'B1.1').definition = 'Definisi dari admin A';
    const b = fw(p);
    ind(b, 'B1.1').definition = 'Definisi dari admin B';
    expect((await saveFramework(p, a)).statusCode).toBe(200);
    const second = await saveFramework(p, b);
    expect(second.statusCode).toBe(409);
    expect(second.json().error).toMatchObject({
      code: 'STALE',
      message: expect.stringContaining('Muat ulang'),
    });
    const now = (await admin.request('GET', `/api/periode/${p.id}`)).json();
    expect(ind(now.framework, 'B1.1').definition).toBe('Definisi dari admin A');
    expect(now.version).toBe(2);
  });

  it('two saves racing on one version: exactly one wins', async () => {
    const p = await createFromTemplate();
    const results = await Promise.all(
      ['X', 'Y'].map((s) => {
        const f = fw(p);
        ind(f, 'B1.1').satuan = s;
        return saveFramework(p, f);
      }),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
  });

  it('every framework change is audited with before, after and reason', async () => {
    const p = await createFromTemplate();
    const f = fw(p);
    ind(f, 'B1.2').weights.kecamatan = 30;
    ind(f, 'B1.3').weights.kecamatan = 15;
    const res = await saveFramework(p, f, admin, 'Penyesuaian prioritas 2030');
    expect(res.statusCode).toBe(200);
    const [row] = await auditRows(p.id, 'periode.framework_updated');
    expect(row?.reason).toBe('Penyesuaian prioritas 2030');
    expect(ind(row?.before as Framework, 'B1.2').weights.kecamatan).toBe(25);
    expect(ind(row?.after as Framework, 'B1.2').weights.kecamatan).toBe(30);
  });
});

describe('states and the scoring lock', () => {
  it('only draf -> aktif -> ditutup -> diumumkan, each audited with its reason', async () => {
    let p = await createFromTemplate();
    const skip = await transition(p, 'ditutup');
    expect(skip.statusCode).toBe(409);
    expect(skip.json().error.message).toMatch(/langkah berikutnya hanya "aktif"/);
    const act = await transition(p, 'aktif', 'Kerangka disetujui Sekda');
    expect(act.statusCode).toBe(200);
    p = act.json();
    expect(p).toMatchObject({ status: 'aktif', scoringLocked: true, nextStatus: 'ditutup' });
    expect(p.activatedAt).not.toBeNull();
    const back = await transition(p, 'draf');
    expect(back.statusCode).toBe(409);
    p = (await transition(p, 'ditutup')).json();
    p = (await transition(p, 'diumumkan')).json();
    expect(p).toMatchObject({ status: 'diumumkan', frameworkLocked: true, nextStatus: null });
    const rows = await auditRows(p.id, 'periode.status_changed');
    expect(rows.map((r) => (r.after as { status: string }).status).sort()).toEqual([
      'aktif',
      'ditutup',
      'diumumkan',
    ]);
    expect(rows.find((r) => (r.after as { status: string }).status === 'aktif')?.reason).toBe(
      'Kerangka disetujui Sekda',
    );
    const f = fw(p);
    ind(f, 'B1.1').definition = 'Ubah setelah diumumkan';
    const locked = await saveFramework(p, f);
    expect(locked.statusCode).toBe(409);
    expect(locked.json().error.message).toMatch(/sudah diumumkan/);
  });

  it('an aktif periode refuses weights, types, targets and bands with 409 and a reason; nothing changes', async () => {
    const p: Periode = (await transition(await createFromTemplate(), 'aktif')).json();
    const weight = fw(p);
    ind(weight, 'B1.2').weights.kecamatan = 20;
    ind(weight, 'B1.3').weights.kecamatan = 25;
    const cases: [string, Framework, RegExp][] = [['weight', weight, /indikator B1\.2: bobot/]];
    const type = fw(p);
    ind(type, 'B1.2').scoring = { type: 'boolean' };
    cases.push(['type', type, /B1\.2: jenis\/target/]);
    const target = fw(p);
    const t = ind(target, 'B1.3').scoring;
    if (t.type === 'ratio') t.target = 90;
    cases.push(['target', target, /B1\.3: jenis\/target/]);
    const bands = fw(p);
    bands.settings.predikatBands[0]!.min = 85;
    cases.push(['predikat', bands, /batas predikat/]);
    const bidang = fw(p);
    bidang.bidang[0]!.weight = 40;
    bidang.bidang[1]!.weight = 20;
    cases.push(['bidang', bidang, /bidang B1: bobot/]);
    for (const [name, f, why] of cases) {
      const res = await saveFramework(p, f);
      expect(res.statusCode, name).toBe(409);
      expect(res.json().error.code, name).toBe('CONFLICT');
      expect(res.json().error.message, name).toMatch(/sudah aktif: bobot, jenis, target/);
      expect(res.json().error.message, name).toMatch(why);
      expect(res.json().error.details.reason).toBe('SCORING_LOCKED');
    }
    const now = (await admin.request('GET', `/api/periode/${p.id}`)).json();
    expect(now.version).toBe(p.version);
  });

  it('an aktif periode still accepts wording and definitions (and reordering), audited', async () => {
    const p: Periode = (await transition(await createFromTemplate(), 'aktif')).json();
    const f = fw(p);
    ind(f, 'B1.2').name = 'Layanan administrasi tuntas';
    ind(f, 'B1.2').definition = 'Definisi yang diperjelas.';
    f.bidang[0]!.indikator.reverse();
    f.settings.predikatBands[0]!.label = 'Istimewa';
    const res = await saveFramework(p, f, admin, 'Perbaikan redaksi');
    expect(res.statusCode, res.body).toBe(200);
    expect(ind(res.json().framework, 'B1.2').name).toBe('Layanan administrasi tuntas');
    const [row] = await auditRows(p.id, 'periode.framework_updated');
    expect(row).toMatchObject({ reason: 'Perbaikan redaksi' });
  });

  it('an unknown key is refused naming it, and an unchanged framework writes nothing', async () => {
    const p: Periode = (await transition(await createFromTemplate(), 'aktif')).json();
    const f = fw(p) as unknown as { bidang: { indikator: Record<string, unknown>[] }[] };
    f.bidang[0]!.indikator[0]!.bobotRahasia = 99;
    const unknown = await saveFramework(p, f);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.message).toMatch(/tidak dikenal: bidang\.0\.indikator\.0\.bobotRahasia/);
    const same = await saveFramework(p, fw(p));
    expect(same.statusCode, same.body).toBe(200);
    expect(same.json().version).toBe(p.version);
    expect(await auditRows(p.id, 'periode.framework_updated')).toEqual([]);
  });
});

describe('settings', () => {
  it('are saved with version check and audited', async () => {
    const p = await createFromTemplate();
    const settings = { ...p.settings, monthlyDueDay: 5, camatEndorsement: false };
    const ok = await admin.request('PUT', `/api/periode/${p.id}/settings`, { version: p.version, settings });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().settings).toMatchObject({ monthlyDueDay: 5, camatEndorsement: false });
    const stale = await admin.request('PUT', `/api/periode/${p.id}/settings`, {
      version: p.version,
      settings,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('STALE');
    const bad = await admin.request('PUT', `/api/periode/${p.id}/settings`, {
      version: p.version + 1,
      settings: { ...settings, monthlyDueDay: 31 },
    });
    expect(bad.statusCode).toBe(400);
    const [row] = await auditRows(p.id, 'periode.settings_updated');
    expect(row).toMatchObject({ before: { monthlyDueDay: 10 }, after: { monthlyDueDay: 5 } });
  });
});

describe('export and import as JSON', () => {
  it('exports a file another pemda imports to start its own year', async () => {
    const p = await createFromTemplate();
    const res = await admin.request('GET', `/api/periode/${p.id}/framework/export`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(
      /attachment; filename="kerangka-penilaian-32\.73-\d+\.json"/,
    );
    const file = res.json();
    expect(file).toMatchObject({
      format: 'sip-kerangka-penilaian',
      formatVersion: 1,
      sumber: { pemdaKode: '32.73', pemdaNama: 'KOTA BANDUNG' },
    });
    const imported = await create(otherAdmin, { tahun: 2027, source: { kind: 'import', framework: file } });
    expect(imported.statusCode, imported.body).toBe(201);
    expect(imported.json()).toMatchObject({ pemdaKode: '32.04', bidangCount: 4, issues: [] });
    const validate = await otherAdmin.request('POST', '/api/framework/validate', { framework: file });
    expect(validate.json().issues).toEqual([]);
  });

  it('refuses an import of the wrong shape or with wrong weights, saving nothing', async () => {
    const tahun = year();
    const wrong = await create(admin, { tahun, source: { kind: 'import', framework: { halo: 'dunia' } } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.message).toMatch(/Kerangka yang diimpor tidak valid/);
    expect(wrong.json().error.details[0].code).toBe('SCHEMA');
    const p = await createFromTemplate();
    const f = fw(p);
    f.bidang[3]!.weight = 10;
    const badWeights = await create(admin, { tahun, source: { kind: 'import', framework: f } });
    expect(badWeights.statusCode).toBe(400);
    expect(badWeights.json().error.details[0].code).toBe('BIDANG_WEIGHT_SUM');
    const rows = await ctx.database.db.select().from(periodeTable).where(eq(periodeTable.tahun, tahun));
    expect(rows).toHaveLength(0);
  });
});

describe('authorization', () => {
  it('an admin of another pemda gets 404 and changes nothing', async () => {
    const p = await createFromTemplate();
    expect((await otherAdmin.request('GET', `/api/periode/${p.id}`)).statusCode).toBe(404);
    expect((await saveFramework(p, p.framework, otherAdmin)).statusCode).toBe(404);
    expect(
      (await otherAdmin.request('POST', `/api/periode/${p.id}/transition`, { version: 1, to: 'aktif' }))
        .statusCode,
    ).toBe(404);
    expect((await otherAdmin.request('GET', `/api/periode/${p.id}/framework/export`)).statusCode).toBe(404);
    const list = (await otherAdmin.request('GET', '/api/periode')).json();
    expect(list.items.every((i: Periode) => i.pemdaKode === '32.04')).toBe(true);
    expect((await admin.request('GET', `/api/periode/${p.id}`)).json().status).toBe('draf');
  });

  it('a verifikator reads but may not change (403); a lurah may not know (404); no login 401', async () => {
    const p = await createFromTemplate();
    const { client: verifikator } = await loggedIn(ctx, 'verifikator', '32.73');
    expect((await verifikator.request('GET', `/api/periode/${p.id}`)).statusCode).toBe(200);
    expect((await saveFramework(p, p.framework, verifikator)).statusCode).toBe(403);
    expect((await create(verifikator, { tahun: year(), source: { kind: 'empty' } })).statusCode).toBe(403);
    const { client: lurah } = await loggedIn(ctx, 'lurah', '32.73.02.1004');
    expect((await lurah.request('GET', `/api/periode/${p.id}`)).statusCode).toBe(404);
    expect((await lurah.request('GET', '/api/periode')).statusCode).toBe(404);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/periode' })).statusCode).toBe(401);
  });
});

describe('service functions for other modules', () => {
  it('getCurrentPeriode finds the active one; getPeriode parses the framework; getPeriodeHead leaves it out', async () => {
    const service = createPeriodeService({
      db: ctx.database.db,
      repo: createPeriodeRepo(ctx.database.db),
      wilayah: createWilayahRepo(ctx.database.db),
      audit: createAuditRepo(ctx.database.db),
      zones: createZones(createPemdaRepo(ctx.database.db)),
      events: createEvents({ onError: () => {} }),
      clock: systemClock,
    });
    const p = await createFromTemplate();
    const midYear = new Date(Date.UTC(p.tahun, 5, 15));
    expect((await service.getCurrentPeriode('32.73', midYear))?.id).not.toBe(p.id);
    expect((await service.getPeriode(p.id))?.framework.bidang).toHaveLength(4);
    await transition(p, 'aktif');
    const active = await service.getCurrentPeriode('32.73', midYear);
    expect(active).toMatchObject({ id: p.id, status: 'aktif', zona: 'Asia/Jakarta' });
    expect(active?.framework.settings.predikatBands[0]).toEqual({ min: 90, label: 'Sangat Baik' });
    const head = await service.getPeriodeHead('32.73', p.tahun);
    expect(head).toMatchObject({ id: p.id, status: 'aktif', tahun: p.tahun, zona: 'Asia/Jakarta' });
    expect(head).not.toHaveProperty('framework');
  });
});
