import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { LaporanDetail, TimelineItem } from '@sip/contracts';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loggedIn, type TestClient, type TestContext } from '../../../test/helpers';
import { auditLog } from '../../db/schema/audit';
import { periode } from '../../db/schema/periode';
import { seedDemoPeriode } from '../../demo/seed';

/** 5 April 2026, 10.00 WIB: the March report is open and due on 10 April. */
const APRIL_5 = new Date('2026-04-05T03:00:00Z');
const clock = { now: () => APRIL_5 };

let ctx: TestContext;
let uploadDir: string;

beforeAll(async () => {
  uploadDir = mkdtempSync(path.join(tmpdir(), 'sip-uploads-'));
  ctx = await createTestApp({ UPLOAD_DIR: uploadDir, LOGIN_RATE_LIMIT_PER_MINUTE: '1000' }, { clock });
  await seedDemoPeriode(ctx.database.db, '32.73', 2026, APRIL_5);
  expect((await ctx.database.db.select().from(periode).where(eq(periode.tahun, 2026))).length).toBe(1);
});
afterAll(async () => {
  await ctx?.close();
  rmSync(uploadDir, { recursive: true, force: true });
});

const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
);

async function upload(client: TestClient, id: string, code: string) {
  const boundary = '----sip-test-boundary';
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="bukti.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
    ),
    PDF,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return client.request('POST', `/api/laporan/${id}/isian/${code}/bukti`, payload, {
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  });
}

/** A kelurahan's March report, filled with evidence, submitted and endorsed by its camat. */
async function endorsedReport(kode: string, comment?: string) {
  const { client: lurah } = await loggedIn(ctx, 'lurah', kode);
  const { client: camat } = await loggedIn(ctx, 'camat', kode.slice(0, 8));
  const { client: verifikator } = await loggedIn(ctx, 'verifikator', '32.73');
  const opened = await lurah.request('POST', '/api/laporan', {
    wilayahKode: kode,
    kind: 'bulanan',
    bulan: 3,
  });
  const d = opened.json() as LaporanDetail;
  const saved = await lurah.request('PATCH', `/api/laporan/${d.id}/isian`, {
    entries: d.indikatorCodes.map((code) => ({ indikatorCode: code, value: 1, version: 0 })),
  });
  expect(saved.statusCode, saved.body).toBe(200);
  for (const code of d.indikatorCodes) expect((await upload(lurah, d.id, code)).statusCode).toBe(201);
  const fresh = (await lurah.request('GET', `/api/laporan/${d.id}`)).json() as LaporanDetail;
  const sub = await lurah.request('POST', `/api/laporan/${d.id}/ajukan`, { version: fresh.version });
  expect(sub.statusCode, sub.body).toBe(200);
  const end = await camat.request('POST', `/api/laporan/${d.id}/sahkan`, {
    version: sub.json().version,
    ...(comment === undefined ? {} : { comment }),
  });
  expect(end.statusCode, end.body).toBe(200);
  return { lurah, camat, verifikator, detail: end.json() as LaporanDetail };
}

const entryOf = (d: LaporanDetail, code: string) => d.entries.find((e) => e.indikatorCode === code)!;

describe('endorse and approve with a comment', () => {
  it('the camat and the verifikator comments are kept as the reasons of their timeline rows', async () => {
    const { verifikator, detail } = await endorsedReport('32.73.02.1001', '  Data sudah dicek camat  ');
    const accepted = await verifikator.request('POST', `/api/laporan/${detail.id}/terima-semua`, {
      entries: detail.entries.map((e) => ({ indikatorCode: e.indikatorCode, version: e.version })),
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const tooLong = await verifikator.request('POST', `/api/laporan/${detail.id}/setujui`, {
      version: detail.version,
      comment: 'x'.repeat(1001),
    });
    expect(tooLong.statusCode).toBe(400);
    const ok = await verifikator.request('POST', `/api/laporan/${detail.id}/setujui`, {
      version: detail.version,
      comment: 'Lengkap, terima kasih',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().status).toBe('diverifikasi');
    const items = (await verifikator.request('GET', `/api/laporan/${detail.id}/timeline`)).json()
      .items as TimelineItem[];
    expect(items.find((i) => i.action === 'laporan.endorsed')?.reason).toBe('Data sudah dicek camat');
    expect(items.find((i) => i.action === 'laporan.approved')?.reason).toBe('Lengkap, terima kasih');
  });

  it('without a comment the rows keep no reason', async () => {
    const { verifikator, detail } = await endorsedReport('32.73.02.1002');
    await verifikator.request('POST', `/api/laporan/${detail.id}/terima-semua`, {
      entries: detail.entries.map((e) => ({ indikatorCode: e.indikatorCode, version: e.version })),
    });
    const ok = await verifikator.request('POST', `/api/laporan/${detail.id}/setujui`, {
      version: detail.version,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const rows = await ctx.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, detail.id), eq(auditLog.action, 'laporan.approved')));
    expect(rows.map((r) => r.reason)).toEqual([null]);
  });
});

describe('accepting every undecided entry at once', () => {
  it('accepts the undecided entries, leaves the decided ones alone and audits each', async () => {
    const { verifikator, detail } = await endorsedReport('32.73.01.1001');
    const b13 = entryOf(detail, 'B1.3');
    const rejected = await verifikator.request('PUT', `/api/laporan/${detail.id}/isian/B1.3/keputusan`, {
      version: b13.version,
      decision: 'ditolak',
      reason: 'Tidak ada rekap pengaduan',
    });
    expect(rejected.statusCode).toBe(200);
    const seen = rejected.json() as LaporanDetail;
    const undecided = seen.entries.filter((e) => !e.decision);
    expect(undecided).toHaveLength(seen.indikatorCodes.length - 1);
    const res = await verifikator.request('POST', `/api/laporan/${detail.id}/terima-semua`, {
      entries: undecided.map((e) => ({ indikatorCode: e.indikatorCode, version: e.version })),
    });
    expect(res.statusCode, res.body).toBe(200);
    const after = res.json() as LaporanDetail;
    expect(entryOf(after, 'B1.3')).toMatchObject({
      decision: 'ditolak',
      decisionReason: 'Tidak ada rekap pengaduan',
    });
    for (const e of undecided)
      expect(entryOf(after, e.indikatorCode)).toMatchObject({ decision: 'diterima', decisionReason: null });
    const rows = await ctx.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, detail.id), eq(auditLog.action, 'laporan.entry_decided')));
    expect(rows).toHaveLength(seen.indikatorCodes.length);
    expect(rows.filter((r) => (r.after as { bulk?: boolean }).bulk)).toHaveLength(undecided.length);
    // Nothing left to accept.
    const again = await verifikator.request('POST', `/api/laporan/${detail.id}/terima-semua`, {
      entries: undecided.map((e) => ({ indikatorCode: e.indikatorCode, version: e.version })),
    });
    expect(again.statusCode).toBe(409);
  });

  it('writes nothing when what the verifikator saw is stale', async () => {
    const { verifikator, detail } = await endorsedReport('32.73.01.1002');
    const all = detail.entries.map((e) => ({ indikatorCode: e.indikatorCode, version: e.version }));
    // Someone decided B1.2 meanwhile: the list no longer matches.
    const b12 = entryOf(detail, 'B1.2');
    await verifikator.request('PUT', `/api/laporan/${detail.id}/isian/B1.2/keputusan`, {
      version: b12.version,
      decision: 'ditolak',
      reason: 'Salah hitung',
    });
    const stale = await verifikator.request('POST', `/api/laporan/${detail.id}/terima-semua`, {
      entries: all,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('STALE');
    // A wrong version of an entry: nothing is written either.
    const rest = all.filter((e) => e.indikatorCode !== 'B1.2');
    const wrong = await verifikator.request('POST', `/api/laporan/${detail.id}/terima-semua`, {
      entries: rest.map((e, i) => (i === rest.length - 1 ? { ...e, version: e.version + 5 } : e)),
    });
    expect(wrong.statusCode).toBe(409);
    const now = (await verifikator.request('GET', `/api/laporan/${detail.id}`)).json() as LaporanDetail;
    expect(now.entries.filter((e) => e.decision === 'diterima')).toHaveLength(0);
    expect(entryOf(now, 'B1.2').decision).toBe('ditolak');
  });

  it('only a verifikator, only while the report waits for him', async () => {
    const { lurah, camat, verifikator } = await endorsedReport('32.73.01.1003');
    const { client: lurah2 } = await loggedIn(ctx, 'lurah', '32.73.03.1001');
    const d = (
      await lurah2.request('POST', '/api/laporan', {
        wilayahKode: '32.73.03.1001',
        kind: 'bulanan',
        bulan: 3,
      })
    ).json() as LaporanDetail;
    const body = { entries: [{ indikatorCode: 'B1.2', version: 0 }] };
    // A draft waits for the unit.
    const draft = await verifikator.request('POST', `/api/laporan/${d.id}/terima-semua`, body);
    expect(draft.statusCode).toBe(409);
    expect(draft.json().error.message).toMatch(/tidak sedang menunggu verifikasi/);
    expect((await camat.request('POST', `/api/laporan/${d.id}/terima-semua`, body)).statusCode).toBe(404);
    expect((await lurah.request('POST', `/api/laporan/${d.id}/terima-semua`, body)).statusCode).toBe(404);
  });
});

describe('the evidence viewer', () => {
  const PNG = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
    'base64',
  );

  it('serves PDF and images inline only with ?tampil=1, still sandboxed, and audits each view', async () => {
    const { verifikator, detail } = await endorsedReport('32.73.04.1001');
    const pdf = detail.evidence[0]!;
    const viewed = await verifikator.request('GET', `/api/bukti/${pdf.id}?tampil=1`);
    expect(viewed.statusCode).toBe(200);
    expect(viewed.headers['content-type']).toBe('application/pdf');
    expect(viewed.headers['content-disposition']).toMatch(/^inline; filename="bukti.pdf"/);
    expect(viewed.headers['content-security-policy']).toBe(
      "default-src 'none'; sandbox; frame-ancestors 'self'",
    );
    expect(viewed.headers['x-content-type-options']).toBe('nosniff');
    expect(viewed.headers['x-frame-options']).toBe('SAMEORIGIN');
    // Without the query it stays a download that no page may frame.
    const dl = await verifikator.request('GET', `/api/bukti/${pdf.id}`);
    expect(dl.headers['content-disposition']).toMatch(/^attachment; filename="bukti.pdf"/);
    expect(dl.headers['content-security-policy']).toBe("default-src 'none'; sandbox");
    expect(dl.headers['x-frame-options']).toBe('DENY');
    expect((await verifikator.request('GET', `/api/bukti/${pdf.id}?tampil=ya`)).statusCode).toBe(400);

    const rows = await ctx.database.db.select().from(auditLog).where(eq(auditLog.entityId, pdf.id));
    expect(rows.map((r) => r.action).sort()).toEqual(['evidence.downloaded', 'evidence.viewed']);
    expect(rows.find((r) => r.action === 'evidence.viewed')).toMatchObject({
      entity: 'bukti',
      after: expect.objectContaining({ filename: 'bukti.pdf', bytes: PDF.length }),
    });
  });

  it('an image is shown inline too', async () => {
    const kode = '32.73.04.1002';
    const { client: lurah } = await loggedIn(ctx, 'lurah', kode);
    const d = (
      await lurah.request('POST', '/api/laporan', { wilayahKode: kode, kind: 'bulanan', bulan: 3 })
    ).json() as LaporanDetail;
    const boundary = '----sip-test-boundary';
    const payload = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="foto.png"\r\nContent-Type: image/png\r\n\r\n`,
      ),
      PNG,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const up = await lurah.request('POST', `/api/laporan/${d.id}/isian/B1.2/bukti`, payload, {
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    expect(up.statusCode, up.body).toBe(201);
    const res = await lurah.request('GET', `/api/bukti/${up.json().id}?tampil=1`);
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.headers['content-disposition']).toMatch(/^inline; filename="foto.png"/);
  });
});

describe('changed since the reviewer returned it', () => {
  it('marks for the reviewer who returned it the entries whose value, note or evidence changed', async () => {
    const kode = '32.73.03.1002';
    const { lurah, camat, verifikator, detail } = await endorsedReport(kode);
    expect(detail.sinceReturn).toBeNull();
    const seen = (await verifikator.request('GET', `/api/laporan/${detail.id}`)).json() as LaporanDetail;
    expect(seen.sinceReturn).toBeNull();
    const ret = await verifikator.request('POST', `/api/laporan/${detail.id}/kembalikan`, {
      version: seen.version,
      reason: 'Perbaiki B1.2, B1.3 dan bukti B3.1',
    });
    expect(ret.statusCode, ret.body).toBe(200);
    let back = (await lurah.request('GET', `/api/laporan/${detail.id}`)).json() as LaporanDetail;
    expect(back.sinceReturn).toBeNull();
    // B1.2: a new value; B1.3: only the note; B3.1: its file replaced; B2.2: changed and changed back.
    const v = (code: string) => entryOf(back, code).version;
    const save = async (entries: object[]) => {
      const r = await lurah.request('PATCH', `/api/laporan/${detail.id}/isian`, { entries });
      expect(r.statusCode, r.body).toBe(200);
    };
    await save([
      { indikatorCode: 'B1.2', value: 2, version: v('B1.2') },
      { indikatorCode: 'B1.3', value: 1, note: 'Rekap terlampir', version: v('B1.3') },
      { indikatorCode: 'B2.2', value: 5, version: v('B2.2') },
    ]);
    back = (await lurah.request('GET', `/api/laporan/${detail.id}`)).json() as LaporanDetail;
    await save([{ indikatorCode: 'B2.2', value: 1, version: entryOf(back, 'B2.2').version }]);
    const old = back.evidence.find((e) => e.indikatorCode === 'B3.1')!;
    expect((await lurah.request('DELETE', `/api/bukti/${old.id}`)).statusCode).toBe(200);
    expect((await upload(lurah, detail.id, 'B3.1')).statusCode).toBe(201);
    back = (await lurah.request('GET', `/api/laporan/${detail.id}`)).json() as LaporanDetail;
    const sub = await lurah.request('POST', `/api/laporan/${detail.id}/ajukan`, { version: back.version });
    expect(sub.statusCode, sub.body).toBe(200);
    // Back with the camat first: he did not return it, so nothing is marked for him.
    const forCamat = (await camat.request('GET', `/api/laporan/${detail.id}`)).json() as LaporanDetail;
    expect(forCamat.sinceReturn).toBeNull();
    const end = await camat.request('POST', `/api/laporan/${detail.id}/sahkan`, {
      version: forCamat.version,
    });
    expect(end.statusCode).toBe(200);
    const forVerifikator = (
      await verifikator.request('GET', `/api/laporan/${detail.id}`)
    ).json() as LaporanDetail;
    expect(forVerifikator.sinceReturn).toEqual({
      returnedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      changed: ['B1.2', 'B1.3', 'B3.1'],
    });
    // The unit does not get the reviewer's marker.
    expect(
      ((await lurah.request('GET', `/api/laporan/${detail.id}`)).json() as LaporanDetail).sinceReturn,
    ).toBeNull();
  });
});

describe('reviewers are told when a report waits for them', () => {
  const kinds = async (client: TestClient, laporanId: string) =>
    (
      (await client.request('GET', '/api/notifications')).json().items as {
        kind: string;
        laporanId: string | null;
        message: string;
      }[]
    ).filter((n) => n.laporanId === laporanId);

  it('the camat on submission, the verifikator on endorsement, never the unit or the one who acted', async () => {
    const kode = '32.73.05.1001';
    const { client: lurah } = await loggedIn(ctx, 'lurah', kode);
    const { client: camat } = await loggedIn(ctx, 'camat', '32.73.05');
    const { client: camatLain } = await loggedIn(ctx, 'camat', '32.73.01');
    const { client: verifikator } = await loggedIn(ctx, 'verifikator', '32.73');
    const d = (
      await lurah.request('POST', '/api/laporan', { wilayahKode: kode, kind: 'bulanan', bulan: 3 })
    ).json() as LaporanDetail;
    await lurah.request('PATCH', `/api/laporan/${d.id}/isian`, {
      entries: d.indikatorCodes.map((code) => ({ indikatorCode: code, value: 1, version: 0 })),
    });
    for (const code of d.indikatorCodes) await upload(lurah, d.id, code);
    const fresh = (await lurah.request('GET', `/api/laporan/${d.id}`)).json() as LaporanDetail;
    const sub = await lurah.request('POST', `/api/laporan/${d.id}/ajukan`, { version: fresh.version });
    expect(sub.statusCode, sub.body).toBe(200);
    expect(await kinds(camat, d.id)).toEqual([
      expect.objectContaining({
        kind: 'menunggu_kajian',
        message: expect.stringMatching(/menunggu pengesahan Anda/),
      }),
    ]);
    expect(await kinds(camatLain, d.id)).toEqual([]);
    expect(await kinds(verifikator, d.id)).toEqual([]);
    const end = await camat.request('POST', `/api/laporan/${d.id}/sahkan`, { version: sub.json().version });
    expect(end.statusCode).toBe(200);
    expect(await kinds(verifikator, d.id)).toEqual([
      expect.objectContaining({
        kind: 'menunggu_kajian',
        message: expect.stringMatching(/menunggu verifikasi Anda/),
      }),
    ]);
    expect((await kinds(camat, d.id)).filter((n) => n.kind === 'menunggu_kajian')).toHaveLength(1);
    expect((await kinds(lurah, d.id)).map((n) => n.kind)).toEqual(['disahkan']);
  });
});

describe('a discussion per indicator', () => {
  it('the unit and its reviewers write, each marked with the role written in; others only read or not at all', async () => {
    const kode = '32.73.05.1002';
    const { lurah, camat, verifikator, detail } = await endorsedReport(kode);
    const { client: analis } = await loggedIn(ctx, 'analis', '32.73');
    const { client: lurahLain } = await loggedIn(ctx, 'lurah', '32.73.01.1004');
    const url = (code: string) => `/api/laporan/${detail.id}/isian/${code}/komentar`;
    const q = await verifikator.request('POST', url('B1.3'), { isi: '  Rekap pengaduan bulan apa?  ' });
    expect(q.statusCode, q.body).toBe(200);
    const a = await lurah.request('POST', url('B1.3'), { isi: 'Rekap Maret, halaman 2.' });
    expect(a.statusCode, a.body).toBe(200);
    expect((await camat.request('POST', url('B1.2'), { isi: 'Sudah saya cek.' })).statusCode).toBe(200);
    const list = (await lurah.request('GET', `/api/laporan/${detail.id}/komentar`)).json();
    expect(list.canComment).toBe(true);
    expect(
      list.items.map((k: { indikatorCode: string; peran: string; isi: string }) => [
        k.indikatorCode,
        k.peran,
        k.isi,
      ]),
    ).toEqual([
      ['B1.3', 'verifikator', 'Rekap pengaduan bulan apa?'],
      ['B1.3', 'unit', 'Rekap Maret, halaman 2.'],
      ['B1.2', 'camat', 'Sudah saya cek.'],
    ]);
    // Empty or unknown indicator: refused; an analis reads but does not write; another unit sees nothing.
    expect((await lurah.request('POST', url('B1.3'), { isi: '   ' })).statusCode).toBe(400);
    expect((await lurah.request('POST', url('B9.9'), { isi: 'Salah indikator' })).statusCode).toBe(404);
    const analisList = await analis.request('GET', `/api/laporan/${detail.id}/komentar`);
    expect(analisList.statusCode).toBe(200);
    expect(analisList.json().canComment).toBe(false);
    expect((await analis.request('POST', url('B1.3'), { isi: 'Ikut berkomentar' })).statusCode).toBe(403);
    expect((await lurahLain.request('GET', `/api/laporan/${detail.id}/komentar`)).statusCode).toBe(404);
    // In the report's history too.
    const items = (await lurah.request('GET', `/api/laporan/${detail.id}/timeline`)).json()
      .items as TimelineItem[];
    expect(items.filter((i) => i.action === 'laporan.commented').map((i) => i.after)).toContainEqual(
      expect.objectContaining({ indikatorCode: 'B1.3', isi: 'Rekap Maret, halaman 2.' }),
    );
  });
});
