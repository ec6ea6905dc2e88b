import { createHash } from 'node:crypto';
import { defaultPeriodeConfig, frequencyOfKind, kecamatanOf, type Role, unitLevelOf } from '@sip/contracts';
import { type Indikator, reportedIndikator, UNSUR_KEYS } from '@sip/scoring';
import { createBandungJuaraFramework } from '@sip/scoring/template';
import type { Db } from '../db/client';
import { createAuditRepo } from '../modules/audit/audit.repo';
import { createLaporanRepo, type EntryInsert } from '../modules/laporan/laporan.repo';
import { dueAtFor } from '../modules/laporan/laporan.state';
import { createPemdaRepo } from '../modules/pemda/pemda.repo';
import { createZones } from '../modules/pemda/pemda.zona';
import { createPeriodeRepo } from '../modules/periode/periode.repo';
import { createSkmRepo } from '../modules/skm/skm.repo';
import { type ProvisionInput, provisionUser } from '../modules/users/users.provisioning';
import { createUsersRepo } from '../modules/users/users.repo';
import { importWilayah } from '../modules/wilayah/wilayah.import';
import { createWilayahRepo } from '../modules/wilayah/wilayah.repo';
import { seedDemoKinerja } from './seed-kinerja';

/**
 * DEMO MODE ONLY: Kota Bandung with one account per role, an active 2026 periode from the "Bandung
 * Juara" template, and a year of plausible verified reports and SKM responses. Values are made up
 * (deterministic, seeded by the unit code); the area names and codes are real (idn-area-data).
 * Idempotent: what exists is left alone, so what a person did in the demo is never overwritten.
 */

/** Stated in the README. Demo mode only: outside it these accounts are never created. */
export const DEMO_PASSWORD = 'Kopi-Aren-Hujan-Sore-26';
export const DEMO_PEMDA = '32.73';
export const DEMO_TAHUN = 2026;

const account = (username: string, namaLengkap: string, role: Role, wilayahKode: string): ProvisionInput => ({
  username,
  namaLengkap,
  nip: null,
  pemdaKode: DEMO_PEMDA,
  password: DEMO_PASSWORD,
  mustChangePassword: false,
  roles: [{ role, wilayahKode }],
});

/** One account per role. Names are placeholders for the officials, not real people. */
export const demoAccounts: ProvisionInput[] = [
  account('admin', 'Admin Bagian Tata Pemerintahan', 'admin', '32.73'),
  account('verifikator', 'Tim Verifikator Kota', 'verifikator', '32.73'),
  account('analis', 'Analis Kinerja Kewilayahan', 'analis', '32.73'),
  account('camat.coblong', 'Camat Coblong', 'camat', '32.73.02'),
  account('lurah.dago', 'Lurah Dago', 'lurah', '32.73.02.1004'),
  account('lurah.sukarasa', 'Lurah Sukarasa', 'lurah', '32.73.01.1001'),
  account('operator.dago', 'Operator Kelurahan Dago', 'operator', '32.73.02.1004'),
];

/** The whole demo: Kota Bandung, its accounts, the 2026 periode and a year of data. */
export async function seedDemo(db: Db, onProgress?: (p: { done: number; total: number }) => void) {
  const wilayah = createWilayahRepo(db);
  const bandung = await wilayah.get(DEMO_PEMDA);
  if (!bandung || bandung.jumlahAnak === 0)
    await importWilayah({ db, repo: wilayah }, DEMO_PEMDA, onProgress);
  const deps = { db, users: createUsersRepo(db), wilayah, audit: createAuditRepo(db) };
  for (const a of demoAccounts) await provisionUser(deps, a);
  await seedDemoPeriode(db, DEMO_PEMDA, DEMO_TAHUN);
  await seedDemoRapor(db, DEMO_PEMDA, DEMO_TAHUN);
  await seedDemoLatihan(db, DEMO_PEMDA, DEMO_TAHUN);
  await seedDemoKinerja(db, { pemdaKode: DEMO_PEMDA, password: DEMO_PASSWORD });
}

/**
 * The pemda's practice periode (mode latihan), an empty copy of periode `tahun`, so new staff can
 * try the cycle at once. An existing practice periode is left as it is.
 */
export async function seedDemoLatihan(db: Db, pemdaKode: string, tahun: number, now: Date = new Date()) {
  const repo = createPeriodeRepo(db);
  const source = await repo.getByTahun(pemdaKode, tahun);
  if (!source || (await repo.getLatihan(pemdaKode))) return false;
  const row = await repo.insert(
    {
      pemdaKode,
      tahun,
      settings: source.settings,
      framework: source.framework,
      createdBy: null,
      status: 'aktif',
      activatedAt: now,
      latihan: true,
    },
    now,
  );
  return row !== undefined;
}

/**
 * Periode `tahun` of the pemda from the "Bandung Juara" template, already aktif, so units can report
 * and an admin can copy it into the next year. An existing periode of that year is left as it is.
 */
export async function seedDemoPeriode(
  db: Db,
  pemdaKode: string,
  tahun: number,
  now: Date = new Date(),
): Promise<boolean> {
  const repo = createPeriodeRepo(db);
  if (await repo.getByTahun(pemdaKode, tahun)) return false;
  return db.transaction(async (tx) => {
    const row = await repo.insert(
      {
        pemdaKode,
        tahun,
        settings: defaultPeriodeConfig(tahun),
        framework: createBandungJuaraFramework(),
        createdBy: null,
        status: 'aktif',
        activatedAt: now,
      },
      now,
      tx,
    );
    if (!row) return false;
    await createAuditRepo(db).record(
      { userId: null, username: 'system', pemdaKode },
      {
        action: 'periode.created',
        entity: 'periode',
        entityId: row.id,
        after: {
          tahun,
          status: 'aktif',
          sumber: { kind: 'template', template: 'Bandung Juara', demo: true },
        },
      },
      tx,
    );
    return true;
  });
}

/**
 * Fills the demo periode with verified monthly reports (and an early annual report for most units)
 * and a dozen SKM responses per unit, so rapor, rankings and charts have something to show.
 */
export async function seedDemoRapor(db: Db, pemdaKode: string, tahun: number, now: Date = new Date()) {
  const p = await createPeriodeRepo(db).getByTahun(pemdaKode, tahun);
  if (p?.status !== 'aktif') return { laporan: 0, skm: 0 };
  const fw = p.framework;
  const cfg = p.settings;
  const calendar = { tahun, settings: cfg, zona: await createZones(createPemdaRepo(db)).zonaOf(pemdaKode) };
  const laporanRepo = createLaporanRepo(db);
  const skmRepo = createSkmRepo(db);
  const units = await createWilayahRepo(db).unitsOf(pemdaKode);
  let dueMonths = 0;
  for (let m = 1; m <= 12; m++) if (dueAtFor(calendar, 'bulanan', m) <= now) dueMonths = m;

  let laporanCount = 0;
  let skmCount = 0;
  for (const u of units) {
    const level = unitLevelOf(u.kode);
    if (!level) continue;
    const rnd = prng(u.kode);
    // Each unit has a steady quality (0.55..1) that drives its values, so rankings spread out.
    const q = 0.55 + 0.45 * rnd();
    const kecamatanKode = kecamatanOf(u.kode);
    const reports: { kind: 'bulanan' | 'tahunan'; bulan: number | null }[] = [];
    for (let m = 1; m <= dueMonths; m++)
      if (rnd() > 0.04 + (1 - q) * 0.1) reports.push({ kind: 'bulanan', bulan: m });
    if (rnd() < 0.8) reports.push({ kind: 'tahunan', bulan: null });
    // Rows and values are drawn in the same order as ever (the demo data stays the same), then each
    // unit's reports and their entries are written in one statement each.
    const rows: Parameters<typeof laporanRepo.insertMany>[0] = [];
    const entriesOf = new Map<string, Omit<EntryInsert, 'laporanId'>[]>();
    for (const r of reports) {
      const dueAt = dueAtFor(calendar, r.kind, r.bulan);
      const late = rnd() < 0.25 * (1.2 - q);
      const submitted =
        r.kind === 'bulanan'
          ? new Date(
              dueAt.getTime() +
                (late ? 1 + Math.floor(rnd() * 6) : -Math.floor(rnd() * 8)) * 86_400_000 -
                3 * 3600_000,
            )
          : new Date(Math.min(now.getTime() - 3 * 86_400_000, dueAt.getTime()));
      const verifiedAt = new Date(Math.min(now.getTime() - 3600_000, submitted.getTime() + 5 * 86_400_000));
      rows.push({
        periodeId: p.id,
        wilayahKode: u.kode,
        kecamatanKode,
        level,
        kind: r.kind,
        bulan: r.bulan,
        status: 'diverifikasi',
        endorsementRequired: level === 'kelurahan' && cfg.camatEndorsement,
        dueAt,
        firstSubmittedAt: submitted,
        submittedAt: submitted,
        late: submitted > dueAt,
        endorsedAt: level === 'kelurahan' && cfg.camatEndorsement ? submitted : null,
        verifiedAt,
        createdAt: submitted,
        updatedAt: verifiedAt,
      });
      entriesOf.set(
        `${r.kind}:${r.bulan}`,
        reportedIndikator(fw, level, frequencyOfKind[r.kind]).map((ind) => {
          const value = demoValue(ind, q, rnd, r.bulan);
          const corrected = rnd() < 0.03;
          return {
            indikatorCode: ind.code,
            value,
            note: 'Data contoh (mode demo)',
            decision: corrected ? ('dikoreksi' as const) : ('diterima' as const),
            correctedValue: corrected ? demoValue(ind, q, rnd, r.bulan) : null,
            decisionReason: corrected ? 'Disesuaikan dengan bukti dukung (data contoh)' : null,
            decidedAt: verifiedAt,
            updatedAt: verifiedAt,
          };
        }),
      );
    }
    // Reports that exist already (made by a person in the demo) are left alone, and so are their entries.
    const inserted = await laporanRepo.insertMany(rows);
    laporanCount += inserted.length;
    await laporanRepo.upsertEntries(
      inserted.flatMap((row) =>
        (entriesOf.get(`${row.kind}:${row.bulan}`) ?? []).map((e) => ({ ...e, laporanId: row.id })),
      ),
    );
    skmCount += await seedSkm(skmRepo, u.kode, tahun, q, rnd, now);
  }
  return { laporan: laporanCount, skm: skmCount };
}

async function seedSkm(
  repo: ReturnType<typeof createSkmRepo>,
  kode: string,
  tahun: number,
  q: number,
  rnd: () => number,
  now: Date,
) {
  const rows = [];
  for (let i = 0; i < 12; i++) {
    const day = new Date(Date.UTC(tahun, Math.floor((i * (now.getUTCMonth() + 1)) / 12), 3 + i));
    if (day > now) continue;
    const answers = Object.fromEntries(
      UNSUR_KEYS.map((k) => [k, Math.max(1, Math.min(4, Math.round(2.2 + 1.8 * q + (rnd() - 0.5) * 1.4)))]),
    ) as Record<(typeof UNSUR_KEYS)[number], number>;
    const key = createHash('sha1').update(`sip-demo-skm:${kode}:${tahun}:${i}`).digest('hex');
    rows.push({
      wilayahKode: kode,
      submittedAt: day,
      tahun,
      semester: day.getUTCMonth() < 6 ? 1 : 2,
      day: day.toISOString().slice(0, 10),
      ...answers,
      idempotencyKey: `${key.slice(0, 8)}-${key.slice(8, 12)}-4${key.slice(13, 16)}-8${key.slice(17, 20)}-${key.slice(20, 32)}`,
      deviceId: `demo-${key.slice(0, 16)}`,
    });
  }
  return repo.insertMany(rows);
}

function demoValue(ind: Indikator, q: number, rnd: () => number, bulan: number | null): number {
  const noise = (w: number) => (rnd() - 0.5) * w;
  const s = ind.scoring;
  switch (s.type) {
    case 'percentage': {
      // Cumulative indicators ("last") grow through the year.
      const base = ind.aggregation === 'last' && bulan ? (bulan / 12) * 100 : 100;
      return round1(clamp(base * (0.7 + 0.3 * q) + noise(6), 0, 100));
    }
    case 'boolean':
      return rnd() < 0.3 + 0.7 * q ? 1 : 0;
    case 'scale':
      return clamp(Math.round(1 + (s.levels - 1) * q + noise(1.5)), 1, s.levels);
    case 'bands': {
      const top = s.bands.at(-1)?.min ?? 80;
      return round1(clamp(top * (0.65 + 0.4 * q) + noise(8), 0, 1e6));
    }
    case 'ratio': {
      const monthlySum = ind.frequency === 'monthly' && ind.aggregation === 'sum';
      const target = monthlySum ? s.target / 12 : s.target;
      const f = s.direction === 'lower_is_better' ? 1.7 - q + noise(0.6) : 0.55 + 0.55 * q + noise(0.25);
      const v = Math.max(0, target * f);
      return target >= 1.5 && (monthlySum || s.direction === 'lower_is_better') ? Math.round(v) : round1(v);
    }
    default:
      return 0;
  }
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
const round1 = (x: number) => Math.round(x * 10) / 10;

/** mulberry32 seeded from the unit code: the same demo data on every machine. */
function prng(seed: string): () => number {
  let a = createHash('sha1').update(seed).digest().readUInt32LE(0);
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
