// A world with objects the tested actors must never reach: a second pemda (Kabupaten Bandung,
// 32.04) with its own periode, report, evidence, admin, SKM response and notification and its
// kinerja organisation (kinerja-world.ts), and, inside Kota Bandung, a report of a kelurahan under
// another kecamatan than the tested camat's. Kota Bandung has a kinerja organisation too, whose
// kepala is the tested `pegawai` actor (so his own log, week and team answer).
import { randomUUID } from 'node:crypto';
import type { LaporanDetail, Role } from '@sip/contracts';
import { skmUnsurKeys } from '@sip/contracts';
import { and, asc, eq, like } from 'drizzle-orm';
import { expect } from 'vitest';
import { roleAssignments, users } from '../../src/db/schema/auth';
import { job } from '../../src/db/schema/jobs';
import { evidence, laporan, laporanEntry, notifications } from '../../src/db/schema/laporan';
import { periode } from '../../src/db/schema/periode';
import { raporKeberatan } from '../../src/db/schema/rapor';
import { skmResponses } from '../../src/db/schema/skm';
import { unitProfiles, wilayah } from '../../src/db/schema/wilayah';
import { seedDemoPeriode } from '../../src/demo/seed';
import { importWilayah } from '../../src/modules/wilayah/wilayah.import';
import { createWilayahRepo } from '../../src/modules/wilayah/wilayah.repo';
import { createTestApp, loggedIn, type TestClient, type TestContext } from '../helpers';
import { signedSkmForm } from '../skm-ballot';
import { buildKinerja, type KinerjaObjects, kinerjaSnapshot } from './kinerja-world';

/** 5 April 2026, 10.00 WIB: the March report is open and due on 10 April. */
export const NOW = new Date('2026-04-05T03:00:00Z');
export const clock = { now: () => NOW };

export const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
);

export function multipart(name: string, data: Buffer, type = 'application/pdf') {
  const boundary = '----sip-security-boundary';
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`,
    ),
    data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** Handles on one scope's objects: what a matrix entry builds its request from. */
export interface Objects {
  pemda: string;
  kecamatan: string;
  kelurahan: string;
  periodeId: string;
  periodeVersion: number;
  periodeSettings: unknown;
  tahun: number;
  laporanId: string;
  indikatorCode: string;
  evidenceId: string;
  userId: string;
  skmId: string;
  notificationId: string;
  keberatanId: string;
  /** A finished export job of the scope's lurah, with its file. */
  jobId: string;
  /** The pemda's kinerja organisation (pemda-wide: Kecamatan Sukasari shares Kota Bandung's). */
  kinerja: KinerjaObjects;
  /** A NIP of the pemda's pegawai. */
  nip: string;
  /** Strings that must never appear in a response to an actor outside this scope. */
  markers: string[];
  /** Wilayah codes of the scope: secret outside it, except in the (public) wilayah reference. */
  codes: string[];
}

export const TESTED_ROLES = [
  'admin',
  'verifikator',
  'analis',
  'camat',
  'lurah',
  'operator',
  'pegawai',
  'verifikator_kinerja',
  'admin_kepegawaian',
  'bendahara',
] as const;
/** Where each tested actor sits: Kota Bandung, Kecamatan Coblong, Kelurahan Dago. */
export const HOME: Record<Role, string> = {
  admin: '32.73',
  verifikator: '32.73',
  analis: '32.73',
  camat: '32.73.02',
  lurah: '32.73.02.1004',
  operator: '32.73.02.1004',
  pegawai: '32.73',
  verifikator_kinerja: '32.73',
  admin_kepegawaian: '32.73',
  bendahara: '32.73',
};

const good = (code: string) =>
  ({ 'B1.2': 96, 'B1.3': 90, 'B2.2': 1, 'B3.1': 2, 'B3.2': 80, 'B3.4': 1 })[code] ?? 1;

async function firstKelurahan(ctx: TestContext, kecamatan: string) {
  const rows = await ctx.database.db
    .select({ kode: wilayah.kode })
    .from(wilayah)
    .where(like(wilayah.kode, `${kecamatan}.%`))
    .orderBy(asc(wilayah.kode))
    .limit(1);
  return rows[0]!.kode;
}

type Scope = Omit<Objects, 'kinerja' | 'nip'>;

/** A unit's lurah opens, fills (with evidence) and submits the March report; a citizen rates the unit. */
async function buildScope(ctx: TestContext, kelurahan: string, tag: string): Promise<Scope> {
  const db = ctx.database.db;
  const pemda = kelurahan.slice(0, 5);
  const kecamatan = kelurahan.slice(0, 8);
  const periodeRow = (
    await db
      .select()
      .from(periode)
      .where(and(eq(periode.pemdaKode, pemda), eq(periode.tahun, 2026)))
  )[0]!;
  const { client: lurah, user } = await loggedIn(ctx, 'lurah', kelurahan);
  const opened = await lurah.request('POST', '/api/laporan', {
    wilayahKode: kelurahan,
    kind: 'bulanan',
    bulan: 3,
  });
  expect([200, 201], opened.body).toContain(opened.statusCode);
  const d = opened.json() as LaporanDetail;
  const note = `CATATAN-${tag}-${randomUUID()}`;
  const saved = await lurah.request('PATCH', `/api/laporan/${d.id}/isian`, {
    entries: d.indikatorCodes.map((code) => ({ indikatorCode: code, value: good(code), note, version: 0 })),
  });
  expect(saved.statusCode, saved.body).toBe(200);
  let evidenceId = '';
  for (const code of d.indikatorCodes) {
    const { payload, headers } = multipart('bukti.pdf', PDF);
    const up = await lurah.request('POST', `/api/laporan/${d.id}/isian/${code}/bukti`, payload, {
      headers,
    });
    expect(up.statusCode, up.body).toBe(201);
    evidenceId ||= up.json().id;
  }
  const fresh = (await lurah.request('GET', `/api/laporan/${d.id}`)).json() as LaporanDetail;
  const submitted = await lurah.request('POST', `/api/laporan/${d.id}/ajukan`, { version: fresh.version });
  expect(submitted.statusCode, submitted.body).toBe(200);

  const saran = `SARAN-${tag}-${randomUUID()}`;
  const skm = await ctx.app.inject({
    method: 'POST',
    url: `/api/public/skm/${kelurahan}`,
    payload: {
      ...(await signedSkmForm(kelurahan, new Date(NOW.getTime() - 60_000))),
      idempotencyKey: randomUUID(),
      jawaban: Object.fromEntries(skmUnsurKeys.map((k) => [k, 3])),
      saran,
    },
  });
  expect(skm.statusCode, skm.body).toBe(201);
  const skmId = (await db.select().from(skmResponses).where(eq(skmResponses.saran, saran)))[0]!.id;
  const notification = (
    await db
      .insert(notifications)
      .values({ userId: user.id, kind: 'jatuh_tempo', laporanId: d.id, message: `PESAN-${tag}` })
      .returning()
  )[0]!;
  const keberatan = (
    await db
      .insert(raporKeberatan)
      .values({
        periodeId: periodeRow.id,
        pemdaKode: pemda,
        wilayahKode: kelurahan,
        isi: `KEBERATAN-${tag} atas nilai indikator`,
        filedBy: user.id,
        filedByName: `Pengguna ${user.username}`,
        filedAt: NOW,
      })
      .returning()
  )[0]!;
  const exportJob = (
    await db
      .insert(job)
      .values({
        name: 'skm.export',
        data: { kode: kelurahan, tahun: 2026, format: 'csv' },
        state: 'completed',
        pemdaKode: pemda,
        createdBy: user.id,
        maxAttempts: 3,
        attempts: 1,
        progress: 100,
        label: `LABEL-${tag}`,
        result: {
          file: {
            key: '00/00000000-0000-4000-8000-000000000000',
            filename: `EKSPOR-${tag}.csv`,
            contentType: 'text/csv',
            bytes: 1,
          },
        },
        finishedAt: NOW,
      })
      .returning()
  )[0]!;
  return {
    pemda,
    kecamatan,
    kelurahan,
    periodeId: periodeRow.id,
    periodeVersion: periodeRow.version,
    periodeSettings: periodeRow.settings,
    tahun: 2026,
    laporanId: d.id,
    indikatorCode: d.indikatorCodes[0]!,
    evidenceId,
    userId: user.id,
    skmId: String(skmId),
    notificationId: notification.id,
    keberatanId: keberatan.id,
    jobId: exportJob.id,
    codes: [kelurahan],
    markers: [
      d.id,
      evidenceId,
      user.id,
      user.username,
      saran,
      note,
      notification.id,
      `PESAN-${tag}`,
      keberatan.id,
      `KEBERATAN-${tag}`,
      exportJob.id,
      `EKSPOR-${tag}`,
      `LABEL-${tag}`,
    ],
  };
}

export interface World {
  ctx: TestContext;
  /** Another pemda: Kabupaten Bandung (32.04). Every tested actor is outside it. */
  otherPemda: Objects;
  /** Kota Bandung, Kecamatan Sukasari (32.73.01): outside the camat's, lurah's and operator's scope. */
  otherUnit: Objects;
  /** Kota Bandung, Kelurahan Dago: inside every tested actor's scope. */
  home: Objects;
  clients: Record<(typeof TESTED_ROLES)[number] | 'anonymous', TestClient>;
}

export async function buildWorld(overrides: Record<string, string> = {}): Promise<World> {
  const ctx = await createTestApp(
    {
      LOGIN_RATE_LIMIT_PER_MINUTE: '100000',
      RATE_LIMIT_PER_MINUTE: '100000',
      SKM_RATE_LIMIT_PER_MINUTE: '100000',
      // The attack suites send many survey answers to one unit on purpose; the burst detector and
      // the proof-of-work have their own tests (skm-abuse.test.ts, ballot-stuffing.test.ts).
      SKM_BURST_MIN_PER_HOUR: '100000',
      SKM_POW_MAX_NUMBER: '1000',
      ...overrides,
    },
    { clock },
  );
  const db = ctx.database.db;
  await importWilayah({ db, repo: createWilayahRepo(db) }, '32.04');
  await seedDemoPeriode(db, '32.73', 2026, NOW);
  await seedDemoPeriode(db, '32.04', 2026, NOW);
  const otherPemdaKecamatan = (
    await db
      .select({ kode: wilayah.kode })
      .from(wilayah)
      .where(and(like(wilayah.kode, '32.04.__'), eq(wilayah.level, 'kecamatan')))
      .orderBy(asc(wilayah.kode))
      .limit(1)
  )[0]!.kode;
  const otherPemdaScope = await buildScope(ctx, await firstKelurahan(ctx, otherPemdaKecamatan), 'ASING');
  const otherUnitScope = await buildScope(ctx, '32.73.01.1001', 'TETANGGA');
  const homeScope = await buildScope(ctx, HOME.lurah, 'SENDIRI');
  const { TestClient } = await import('../helpers');
  const clients = { anonymous: new TestClient(ctx.app) } as World['clients'];
  let pegawaiUser: { id: string; username: string; password: string } | undefined;
  for (const role of TESTED_ROLES) {
    const { client, user } = await loggedIn(ctx, role, HOME[role]);
    clients[role] = client;
    if (role === 'pegawai') pegawaiUser = user;
  }
  const foreignKinerja = await buildKinerja(ctx, otherPemdaScope.pemda, 'ASING', {
    nipBase: 100,
    libur: '2026-05-01',
  });
  const homeKinerja = await buildKinerja(ctx, HOME.admin, 'SENDIRI', {
    atasan: pegawaiUser,
    nipBase: 200,
    libur: '2026-05-14',
  });
  const otherPemda: Objects = {
    ...otherPemdaScope,
    kinerja: foreignKinerja.objects,
    nip: foreignKinerja.nipStaf,
    markers: [...otherPemdaScope.markers, ...foreignKinerja.markers],
  };
  const home: Objects = { ...homeScope, kinerja: homeKinerja.objects, nip: homeKinerja.nipStaf };
  // Kinerja is organised per pemda, so Kecamatan Sukasari's handles are Kota Bandung's; its markers
  // stay the unit's own (every kinerja entry of the matrix aims at the other pemda only).
  const otherUnit: Objects = { ...otherUnitScope, kinerja: homeKinerja.objects, nip: homeKinerja.nipStaf };
  return { ctx, otherPemda, otherUnit, home, clients };
}

/** Everything stored about one scope's objects: compared before and after an attack. */
export async function snapshot(ctx: TestContext, o: Objects) {
  const db = ctx.database.db;
  return {
    laporan: await db.select().from(laporan).where(eq(laporan.id, o.laporanId)),
    entries: await db
      .select()
      .from(laporanEntry)
      .where(eq(laporanEntry.laporanId, o.laporanId))
      .orderBy(asc(laporanEntry.indikatorCode)),
    evidence: await db
      .select()
      .from(evidence)
      .where(eq(evidence.laporanId, o.laporanId))
      .orderBy(asc(evidence.id)),
    periode: await db.select().from(periode).where(eq(periode.id, o.periodeId)),
    periodes: (await db.select({ id: periode.id }).from(periode).where(eq(periode.pemdaKode, o.pemda)))
      .length,
    user: await db.select().from(users).where(eq(users.id, o.userId)),
    roles: await db.select().from(roleAssignments).where(eq(roleAssignments.userId, o.userId)),
    skm: await db
      .select()
      .from(skmResponses)
      .where(eq(skmResponses.id, Number(o.skmId))),
    notification: await db.select().from(notifications).where(eq(notifications.id, o.notificationId)),
    keberatan: await db.select().from(raporKeberatan).where(eq(raporKeberatan.id, o.keberatanId)),
    profile: await db.select().from(unitProfiles).where(eq(unitProfiles.wilayahKode, o.kelurahan)),
    intruders: (await db.select({ id: users.id }).from(users).where(like(users.username, 'penyusup%')))
      .length,
    kinerja: await kinerjaSnapshot(ctx, o.pemda),
  };
}
