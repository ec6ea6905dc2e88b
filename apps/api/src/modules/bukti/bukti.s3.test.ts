import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { LaporanDetail } from '@sip/contracts';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loggedIn, type TestClient, type TestContext } from '../../../test/helpers';
import { type S3TestServer, startS3Server } from '../../../test/s3-server';
import { restoreBackup, writeBackup } from '../../backup/backup';
import { createDatabase } from '../../db/client';
import { auditLog } from '../../db/schema/audit';
import { evidence } from '../../db/schema/laporan';
import { seedDemoPeriode } from '../../demo/seed';
import { createS3Client, createS3Storage } from '../../lib/storage/s3';
import type { FileStorage } from '../../lib/storage/storage';

/**
 * Bukti dukung with the S3 storage (s3rver in this process, the real SDK): through the real routes,
 * with the object store taken down and brought back while the app runs.
 */

// 5 April 2026, 10.00 WIB: the March report is open.
const NOW = new Date('2026-04-05T03:00:00Z');
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
);
const DOWN = /Penyimpanan berkas sedang tidak dapat dihubungi/;

let s3: S3TestServer;
let ctx: TestContext;
let bucket: FileStorage;
let destroyClient: () => void;
let work: string;

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'sip-bukti-s3-'));
  s3 = await startS3Server();
  ctx = await createTestApp(
    { ...s3.env, S3_TIMEOUT_SECONDS: '2', LOGIN_RATE_LIMIT_PER_MINUTE: '1000' },
    { clock: { now: () => NOW } },
  );
  await seedDemoPeriode(ctx.database.db, '32.73', 2026, NOW);
  // The bucket as an operator sees it: the app's objects under bukti/.
  const client = createS3Client(s3.s3Config);
  destroyClient = () => client.destroy();
  bucket = createS3Storage(client, { bucket: s3.bucket, prefix: '' }, 'bukti');
}, 120_000);

afterAll(async () => {
  destroyClient?.();
  await ctx?.close();
  await s3?.dispose();
  rmSync(work, { recursive: true, force: true });
});

function multipart(name: string, data: Buffer) {
  const boundary = '----sip-s3-boundary';
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/pdf\r\n\r\n`,
    ),
    data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const upload = (client: TestClient, laporanId: string, name = 'bukti.pdf', data = PDF) => {
  const { payload, headers } = multipart(name, data);
  return client.request('POST', `/api/laporan/${laporanId}/isian/B1.2/bukti`, payload, { headers });
};

async function openReport(kode: string) {
  const { client } = await loggedIn(ctx, 'lurah', kode);
  const opened = await client.request('POST', '/api/laporan', {
    wilayahKode: kode,
    kind: 'bulanan',
    bulan: 3,
  });
  expect(opened.statusCode, opened.body).toBe(201);
  return { client, laporanId: (opened.json() as LaporanDetail).id };
}

const rowKeys = async () =>
  (await ctx.database.db.select({ k: evidence.storageKey }).from(evidence)).map((r) => r.k).sort();
const bucketKeys = async () => {
  const keys: string[] = [];
  for await (const k of bucket.list()) keys.push(k);
  return keys.sort();
};

describe('bukti dukung in an S3 bucket', () => {
  it('uploads into the bucket and serves it back only after the access check, as a nosniff attachment', async () => {
    const { client, laporanId } = await openReport('32.73.02.1004');
    const up = await upload(client, laporanId);
    expect(up.statusCode, up.body).toBe(201);
    const { id } = up.json() as { id: string };
    const [row] = await ctx.database.db.select().from(evidence).where(eq(evidence.id, id));
    expect(await bucket.get(row!.storageKey)).toEqual(PDF);

    const dl = await client.request('GET', `/api/bukti/${id}`);
    expect(dl.statusCode).toBe(200);
    expect(dl.rawPayload).toEqual(PDF);
    expect(dl.headers['content-disposition']).toMatch(/^attachment; filename="bukti.pdf"/);
    expect(dl.headers['x-content-type-options']).toBe('nosniff');
    expect(dl.headers['content-type']).toBe('application/pdf');
    // Another kelurahan's lurah never reaches the object.
    const { client: other } = await loggedIn(ctx, 'lurah', '32.73.01.1001');
    expect((await other.request('GET', `/api/bukti/${id}`)).statusCode).toBe(404);

    expect((await client.request('DELETE', `/api/bukti/${id}`)).statusCode).toBe(200);
    expect(await bucket.head(row!.storageKey)).toBeNull();
    expect(await bucketKeys()).toEqual(await rowKeys());
  });

  it('a store that is down: 503 with a readable message on upload, download and delete, nothing half-saved; back by itself', async () => {
    const { client, laporanId } = await openReport('32.73.02.1003');
    const kept = await upload(client, laporanId, 'tetap.pdf');
    expect(kept.statusCode, kept.body).toBe(201);
    const keptId = (kept.json() as { id: string }).id;
    const rowsBefore = await rowKeys();
    const auditBefore = (await ctx.database.db.select().from(auditLog)).length;

    await s3.stop();
    try {
      const up = await upload(client, laporanId, 'baru.pdf');
      expect(up.statusCode).toBe(503);
      expect(up.json().error).toMatchObject({
        code: 'STORAGE_UNAVAILABLE',
        message: expect.stringMatching(DOWN),
      });
      expect(up.headers['retry-after']).toBe('30');
      const dl = await client.request('GET', `/api/bukti/${keptId}`);
      expect(dl.statusCode).toBe(503);
      expect(dl.json().error.message).toMatch(DOWN);
      const del = await client.request('DELETE', `/api/bukti/${keptId}`);
      expect(del.statusCode).toBe(503);
      // No row for the refused upload, the row of the file that could not be deleted kept, no audit.
      expect(await rowKeys()).toEqual(rowsBefore);
      expect((await ctx.database.db.select().from(auditLog)).length).toBe(auditBefore);
    } finally {
      await s3.start();
    }
    // Back without restarting the app.
    const dl = await client.request('GET', `/api/bukti/${keptId}`);
    expect(dl.statusCode).toBe(200);
    expect(dl.rawPayload).toEqual(PDF);
    expect((await upload(client, laporanId, 'baru.pdf')).statusCode).toBe(201);
    expect(await bucketKeys()).toEqual(await rowKeys());
  });

  it('a row that cannot be written after the object was put leaves no orphan object', async () => {
    const db = ctx.database.db;
    // A real failure of the insert, after the file is in the bucket.
    await db.execute(
      sql.raw(`create function uji_gagal_simpan() returns trigger language plpgsql as $$
        begin raise exception 'uji: baris bukti gagal disimpan'; end $$`),
    );
    await db.execute(
      sql.raw(`create trigger uji_gagal_simpan before insert on evidence for each row
        when (new.original_name = 'gagal-simpan.pdf') execute function uji_gagal_simpan()`),
    );
    try {
      const { client, laporanId } = await openReport('32.73.02.1002');
      const before = await bucketKeys();
      const up = await upload(client, laporanId, 'gagal-simpan.pdf');
      expect(up.statusCode).toBe(500);
      expect(await bucketKeys()).toEqual(before);
      expect(await bucketKeys()).toEqual(await rowKeys());
    } finally {
      await db.execute(sql.raw('drop trigger uji_gagal_simpan on evidence'));
      await db.execute(sql.raw('drop function uji_gagal_simpan()'));
    }
  });

  it('a row whose object is gone answers 404 with a message, not a server error', async () => {
    const { client, laporanId } = await openReport('32.73.02.1005');
    const up = await upload(client, laporanId, 'hilang.pdf');
    expect(up.statusCode, up.body).toBe(201);
    const { id } = up.json() as { id: string };
    const [row] = await ctx.database.db.select().from(evidence).where(eq(evidence.id, id));
    await bucket.delete(row!.storageKey);
    const dl = await client.request('GET', `/api/bukti/${id}`);
    expect(dl.statusCode).toBe(404);
    expect(dl.json().error.message).toMatch(/Berkas tidak ditemukan di penyimpanan/);
    // Removed, the report is whole again.
    expect((await client.request('DELETE', `/api/bukti/${id}`)).statusCode).toBe(200);
    expect(await bucketKeys()).toEqual(await rowKeys());
  });

  it('backs up the files from the bucket and restores them into another (empty) bucket folder', async () => {
    const archive = path.join(work, 'cadangan.tar.gz');
    const manifest = await writeBackup(ctx.database, bucket, archive);
    const keys = await rowKeys();
    expect(keys.length).toBeGreaterThan(0);
    expect(manifest.files).toBe(keys.length);
    expect(manifest.missingFiles).toEqual([]);

    const target = await createDatabase({});
    try {
      await target.migrate();
      const client = createS3Client(s3.s3Config);
      const restored = createS3Storage(client, { bucket: s3.bucket, prefix: 'pulih/' }, 'bukti');
      await restoreBackup(target, restored, archive);
      for (const k of keys) expect(await restored.get(k)).toEqual(await bucket.get(k));
      // Not into a storage that already holds files.
      const again = await createDatabase({});
      await again.migrate();
      await expect(restoreBackup(again, restored, archive)).rejects.toThrow(
        /storage bucket s3:\/\/sip-uji\/pulih\/bukti\/ is not empty/,
      );
      await again.close();
      client.destroy();
    } finally {
      await target.close();
    }
  }, 120_000);
});
