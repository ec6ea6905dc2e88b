import type { AntreanVerifikasi, NilaiBulanan, VerifikasiUnit } from '@sip/contracts';
import { hariKerjaBulan, nilaiKinerjaBulanan } from '@sip/scoring';
import type { Db, DbOrTx } from '../../db/client';
import { AppError } from '../../lib/errors';
import type { AuditRepo } from '../audit/audit.repo';
import { type Actor, assertCan, assertNotOwnUnitKerja } from '../authz/authz';
import type { AtasanResolver } from '../kepegawaian/kepegawaian.atasan';
import type { KepegawaianRepo } from '../kepegawaian/kepegawaian.repo';
import type { KinerjaContext } from './aktivitas.context';
import { type AktivitasRepo, monthRange } from './aktivitas.repo';
import { datesBetween, toAktivitas } from './aktivitas.service';

export interface VerifikasiServiceDeps {
  db: Db;
  repo: AktivitasRepo;
  kepegawaian: KepegawaianRepo;
  atasan: AtasanResolver;
  ctx: KinerjaContext;
  audit: AuditRepo;
}

/**
 * The monthly verification (DESIGN.md, "Kinerja pegawai" step 4) as a state machine per unit kerja
 * and month:
 *
 *   belum ──mulai(semua | sampel n)──▶ berjalan ──tutup──▶ ditutup
 *                                         ▲                  │
 *                                         └──buka (admin_kepegawaian, alasan)──┘
 *
 * While `berjalan` the verifikator confirms or corrects the approved entries (all, or the drawn
 * sample); `tutup` counts every other approved entry at its approved minutes, computes each
 * pegawai's score with packages/scoring and stores it, and locks the month's entries. Entries the
 * atasan never decided are not counted.
 */
export function createVerifikasiService({
  db,
  repo,
  kepegawaian,
  atasan,
  ctx,
  audit,
}: VerifikasiServiceDeps) {
  /** The unit kerja the verifikator himself works in this month (he never verifies those). */
  async function ownUnits(actor: Actor, tahun: number, bulan: number): Promise<string[]> {
    const me = await ctx.pegawaiIdOf(actor);
    const p = me ? undefined : await kepegawaian.pegawaiOfUser(actor.userId);
    const id = me ?? p?.id;
    if (!id) return [];
    const { dari, sampai } = monthRange(tahun, bulan);
    const out = new Set<string>();
    for (const t of [dari, sampai]) {
      const j = await atasan.jabatanOf(id, t);
      if (j) out.add(j.jabatan.unitKerjaId);
    }
    return [...out];
  }

  async function unitFor(actor: Actor, unitKerjaId: string) {
    const u = await kepegawaian.getUnitKerja(unitKerjaId);
    if (!u || u.pemdaKode !== actor.pemdaKode) throw new AppError('NOT_FOUND', 'Unit kerja tidak ditemukan.');
    return u;
  }

  async function assertVerifier(actor: Actor, unitKerjaId: string, tahun: number, bulan: number) {
    assertCan(actor, 'kinerja:verify', actor.pemdaKode, 'Unit kerja');
    const u = await unitFor(actor, unitKerjaId);
    assertNotOwnUnitKerja(await ownUnits(actor, tahun, bulan), unitKerjaId);
    return u;
  }

  function monthStarted(tahun: number, bulan: number, hariIni: string) {
    if (monthRange(tahun, bulan).dari > hariIni) {
      throw new AppError('VALIDATION', 'Bulan itu belum dimulai.');
    }
  }

  /** Every pegawai's score of a unit kerja's month, computed from the stored inputs. */
  async function scores(pemdaKode: string, unitKerjaId: string, tahun: number, bulan: number) {
    const rows = await repo.scoresOfUnit({ pemdaKode, unitKerjaId, tahun, bulan });
    return rows.map(({ k, nama, nip }) => ({
      pegawaiId: k.pegawaiId,
      nama,
      nip,
      nilai: k.rincian as NilaiBulanan,
    }));
  }

  /** Computes and stores the month's scores of everyone who logged under the unit kerja. */
  /**
   * Computes and stores the month's scores of everyone who logged under these unit kerja (one
   * unit at its close, or every unit of the pemda at once: one GROUP BY either way). A pegawai who
   * logged under several of them is scored once, under the one with most of his minutes.
   */
  async function computeScores(
    f: { pemdaKode: string; unitKerjaIds: string[]; tahun: number; bulan: number },
    tx: DbOrTx,
  ) {
    const perPegawai = new Map<string, { menit: number; unitKerjaId: string; top: number }>();
    for (const s of await repo.recognisedMinutes(f, tx)) {
      const cur = perPegawai.get(s.pegawaiId);
      if (!cur)
        perPegawai.set(s.pegawaiId, { menit: s.menitDiakui, unitKerjaId: s.unitKerjaId, top: s.menitDiakui });
      else {
        cur.menit += s.menitDiakui;
        if (s.menitDiakui > cur.top) Object.assign(cur, { unitKerjaId: s.unitKerjaId, top: s.menitDiakui });
      }
    }
    const ids = [...perPegawai.keys()];
    const { dari, sampai } = monthRange(f.tahun, f.bulan);
    const [settings, libur, cuti, perilaku] = await Promise.all([
      ctx.settingsOf(f.pemdaKode, f.tahun, tx),
      kepegawaian.liburBetween(f.pemdaKode, dari, sampai, tx),
      kepegawaian.cutiBetween({ pemdaKode: f.pemdaKode, pegawaiIds: ids, dari, sampai }, tx),
      repo.perilaku(f.pemdaKode, f.tahun, f.bulan, ids, tx),
    ]);
    const liburDates = libur.map((l) => l.tanggal);
    const cutiOf = new Map<string, string[]>();
    for (const { c } of cuti)
      cutiOf.set(c.pegawaiId, [...(cutiOf.get(c.pegawaiId) ?? []), ...datesBetween(c.mulai, c.selesai)]);
    const ratingsOf = new Map(perilaku.map((p) => [p.pegawaiId, p.ratings]));
    const rows = [...perPegawai].map(([pegawaiId, s]) => {
      const kal = hariKerjaBulan({
        tahun: f.tahun,
        bulan: f.bulan,
        hariKerja: settings.hariKerja,
        libur: liburDates,
        cuti: cutiOf.get(pegawaiId) ?? [],
      });
      const n = nilaiKinerjaBulanan({
        menitDiakui: s.menit,
        hariKerjaEfektif: kal.jumlah,
        ratings: ratingsOf.get(pegawaiId) ?? null,
        settings,
      });
      return {
        pemdaKode: f.pemdaKode,
        tahun: f.tahun,
        bulan: f.bulan,
        pegawaiId,
        unitKerjaId: s.unitKerjaId,
        menitDiakui: s.menit,
        hariKerja: kal.jumlah,
        targetMenit: n.targetMenit,
        produktivitas: n.produktivitas,
        perilaku: n.perilaku,
        nilaiKinerja: n.nilaiKinerja,
        rincian: n,
      };
    });
    await repo.replaceScores(f, rows, tx);
    return rows.length;
  }

  return {
    async antrean(actor: Actor, tahun: number, bulan: number): Promise<AntreanVerifikasi> {
      assertCan(actor, 'kinerja:read', actor.pemdaKode, 'Verifikasi');
      const own = await ownUnits(actor, tahun, bulan);
      const [units, counts, states] = await Promise.all([
        kepegawaian.listUnitKerja(actor.pemdaKode, monthRange(tahun, bulan).sampai),
        repo.monthCounts(actor.pemdaKode, tahun, bulan),
        repo.verifikasiOfMonth(actor.pemdaKode, tahun, bulan),
      ]);
      return {
        tahun,
        bulan,
        items: units
          .filter(({ unit }) => !own.includes(unit.id))
          .map(({ unit }) => {
            const c = counts.find((x) => x.unitKerjaId === unit.id);
            const v = states.find((x) => x.unitKerjaId === unit.id);
            return {
              unitKerjaId: unit.id,
              nama: unit.nama,
              pegawai: c?.pegawai ?? 0,
              aktivitas: c?.aktivitas ?? 0,
              disetujui: c?.disetujui ?? 0,
              belumDiputus: c?.belumDiputus ?? 0,
              diverifikasi: c?.diverifikasi ?? 0,
              status: v?.status ?? 'belum',
              cara: v?.cara ?? null,
              version: v?.version ?? null,
            };
          }),
      };
    },

    async detail(actor: Actor, unitKerjaId: string, tahun: number, bulan: number): Promise<VerifikasiUnit> {
      assertCan(actor, 'kinerja:read', actor.pemdaKode, 'Unit kerja');
      const u = await unitFor(actor, unitKerjaId);
      if (actor.roles.every((r) => r.role === 'verifikator_kinerja' || r.role === 'pegawai')) {
        assertNotOwnUnitKerja(await ownUnits(actor, tahun, bulan), unitKerjaId);
      }
      const v = await repo.verifikasi(actor.pemdaKode, unitKerjaId, tahun, bulan);
      const [rows, belumDiputus, nilai] = await Promise.all([
        repo.ofUnitMonth({
          pemdaKode: actor.pemdaKode,
          unitKerjaId,
          tahun,
          bulan,
          hanyaSampel: v?.cara === 'sampel',
        }),
        repo.countPending({ pemdaKode: actor.pemdaKode, unitKerjaId, tahun, bulan }),
        scores(actor.pemdaKode, unitKerjaId, tahun, bulan),
      ]);
      const closed = v?.status === 'ditutup';
      return {
        unitKerjaId,
        nama: u.nama,
        tahun,
        bulan,
        status: v?.status ?? 'belum',
        cara: v?.cara ?? null,
        ukuranSampel: v?.ukuranSampel ?? null,
        version: v?.version ?? null,
        belumDiputus,
        items: v
          ? rows.map(({ a, nama, nip }) => ({
              ...toAktivitas(a, closed),
              pegawaiNama: nama,
              pegawaiNip: nip,
            }))
          : [],
        nilai,
      };
    },

    async mulai(
      actor: Actor,
      unitKerjaId: string,
      tahun: number,
      bulan: number,
      cara: 'semua' | 'sampel',
      ukuran?: number,
    ) {
      const u = await assertVerifier(actor, unitKerjaId, tahun, bulan);
      monthStarted(tahun, bulan, (await ctx.sekarang(actor.pemdaKode)).hariIni);
      await db.transaction(async (tx) => {
        const row = await repo.insertVerifikasi(
          {
            pemdaKode: actor.pemdaKode,
            unitKerjaId,
            tahun,
            bulan,
            cara,
            ukuranSampel: cara === 'sampel' ? (ukuran ?? null) : null,
            dimulaiOleh: actor.userId,
          },
          tx,
        );
        if (!row) throw new AppError('CONFLICT', `Verifikasi ${u.nama} bulan ini sudah dimulai.`);
        if (cara === 'sampel') {
          await repo.drawSample(
            { pemdaKode: actor.pemdaKode, unitKerjaId, tahun, bulan, ukuran: ukuran ?? 1 },
            tx,
          );
        }
        await audit.record(
          actor,
          {
            action: 'kinerja.verifikasi_dimulai',
            entity: 'unit_kerja',
            entityId: unitKerjaId,
            after: { tahun, bulan, cara, ukuranSampel: ukuran ?? null },
          },
          tx,
        );
      });
      return this.detail(actor, unitKerjaId, tahun, bulan);
    },

    /** Confirms an approved entry's minutes, or corrects them with a reason. */
    async putuskan(
      actor: Actor,
      input: {
        id: string;
        version: number;
        keputusan: 'konfirmasi' | 'koreksi';
        menit?: number | undefined;
        alasan?: string | undefined;
      },
    ) {
      const row = await repo.byId(actor.pemdaKode, input.id);
      if (!row || row.pemdaKode !== actor.pemdaKode)
        throw new AppError('NOT_FOUND', 'Aktivitas tidak ditemukan.');
      const [tahun, bulan] = [Number(row.tanggal.slice(0, 4)), Number(row.tanggal.slice(5, 7))];
      await assertVerifier(actor, row.unitKerjaId, tahun, bulan);
      const v = await repo.verifikasi(actor.pemdaKode, row.unitKerjaId, tahun, bulan);
      if (!v) throw new AppError('CONFLICT', 'Mulai dulu verifikasi unit kerja ini untuk bulan itu.');
      if (v.status === 'ditutup')
        throw new AppError('CONFLICT', 'Bulan ini sudah ditutup; aktivitasnya terkunci.');
      if (row.status !== 'disetujui')
        throw new AppError('CONFLICT', 'Hanya aktivitas yang disetujui atasan yang diverifikasi.');
      if (v.cara === 'sampel' && !row.sampel)
        throw new AppError('CONFLICT', 'Aktivitas ini tidak termasuk sampel verifikasi.');
      const approved = row.menitDisetujui ?? row.menit;
      if (input.keputusan === 'koreksi' && (input.menit ?? 0) > approved) {
        throw new AppError(
          'VALIDATION',
          `Menit yang diakui tidak boleh melebihi ${approved} menit yang disetujui atasan.`,
          [{ path: 'menit', message: `Paling banyak ${approved}` }],
        );
      }
      const menit = input.keputusan === 'konfirmasi' ? approved : (input.menit as number);
      return db.transaction(async (tx) => {
        await repo.lockPegawai(row.pegawaiId, tx);
        const cur = await repo.onDay(row.pemdaKode, row.tanggal, row.id, tx);
        if (!cur || cur.version !== input.version)
          throw new AppError('STALE', 'Aktivitas ini berubah sejak Anda membukanya. Muat ulang.');
        const after = await repo.update(
          cur,
          {
            menitDiakui: menit,
            alasanVerifikasi: input.keputusan === 'koreksi' ? (input.alasan ?? null) : null,
            diverifikasiOleh: actor.userId,
            diverifikasiAt: new Date(),
          },
          tx,
        );
        if (!after) throw new AppError('STALE', 'Aktivitas ini berubah sejak Anda membukanya. Muat ulang.');
        await audit.record(
          actor,
          {
            action: 'kinerja.diverifikasi',
            entity: 'aktivitas',
            entityId: cur.id,
            before: { menitDisetujui: cur.menitDisetujui, menitDiakui: cur.menitDiakui },
            after: { menitDiakui: menit, keputusan: input.keputusan },
            reason: input.alasan ?? null,
          },
          tx,
        );
        return toAktivitas(after);
      });
    },

    /** Closes the month: stores every score (unverified approved entries at their approved minutes) and locks the entries. */
    async tutup(actor: Actor, unitKerjaId: string, tahun: number, bulan: number, version: number) {
      const u = await assertVerifier(actor, unitKerjaId, tahun, bulan);
      const now = await ctx.sekarang(actor.pemdaKode);
      if (monthRange(tahun, bulan).sampai >= now.hariIni) {
        throw new AppError('CONFLICT', 'Bulan ini belum berakhir; tutup sesudah hari terakhirnya.');
      }
      return db.transaction(async (tx) => {
        const v = await repo.verifikasi(actor.pemdaKode, unitKerjaId, tahun, bulan, tx);
        if (!v) throw new AppError('CONFLICT', 'Mulai dulu verifikasi unit kerja ini untuk bulan itu.');
        if (v.status === 'ditutup')
          throw new AppError('CONFLICT', `Bulan ini untuk ${u.nama} sudah ditutup.`);
        if (v.version !== version)
          throw new AppError('STALE', 'Verifikasi ini berubah sejak Anda membukanya. Muat ulang.');
        const after = await repo.updateVerifikasi(
          v,
          { status: 'ditutup', ditutupOleh: actor.userId, ditutupAt: new Date() },
          tx,
        );
        if (!after) throw new AppError('STALE', 'Verifikasi ini berubah sejak Anda membukanya. Muat ulang.');
        const pegawai = await computeScores(
          { pemdaKode: actor.pemdaKode, unitKerjaIds: [unitKerjaId], tahun, bulan },
          tx,
        );
        const counts = (await repo.monthCounts(actor.pemdaKode, tahun, bulan, tx)).find(
          (c) => c.unitKerjaId === unitKerjaId,
        );
        await audit.record(
          actor,
          {
            action: 'kinerja.bulan_ditutup',
            entity: 'unit_kerja',
            entityId: unitKerjaId,
            after: {
              tahun,
              bulan,
              pegawai,
              aktivitas: counts?.aktivitas ?? 0,
              belumDiputus: counts?.belumDiputus ?? 0,
            },
          },
          tx,
        );
        return { pegawai, aktivitas: counts?.aktivitas ?? 0 };
      });
    },

    /** Reopens a closed month (personnel office only, with a reason): its scores stand until it closes again. */
    async buka(actor: Actor, unitKerjaId: string, tahun: number, bulan: number, alasan: string) {
      assertCan(actor, 'kinerja:manage', actor.pemdaKode, 'Unit kerja');
      const u = await unitFor(actor, unitKerjaId);
      await db.transaction(async (tx) => {
        const v = await repo.verifikasi(actor.pemdaKode, unitKerjaId, tahun, bulan, tx);
        if (v?.status !== 'ditutup')
          throw new AppError('CONFLICT', `Bulan ini untuk ${u.nama} belum ditutup.`);
        const after = await repo.updateVerifikasi(
          v,
          { status: 'berjalan', ditutupOleh: null, ditutupAt: null },
          tx,
        );
        if (!after) throw new AppError('STALE', 'Verifikasi ini berubah bersamaan. Muat ulang.');
        await audit.record(
          actor,
          {
            action: 'kinerja.bulan_dibuka',
            entity: 'unit_kerja',
            entityId: unitKerjaId,
            after: { tahun, bulan },
            reason: alasan,
          },
          tx,
        );
      });
      return this.detail(actor, unitKerjaId, tahun, bulan);
    },

    computeScores,
  };
}
export type VerifikasiService = ReturnType<typeof createVerifikasiService>;
