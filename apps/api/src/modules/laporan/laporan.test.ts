import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type LaporanDetail, previewInputOf } from '@sip/contracts';
import { createScorer, previewRapor } from '@sip/scoring';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  eventually,
  loggedIn,
  type TestClient,
  type TestContext,
} from '../../../test/helpers';
import { auditLog } from '../../db/schema/audit';
import { roleAssignments } from '../../db/schema/auth';
import { evidence, laporan } from '../../db/schema/laporan';
import { periode } from '../../db/schema/periode';
import { seedDemoPeriode } from '../../demo/seed';

/** A clock the tests move: 5 April 2026, 10.00 WIB (the March report is open and due on 10 April). */
const clock = {
  t: new Date('2026-04-05T03:00:00Z'),
  now() {
    return this.t;
  },
};
const APRIL_5 = new Date('2026-04-05T03:00:00Z');

let ctx: TestContext;
let periodeId: string;
let uploadDir: string;

beforeAll(async () => {
  uploadDir = mkdtempSync(path.join(tmpdir(), 'sip-uploads-'));
  ctx = await createTestApp({ UPLOAD_DIR: uploadDir, LOGIN_RATE_LIMIT_PER_MINUTE: '1000' }, { clock });
  const db = ctx.database.db;
  await seedDemoPeriode(db, '32.73', 2026, APRIL_5);
  periodeId = (await db.select().from(periode).where(eq(periode.tahun, 2026)))[0]!.id;
});
afterAll(async () => {
  await ctx?.close();
  rmSync(uploadDir, { recursive: true, force: true });
});

const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
);
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
const KELURAHAN_MONTHLY = ['B1.2', 'B1.3', 'B2.2', 'B3.1', 'B3.2', 'B3.4'];
const GOOD: Record<string, number> = { 'B1.2': 96, 'B1.3': 90, 'B2.2': 1, 'B3.1': 2, 'B3.2': 80, 'B3.4': 1 };

function multipart(name: string, data: Buffer, type = 'application/octet-stream') {
  const boundary = '----sip-test-boundary';
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`,
    ),
    data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

async function upload(client: TestClient, id: string, code: string, name = 'bukti.pdf', data = PDF) {
  const { payload, headers } = multipart(name, data);
  return client.request('POST', `/api/laporan/${id}/isian/${code}/bukti`, payload, { headers });
}

async function open(client: TestClient, kode: string, bulan: number | null = 3) {
  return client.request('POST', '/api/laporan', {
    wilayahKode: kode,
    kind: bulan === null ? 'tahunan' : 'bulanan',
    bulan,
  });
}

/** Opens, fills every entry with evidence and returns the fresh detail. */
async function filled(client: TestClient, kode: string, bulan = 3): Promise<LaporanDetail> {
  const opened = await open(client, kode, bulan);
  expect([200, 201]).toContain(opened.statusCode);
  const d = opened.json() as LaporanDetail;
  const saved = await client.request('PATCH', `/api/laporan/${d.id}/isian`, {
    entries: d.indikatorCodes.map((code) => ({ indikatorCode: code, value: GOOD[code] ?? 1, version: 0 })),
  });
  expect(saved.statusCode, saved.body).toBe(200);
  for (const code of d.indikatorCodes) expect((await upload(client, d.id, code)).statusCode).toBe(201);
  return (await client.request('GET', `/api/laporan/${d.id}`)).json();
}

async function statusOf(id: string) {
  return (await ctx.database.db.select().from(laporan).where(eq(laporan.id, id)))[0]!;
}

describe('opening and filling a report', () => {
  it('a lurah opens his monthly report (created on first open) with the indicators of his level', async () => {
    clock.t = APRIL_5;
    const { client } = await loggedIn(ctx, 'lurah', '32.73.02.1001');
    const first = await open(client, '32.73.02.1001');
    expect(first.statusCode, first.body).toBe(201);
    const d = first.json() as LaporanDetail;
    expect(d).toMatchObject({
      status: 'draf',
      kind: 'bulanan',
      bulan: 3,
      wilayahNama: 'Cipaganti',
      kecamatanNama: 'Coblong',
      lockReason: null,
      dueAt: '2026-04-10T16:59:59.999Z',
      permissions: { edit: true, submit: true, endorse: false, verify: false },
    });
    expect(d.indikatorCodes).toEqual(KELURAHAN_MONTHLY);
    const again = await open(client, '32.73.02.1001');
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(d.id);
    const annual = (await open(client, '32.73.02.1001', null)).json() as LaporanDetail;
    expect(annual.indikatorCodes).toEqual(['B2.3', 'B3.3', 'B4.1', 'B4.2']);
    const overview = await client.request('GET', '/api/laporan/unit/32.73.02.1001');
    expect(overview.statusCode).toBe(200);
    const o = overview.json();
    expect(o.reports).toHaveLength(13);
    expect(o.reports[2]).toMatchObject({ bulan: 3, id: d.id, status: 'draf', open: true });
    expect(o.reports[4]).toMatchObject({ bulan: 5, id: null, open: false });
  });

  it('a month that has not started cannot be opened yet', async () => {
    clock.t = APRIL_5;
    const { client } = await loggedIn(ctx, 'lurah', '32.73.02.1001');
    const res = await open(client, '32.73.02.1001', 6);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toMatch(/baru dapat diisi mulai 1 Juni 2026/);
  });

  it('saves entries with versions; wrong types and out-of-range values are refused naming the field', async () => {
    clock.t = APRIL_5;
    const { client } = await loggedIn(ctx, 'lurah', '32.73.02.1002');
    const d = (await open(client, '32.73.02.1002')).json() as LaporanDetail;
    const url = `/api/laporan/${d.id}/isian`;
    const ok = await client.request('PATCH', url, {
      entries: [
        { indikatorCode: 'B1.2', value: 95.5, note: 'Rekap register layanan', version: 0 },
        {
          indikatorCode: 'B3.4',
          value: null,
          tidakBerlaku: true,
          tidakBerlakuReason: 'Tidak ada titik',
          version: 0,
        },
      ],
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().entries).toEqual([
      expect.objectContaining({
        indikatorCode: 'B1.2',
        value: 95.5,
        note: 'Rekap register layanan',
        version: 1,
      }),
      expect.objectContaining({ indikatorCode: 'B3.4', value: null, tidakBerlaku: true, version: 1 }),
    ]);
    const outOfRange = await client.request('PATCH', url, {
      entries: [
        { indikatorCode: 'B1.3', value: 50, version: 0 },
        { indikatorCode: 'B1.2', value: 120, version: 1 },
      ],
    });
    expect(outOfRange.statusCode).toBe(400);
    expect(outOfRange.json().error.details).toEqual([
      {
        path: 'body.entries.1.value',
        message: 'B1.2: 120 terlalu besar. Nilai yang diterima: 0–100, boleh desimal.',
      },
    ]);
    // A count (B2.2 kegiatan) takes whole numbers only: 2,5 is refused with the rule, not rounded.
    const fraction = await client.request('PATCH', url, {
      entries: [{ indikatorCode: 'B2.2', value: 2.5, version: 0 }],
    });
    expect(fraction.statusCode).toBe(400);
    expect(fraction.json().error.details).toEqual([
      {
        path: 'body.entries.0.value',
        message: 'B2.2: Harus bilangan bulat (2,5). Nilai yang diterima: bilangan bulat, 0 atau lebih.',
      },
    ]);
    const wrongType = await client.request('PATCH', url, {
      entries: [{ indikatorCode: 'B1.2', value: 'sembilan', version: 1 }],
    });
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.json().error.details[0].path).toBe('body.entries.0.value');
    const negative = await client.request('PATCH', url, {
      entries: [{ indikatorCode: 'B2.2', value: -1, version: 0 }],
    });
    expect(negative.statusCode).toBe(400);
    const foreign = await client.request('PATCH', url, {
      entries: [{ indikatorCode: 'B2.3', value: 1, version: 0 }],
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.message).toMatch(/tidak termasuk laporan ini/);
    // Nothing of the refused writes landed.
    const after = (await client.request('GET', `/api/laporan/${d.id}`)).json() as LaporanDetail;
    expect(after.entries.map((e) => [e.indikatorCode, e.value, e.version])).toEqual([
      ['B1.2', 95.5, 1],
      ['B3.4', null, 1],
    ]);
  });

  it('a stale entry version gets 409 and never overwrites; two racing saves: exactly one wins', async () => {
    clock.t = APRIL_5;
    const { client } = await loggedIn(ctx, 'lurah', '32.73.02.1003');
    const d = (await open(client, '32.73.02.1003')).json() as LaporanDetail;
    const url = `/api/laporan/${d.id}/isian`;
    const results = await Promise.all(
      [70, 80].map((value) =>
        client.request('PATCH', url, { entries: [{ indikatorCode: 'B1.2', value, version: 0 }] }),
      ),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const loser = results.find((r) => r.statusCode === 409)!;
    expect(loser.json().error).toMatchObject({
      code: 'STALE',
      message: expect.stringContaining('Muat ulang'),
    });
    const winner = results.find((r) => r.statusCode === 200)!.json().entries[0].value;
    const stale = await client.request('PATCH', url, {
      entries: [{ indikatorCode: 'B1.2', value: 10, version: 0 }],
    });
    expect(stale.statusCode).toBe(409);
    const now = (await client.request('GET', `/api/laporan/${d.id}`)).json() as LaporanDetail;
    expect(now.entries[0]).toMatchObject({ value: winner, version: 1 });
  });

  it("another unit's lurah gets 404 for reading, opening and writing; an operator fills but never submits (403)", async () => {
    clock.t = APRIL_5;
    const { client: owner } = await loggedIn(ctx, 'lurah', '32.73.02.1005');
    const d = (await open(owner, '32.73.02.1005')).json() as LaporanDetail;
    const { client: other } = await loggedIn(ctx, 'lurah', '32.73.01.1001');
    expect((await other.request('GET', `/api/laporan/${d.id}`)).statusCode).toBe(404);
    expect((await open(other, '32.73.02.1005')).statusCode).toBe(404);
    const write = await other.request('PATCH', `/api/laporan/${d.id}/isian`, {
      entries: [{ indikatorCode: 'B1.2', value: 1, version: 0 }],
    });
    expect(write.statusCode).toBe(404);
    expect((await other.request('GET', '/api/laporan/unit/32.73.02.1005')).statusCode).toBe(404);
    expect((await upload(other, d.id, 'B1.2')).statusCode).toBe(404);

    const { client: operator } = await loggedIn(ctx, 'operator', '32.73.02.1005');
    const save = await operator.request('PATCH', `/api/laporan/${d.id}/isian`, {
      entries: [{ indikatorCode: 'B1.2', value: 88, version: 0 }],
    });
    expect(save.statusCode).toBe(200);
    expect((await upload(operator, d.id, 'B1.2')).statusCode).toBe(201);
    const sub = await operator.request('POST', `/api/laporan/${d.id}/ajukan`, { version: d.version });
    expect(sub.statusCode).toBe(403);
    expect((await statusOf(d.id)).status).toBe('draf');
    const opDetail = (await operator.request('GET', `/api/laporan/${d.id}`)).json() as LaporanDetail;
    expect(opDetail.permissions).toMatchObject({ edit: true, submit: false });
  });
});

describe('evidence uploads', () => {
  it('stores a PDF under a generated name with its checksum and serves it only in scope, as an attachment', async () => {
    clock.t = APRIL_5;
    const { client } = await loggedIn(ctx, 'lurah', '32.73.02.1006');
    const d = (await open(client, '32.73.02.1006')).json() as LaporanDetail;
    const res = await upload(client, d.id, 'B1.2', 'Rekap layanan Maret.pdf');
    expect(res.statusCode, res.body).toBe(201);
    const ev = res.json();
    expect(ev).toMatchObject({
      indikatorCode: 'B1.2',
      originalName: 'Rekap layanan Maret.pdf',
      mime: 'application/pdf',
      size: PDF.length,
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    const [row] = await ctx.database.db.select().from(evidence).where(eq(evidence.id, ev.id));
    expect(row!.storageKey).not.toContain('Rekap');
    const dl = await client.request('GET', `/api/bukti/${ev.id}`);
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-disposition']).toMatch(/^attachment; filename="Rekap layanan Maret.pdf"/);
    expect(dl.headers['x-content-type-options']).toBe('nosniff');
    expect(dl.rawPayload.equals(PDF)).toBe(true);
    const { client: camat } = await loggedIn(ctx, 'camat', '32.73.02');
    expect((await camat.request('GET', `/api/bukti/${ev.id}`)).statusCode).toBe(200);
    const { client: other } = await loggedIn(ctx, 'lurah', '32.73.01.1002');
    expect((await other.request('GET', `/api/bukti/${ev.id}`)).statusCode).toBe(404);
    // Each download is audited (who, which file, how big); the refused one is not a download.
    const downloads = await ctx.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'evidence.downloaded'), eq(auditLog.entityId, ev.id)));
    expect(downloads.map((r) => r.after)).toEqual([
      expect.objectContaining({ filename: 'Rekap layanan Maret.pdf', bytes: PDF.length }),
      expect.objectContaining({ filename: 'Rekap layanan Maret.pdf', bytes: PDF.length }),
    ]);
    expect(downloads.map((r) => r.entity)).toEqual(['bukti', 'bukti']);
    const png = await upload(client, d.id, 'B1.3', 'foto.png', PNG);
    expect(png.json()).toMatchObject({ mime: 'image/png' });
  });

  it('refuses a file too big, of a forbidden type or renamed, and leaves nothing behind', async () => {
    clock.t = APRIL_5;
    const { client } = await loggedIn(ctx, 'lurah', '32.73.02.1006');
    const d = (await open(client, '32.73.02.1006')).json() as LaporanDetail;
    const before = await ctx.database.db.select().from(evidence).where(eq(evidence.laporanId, d.id));
    const files = () => countFiles(uploadDir);
    const filesBefore = files();
    const big = Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]);
    const tooBig = await upload(client, d.id, 'B1.2', 'besar.pdf', big);
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json().error.message).toMatch(/maksimal 10 MB/);
    const html = await upload(
      client,
      d.id,
      'B1.2',
      'laporan.html',
      Buffer.from('<html><script>alert(1)</script></html>'),
    );
    expect(html.statusCode).toBe(400);
    expect(html.json().error.message).toMatch(/PDF, JPEG atau PNG/);
    const exe = await upload(
      client,
      d.id,
      'B1.2',
      'bukti.pdf',
      Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff'),
    );
    expect(exe.statusCode).toBe(400);
    const renamed = await upload(client, d.id, 'B1.2', 'bukti.pdf', PNG);
    expect(renamed.statusCode).toBe(400);
    expect(renamed.json().error.message).toMatch(/tidak sesuai dengan namanya/);
    const after = await ctx.database.db.select().from(evidence).where(eq(evidence.laporanId, d.id));
    expect(after).toHaveLength(before.length);
    expect(files()).toBe(filesBefore);
  });
});

function countFiles(dir: string): number {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length;
  } catch {
    return 0;
  }
}

describe('removing evidence', () => {
  it('the unit removes a file while the report is open (row and file gone); never after submitting', async () => {
    clock.t = APRIL_5;
    const kode = '32.73.03.1004';
    const { client } = await loggedIn(ctx, 'lurah', kode);
    const d = await filled(client, kode);
    const extra = (await upload(client, d.id, 'B1.2', 'tambahan.pdf')).json();
    const filesBefore = countFiles(uploadDir);
    const { client: other } = await loggedIn(ctx, 'lurah', '32.73.01.1001');
    expect((await other.request('DELETE', `/api/bukti/${extra.id}`)).statusCode).toBe(404);
    const del = await client.request('DELETE', `/api/bukti/${extra.id}`);
    expect(del.statusCode, del.body).toBe(200);
    expect(await ctx.database.db.select().from(evidence).where(eq(evidence.id, extra.id))).toHaveLength(0);
    expect(countFiles(uploadDir)).toBe(filesBefore - 1);
    expect((await client.request('GET', `/api/bukti/${extra.id}`)).statusCode).toBe(404);
    const s = await client.request('POST', `/api/laporan/${d.id}/ajukan`, { version: d.version });
    expect(s.statusCode, s.body).toBe(200);
    const kept = d.evidence[0]!;
    const late = await client.request('DELETE', `/api/bukti/${kept.id}`);
    expect(late.statusCode).toBe(409);
    expect((await upload(client, d.id, 'B1.2')).statusCode).toBe(409);
    const tl = (await client.request('GET', `/api/laporan/${d.id}/timeline`)).json().items;
    expect(tl.some((x: { action: string }) => x.action === 'evidence.deleted')).toBe(true);
  });
});

describe('submit, endorsement, verification', () => {
  it('submit lists what is missing and changes nothing', async () => {
    clock.t = APRIL_5;
    const { client } = await loggedIn(ctx, 'lurah', '32.73.02.1002');
    const d = (await open(client, '32.73.02.1002')).json() as LaporanDetail;
    const res = await client.request('POST', `/api/laporan/${d.id}/ajukan`, { version: d.version });
    expect(res.statusCode).toBe(400);
    const err = res.json().error;
    expect(err.message).toMatch(/Laporan belum lengkap/);
    const codes = err.details.map((x: { indikatorCode: string }) => x.indikatorCode);
    expect(codes).toEqual(expect.arrayContaining(['B1.2', 'B1.3', 'B2.2', 'B3.1', 'B3.2']));
    expect(err.details.find((x: { indikatorCode: string }) => x.indikatorCode === 'B1.2').message).toMatch(
      /bukti dukung/,
    );
    expect((await statusOf(d.id)).status).toBe('draf');
  });

  it('the whole chain: submit → camat returns → resubmit → camat endorses → verifikator corrects and approves → locked', async () => {
    clock.t = APRIL_5;
    const dago = '32.73.02.1004';
    const { client: lurah, user: lurahUser } = await loggedIn(ctx, 'lurah', dago);
    const { client: camat, user: camatUser } = await loggedIn(ctx, 'camat', '32.73.02');
    const { client: camatLain } = await loggedIn(ctx, 'camat', '32.73.01');
    const { client: verifikator, user: verifikatorUser } = await loggedIn(ctx, 'verifikator', '32.73');
    const d = await filled(lurah, dago);

    // Nobody but the camat acts while the report waits for him.
    const early = await verifikator.request('POST', `/api/laporan/${d.id}/setujui`, { version: d.version });
    expect(early.statusCode).toBe(409);
    const sub = await lurah.request('POST', `/api/laporan/${d.id}/ajukan`, { version: d.version });
    expect(sub.statusCode, sub.body).toBe(200);
    const s1 = sub.json() as LaporanDetail;
    expect(s1).toMatchObject({
      status: 'diajukan',
      waitingFor: 'camat',
      late: false,
      endorsementRequired: true,
    });
    expect(s1.lockReason).toMatch(/menunggu pengesahan camat/);
    // Double submit: stale, then from the wrong state; nothing changes.
    expect(
      (await lurah.request('POST', `/api/laporan/${d.id}/ajukan`, { version: d.version })).statusCode,
    ).toBe(409);
    const twice = await lurah.request('POST', `/api/laporan/${d.id}/ajukan`, { version: s1.version });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.message).toMatch(/sudah diajukan/);
    // The lurah can no longer write.
    const locked = await lurah.request('PATCH', `/api/laporan/${d.id}/isian`, {
      entries: [{ indikatorCode: 'B1.2', value: 10, version: 1 }],
    });
    expect(locked.statusCode).toBe(409);
    expect(locked.json().error.message).toMatch(/menunggu pengesahan camat/);
    expect(
      (await verifikator.request('POST', `/api/laporan/${d.id}/setujui`, { version: s1.version })).statusCode,
    ).toBe(409);
    expect(
      (await camatLain.request('POST', `/api/laporan/${d.id}/sahkan`, { version: s1.version })).statusCode,
    ).toBe(404);
    expect(
      (await lurah.request('POST', `/api/laporan/${d.id}/sahkan`, { version: s1.version })).statusCode,
    ).toBe(403);

    // The camat returns it with a comment at one entry.
    const noReason = await camat.request('POST', `/api/laporan/${d.id}/kembalikan`, {
      version: s1.version,
      reason: '',
    });
    expect(noReason.statusCode).toBe(400);
    const ret = await camat.request('POST', `/api/laporan/${d.id}/kembalikan`, {
      version: s1.version,
      reason: 'Lengkapi bukti kegiatan',
      comments: [{ indikatorCode: 'B2.2', comment: 'Lampirkan daftar hadir kegiatan' }],
    });
    expect(ret.statusCode, ret.body).toBe(200);
    const r1 = ret.json() as LaporanDetail;
    expect(r1).toMatchObject({
      status: 'dikembalikan',
      waitingFor: 'unit',
      returnReason: 'Lengkapi bukti kegiatan',
    });
    const seen = (await lurah.request('GET', `/api/laporan/${d.id}`)).json() as LaporanDetail;
    expect(seen.entries.find((e) => e.indikatorCode === 'B2.2')).toMatchObject({
      reviewComment: 'Lampirkan daftar hadir kegiatan',
      reviewCommentBy: 'Camat',
    });
    expect(seen.permissions.edit).toBe(true);
    const notes = (await lurah.request('GET', '/api/notifications')).json();
    expect(notes.items.find((n: { kind: string }) => n.kind === 'dikembalikan')).toMatchObject({
      laporanId: d.id,
      message: expect.stringContaining('Lengkapi bukti kegiatan'),
    });
    expect(notes.unread).toBeGreaterThan(0);

    // Fix and resubmit; the camat endorses.
    const b22 = seen.entries.find((e) => e.indikatorCode === 'B2.2')!;
    const fix = await lurah.request('PATCH', `/api/laporan/${d.id}/isian`, {
      entries: [{ indikatorCode: 'B2.2', value: 2, note: 'Daftar hadir dilampirkan', version: b22.version }],
    });
    expect(fix.statusCode).toBe(200);
    const re = await lurah.request('POST', `/api/laporan/${d.id}/ajukan`, { version: r1.version });
    expect(re.statusCode, re.body).toBe(200);
    const end = await camat.request('POST', `/api/laporan/${d.id}/sahkan`, { version: re.json().version });
    expect(end.statusCode, end.body).toBe(200);
    const e1 = end.json() as LaporanDetail;
    expect(e1).toMatchObject({ status: 'dikaji_camat', waitingFor: 'verifikator' });
    expect(
      (await camat.request('POST', `/api/laporan/${d.id}/sahkan`, { version: e1.version })).statusCode,
    ).toBe(409);

    // The verifikator decides every entry: accepts, corrects one with a reason.
    const v = (await verifikator.request('GET', `/api/laporan/${d.id}`)).json() as LaporanDetail;
    expect(v.permissions).toMatchObject({ verify: true, edit: false });
    const notAll = await verifikator.request('POST', `/api/laporan/${d.id}/setujui`, { version: v.version });
    expect(notAll.statusCode).toBe(400);
    expect(notAll.json().error.message).toMatch(/harus diputuskan/);
    const decide = (code: string, body: object) =>
      verifikator.request('PUT', `/api/laporan/${d.id}/isian/${code}/keputusan`, body);
    const entry = (code: string) => v.entries.find((e) => e.indikatorCode === code)!;
    const noWhy = await decide('B1.2', {
      version: entry('B1.2').version,
      decision: 'dikoreksi',
      correctedValue: 90,
    });
    expect(noWhy.statusCode).toBe(400);
    expect(noWhy.json().error.details[0].path).toBe('body.reason');
    const badValue = await decide('B1.2', {
      version: entry('B1.2').version,
      decision: 'dikoreksi',
      correctedValue: 150,
      reason: 'Salah hitung',
    });
    expect(badValue.statusCode).toBe(400);
    const rejectNoWhy = await decide('B1.3', { version: entry('B1.3').version, decision: 'ditolak' });
    expect(rejectNoWhy.statusCode).toBe(400);
    const corrected = await decide('B1.2', {
      version: entry('B1.2').version,
      decision: 'dikoreksi',
      correctedValue: 90,
      reason: 'Register menunjukkan 90%',
    });
    expect(corrected.statusCode, corrected.body).toBe(200);
    const staleDecision = await decide('B1.2', { version: entry('B1.2').version, decision: 'diterima' });
    expect(staleDecision.statusCode).toBe(409);
    const { client: lurahDecides } = { client: lurah };
    expect(
      (
        await lurahDecides.request('PUT', `/api/laporan/${d.id}/isian/B1.3/keputusan`, {
          version: 1,
          decision: 'diterima',
        })
      ).statusCode,
    ).toBe(403);
    for (const code of v.indikatorCodes.filter((c) => c !== 'B1.2')) {
      const r = await decide(code, { version: entry(code).version, decision: 'diterima' });
      expect(r.statusCode, r.body).toBe(200);
    }
    const latest = (await verifikator.request('GET', `/api/laporan/${d.id}`)).json() as LaporanDetail;
    const ok = await verifikator.request('POST', `/api/laporan/${d.id}/setujui`, { version: latest.version });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'diverifikasi', waitingFor: 'none' });

    // The lurah sees the locked report, the corrected value and the reason.
    const final = (await lurah.request('GET', `/api/laporan/${d.id}`)).json() as LaporanDetail;
    expect(final.lockReason).toMatch(/sudah diverifikasi dan dikunci/);
    // The printed report's signature block: who submitted, endorsed and verified it, in that order.
    expect(final.pemdaNama).toMatch(/BANDUNG/);
    expect(final.penandatangan.map((s) => [s.peran, s.jabatan, s.nama])).toEqual([
      ['pelapor', 'Lurah Dago', `Pengguna ${lurahUser.username}`],
      ['camat', 'Camat Coblong', `Pengguna ${camatUser.username}`],
      ['verifikator', 'Verifikator', `Pengguna ${verifikatorUser.username}`],
    ]);
    expect(final.permissions.edit).toBe(false);
    expect(final.entries.find((e) => e.indikatorCode === 'B1.2')).toMatchObject({
      value: 96,
      decision: 'dikoreksi',
      correctedValue: 90,
      decisionReason: 'Register menunjukkan 90%',
    });
    const write = await lurah.request('PATCH', `/api/laporan/${d.id}/isian`, {
      entries: [{ indikatorCode: 'B1.3', value: 1, version: 2 }],
    });
    expect(write.statusCode).toBe(409);
    expect(write.json().error.message).toMatch(/sudah diverifikasi/);
    expect(
      (await lurah.request('GET', '/api/notifications')).json().items.map((n: { kind: string }) => n.kind),
    ).toEqual(expect.arrayContaining(['dikembalikan', 'disahkan', 'diverifikasi']));

    // The timeline tells who did what, when and why.
    const tl = (await lurah.request('GET', `/api/laporan/${d.id}/timeline`)).json().items;
    const actions = tl.map((x: { action: string }) => x.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'laporan.created',
        'laporan.entries_saved',
        'evidence.uploaded',
        'laporan.submitted',
        'laporan.returned',
        'laporan.endorsed',
        'laporan.entry_decided',
        'laporan.approved',
      ]),
    );
    expect(
      tl.find(
        (x: { action: string; after: { decision?: string } }) =>
          x.action === 'laporan.entry_decided' && x.after.decision === 'dikoreksi',
      ),
    ).toMatchObject({
      reason: 'Register menunjukkan 90%',
      before: { value: 96 },
      after: { indikatorCode: 'B1.2', correctedValue: 90 },
    });

    // Scoring reads the corrected value; only an admin reopens, with a reason.
    const { client: admin } = await loggedIn(ctx, 'admin', '32.73');
    expect(
      (
        await lurah.request('POST', `/api/laporan/${d.id}/buka-kembali`, {
          version: final.version,
          reason: 'Perlu revisi',
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await admin.request('POST', `/api/laporan/${d.id}/buka-kembali`, {
          version: final.version,
          reason: '',
        })
      ).statusCode,
    ).toBe(400);
    const reopened = await admin.request('POST', `/api/laporan/${d.id}/buka-kembali`, {
      version: final.version,
      reason: 'Salah ketik nilai pengaduan',
    });
    expect(reopened.statusCode, reopened.body).toBe(200);
    expect(reopened.json()).toMatchObject({
      status: 'dibuka_kembali',
      reopenReason: 'Salah ketik nilai pengaduan',
    });
    expect(
      (
        await admin.request('POST', `/api/laporan/${d.id}/buka-kembali`, {
          version: reopened.json().version,
          reason: 'lagi lagi',
        })
      ).statusCode,
    ).toBe(409);
    const editable = (await lurah.request('GET', `/api/laporan/${d.id}`)).json() as LaporanDetail;
    expect(editable.permissions).toMatchObject({ edit: true, submit: true });
  });

  it('a verifikator returns the whole report; decisions and comments come back to the unit', async () => {
    clock.t = APRIL_5;
    const kode = '32.73.01.1003';
    const { client: lurah } = await loggedIn(ctx, 'lurah', kode);
    const { client: camat } = await loggedIn(ctx, 'camat', '32.73.01');
    const { client: verifikator } = await loggedIn(ctx, 'verifikator', '32.73');
    const d = await filled(lurah, kode);
    const s = (await lurah.request('POST', `/api/laporan/${d.id}/ajukan`, { version: d.version })).json();
    const e = (await camat.request('POST', `/api/laporan/${d.id}/sahkan`, { version: s.version })).json();
    const b13 = e.entries.find((x: { indikatorCode: string }) => x.indikatorCode === 'B1.3');
    const rej = await verifikator.request('PUT', `/api/laporan/${d.id}/isian/B1.3/keputusan`, {
      version: b13.version,
      decision: 'ditolak',
      reason: 'Tidak ada rekap pengaduan',
    });
    expect(rej.statusCode).toBe(200);
    const ret = await verifikator.request('POST', `/api/laporan/${d.id}/kembalikan`, {
      version: rej.json().version,
      reason: 'Perbaiki data pengaduan',
      comments: [{ indikatorCode: 'B1.3', comment: 'Sertakan rekap SP4N-LAPOR!' }],
    });
    expect(ret.statusCode, ret.body).toBe(200);
    const back = (await lurah.request('GET', `/api/laporan/${d.id}`)).json() as LaporanDetail;
    expect(back).toMatchObject({ status: 'dikembalikan', returnReason: 'Perbaiki data pengaduan' });
    expect(back.entries.find((x) => x.indikatorCode === 'B1.3')).toMatchObject({
      decision: 'ditolak',
      decisionReason: 'Tidak ada rekap pengaduan',
      reviewComment: 'Sertakan rekap SP4N-LAPOR!',
      reviewCommentBy: 'Verifikator',
    });
    // Changing the value clears the old decision.
    const b13b = back.entries.find((x) => x.indikatorCode === 'B1.3')!;
    const fixed = await lurah.request('PATCH', `/api/laporan/${d.id}/isian`, {
      entries: [{ indikatorCode: 'B1.3', value: 93, version: b13b.version }],
    });
    expect(
      fixed.json().entries.find((x: { indikatorCode: string }) => x.indikatorCode === 'B1.3'),
    ).toMatchObject({
      value: 93,
      decision: null,
    });
  });

  it('an accepted entry whose evidence is replaced needs a fresh decision', async () => {
    clock.t = APRIL_5;
    const kode = '32.73.04.1001';
    const { client: lurah } = await loggedIn(ctx, 'lurah', kode);
    const { client: camat } = await loggedIn(ctx, 'camat', '32.73.04');
    const { client: verifikator } = await loggedIn(ctx, 'verifikator', '32.73');
    const d = await filled(lurah, kode);
    const s = (await lurah.request('POST', `/api/laporan/${d.id}/ajukan`, { version: d.version })).json();
    let r = (await camat.request('POST', `/api/laporan/${d.id}/sahkan`, { version: s.version })).json();
    for (const x of r.entries as { indikatorCode: string; version: number }[])
      r = (
        await verifikator.request('PUT', `/api/laporan/${d.id}/isian/${x.indikatorCode}/keputusan`, {
          version: x.version,
          decision: 'diterima',
        })
      ).json();
    const ret = await verifikator.request('POST', `/api/laporan/${d.id}/kembalikan`, {
      version: r.version,
      reason: 'Lengkapi satu bukti',
    });
    expect(ret.statusCode, ret.body).toBe(200);
    // The unit swaps the file behind B1.2 (accepted): remove the old one, upload another.
    const back = (await lurah.request('GET', `/api/laporan/${d.id}`)).json() as LaporanDetail;
    const old = back.evidence.find((e) => e.indikatorCode === 'B1.2')!;
    expect((await lurah.request('DELETE', `/api/bukti/${old.id}`)).statusCode).toBe(200);
    expect((await upload(lurah, d.id, 'B1.2', 'bukti-baru.pdf')).statusCode).toBe(201);
    const after = (await lurah.request('GET', `/api/laporan/${d.id}`)).json() as LaporanDetail;
    expect(after.entries.find((x) => x.indikatorCode === 'B1.2')?.decision).toBeNull();
    expect(after.entries.find((x) => x.indikatorCode === 'B1.3')?.decision).toBe('diterima');
    // Resubmitted, it cannot be approved until B1.2 is decided again.
    const again = (
      await lurah.request('POST', `/api/laporan/${d.id}/ajukan`, { version: after.version })
    ).json();
    const endorsed = (
      await camat.request('POST', `/api/laporan/${d.id}/sahkan`, { version: again.version })
    ).json();
    const approve = await verifikator.request('POST', `/api/laporan/${d.id}/setujui`, {
      version: endorsed.version,
    });
    expect(approve.statusCode).toBe(400);
    expect(approve.json().error.message).toMatch(/Belum: B1\.2/);
  });

  it('nobody reviews a report of a unit he reports for', async () => {
    clock.t = APRIL_5;
    const kode = '32.73.01.1004';
    const { client: lurah } = await loggedIn(ctx, 'lurah', kode);
    const d = await filled(lurah, kode);
    // A verifikator who is also operator of that kelurahan.
    const { client: both, user } = await loggedIn(ctx, 'verifikator', '32.73');
    await ctx.database.db
      .insert(roleAssignments)
      .values({ userId: user.id, role: 'operator', wilayahKode: kode });
    // Endorsement is off for this test: the report goes straight to verification.
    await setEndorsement(false);
    try {
      const s = (await lurah.request('POST', `/api/laporan/${d.id}/ajukan`, { version: d.version })).json();
      expect(s).toMatchObject({ status: 'diajukan', waitingFor: 'verifikator', endorsementRequired: false });
      const mine = (await both.request('GET', `/api/laporan/${d.id}`)).json() as LaporanDetail;
      expect(mine.permissions.verify).toBe(false);
      const res = await both.request('PUT', `/api/laporan/${d.id}/isian/B1.2/keputusan`, {
        version: 1,
        decision: 'diterima',
      });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.message).toMatch(/unit yang Anda laporkan sendiri/);
      expect(
        (
          await both.request('POST', `/api/laporan/${d.id}/kembalikan`, {
            version: s.version,
            reason: 'coba coba',
          })
        ).statusCode,
      ).toBe(403);
      const q = (await both.request('GET', '/api/laporan/queue')).json();
      expect(q.items.map((i: { id: string }) => i.id)).not.toContain(d.id);
    } finally {
      await setEndorsement(true);
    }
  });

  it('whoever endorsed a report never verifies it; such a pair of roles is not granted any more', async () => {
    clock.t = APRIL_5;
    const kode = '32.73.05.1001';
    const { client: lurah } = await loggedIn(ctx, 'lurah', kode);
    const d = await filled(lurah, kode);
    // An account from before the rule: camat of the kecamatan and verifikator of the whole pemda.
    const { client: both, user } = await loggedIn(ctx, 'camat', '32.73.05');
    await ctx.database.db
      .insert(roleAssignments)
      .values({ userId: user.id, role: 'verifikator', wilayahKode: '32.73' });
    const s = (await lurah.request('POST', `/api/laporan/${d.id}/ajukan`, { version: d.version })).json();
    const e = await both.request('POST', `/api/laporan/${d.id}/sahkan`, { version: s.version, comment: '' });
    expect(e.statusCode, e.body).toBe(200);
    const endorsed = e.json() as LaporanDetail;
    expect(endorsed.waitingFor).toBe('verifikator');
    expect(endorsed.permissions.verify).toBe(false);
    const decide = await both.request('PUT', `/api/laporan/${d.id}/isian/B1.2/keputusan`, {
      version: 1,
      decision: 'diterima',
    });
    expect(decide.statusCode).toBe(403);
    expect(decide.json().error.message).toMatch(/sudah mengesahkan laporan ini/);
    const approve = await both.request('POST', `/api/laporan/${d.id}/setujui`, { version: endorsed.version });
    expect(approve.statusCode).toBe(403);
    const q = (await both.request('GET', '/api/laporan/queue')).json();
    expect(q.items.map((i: { id: string }) => i.id)).not.toContain(d.id);
    expect((await statusOf(d.id)).status).toBe('dikaji_camat');
    // Another verifikator verifies it.
    const { client: other } = await loggedIn(ctx, 'verifikator', '32.73');
    expect(
      ((await other.request('GET', `/api/laporan/${d.id}`)).json() as LaporanDetail).permissions.verify,
    ).toBe(true);
    // Granting the pair through the API is refused, naming both roles.
    const { client: admin } = await loggedIn(ctx, 'admin', '32.73');
    const res = await admin.request('POST', '/api/users', {
      username: `ganda-${user.id.slice(0, 6)}`,
      namaLengkap: 'Pejabat Ganda',
      nip: '',
      roles: [
        { role: 'camat', wilayahKode: '32.73.05' },
        { role: 'verifikator', wilayahKode: '32.73' },
      ],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/tidak boleh dipegang satu orang/);
  });

  it('a kecamatan report goes straight to a verifikator; a camat never reviews his own', async () => {
    clock.t = APRIL_5;
    const { client: camat } = await loggedIn(ctx, 'camat', '32.73.03');
    const d = await filled(camat, '32.73.03');
    expect(d.indikatorCodes).toEqual(['B1.2', 'B1.3', 'B2.1', 'B2.2', 'B3.1', 'B3.2']);
    const s = (await camat.request('POST', `/api/laporan/${d.id}/ajukan`, { version: d.version })).json();
    expect(s).toMatchObject({ status: 'diajukan', waitingFor: 'verifikator', endorsementRequired: false });
    expect(
      (await camat.request('POST', `/api/laporan/${d.id}/sahkan`, { version: s.version })).statusCode,
    ).toBe(403);
    const { client: verifikator } = await loggedIn(ctx, 'verifikator', '32.73.03');
    const q = (await verifikator.request('GET', '/api/laporan/queue')).json();
    expect(q.items.map((i: { id: string }) => i.id)).toContain(d.id);
    // A verifikator scoped to another kecamatan does not see it.
    const { client: elsewhere } = await loggedIn(ctx, 'verifikator', '32.73.01');
    expect((await elsewhere.request('GET', `/api/laporan/${d.id}`)).statusCode).toBe(404);
    expect(
      (await elsewhere.request('POST', `/api/laporan/${d.id}/setujui`, { version: s.version })).statusCode,
    ).toBe(404);
    const q2 = (await elsewhere.request('GET', '/api/laporan/queue')).json();
    expect(q2.items.map((i: { id: string }) => i.id)).not.toContain(d.id);
  });
});

async function setEndorsement(on: boolean) {
  const db = ctx.database.db;
  const [p] = await db.select().from(periode).where(eq(periode.id, periodeId));
  await db
    .update(periode)
    .set({ settings: { ...p!.settings, camatEndorsement: on } })
    .where(and(eq(periode.id, periodeId)));
}

describe('deadlines, lateness and exceptions', () => {
  it('a report submitted after its due date is flagged late and counts against timeliness', async () => {
    clock.t = new Date('2026-04-12T03:00:00Z');
    const kode = '32.73.03.1001';
    const { client } = await loggedIn(ctx, 'lurah', kode);
    const d = await filled(client, kode, 3);
    expect(d.warning).toMatch(/akan ditandai terlambat/);
    const s = (await client.request('POST', `/api/laporan/${d.id}/ajukan`, { version: d.version })).json();
    expect(s.late).toBe(true);
    const early = await filled(client, kode, 4);
    expect(early.warning).toBeNull();
    const s2 = (
      await client.request('POST', `/api/laporan/${early.id}/ajukan`, { version: early.version })
    ).json();
    expect(s2.late).toBe(false);
    const detail = (await client.request('GET', `/api/laporan/${early.id}`)).json() as LaporanDetail;
    // Jan and Feb were due and never submitted, March late, April early: 1 of 4 on time.
    expect(detail.preview.timeliness).toEqual({ onTime: 1, total: 4 });
    const { client: verifikator } = await loggedIn(ctx, 'verifikator', '32.73');
    const lateOnly = (await verifikator.request('GET', '/api/laporan/queue?late=true')).json();
    expect(lateOnly.items.map((i: { id: string }) => i.id)).toEqual([]); // waiting for the camat, not him
    const all = (
      await verifikator.request('GET', `/api/laporan/queue?status=diajukan&late=true&kecamatan=32.73.03`)
    ).json();
    expect(all.items.map((i: { id: string }) => i.id)).toEqual([d.id]);
  });

  it('after the year closes a draft needs an admin exception, with a reason and an expiry', async () => {
    clock.t = new Date('2026-11-05T03:00:00Z');
    const kode = '32.73.03.1002';
    const { client: before } = await loggedIn(ctx, 'lurah', kode);
    const d = (await open(before, kode, 10)).json() as LaporanDetail;
    clock.t = new Date('2027-02-02T03:00:00Z');
    // Sessions follow the clock: sign in again three months later.
    const { client } = await loggedIn(ctx, 'lurah', kode);
    const locked = (await client.request('GET', `/api/laporan/${d.id}`)).json() as LaporanDetail;
    expect(locked.lockReason).toMatch(/Batas waktu lewat/);
    const write = await client.request('PATCH', `/api/laporan/${d.id}/isian`, {
      entries: [{ indikatorCode: 'B1.2', value: 90, version: 0 }],
    });
    expect(write.statusCode).toBe(409);
    expect(write.json().error.message).toMatch(/Batas waktu lewat/);
    const { client: admin } = await loggedIn(ctx, 'admin', '32.73');
    const past = await admin.request('PUT', `/api/laporan/${d.id}/izin-terlambat`, {
      version: d.version,
      until: '2027-01-01T00:00:00+07:00',
      reason: 'Banjir di kantor kelurahan',
    });
    expect(past.statusCode).toBe(400);
    const noReason = await admin.request('PUT', `/api/laporan/${d.id}/izin-terlambat`, {
      version: d.version,
      until: '2027-02-10T23:59:00+07:00',
      reason: '',
    });
    expect(noReason.statusCode).toBe(400);
    expect(
      (
        await client.request('PUT', `/api/laporan/${d.id}/izin-terlambat`, {
          version: d.version,
          until: '2027-02-10T23:59:00+07:00',
          reason: 'Saya minta sendiri',
        })
      ).statusCode,
    ).toBe(403);
    const ok = await admin.request('PUT', `/api/laporan/${d.id}/izin-terlambat`, {
      version: d.version,
      until: '2027-02-10T23:59:00+07:00',
      reason: 'Banjir di kantor kelurahan',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().exception).toMatchObject({ reason: 'Banjir di kantor kelurahan' });
    const again = await client.request('PATCH', `/api/laporan/${d.id}/isian`, {
      entries: [{ indikatorCode: 'B1.2', value: 90, version: 0 }],
    });
    expect(again.statusCode, again.body).toBe(200);
    clock.t = new Date('2027-02-11T03:00:00Z');
    expect(
      ((await client.request('GET', `/api/laporan/${d.id}`)).json() as LaporanDetail).lockReason,
    ).toMatch(/Batas waktu lewat/);
    // Once the periode is no longer active, no exception can be granted.
    await ctx.database.db.update(periode).set({ status: 'diumumkan' }).where(eq(periode.id, periodeId));
    try {
      const fresh = (await admin.request('GET', `/api/laporan/${d.id}`)).json() as LaporanDetail;
      const late = await admin.request('PUT', `/api/laporan/${d.id}/izin-terlambat`, {
        version: fresh.version,
        until: '2027-03-01T23:59:00+07:00',
        reason: 'Permintaan setelah pengumuman',
      });
      expect(late.statusCode).toBe(409);
      expect(late.json().error.message).toMatch(/sudah diumumkan/);
    } finally {
      await ctx.database.db.update(periode).set({ status: 'aktif' }).where(eq(periode.id, periodeId));
    }
  });

  it('reminds the unit three days before a report is due, once', async () => {
    clock.t = new Date('2026-05-08T03:00:00Z');
    const { client } = await loggedIn(ctx, 'lurah', '32.73.03.1003');
    const first = (await client.request('GET', '/api/notifications')).json();
    const due = first.items.filter((n: { kind: string }) => n.kind === 'jatuh_tempo');
    expect(due).toHaveLength(1);
    expect(due[0].message).toMatch(/April 2026 .* jatuh tempo 10 Mei 2026/);
    // What it is about, for the web app to word it in the reader's language.
    expect(due[0].params).toEqual({
      laporan: { kind: 'bulanan', bulan: 4, tahun: 2026, unit: expect.any(String) },
      dueAt: '2026-05-10T16:59:59.999Z',
    });
    expect(first.items.some((n: { kind: string }) => n.kind === 'terlambat')).toBe(true);
    const again = (await client.request('GET', '/api/notifications')).json();
    expect(again.items).toHaveLength(first.items.length);
    expect((await client.request('GET', '/api/notifications/unread-count')).json().unread).toBe(first.unread);
    const read = await client.request('POST', `/api/notifications/${due[0].id}/read`);
    expect(read.json().unread).toBe(first.unread - 1);
    expect((await client.request('POST', '/api/notifications/read-all')).json().unread).toBe(0);
  });

  it('reminds as many days before as the periode says (0: only once late)', async () => {
    const setReminder = async (pengingatHari: number) => {
      const [row] = await ctx.database.db.select().from(periode).where(eq(periode.id, periodeId));
      await ctx.database.db
        .update(periode)
        .set({ settings: { ...row!.settings, pengingatHari } })
        .where(eq(periode.id, periodeId));
    };
    const dueKinds = async (kode: string) => {
      const { client } = await loggedIn(ctx, 'lurah', kode);
      const items = (await client.request('GET', '/api/notifications')).json().items as {
        kind: string;
        message: string;
      }[];
      return items.filter((n) => n.kind === 'jatuh_tempo').map((n) => n.message);
    };
    try {
      // 4 May: six days before the April report is due on 10 May.
      clock.t = new Date('2026-05-04T03:00:00Z');
      await setReminder(7);
      await eventually(async () =>
        expect(await dueKinds('32.73.03.1004')).toEqual([expect.stringMatching(/April 2026/)]),
      );
      await setReminder(0);
      clock.t = new Date('2026-05-09T03:00:00Z');
      await eventually(async () => expect(await dueKinds('32.73.03.1005')).toEqual([]));
    } finally {
      await setReminder(3);
    }
  });
});

describe('queue, counts and the numbers of record', () => {
  it('the verifikator queue is oldest first, paginated, filterable; counts per status', async () => {
    clock.t = APRIL_5;
    const { client: verifikator } = await loggedIn(ctx, 'verifikator', '32.73');
    const q = (await verifikator.request('GET', '/api/laporan/queue?status=diajukan&pageSize=2')).json();
    expect(q.total).toBeGreaterThanOrEqual(2);
    expect(q.items).toHaveLength(2);
    expect(q.items[0].submittedAt <= q.items[1].submittedAt).toBe(true);
    const page2 = (
      await verifikator.request('GET', '/api/laporan/queue?status=diajukan&pageSize=2&page=2')
    ).json();
    expect(page2.items[0]?.id).not.toBe(q.items[0].id);
    const byMonth = (await verifikator.request('GET', '/api/laporan/queue?status=diajukan&bulan=4')).json();
    expect(byMonth.items.every((i: { bulan: number }) => i.bulan === 4)).toBe(true);
    const counts = (await verifikator.request('GET', '/api/laporan/queue/counts')).json();
    expect(counts.periode.tahun).toBe(2026);
    expect(counts.byStatus.diverifikasi).toBe(0); // the one approved was reopened
    expect(counts.byStatus.dibuka_kembali).toBe(1);
    expect(counts.byStatus.diajukan).toBe(q.total);
    expect(counts.late).toBeGreaterThanOrEqual(1);
    const bad = await verifikator.request('GET', '/api/laporan/queue?status=hilang');
    expect(bad.statusCode).toBe(400);
    const { client: camat } = await loggedIn(ctx, 'camat', '32.73.03');
    const cq = (await camat.request('GET', '/api/laporan/queue')).json();
    expect(
      cq.items.every(
        (i: { kecamatanKode: string; waitingFor: string }) =>
          i.kecamatanKode === '32.73.03' && i.waitingFor === 'camat',
      ),
    ).toBe(true);
    const { client: lurah } = await loggedIn(ctx, 'lurah', '32.73.03.1001');
    expect((await lurah.request('GET', '/api/laporan/queue')).json().total).toBe(0);
  });

  it('the server preview equals the browser computation from the same detail', async () => {
    clock.t = APRIL_5;
    const { client } = await loggedIn(ctx, 'lurah', '32.73.02.1002');
    const d = (await open(client, '32.73.02.1002')).json() as LaporanDetail;
    const server = (await client.request('GET', `/api/laporan/${d.id}/preview`)).json();
    // What the browser runs (features/laporan/hooks/use-preview.ts) on the same detail.
    const browser = previewRapor({ scorer: createScorer(d.framework), ...previewInputOf(d, d.entries) });
    expect(server.total).toBe(browser.total);
    expect(server.predikat).toBe(browser.predikat);
    expect(server.bidang[0].indikator.find((i: { code: string }) => i.code === 'B1.2').score).toBe(
      browser.bidang[0]!.indikator.find((i) => i.code === 'B1.2')!.score,
    );
    expect(browser.bidang[0]!.indikator.find((i) => i.code === 'B1.2')!.score).toBeGreaterThan(0);
  });
});

// Last in this file: it closes the periode the other tests use.
describe('after the periode closes', () => {
  it('a report waiting for review is still endorsed and verified, never returned to the unit', async () => {
    clock.t = APRIL_5;
    const kode = '32.73.06.1001';
    await setEndorsement(true);
    const { client: lurah } = await loggedIn(ctx, 'lurah', kode);
    const d = await filled(lurah, kode, 3);
    const sub = await lurah.request('POST', `/api/laporan/${d.id}/ajukan`, { version: d.version });
    expect(sub.statusCode, sub.body).toBe(200);

    const { client: admin } = await loggedIn(ctx, 'admin', '32.73');
    const [p] = await ctx.database.db.select().from(periode).where(eq(periode.id, periodeId));
    const closed = await admin.request('POST', `/api/periode/${periodeId}/transition`, {
      version: p!.version,
      to: 'ditutup',
      reason: 'Tutup buku tahun 2026',
    });
    expect(closed.statusCode, closed.body).toBe(200);

    const { client: camat } = await loggedIn(ctx, 'camat', '32.73.06');
    const seen = (await camat.request('GET', `/api/laporan/${d.id}`)).json() as LaporanDetail;
    expect(seen.permissions).toMatchObject({ endorse: true, kembalikan: false });
    const back = await camat.request('POST', `/api/laporan/${d.id}/kembalikan`, {
      version: seen.version,
      reason: 'Lengkapi bukti',
      comments: [],
    });
    expect(back.statusCode).toBe(409);
    expect(back.json().error.message).toMatch(/tidak dikembalikan/);
    const endorsed = await camat.request('POST', `/api/laporan/${d.id}/sahkan`, { version: seen.version });
    expect(endorsed.statusCode, endorsed.body).toBe(200);

    const { client: verifikator } = await loggedIn(ctx, 'verifikator', '32.73');
    let v = (await verifikator.request('GET', `/api/laporan/${d.id}`)).json() as LaporanDetail;
    expect(v.permissions).toMatchObject({ verify: true, kembalikan: false });
    for (const code of v.indikatorCodes) {
      const entry = v.entries.find((e) => e.indikatorCode === code)!;
      const r = await verifikator.request('PUT', `/api/laporan/${d.id}/isian/${code}/keputusan`, {
        version: entry.version,
        decision: 'diterima',
      });
      expect(r.statusCode, r.body).toBe(200);
    }
    v = (await verifikator.request('GET', `/api/laporan/${d.id}`)).json() as LaporanDetail;
    const ok = await verifikator.request('POST', `/api/laporan/${d.id}/setujui`, { version: v.version });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await statusOf(d.id)).status).toBe('diverifikasi');
  });
});
