import type {
  CutiInput,
  HariLibur,
  Jabatan,
  JabatanInput,
  Kegiatan,
  KegiatanInput,
  Pegawai,
  PegawaiCreate,
  PegawaiDetail,
  Penugasan,
  PenugasanInput,
  UnitKerja,
  UnitKerjaInput,
} from '@sip/contracts';
import { type KinerjaSettings, kinerjaDefaults, kinerjaSettingsSchema } from '@sip/scoring';
import type { Db, DbOrTx } from '../../db/client';
import type { Clock } from '../../lib/clock';
import { uniqueViolation } from '../../lib/db-errors';
import { AppError } from '../../lib/errors';
import { dayIn, type TimeZone } from '../../lib/time';
import type { AuditRepo } from '../audit/audit.repo';
import { hashPassword } from '../auth/password';
import { type Actor, assertCan } from '../authz/authz';
import type { UsersRepo } from '../users/users.repo';
import { newTemporaryPassword } from '../users/users.service';
import type { WilayahRepo } from '../wilayah/wilayah.repo';
import { type AtasanResolver, penugasanUtama } from './kepegawaian.atasan';
import type { JabatanRow, KepegawaianRepo, PegawaiRow, PenugasanRow } from './kepegawaian.repo';

export interface KepegawaianServiceDeps {
  db: Db;
  repo: KepegawaianRepo;
  atasan: AtasanResolver;
  users: Pick<UsersRepo, 'findByUsername' | 'insert' | 'assignRole' | 'rolesOf'>;
  wilayah: Pick<WilayahRepo, 'get'>;
  audit: AuditRepo;
  clock: Clock;
  zonaOf: (pemdaKode: string) => Promise<TimeZone>;
}

const stale = (what: string) =>
  new AppError(
    'STALE',
    `${what} telah diubah orang lain sejak Anda membukanya. Muat ulang lalu ulangi perubahan Anda.`,
  );

/** The organisation of a pemda, managed by its personnel office (admin_kepegawaian). */
export function createKepegawaianService({
  db,
  repo,
  atasan,
  users,
  wilayah,
  audit,
  clock,
  zonaOf,
}: KepegawaianServiceDeps) {
  const today = async (pemdaKode: string) => dayIn(clock.now(), await zonaOf(pemdaKode));

  async function unitKerjaFor(actor: Actor, id: string, tx?: DbOrTx) {
    const u = await repo.getUnitKerja(id, tx);
    if (!u || u.pemdaKode !== actor.pemdaKode) throw new AppError('NOT_FOUND', 'Unit kerja tidak ditemukan.');
    return u;
  }
  async function jabatanFor(actor: Actor, id: string, tx?: DbOrTx) {
    const j = await repo.getJabatan(id, tx);
    if (!j || j.pemdaKode !== actor.pemdaKode) throw new AppError('NOT_FOUND', 'Jabatan tidak ditemukan.');
    return j;
  }
  async function pegawaiFor(actor: Actor, id: string) {
    const row = await repo.getPegawai(id);
    if (!row || row.p.pemdaKode !== actor.pemdaKode)
      throw new AppError('NOT_FOUND', 'Pegawai tidak ditemukan.');
    return row;
  }

  async function checkUnitKerjaInput(actor: Actor, input: UnitKerjaInput) {
    if (input.jenis === 'perangkat_daerah') {
      if (input.wilayahKode !== null)
        throw new AppError('VALIDATION', 'Perangkat daerah tidak terhubung ke wilayah.', [
          { path: 'wilayahKode', message: 'Kosongkan untuk perangkat daerah' },
        ]);
      return;
    }
    const level = input.jenis === 'kecamatan' ? 'kecamatan' : 'kelurahan_desa';
    const w = input.wilayahKode ? await wilayah.get(input.wilayahKode) : undefined;
    if (!w || w.level !== level || !w.kode.startsWith(`${actor.pemdaKode}.`)) {
      throw new AppError('VALIDATION', `Pilih ${input.jenis} di wilayah pemda Anda.`, [
        { path: 'wilayahKode', message: `Bukan ${input.jenis} pemda ini` },
      ]);
    }
  }

  function conflict(err: unknown, messages: Record<string, string>): never {
    const c = uniqueViolation(err);
    if (c) {
      const key = Object.keys(messages).find((k) => c.includes(k));
      throw new AppError('CONFLICT', key ? (messages[key] as string) : 'Data yang sama sudah ada.');
    }
    throw err;
  }

  /** An atasan position must be of the same pemda and may not sit under the position itself. */
  async function checkAtasan(actor: Actor, jabatanId: string | null, atasanId: string | null, tx?: DbOrTx) {
    if (!atasanId) return;
    let pos: JabatanRow | undefined = await repo.getJabatan(atasanId, tx);
    if (!pos || pos.pemdaKode !== actor.pemdaKode) {
      throw new AppError('VALIDATION', 'Jabatan atasan tidak ditemukan di pemda ini.', [
        { path: 'atasanId', message: 'Jabatan atasan tidak dikenal' },
      ]);
    }
    for (let depth = 0; pos && depth < 50; depth++) {
      if (pos.id === jabatanId) {
        throw new AppError('VALIDATION', 'Jabatan atasan tidak boleh berada di bawah jabatan ini sendiri.', [
          { path: 'atasanId', message: 'Membuat lingkaran atasan' },
        ]);
      }
      pos = pos.atasanId ? await repo.getJabatan(pos.atasanId, tx) : undefined;
    }
  }

  function toPenugasan(s: PenugasanRow, jabatanNama: string, unitKerjaNama: string): Penugasan {
    return {
      id: s.id,
      jabatanId: s.jabatanId,
      jabatanNama,
      unitKerjaNama,
      jenis: s.jenis,
      mulai: s.mulai,
      selesai: s.selesai,
    };
  }

  async function toPegawai(
    row: { p: PegawaiRow; username: string | null },
    tanggal: string,
  ): Promise<Pegawai> {
    const riwayat = await repo.riwayat(row.p.id);
    const now = penugasanUtama(
      riwayat
        .map((r) => r.span)
        .filter((s) => s.mulai <= tanggal && (s.selesai === null || s.selesai >= tanggal)),
    );
    const r = riwayat.find((x) => x.span.id === now?.id);
    return {
      id: row.p.id,
      nip: row.p.nip,
      nama: row.p.nama,
      status: row.p.status,
      aktif: row.p.aktif,
      userId: row.p.userId,
      username: row.username,
      jabatan: r ? toPenugasan(r.span, r.jabatanNama, r.unitKerjaNama) : null,
      version: row.p.version,
    };
  }

  return {
    // ---- unit kerja ----
    async listUnitKerja(actor: Actor): Promise<UnitKerja[]> {
      assertCan(actor, 'kepegawaian:read', actor.pemdaKode, 'Unit kerja');
      const rows = await repo.listUnitKerja(actor.pemdaKode, await today(actor.pemdaKode));
      return rows.map(({ unit, jumlahJabatan, jumlahPegawai }) => ({
        id: unit.id,
        kode: unit.kode,
        nama: unit.nama,
        jenis: unit.jenis,
        wilayahKode: unit.wilayahKode,
        aktif: unit.aktif,
        jumlahJabatan,
        jumlahPegawai,
        version: unit.version,
      }));
    },

    async saveUnitKerja(actor: Actor, id: string | null, input: UnitKerjaInput, version: number | null) {
      assertCan(actor, 'kepegawaian:manage', actor.pemdaKode, 'Unit kerja');
      await checkUnitKerjaInput(actor, input);
      try {
        return await db.transaction(async (tx) => {
          let row: Awaited<ReturnType<typeof repo.getUnitKerja>>;
          let before: unknown = null;
          if (id === null) {
            row = await repo.insertUnitKerja({ pemdaKode: actor.pemdaKode, ...input }, tx);
          } else {
            const old = await unitKerjaFor(actor, id, tx);
            before = old;
            row = await repo.updateUnitKerja(id, version ?? -1, input, tx);
            if (!row) throw stale(`Unit kerja ${old.nama}`);
          }
          await audit.record(
            actor,
            {
              action: 'kepegawaian.unit_kerja_saved',
              entity: 'unit_kerja',
              entityId: row?.id,
              before,
              after: row,
            },
            tx,
          );
          return row;
        });
      } catch (err) {
        conflict(err, {
          unit_kerja_kode_uq: `Kode unit kerja "${input.kode}" sudah dipakai.`,
          unit_kerja_wilayah_uq: 'Wilayah ini sudah punya unit kerja.',
        });
      }
    },

    // ---- jabatan ----
    async listJabatan(actor: Actor, q: { unitKerjaId?: string | undefined; tanggal?: string | undefined }) {
      assertCan(actor, 'kepegawaian:read', actor.pemdaKode, 'Jabatan');
      const tanggal = q.tanggal ?? (await today(actor.pemdaKode));
      const rows = await repo.listJabatan(actor.pemdaKode, q.unitKerjaId);
      const holders = await repo.pemegangOn(
        rows.map((r) => r.id),
        tanggal,
      );
      const items: Jabatan[] = rows.map((j) => ({
        id: j.id,
        unitKerjaId: j.unitKerjaId,
        kode: j.kode,
        nama: j.nama,
        jenis: j.jenis,
        kelas: j.kelas,
        atasanId: j.atasanId,
        kepalaUnit: j.kepalaUnit,
        aktif: j.aktif,
        version: j.version,
        pemegang: holders
          .filter((h) => h.span.jabatanId === j.id)
          .map((h) => ({
            pegawaiId: h.span.pegawaiId,
            nama: h.nama,
            nip: h.nip,
            jenis: h.span.jenis,
            mulai: h.span.mulai,
            selesai: h.span.selesai,
          })),
      }));
      return { tanggal, items };
    },

    async saveJabatan(actor: Actor, id: string | null, input: JabatanInput, version: number | null) {
      assertCan(actor, 'kepegawaian:manage', actor.pemdaKode, 'Jabatan');
      await unitKerjaFor(actor, input.unitKerjaId);
      try {
        return await db.transaction(async (tx) => {
          await checkAtasan(actor, id, input.atasanId, tx);
          let row: JabatanRow | undefined;
          let before: unknown = null;
          if (id === null) {
            row = await repo.insertJabatan({ pemdaKode: actor.pemdaKode, ...input }, tx);
          } else {
            const old = await jabatanFor(actor, id, tx);
            before = old;
            row = await repo.updateJabatan(id, version ?? -1, input, tx);
            if (!row) throw stale(`Jabatan ${old.nama}`);
          }
          await audit.record(
            actor,
            { action: 'kepegawaian.jabatan_saved', entity: 'jabatan', entityId: row.id, before, after: row },
            tx,
          );
          return row;
        });
      } catch (err) {
        conflict(err, { jabatan_kode_uq: `Kode jabatan "${input.kode}" sudah dipakai.` });
      }
    },

    async listKegiatan(actor: Actor, jabatanId: string): Promise<Kegiatan[]> {
      assertCan(actor, 'kepegawaian:read', actor.pemdaKode, 'Jabatan');
      await jabatanFor(actor, jabatanId);
      return (await repo.listKegiatan(jabatanId)).map((k) => ({
        id: k.id,
        jabatanId: k.jabatanId,
        nama: k.nama,
        menitStandar: k.menitStandar,
        satuan: k.satuan,
        templat: k.templat,
        urutan: k.urutan,
        aktif: k.aktif,
      }));
    },

    async saveKegiatan(actor: Actor, jabatanId: string, id: string | null, input: KegiatanInput) {
      assertCan(actor, 'kepegawaian:manage', actor.pemdaKode, 'Jabatan');
      await jabatanFor(actor, jabatanId);
      return db.transaction(async (tx) => {
        let row: Awaited<ReturnType<typeof repo.getKegiatan>>;
        if (id === null) {
          row = await repo.insertKegiatan({ pemdaKode: actor.pemdaKode, jabatanId, ...input }, tx);
        } else {
          const old = await repo.getKegiatan(id, tx);
          if (!old || old.jabatanId !== jabatanId)
            throw new AppError('NOT_FOUND', 'Kegiatan tidak ditemukan.');
          row = await repo.updateKegiatan(id, input, tx);
        }
        await audit.record(
          actor,
          { action: 'kepegawaian.kegiatan_saved', entity: 'jabatan_kegiatan', entityId: row?.id, after: row },
          tx,
        );
        return row;
      });
    },

    // ---- pegawai ----
    async listPegawai(
      actor: Actor,
      q: { q?: string | undefined; unitKerjaId?: string | undefined; page: number; pageSize: number },
    ) {
      assertCan(actor, 'kepegawaian:read', actor.pemdaKode, 'Pegawai');
      const tanggal = await today(actor.pemdaKode);
      const { rows, total } = await repo.listPegawai({ pemdaKode: actor.pemdaKode, tanggal, ...q });
      const items = [];
      for (const r of rows) items.push(await toPegawai(r, tanggal));
      return { items, total, page: q.page, pageSize: q.pageSize };
    },

    async getPegawai(actor: Actor, id: string): Promise<PegawaiDetail> {
      assertCan(actor, 'kepegawaian:read', actor.pemdaKode, 'Pegawai');
      const row = await pegawaiFor(actor, id);
      const base = await toPegawai(row, await today(actor.pemdaKode));
      const riwayat = (await repo.riwayat(id)).map((r) =>
        toPenugasan(r.span, r.jabatanNama, r.unitKerjaNama),
      );
      return { ...base, riwayat };
    },

    async createPegawai(actor: Actor, input: PegawaiCreate) {
      assertCan(actor, 'kepegawaian:manage', actor.pemdaKode, 'Pegawai');
      if (await repo.pegawaiByNip(input.nip)) {
        throw new AppError('CONFLICT', `NIP ${input.nip} sudah terdaftar sebagai pegawai.`, [
          { path: 'nip', message: 'NIP sudah terdaftar' },
        ]);
      }
      let password: string | null = null;
      let passwordHash: string | null = null;
      let linkUserId: string | null = null;
      if (input.akun.cara === 'baru') {
        if (await users.findByUsername(input.akun.username)) {
          throw new AppError('CONFLICT', `Nama pengguna "${input.akun.username}" sudah dipakai.`, [
            { path: 'akun.username', message: 'Nama pengguna sudah dipakai' },
          ]);
        }
        password = newTemporaryPassword();
        passwordHash = await hashPassword(password);
      } else if (input.akun.cara === 'tautkan') {
        const u = await users.findByUsername(input.akun.username);
        if (!u || u.pemdaKode !== actor.pemdaKode) {
          throw new AppError('VALIDATION', `Akun "${input.akun.username}" tidak ditemukan di pemda ini.`, [
            { path: 'akun.username', message: 'Akun tidak ditemukan' },
          ]);
        }
        if (await repo.pegawaiOfUser(u.id)) {
          throw new AppError('CONFLICT', `Akun "${u.username}" sudah tertaut ke pegawai lain.`, [
            { path: 'akun.username', message: 'Sudah tertaut' },
          ]);
        }
        linkUserId = u.id;
      }
      if (input.penugasan) await jabatanFor(actor, input.penugasan.jabatanId);
      try {
        const id = await db.transaction(async (tx) => {
          if (input.akun.cara === 'baru' && passwordHash) {
            const u = await users.insert(
              {
                username: input.akun.username,
                namaLengkap: input.nama,
                nip: null,
                pemdaKode: actor.pemdaKode,
                passwordHash,
                mustChangePassword: true,
              },
              tx,
            );
            linkUserId = u.id;
            await audit.record(
              actor,
              {
                action: 'user.created',
                entity: 'user',
                entityId: u.id,
                after: { username: u.username, namaLengkap: u.namaLengkap, roles: [{ role: 'pegawai' }] },
              },
              tx,
            );
          }
          if (linkUserId) {
            const roles = await users.rolesOf([linkUserId], tx);
            if (!roles.some((r) => r.role === 'pegawai')) {
              await users.assignRole(
                {
                  userId: linkUserId,
                  role: 'pegawai',
                  wilayahKode: actor.pemdaKode,
                  createdBy: actor.userId,
                },
                tx,
              );
            }
          }
          const p = await repo.insertPegawai(
            {
              pemdaKode: actor.pemdaKode,
              nip: input.nip,
              nama: input.nama,
              status: input.status,
              userId: linkUserId,
            },
            tx,
          );
          if (input.penugasan) await addSpan(actor, p.id, { ...input.penugasan, selesai: null }, tx);
          await audit.record(
            actor,
            {
              action: 'kepegawaian.pegawai_created',
              entity: 'pegawai',
              entityId: p.id,
              after: {
                nip: p.nip,
                nama: p.nama,
                status: p.status,
                userId: linkUserId,
                penugasan: input.penugasan,
              },
            },
            tx,
          );
          return p.id;
        });
        const row = await pegawaiFor(actor, id);
        return { pegawai: await toPegawai(row, await today(actor.pemdaKode)), passwordSementara: password };
      } catch (err) {
        conflict(err, {
          pegawai_nip_uq: `NIP ${input.nip} sudah terdaftar sebagai pegawai.`,
          users_username_uq: 'Nama pengguna ini sudah dipakai.',
          pegawai_user_uq: 'Akun ini sudah tertaut ke pegawai lain.',
        });
      }
    },

    async updatePegawai(
      actor: Actor,
      id: string,
      input: { nama: string; status: PegawaiRow['status']; aktif: boolean; version: number },
    ) {
      assertCan(actor, 'kepegawaian:manage', actor.pemdaKode, 'Pegawai');
      const old = await pegawaiFor(actor, id);
      await db.transaction(async (tx) => {
        const row = await repo.updatePegawai(
          id,
          input.version,
          { nama: input.nama, status: input.status, aktif: input.aktif },
          tx,
        );
        if (!row) throw stale(`Data pegawai ${old.p.nama}`);
        await audit.record(
          actor,
          {
            action: 'kepegawaian.pegawai_updated',
            entity: 'pegawai',
            entityId: id,
            before: old.p,
            after: row,
          },
          tx,
        );
      });
      return this.getPegawai(actor, id);
    },

    async addPenugasan(actor: Actor, pegawaiId: string, input: PenugasanInput) {
      assertCan(actor, 'kepegawaian:manage', actor.pemdaKode, 'Pegawai');
      await pegawaiFor(actor, pegawaiId);
      await db.transaction((tx) => addSpan(actor, pegawaiId, input, tx));
      return this.getPegawai(actor, pegawaiId);
    },

    async endPenugasan(actor: Actor, pegawaiId: string, spanId: string, selesai: string) {
      assertCan(actor, 'kepegawaian:manage', actor.pemdaKode, 'Pegawai');
      await pegawaiFor(actor, pegawaiId);
      const span = await repo.getPenugasan(spanId);
      if (!span || span.pegawaiId !== pegawaiId)
        throw new AppError('NOT_FOUND', 'Riwayat jabatan tidak ditemukan.');
      if (selesai < span.mulai) {
        throw new AppError('VALIDATION', 'Tanggal selesai tidak boleh sebelum tanggal mulai.', [
          { path: 'selesai', message: 'Sebelum tanggal mulai' },
        ]);
      }
      await db.transaction(async (tx) => {
        const after = await repo.endPenugasan(spanId, selesai, tx);
        await audit.record(
          actor,
          {
            action: 'kepegawaian.penugasan_saved',
            entity: 'pegawai_jabatan',
            entityId: spanId,
            before: span,
            after,
          },
          tx,
        );
      });
      return this.getPegawai(actor, pegawaiId);
    },

    // ---- calendar and leave ----
    async listLibur(actor: Actor, tahun: number): Promise<HariLibur[]> {
      assertCan(actor, 'kepegawaian:read', actor.pemdaKode, 'Kalender');
      const rows = await repo.liburBetween(actor.pemdaKode, `${tahun}-01-01`, `${tahun}-12-31`);
      return rows.map((r) => ({ tanggal: r.tanggal, jenis: r.jenis, keterangan: r.keterangan }));
    },
    async saveLibur(actor: Actor, input: HariLibur) {
      assertCan(actor, 'kepegawaian:manage', actor.pemdaKode, 'Kalender');
      await db.transaction(async (tx) => {
        await repo.upsertLibur({ pemdaKode: actor.pemdaKode, ...input }, tx);
        await audit.record(
          actor,
          { action: 'kepegawaian.libur_saved', entity: 'hari_libur', entityId: input.tanggal, after: input },
          tx,
        );
      });
    },
    async deleteLibur(actor: Actor, tanggal: string) {
      assertCan(actor, 'kepegawaian:manage', actor.pemdaKode, 'Kalender');
      await db.transaction(async (tx) => {
        const gone = await repo.deleteLibur(actor.pemdaKode, tanggal, tx);
        if (!gone) throw new AppError('NOT_FOUND', 'Hari libur tidak ditemukan.');
        await audit.record(
          actor,
          {
            action: 'kepegawaian.libur_saved',
            entity: 'hari_libur',
            entityId: tanggal,
            before: gone,
            after: null,
          },
          tx,
        );
      });
    },
    async listCuti(actor: Actor, q: { dari: string; sampai: string; pegawaiId?: string | undefined }) {
      assertCan(actor, 'kepegawaian:read', actor.pemdaKode, 'Cuti');
      const rows = await repo.cutiBetween({
        pemdaKode: actor.pemdaKode,
        dari: q.dari,
        sampai: q.sampai,
        ...(q.pegawaiId ? { pegawaiIds: [q.pegawaiId] } : {}),
      });
      return rows.map(({ c, nama }) => ({
        id: c.id,
        pegawaiId: c.pegawaiId,
        pegawaiNama: nama,
        jenis: c.jenis,
        mulai: c.mulai,
        selesai: c.selesai,
        keterangan: c.keterangan,
      }));
    },
    async addCuti(actor: Actor, input: CutiInput) {
      assertCan(actor, 'kepegawaian:manage', actor.pemdaKode, 'Cuti');
      await pegawaiFor(actor, input.pegawaiId);
      const overlap = await repo.cutiBetween({
        pemdaKode: actor.pemdaKode,
        pegawaiIds: [input.pegawaiId],
        dari: input.mulai,
        sampai: input.selesai,
      });
      if (overlap.length > 0) {
        throw new AppError(
          'CONFLICT',
          `Cuti ini bertumpang tindih dengan cuti ${overlap[0]?.c.mulai}–${overlap[0]?.c.selesai}.`,
        );
      }
      return db.transaction(async (tx) => {
        const row = await repo.insertCuti(
          { pemdaKode: actor.pemdaKode, ...input, createdBy: actor.userId },
          tx,
        );
        await audit.record(
          actor,
          { action: 'kepegawaian.cuti_saved', entity: 'cuti', entityId: row.id, after: row },
          tx,
        );
        return row;
      });
    },
    async deleteCuti(actor: Actor, id: string) {
      assertCan(actor, 'kepegawaian:manage', actor.pemdaKode, 'Cuti');
      await db.transaction(async (tx) => {
        const gone = await repo.deleteCuti(id, actor.pemdaKode, tx);
        if (!gone) throw new AppError('NOT_FOUND', 'Cuti tidak ditemukan.');
        await audit.record(
          actor,
          { action: 'kepegawaian.cuti_saved', entity: 'cuti', entityId: id, before: gone, after: null },
          tx,
        );
      });
    },

    // ---- kinerja settings of a year ----
    async getPengaturan(actor: Actor, tahun: number) {
      assertCan(actor, 'kepegawaian:read', actor.pemdaKode, 'Pengaturan');
      const row = await repo.getSetting(actor.pemdaKode, tahun);
      return {
        tahun,
        settings: (row?.settings as KinerjaSettings) ?? kinerjaDefaults(),
        version: row?.version ?? 0,
      };
    },
    async savePengaturan(actor: Actor, tahun: number, settings: KinerjaSettings, version: number) {
      assertCan(actor, 'kepegawaian:manage', actor.pemdaKode, 'Pengaturan');
      const parsed = kinerjaSettingsSchema.parse(settings);
      const before = await repo.getSetting(actor.pemdaKode, tahun);
      await db.transaction(async (tx) => {
        const row = await repo.saveSetting(actor.pemdaKode, tahun, parsed, version, actor.userId, tx);
        if (!row) throw stale(`Pengaturan kinerja ${tahun}`);
        await audit.record(
          actor,
          {
            action: 'kepegawaian.pengaturan_updated',
            entity: 'kinerja_setting',
            entityId: String(tahun),
            before: before?.settings ?? null,
            after: parsed,
          },
          tx,
        );
      });
      return this.getPengaturan(actor, tahun);
    },

    atasan,
  };

  /**
   * Adds a span, refusing what the organisation cannot hold: a pegawai with two definitif jabatan at
   * once, or a position with two holders of the same kind at once.
   */
  async function addSpan(actor: Actor, pegawaiId: string, input: PenugasanInput, tx: DbOrTx) {
    const jab = await jabatanFor(actor, input.jabatanId, tx);
    const own = await repo.spansOverlapping({ pegawaiId }, input.mulai, input.selesai, tx);
    if (input.jenis === 'definitif' && own.some((s) => s.jenis === 'definitif')) {
      throw new AppError(
        'CONFLICT',
        'Pegawai ini sudah memegang jabatan definitif pada tanggal itu. Akhiri dulu jabatan lamanya (mutasi).',
      );
    }
    if (own.some((s) => s.jabatanId === input.jabatanId)) {
      throw new AppError('CONFLICT', `Pegawai ini sudah memegang ${jab.nama} pada tanggal itu.`);
    }
    // A structural position (or a unit's head) has one holder of each kind; a pelaksana or
    // fungsional position is held by as many people as the formation allows.
    const single = jab.jenis === 'struktural' || jab.kepalaUnit;
    const held = single
      ? await repo.spansOverlapping({ jabatanId: input.jabatanId }, input.mulai, input.selesai, tx)
      : [];
    const same = held.find((s) => s.jenis === input.jenis);
    if (same) {
      throw new AppError(
        'CONFLICT',
        `${jab.nama} sudah dipegang (${same.jenis}) sejak ${same.mulai}. Akhiri penugasan itu dulu.`,
      );
    }
    const row = await repo.insertPenugasan(
      { pemdaKode: actor.pemdaKode, pegawaiId, ...input, createdBy: actor.userId },
      tx,
    );
    await audit.record(
      actor,
      { action: 'kepegawaian.penugasan_saved', entity: 'pegawai_jabatan', entityId: row.id, after: row },
      tx,
    );
    return row;
  }
}
export type KepegawaianService = ReturnType<typeof createKepegawaianService>;
