import type { AnggotaTim, KeputusanAtasan, MingguAnggota, Tim } from '@sip/contracts';
import { BERAKHLAK, isHariKerja, mingguIso } from '@sip/scoring';
import type { Db, DbOrTx } from '../../db/client';
import { AppError } from '../../lib/errors';
import { endOfDay } from '../../lib/time';
import type { AuditRepo } from '../audit/audit.repo';
import { type Actor, assertAtasan, assertCan, atasanRight } from '../authz/authz';
import type { AnggotaOn, AtasanResolver } from '../kepegawaian/kepegawaian.atasan';
import type { KepegawaianRepo, PegawaiRow } from '../kepegawaian/kepegawaian.repo';
import type { NotificationsRepo } from '../notifications/notifications.repo';
import { geserHari, hariAcuan, type KinerjaContext } from './aktivitas.context';
import { type AktivitasRepo, monthRange } from './aktivitas.repo';
import { datesBetween, toAktivitas } from './aktivitas.service';

export interface PersetujuanServiceDeps {
  db: Db;
  repo: AktivitasRepo;
  kepegawaian: KepegawaianRepo;
  atasan: AtasanResolver;
  ctx: KinerjaContext;
  audit: AuditRepo;
  notifications: Pick<NotificationsRepo, 'notifyAll'>;
}

/**
 * The atasan's side (DESIGN.md, "Kinerja pegawai" step 3): his team's weeks, approving a week in one
 * action or deciding entry by entry, the monthly BerAKHLAK rating, and late-entry exceptions. Who may
 * act is decided from the positions on the entry's date (authz `assertAtasan`).
 */
export function createPersetujuanService({
  db,
  repo,
  kepegawaian,
  atasan,
  ctx,
  audit,
  notifications,
}: PersetujuanServiceDeps) {
  /** The actor's relation to a pegawai on a date, decided by authz. */
  async function relasi(actor: Actor, subject: string, tanggal: string, lewatBatas: boolean, tx?: DbOrTx) {
    const actorPegawaiId = await ctx.pegawaiIdOf(actor, tx);
    const at = await atasan.atasanOf(subject, tanggal, tx);
    const atat = at && lewatBatas ? await atasan.atasanOf(at.pegawaiId, tanggal, tx) : null;
    return {
      actorPegawaiId,
      subjectPegawaiId: subject,
      atasanPegawaiId: at?.pegawaiId ?? null,
      atasanAtasanPegawaiId: atat?.pegawaiId ?? null,
      lewatBatas,
    };
  }

  /** My team that day, and once the week's deadline passed, the members of my members (escalated). */
  async function teamOf(me: string, acuan: string, lewatBatas: boolean) {
    const direct = await atasan.timOf(me, acuan);
    const escalated: AnggotaOn[] = [];
    if (lewatBatas) {
      // Only members whose own position has positions under it can have a team of their own.
      const atasanPositions = new Set(
        (await kepegawaian.bawahanOf(direct.map((d) => d.jabatanId))).map((j) => j.atasanId),
      );
      for (const d of direct.filter((x) => atasanPositions.has(x.jabatanId))) {
        for (const m of await atasan.timOf(d.pegawaiId, acuan)) {
          if (m.pegawaiId !== me && !direct.some((x) => x.pegawaiId === m.pegawaiId)) escalated.push(m);
        }
      }
    }
    return { direct, escalated };
  }

  async function subjectOf(actor: Actor, pegawaiId: string) {
    const rows = await kepegawaian.pegawaiByIds([pegawaiId]);
    const p = rows[0];
    if (!p || p.pemdaKode !== actor.pemdaKode) throw new AppError('NOT_FOUND', 'Pegawai tidak ditemukan.');
    return p;
  }

  async function notifyPegawai(
    p: PegawaiRow,
    senin: string,
    counts: { disetujui: number; dikurangi: number; ditolak: number },
    tx: DbOrTx,
  ) {
    if (!p.userId) return;
    const parts = [
      counts.disetujui ? `${counts.disetujui} disetujui` : '',
      counts.dikurangi ? `${counts.dikurangi} dikurangi menitnya` : '',
      counts.ditolak ? `${counts.ditolak} ditolak` : '',
    ].filter(Boolean);
    await notifications.notifyAll(
      [{ id: p.userId }],
      {
        kind: 'aktivitas_diputus',
        laporanId: null,
        message: `Atasan Anda memutus aktivitas minggu ${senin}: ${parts.join(', ')}.`,
        params: { aktivitas: { senin, ...counts } },
      },
      tx,
    );
  }

  return {
    async tim(actor: Actor, tanggal: string | undefined): Promise<Tim> {
      const me = await ctx.pegawaiOf(actor);
      const now = await ctx.sekarang(me.pemdaKode);
      const w = mingguIso(tanggal ?? now.hariIni);
      const acuan = hariAcuan(w.selesai, now.hariIni);
      const batas = await ctx.batasPersetujuan(me.pemdaKode, w.selesai);
      const { direct, escalated } = await teamOf(me.id, acuan, batas.lewat);
      const all = [...direct, ...escalated];
      const [totals, settings, libur, cuti] = await Promise.all([
        repo.totalsOf(
          all.map((m) => m.pegawaiId),
          w.mulai,
          w.selesai,
        ),
        ctx.settingsOf(me.pemdaKode, Number(w.mulai.slice(0, 4))),
        ctx.liburSekitar(me.pemdaKode, w.mulai),
        kepegawaian.cutiBetween({
          pemdaKode: me.pemdaKode,
          pegawaiIds: all.map((m) => m.pegawaiId),
          dari: w.mulai,
          sampai: w.selesai,
        }),
      ]);
      const liburDates = libur.map((l) => l.tanggal);
      const workDays = datesBetween(w.mulai, w.selesai).filter(
        (t) => t <= now.hariIni && isHariKerja(t, settings.hariKerja, liburDates),
      );
      const anggota: AnggotaTim[] = [];
      for (const m of all) {
        const mine = totals.filter((t) => t.pegawaiId === m.pegawaiId);
        const sum = (st: string, f: 'jumlah' | 'menit') =>
          mine.filter((t) => t.status === st).reduce((s, t) => s + t[f], 0);
        const onLeave = new Set(
          cuti
            .filter(({ c }) => c.pegawaiId === m.pegawaiId)
            .flatMap(({ c }) => datesBetween(c.mulai, c.selesai)),
        );
        const eskalasi = escalated.includes(m);
        if (eskalasi && sum('diajukan', 'jumlah') === 0) continue;
        anggota.push({
          pegawaiId: m.pegawaiId,
          nama: m.nama,
          nip: m.nip,
          jabatan: m.jabatanNama,
          melaluiJabatan: m.melaluiJabatanNama,
          eskalasi,
          hariKosong: workDays.filter((t) => !onLeave.has(t) && !mine.some((x) => x.tanggal === t)),
          menit: mine.reduce((s, t) => s + t.menit, 0),
          diajukan: sum('diajukan', 'jumlah'),
          disetujui: sum('disetujui', 'jumlah'),
          ditolak: sum('ditolak', 'jumlah'),
          menitDiajukan: sum('diajukan', 'menit'),
          batasPersetujuan: batas.at.toISOString(),
          lewatBatas: batas.lewat && sum('diajukan', 'jumlah') > 0,
        });
      }
      return { senin: w.mulai, minggu: w.selesai, anggota };
    },

    async mingguAnggota(actor: Actor, pegawaiId: string, tanggal: string): Promise<MingguAnggota> {
      const subject = await subjectOf(actor, pegawaiId);
      const now = await ctx.sekarang(subject.pemdaKode);
      const w = mingguIso(tanggal);
      const batas = await ctx.batasPersetujuan(subject.pemdaKode, w.selesai);
      const acuan = hariAcuan(w.selesai, now.hariIni);
      const right = assertAtasan(actor, await relasi(actor, subject.id, acuan, batas.lewat));
      const rows = await repo.ofPegawai(subject.id, w.mulai, w.selesai);
      const jab = await atasan.jabatanOf(subject.id, acuan);
      const [y, m] = [Number(w.selesai.slice(0, 4)), Number(w.selesai.slice(5, 7))];
      const pr = (await repo.perilaku(subject.pemdaKode, y, m, [subject.id]))[0];
      return {
        senin: w.mulai,
        minggu: w.selesai,
        pegawai: { id: subject.id, nama: subject.nama, nip: subject.nip, jabatan: jab?.jabatan.nama ?? '' },
        eskalasi: right === 'eskalasi',
        batasPersetujuan: batas.at.toISOString(),
        items: rows.map((r) => toAktivitas(r)),
        perilaku: pr
          ? {
              ratings: pr.ratings,
              catatan: pr.catatan,
              dinilaiOleh: pr.dinilaiOleh,
              dinilaiAt: pr.dinilaiAt.toISOString(),
              version: pr.version,
            }
          : null,
      };
    },

    /** Approves the listed entries of one member's week in one action: all or nothing. */
    async setujuiMinggu(
      actor: Actor,
      pegawaiId: string,
      tanggal: string,
      items: { id: string; version: number }[],
    ): Promise<{ disetujui: number }> {
      const subject = await subjectOf(actor, pegawaiId);
      const w = mingguIso(tanggal);
      const batas = await ctx.batasPersetujuan(subject.pemdaKode, w.selesai);
      const me = await ctx.pegawaiIdOf(actor);
      return db.transaction(async (tx) => {
        await repo.lockPegawai(subject.id, tx);
        const rows = await repo.byIdsBetween(
          subject.pemdaKode,
          w.mulai,
          w.selesai,
          items.map((i) => i.id),
          tx,
        );
        const byId = new Map(rows.map((r) => [r.id, r]));
        // The right is decided on each entry's own date (a Plt may have started mid-week).
        const rightOn = new Map<string, 'atasan' | 'eskalasi'>();
        for (const t of new Set(rows.map((r) => r.tanggal))) {
          rightOn.set(t, assertAtasan(actor, await relasi(actor, subject.id, t, batas.lewat, tx)));
        }
        for (const i of items) {
          const r = byId.get(i.id);
          if (!r || r.pegawaiId !== subject.id || r.tanggal < w.mulai || r.tanggal > w.selesai) {
            throw new AppError('NOT_FOUND', 'Aktivitas tidak ditemukan pada minggu ini.');
          }
          if (r.version !== i.version || r.status !== 'diajukan') {
            throw new AppError(
              'STALE',
              'Sebagian aktivitas minggu ini berubah sejak Anda membukanya (diubah pegawai atau sudah diputus). Muat ulang; tidak ada yang disetujui.',
            );
          }
        }
        const unitMonths = new Set(rows.map((r) => `${r.unitKerjaId}|${r.tanggal.slice(0, 7)}`));
        for (const key of unitMonths) {
          const [unitKerjaId, ym] = key.split('|') as [string, string];
          const v = await repo.verifikasi(
            subject.pemdaKode,
            unitKerjaId,
            Number(ym.slice(0, 4)),
            Number(ym.slice(5, 7)),
            tx,
          );
          if (v?.status === 'ditutup')
            throw new AppError('CONFLICT', 'Bulan aktivitas ini sudah ditutup; tidak dapat diputus lagi.');
        }
        const eskalasi = [...rightOn.values()].includes('eskalasi');
        const n = await repo.approveMany(
          {
            pemdaKode: subject.pemdaKode,
            dari: w.mulai,
            sampai: w.selesai,
            ids: items.map((i) => i.id),
          },
          { pegawaiId: me as string, eskalasi },
          tx,
        );
        if (n !== items.length)
          throw new AppError(
            'STALE',
            'Sebagian aktivitas berubah bersamaan. Muat ulang; tidak ada yang disetujui.',
          );
        await audit.record(
          actor,
          {
            action: 'aktivitas.minggu_disetujui',
            entity: 'pegawai',
            entityId: subject.id,
            after: { senin: w.mulai, jumlah: n, menit: rows.reduce((s, r) => s + r.menit, 0), eskalasi },
          },
          tx,
        );
        await notifyPegawai(subject, w.mulai, { disetujui: n, dikurangi: 0, ditolak: 0 }, tx);
        return { disetujui: n };
      });
    },

    /**
     * Approves the listed entries of the whole team's week in one action, all or nothing. Who may
     * is read from the team on the week's reference day (its Sunday, or today while it runs).
     */
    async setujuiTim(actor: Actor, tanggal: string, items: { id: string; version: number }[]) {
      const me = await ctx.pegawaiOf(actor);
      const now = await ctx.sekarang(me.pemdaKode);
      const w = mingguIso(tanggal);
      const batas = await ctx.batasPersetujuan(me.pemdaKode, w.selesai);
      const { direct, escalated } = await teamOf(me.id, hariAcuan(w.selesai, now.hariIni), batas.lewat);
      const right = new Map<string, boolean>([
        ...direct.map((m) => [m.pegawaiId, false] as const),
        ...escalated.map((m) => [m.pegawaiId, true] as const),
      ]);
      return db.transaction(async (tx) => {
        const rows = await repo.byIdsBetween(
          me.pemdaKode,
          w.mulai,
          w.selesai,
          items.map((i) => i.id),
          tx,
        );
        const pegawaiIds = [...new Set(rows.map((r) => r.pegawaiId))].sort();
        for (const id of pegawaiIds) await repo.lockPegawai(id, tx);
        const fresh = new Map(
          (
            await repo.byIdsBetween(
              me.pemdaKode,
              w.mulai,
              w.selesai,
              items.map((i) => i.id),
              tx,
            )
          ).map((r) => [r.id, r]),
        );
        for (const i of items) {
          const r = fresh.get(i.id);
          if (!r || !right.has(r.pegawaiId) || r.tanggal < w.mulai || r.tanggal > w.selesai) {
            throw new AppError('NOT_FOUND', 'Aktivitas tidak ditemukan pada minggu tim Anda ini.');
          }
          if (r.version !== i.version || r.status !== 'diajukan') {
            throw new AppError(
              'STALE',
              'Sebagian aktivitas minggu ini berubah sejak Anda membukanya. Muat ulang; tidak ada yang disetujui.',
            );
          }
        }
        const all = [...fresh.values()];
        for (const key of new Set(all.map((r) => `${r.unitKerjaId}|${r.tanggal.slice(0, 7)}`))) {
          const [unitKerjaId, ym] = key.split('|') as [string, string];
          const v = await repo.verifikasi(
            me.pemdaKode,
            unitKerjaId,
            Number(ym.slice(0, 4)),
            Number(ym.slice(5, 7)),
            tx,
          );
          if (v?.status === 'ditutup')
            throw new AppError('CONFLICT', 'Bulan aktivitas ini sudah ditutup; tidak dapat diputus lagi.');
        }
        let n = 0;
        for (const eskalasi of [false, true]) {
          const ids = all.filter((r) => right.get(r.pegawaiId) === eskalasi).map((r) => r.id);
          if (ids.length === 0) continue;
          n += await repo.approveMany(
            { pemdaKode: me.pemdaKode, dari: w.mulai, sampai: w.selesai, ids },
            { pegawaiId: me.id, eskalasi },
            tx,
          );
        }
        if (n !== items.length)
          throw new AppError(
            'STALE',
            'Sebagian aktivitas berubah bersamaan. Muat ulang; tidak ada yang disetujui.',
          );
        const perPegawai = pegawaiIds.map((id) => ({ id, n: all.filter((r) => r.pegawaiId === id).length }));
        await audit.record(
          actor,
          {
            action: 'aktivitas.minggu_disetujui',
            entity: 'tim',
            entityId: me.id,
            after: { senin: w.mulai, jumlah: n, pegawai: perPegawai },
          },
          tx,
        );
        const subjects = await kepegawaian.pegawaiByIds(pegawaiIds, tx);
        for (const p of subjects) {
          const count = perPegawai.find((x) => x.id === p.id)?.n ?? 0;
          await notifyPegawai(p, w.mulai, { disetujui: count, dikurangi: 0, ditolak: 0 }, tx);
        }
        return { disetujui: n };
      });
    },

    /** One entry: approve, shorten (with reason) or reject (with reason). */
    async putuskan(actor: Actor, input: KeputusanAtasan) {
      const row = await repo.byId(actor.pemdaKode, input.id);
      if (!row || row.pemdaKode !== actor.pemdaKode)
        throw new AppError('NOT_FOUND', 'Aktivitas tidak ditemukan.');
      const subject = await subjectOf(actor, row.pegawaiId);
      const w = mingguIso(row.tanggal);
      const batas = await ctx.batasPersetujuan(row.pemdaKode, w.selesai);
      const right = assertAtasan(actor, await relasi(actor, subject.id, row.tanggal, batas.lewat));
      const me = await ctx.pegawaiIdOf(actor);
      if (input.keputusan === 'kurangi' && (input.menit ?? 0) >= row.menit) {
        throw new AppError(
          'VALIDATION',
          `Menit yang disetujui harus kurang dari ${row.menit} menit yang dicatat.`,
          [{ path: 'menit', message: `Kurang dari ${row.menit}` }],
        );
      }
      return db.transaction(async (tx) => {
        await repo.lockPegawai(subject.id, tx);
        const cur = await repo.onDay(row.pemdaKode, row.tanggal, row.id, tx);
        if (!cur || cur.version !== input.version) {
          throw new AppError('STALE', 'Aktivitas ini berubah sejak Anda membukanya. Muat ulang.');
        }
        const v = await repo.verifikasi(
          row.pemdaKode,
          row.unitKerjaId,
          Number(row.tanggal.slice(0, 4)),
          Number(row.tanggal.slice(5, 7)),
          tx,
        );
        if (v?.status === 'ditutup')
          throw new AppError('CONFLICT', 'Bulan aktivitas ini sudah ditutup; tidak dapat diputus lagi.');
        if (cur.menitDiakui !== null) {
          throw new AppError(
            'CONFLICT',
            'Aktivitas ini sudah diverifikasi; keputusan atasan tidak dapat diubah.',
          );
        }
        const menit =
          input.keputusan === 'setujui'
            ? cur.menit
            : input.keputusan === 'kurangi'
              ? (input.menit as number)
              : 0;
        const after = await repo.update(
          cur,
          {
            status: input.keputusan === 'tolak' ? 'ditolak' : 'disetujui',
            menitDisetujui: menit,
            alasanAtasan: input.keputusan === 'setujui' ? null : (input.alasan ?? null),
            diputusOleh: me ?? null,
            diputusAt: new Date(),
            eskalasi: right === 'eskalasi',
          },
          tx,
        );
        if (!after) throw new AppError('STALE', 'Aktivitas ini berubah sejak Anda membukanya. Muat ulang.');
        await audit.record(
          actor,
          {
            action: 'aktivitas.diputus',
            entity: 'aktivitas',
            entityId: cur.id,
            before: { status: cur.status, menitDisetujui: cur.menitDisetujui },
            after: { status: after.status, menitDisetujui: after.menitDisetujui, keputusan: input.keputusan },
            reason: input.alasan ?? null,
          },
          tx,
        );
        await notifyPegawai(
          subject,
          w.mulai,
          {
            disetujui: input.keputusan === 'setujui' ? 1 : 0,
            dikurangi: input.keputusan === 'kurangi' ? 1 : 0,
            ditolak: input.keputusan === 'tolak' ? 1 : 0,
          },
          tx,
        );
        return toAktivitas(after);
      });
    },

    /** The atasan's monthly BerAKHLAK rating of one member (every value 1–5). */
    async nilaiPerilaku(
      actor: Actor,
      pegawaiId: string,
      tahun: number,
      bulan: number,
      input: { ratings: Record<string, number>; catatan: string; version: number | null },
    ) {
      const subject = await subjectOf(actor, pegawaiId);
      const now = await ctx.sekarang(subject.pemdaKode);
      const { dari, sampai } = monthRange(tahun, bulan);
      if (dari > now.hariIni)
        throw new AppError('VALIDATION', 'Bulan ini belum dimulai; perilaku belum dapat dinilai.');
      const acuan = hariAcuan(sampai, now.hariIni);
      assertAtasan(actor, await relasi(actor, subject.id, acuan, false), 'Pegawai');
      const kodes = BERAKHLAK.map((b) => b.kode as string);
      const unknown = Object.keys(input.ratings).filter((k) => !kodes.includes(k));
      const missing = kodes.filter((k) => input.ratings[k] === undefined);
      if (unknown.length > 0 || missing.length > 0) {
        throw new AppError('VALIDATION', 'Nilai ketujuh nilai BerAKHLAK, masing-masing 1–5.', [
          ...missing.map((k) => ({ path: `ratings.${k}`, message: 'Belum dinilai' })),
          ...unknown.map((k) => ({ path: `ratings.${k}`, message: 'Bukan nilai BerAKHLAK' })),
        ]);
      }
      const me = await ctx.pegawaiIdOf(actor);
      return db.transaction(async (tx) => {
        const unit = (await atasan.jabatanOf(subject.id, acuan, tx))?.jabatan.unitKerjaId;
        if (unit) {
          const v = await repo.verifikasi(subject.pemdaKode, unit, tahun, bulan, tx);
          if (v?.status === 'ditutup')
            throw new AppError('CONFLICT', 'Bulan ini sudah ditutup; penilaian perilaku terkunci.');
        }
        const row = await repo.savePerilaku(
          {
            pemdaKode: subject.pemdaKode,
            tahun,
            bulan,
            pegawaiId: subject.id,
            ratings: input.ratings,
            catatan: input.catatan,
            dinilaiOleh: me as string,
          },
          input.version,
          tx,
        );
        if (!row)
          throw new AppError(
            'STALE',
            'Penilaian perilaku ini sudah diubah sejak Anda membukanya. Muat ulang.',
          );
        await audit.record(
          actor,
          {
            action: 'kinerja.perilaku_dinilai',
            entity: 'pegawai',
            entityId: subject.id,
            after: { tahun, bulan, ratings: input.ratings },
          },
          tx,
        );
        return {
          ratings: row.ratings,
          catatan: row.catatan,
          dinilaiOleh: row.dinilaiOleh,
          dinilaiAt: row.dinilaiAt.toISOString(),
          version: row.version,
        };
      });
    },

    /** A day past the grace period that the pegawai may still log, granted by his atasan or the personnel office. */
    async beriPengecualian(actor: Actor, input: { pegawaiId: string; tanggal: string; alasan: string }) {
      const subject = await subjectOf(actor, input.pegawaiId);
      const now = await ctx.sekarang(subject.pemdaKode);
      if (input.tanggal > now.hariIni) throw new AppError('VALIDATION', 'Tanggal itu belum tiba.');
      const rel = await relasi(actor, subject.id, input.tanggal, false);
      if (!atasanRight(actor, rel)) assertCan(actor, 'kinerja:manage', actor.pemdaKode, 'Pegawai');
      // Valid to the end of the grace period counted from today.
      const settings = await ctx.settingsOf(subject.pemdaKode, Number(now.hariIni.slice(0, 4)));
      const sampai = geserHari(now.hariIni, Math.max(1, settings.masaSusulanHari));
      const [y, m, d] = sampai.split('-').map(Number) as [number, number, number];
      const berlakuSampai = endOfDay(now.zona, y, m, d);
      await db.transaction(async (tx) => {
        await repo.savePengecualian(
          {
            pemdaKode: subject.pemdaKode,
            pegawaiId: subject.id,
            tanggal: input.tanggal,
            berlakuSampai,
            alasan: input.alasan,
            diberikanOleh: actor.userId,
          },
          tx,
        );
        await audit.record(
          actor,
          {
            action: 'aktivitas.pengecualian',
            entity: 'pegawai',
            entityId: subject.id,
            after: { tanggal: input.tanggal, berlakuSampai: berlakuSampai.toISOString() },
            reason: input.alasan,
          },
          tx,
        );
      });
      return { berlakuSampai: berlakuSampai.toISOString() };
    },
  };
}
export type PersetujuanService = ReturnType<typeof createPersetujuanService>;
