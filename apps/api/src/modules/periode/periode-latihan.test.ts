import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { LATIHAN_COOKIE, type LaporanDetail, type LatihanState, type PeriodeTahunList } from '@sip/contracts';
import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loggedIn, type TestClient, type TestContext } from '../../../test/helpers';
import { auditLog } from '../../db/schema/audit';
import { evidence, laporan } from '../../db/schema/laporan';
import { periode } from '../../db/schema/periode';
import { seedDemoPeriode } from '../../demo/seed';

/** 5 April 2026, 10.00 WIB: the March report is open. */
const clock = {
  t: new Date('2026-04-05T03:00:00Z'),
  now() {
    return this.t;
  },
};
const KEL = '32.73.02.1001'; // Cipaganti, Kecamatan Coblong
const KEC = '32.73.02';
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
);

let ctx: TestContext;
let uploadDir: string;
let realId: string;

beforeAll(async () => {
  uploadDir = mkdtempSync(path.join(tmpdir(), 'sip-uploads-'));
  ctx = await createTestApp({ UPLOAD_DIR: uploadDir, LOGIN_RATE_LIMIT_PER_MINUTE: '1000' }, { clock });
  await seedDemoPeriode(ctx.database.db, '32.73', 2026, clock.t);
  realId = (await ctx.database.db.select().from(periode).where(eq(periode.tahun, 2026)))[0]!.id;
});
afterAll(async () => {
  await ctx?.close();
  rmSync(uploadDir, { recursive: true, force: true });
});

/** "Coba mode latihan": the API sets the session's mode cookie. */
async function practising(client: TestClient) {
  const res = await client.request('PUT', '/api/periode/latihan/mode', { aktif: true });
  expect(res.statusCode, res.body).toBe(200);
  expect(client.cookies.get(LATIHAN_COOKIE)).toBe('1');
  return client;
}

async function laporanOf(periodeId: string) {
  return ctx.database.db.select().from(laporan).where(eq(laporan.periodeId, periodeId));
}

async function submitted(client: TestClient): Promise<LaporanDetail> {
  const opened = await client.request('POST', '/api/laporan', {
    wilayahKode: KEL,
    kind: 'bulanan',
    bulan: 3,
  });
  expect(opened.statusCode, opened.body).toBe(201);
  const d = opened.json() as LaporanDetail;
  const saved = await client.request('PATCH', `/api/laporan/${d.id}/isian`, {
    entries: d.indikatorCodes.map((code) => ({ indikatorCode: code, value: 1, version: 0 })),
  });
  expect(saved.statusCode, saved.body).toBe(200);
  for (const code of d.indikatorCodes) {
    const boundary = '----sip-latihan';
    const payload = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="bukti.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
      ),
      PDF,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const up = await client.request('POST', `/api/laporan/${d.id}/isian/${code}/bukti`, payload, {
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    expect(up.statusCode, up.body).toBe(201);
  }
  const fresh = (await client.request('GET', `/api/laporan/${d.id}`)).json() as LaporanDetail;
  const sent = await client.request('POST', `/api/laporan/${d.id}/ajukan`, { version: fresh.version });
  expect(sent.statusCode, sent.body).toBe(200);
  return sent.json() as LaporanDetail;
}

describe('the practice periode (mode latihan)', () => {
  let practiceId: string;

  it('the admin creates it as a copy of a real periode (audited); others and bad sources are refused', async () => {
    const { client: admin } = await loggedIn(ctx, 'admin', '32.73');
    expect((await admin.request('GET', '/api/periode/latihan')).json()).toEqual({ periode: null });
    const early = await admin.request('PUT', '/api/periode/latihan/mode', { aktif: true });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toMatch(/belum punya periode latihan/);
    expect(admin.cookies.has(LATIHAN_COOKIE)).toBe(false);
    const { client: lurah } = await loggedIn(ctx, 'lurah', KEL);
    // A lurah may not know of periode management at all (as with every periode route).
    expect((await lurah.request('PUT', '/api/periode/latihan', { periodeId: realId })).statusCode).toBe(404);
    const unknown = await admin.request('PUT', '/api/periode/latihan', {
      periodeId: '00000000-0000-4000-8000-000000000000',
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.message).toMatch(/tidak ditemukan/);

    const res = await admin.request('PUT', '/api/periode/latihan', { periodeId: realId });
    expect(res.statusCode, res.body).toBe(200);
    const state = res.json() as LatihanState;
    expect(state.periode).toMatchObject({ tahun: 2026, status: 'aktif', latihan: true });
    practiceId = state.periode!.id;
    expect(practiceId).not.toBe(realId);
    // The real list of periodes does not show it; the practice periode cannot be copied into practice.
    const list = (await admin.request('GET', '/api/periode')).json() as { items: { id: string }[] };
    expect(list.items.map((p) => p.id)).toEqual([realId]);
    expect((await admin.request('PUT', '/api/periode/latihan', { periodeId: practiceId })).statusCode).toBe(
      404,
    );
    const [row] = await ctx.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'periode.latihan_reset'))
      .orderBy(desc(auditLog.id))
      .limit(1);
    expect(row).toMatchObject({
      entityId: practiceId,
      after: { sumber: { periodeId: realId, tahun: 2026 } },
    });
  });

  it('in mode latihan the years, reports and notifications are the practice ones; the real year is untouched', async () => {
    const { client: lurah } = await loggedIn(ctx, 'lurah', KEL);
    const { client: camat } = await loggedIn(ctx, 'camat', KEC);
    expect((await lurah.request('GET', '/api/periode/latihan/mode')).json()).toEqual({
      modeLatihan: false,
      tersedia: true,
    });
    const real = (await lurah.request('GET', '/api/periode/tahun')).json() as PeriodeTahunList;
    expect(real.items.map((p) => p.id)).toEqual([realId]);
    const realRaporBefore = (await camat.request('GET', `/api/rapor/2026/unit/${KEC}`)).json();

    await practising(lurah);
    const years = (await lurah.request('GET', '/api/periode/tahun')).json() as PeriodeTahunList;
    expect(years.bawaan).toBe(2026);
    expect((await lurah.request('GET', '/api/periode/latihan/mode')).json()).toEqual({
      modeLatihan: true,
      tersedia: true,
    });
    expect(years.items.map((p) => p.id)).toEqual([practiceId]);

    const sent = await submitted(lurah);
    expect(sent.status).toBe('diajukan');
    expect((await laporanOf(practiceId)).map((l) => l.id)).toEqual([sent.id]);
    expect(await laporanOf(realId)).toEqual([]);
    // The camat hears of it, marked as practice, and finds it in his practice queue only.
    const notes = (await camat.request('GET', '/api/notifications')).json() as {
      items: { message: string; params: unknown }[];
    };
    const practiceNotes = notes.items.filter((n) => n.message.startsWith('[Latihan]'));
    expect(practiceNotes.map((n) => n.params)).toEqual([
      {
        laporan: { kind: 'bulanan', bulan: 3, tahun: 2026, unit: 'Cipaganti' },
        latihan: true,
        reviewer: 'camat',
      },
    ]);
    expect(practiceNotes.map((n) => n.message)).toEqual([
      expect.stringMatching(/^\[Latihan\] Laporan bulanan Maret 2026 .*menunggu pengesahan Anda\.$/),
    ]);
    const realQueue = (await camat.request('GET', '/api/laporan/queue?status=menunggu')).json();
    expect(realQueue.total).toBe(0);
    await practising(camat);
    const queue = (await camat.request('GET', '/api/laporan/queue?status=menunggu')).json();
    expect(queue.items.map((i: { id: string }) => i.id)).toEqual([sent.id]);
    const endorsed = await camat.request('POST', `/api/laporan/${sent.id}/sahkan`, { version: sent.version });
    expect(endorsed.statusCode, endorsed.body).toBe(200);

    // Out of mode latihan, the lurah's March report of the real year was never started.
    expect((await lurah.request('PUT', '/api/periode/latihan/mode', { aktif: false })).json()).toEqual({
      modeLatihan: false,
      tersedia: true,
    });
    expect(lurah.cookies.has(LATIHAN_COOKIE)).toBe(false);
    const overview = (await lurah.request('GET', `/api/laporan/unit/${KEL}`)).json();
    expect(overview.periode.id).toBe(realId);
    expect(overview.reports.find((r: { bulan: number | null }) => r.bulan === 3)?.id).toBeNull();
    // Logging out ends mode latihan too.
    await camat.request('POST', '/api/auth/logout', {});
    expect(camat.cookies.has(LATIHAN_COOKIE)).toBe(false);
    const { client: again } = await loggedIn(ctx, 'camat', KEC);
    expect((await again.request('GET', `/api/rapor/2026/unit/${KEC}`)).json()).toEqual(realRaporBefore);
  });

  it('is never published, nor shown on the public pages; its state does not move', async () => {
    const { client: admin } = await loggedIn(ctx, 'admin', '32.73');
    await practising(admin);
    expect((await admin.request('GET', '/api/rapor/2026/publikasi/pratinjau')).statusCode).toBe(200);
    const publish = await admin.request('POST', '/api/rapor/2026/publikasi', {
      reason: 'Latihan mengumumkan hasil',
      konfirmasi: true,
    });
    expect(publish.statusCode).toBe(409);
    expect(publish.json().error.message).toMatch(/periode latihan/);
    const [p] = await ctx.database.db.select().from(periode).where(eq(periode.id, practiceId));
    const close = await admin.request('POST', `/api/periode/${practiceId}/transition`, {
      version: p!.version,
      to: 'ditutup',
    });
    expect(close.statusCode).toBe(409);
    expect(close.json().error.message).toMatch(/selalu aktif/);
    expect(
      (await ctx.app.inject({ method: 'GET', url: '/api/public/peringkat/2026?pemda=32.73' })).statusCode,
    ).toBe(404);
  });

  it('starting again removes every practice report with its files, and nothing of the real year', async () => {
    const { client: admin } = await loggedIn(ctx, 'admin', '32.73');
    const { client: lurah } = await loggedIn(ctx, 'lurah', '32.73.02.1002');
    // A real report with a file, which must survive.
    const realReport = await lurah.request('POST', '/api/laporan', {
      wilayahKode: '32.73.02.1002',
      kind: 'bulanan',
      bulan: 3,
    });
    expect(realReport.statusCode).toBe(201);
    const practiceFiles = await ctx.database.db
      .select({ key: evidence.storageKey })
      .from(evidence)
      .innerJoin(laporan, eq(laporan.id, evidence.laporanId))
      .where(eq(laporan.periodeId, practiceId));
    expect(practiceFiles.length).toBeGreaterThan(0);
    const before = readdirSync(uploadDir, { recursive: true }).length;

    const res = await admin.request('PUT', '/api/periode/latihan', { periodeId: realId });
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json() as LatihanState).periode).toMatchObject({ id: practiceId, status: 'aktif' });
    expect(await laporanOf(practiceId)).toEqual([]);
    expect(
      await ctx.database.db
        .select()
        .from(laporan)
        .where(and(eq(laporan.periodeId, realId), eq(laporan.wilayahKode, '32.73.02.1002'))),
    ).toHaveLength(1);
    for (const f of practiceFiles) expect(existsSync(path.join(uploadDir, f.key))).toBe(false);
    expect(readdirSync(uploadDir, { recursive: true }).length).toBeLessThan(before);
    // The practice rapor starts empty again.
    await practising(lurah);
    const overview = (await lurah.request('GET', '/api/laporan/unit/32.73.02.1002')).json();
    expect(overview.periode.id).toBe(practiceId);
    expect(overview.reports.every((r: { id: string | null }) => r.id === null)).toBe(true);
  });
});
