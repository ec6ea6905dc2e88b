import * as XLSX from '@e965/xlsx';
import {
  type CsvRowError,
  jabatanJenis,
  nipSchema,
  pegawaiStatus,
  penugasanJenis,
  tanggalSchema,
  unitKerjaJenis,
  usernameSchema,
} from '@sip/contracts';
import Papa from 'papaparse';
import type { Db, DbOrTx } from '../../db/client';
import { AppError } from '../../lib/errors';
import { type Cell, type ExportFormat, exportFile } from '../../lib/spreadsheet';
import type { AuditRepo } from '../audit/audit.repo';
import { type Actor, assertCan } from '../authz/authz';
import type { UsersRepo } from '../users/users.repo';
import type { WilayahRepo } from '../wilayah/wilayah.repo';
import type { KepegawaianRepo } from './kepegawaian.repo';

/**
 * Import and export of the organisation as spreadsheets (CSV with `;` or `,`, or XLSX), one kind at
 * a time: unit kerja, then jabatan, then pegawai. Like the users import, every row is checked
 * first — on its own, against the other rows and against the database — and one wrong row means
 * nothing is imported, with every wrong row listed. An export has the import's columns, so a file
 * exported, corrected and imported again round-trips.
 */

export const jenisImpor = ['unit-kerja', 'jabatan', 'pegawai'] as const;
export type JenisImpor = (typeof jenisImpor)[number];

export const kolomImpor: Record<JenisImpor, string[]> = {
  'unit-kerja': ['kode', 'nama', 'jenis', 'kode_wilayah'],
  jabatan: ['kode', 'nama', 'kode_unit_kerja', 'jenis', 'kelas', 'kode_atasan', 'kepala_unit'],
  pegawai: ['nip', 'nama', 'status', 'kode_jabatan', 'jenis_penugasan', 'mulai', 'username'],
};
const wajib: Record<JenisImpor, string[]> = {
  'unit-kerja': ['kode', 'nama', 'jenis'],
  jabatan: ['kode', 'nama', 'kode_unit_kerja', 'jenis', 'kelas'],
  pegawai: ['nip', 'nama', 'status'],
};

export const MAX_IMPORT_ROWS = 20_000;

export interface KepegawaianImportDeps {
  db: Db;
  repo: KepegawaianRepo;
  users: Pick<UsersRepo, 'findByUsername' | 'assignRole' | 'rolesOf'>;
  wilayah: Pick<WilayahRepo, 'getMany'>;
  audit: AuditRepo;
}

type Row = { baris: number; cell: (k: string) => string };

/** The file's rows as text cells; an XLSX arrives base64-encoded and its first sheet is read. */
function readRows(jenis: JenisImpor, format: 'csv' | 'xlsx', isi: string): Row[] {
  let text = isi;
  if (format === 'xlsx') {
    let wb: XLSX.WorkBook;
    try {
      wb = XLSX.read(Buffer.from(isi, 'base64'), { type: 'buffer' });
    } catch {
      throw new AppError(
        'VALIDATION',
        'Berkas XLSX tidak dapat dibaca. Simpan ulang dari aplikasi lembar kerja.',
      );
    }
    const sheet = wb.Sheets[wb.SheetNames[0] ?? ''];
    if (!sheet) throw new AppError('VALIDATION', 'Berkas XLSX tidak berisi lembar kerja.');
    text = XLSX.utils.sheet_to_csv(sheet, { FS: ';', blankrows: false });
  }
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: 'greedy',
    delimitersToGuess: [';', ',', '\t'],
    transformHeader: (h) => h.trim().toLowerCase().replace(/\s+/g, '_'),
  });
  const headers = parsed.meta.fields ?? [];
  const missing = wajib[jenis].filter((h) => !headers.includes(h));
  if (missing.length > 0) {
    throw new AppError('VALIDATION', `Kolom ${missing.join(', ')} tidak ada.`, [
      {
        baris: 1,
        pesan: `Baris 1: kolom ${missing.join(', ')} tidak ada. Judul kolom: ${kolomImpor[jenis].join(';')}.`,
      },
    ]);
  }
  if (parsed.data.length === 0) throw new AppError('VALIDATION', 'Berkas tidak berisi satu pun baris data.');
  if (parsed.data.length > MAX_IMPORT_ROWS) {
    throw new AppError(
      'VALIDATION',
      `Berkas berisi ${parsed.data.length} baris; paling banyak ${MAX_IMPORT_ROWS} sekali impor.`,
    );
  }
  return parsed.data.map((raw, i) => ({
    baris: i + 2,
    cell: (k: string) => (raw[k] ?? '').trim().replace(/^'/, ''),
  }));
}

const ya = (s: string) => ['ya', 'y', 'true', '1'].includes(s.toLowerCase());

export function createKepegawaianImport({ db, repo, users, wilayah, audit }: KepegawaianImportDeps) {
  return {
    /**
     * Checks every row and, unless `dryRun`, writes them all in one transaction. Throws 400 with
     * `details` listing every wrong row (nothing written).
     */
    async importFile(
      actor: Actor,
      input: { jenis: JenisImpor; format: 'csv' | 'xlsx'; isi: string; dryRun: boolean },
    ): Promise<{ jenis: JenisImpor; dryRun: boolean; baris: number }> {
      assertCan(actor, 'kepegawaian:manage', actor.pemdaKode, 'Kepegawaian');
      const rows = readRows(input.jenis, input.format, input.isi);
      const errors: CsvRowError[] = [];
      const wrong = (r: Row, pesan: string) =>
        errors.push({ baris: r.baris, pesan: `Baris ${r.baris}: ${pesan}` });
      const dupes = (key: (r: Row) => string, label: string) => {
        const seen = new Map<string, number>();
        for (const r of rows) {
          const k = key(r);
          if (!k) continue;
          const first = seen.get(k);
          if (first) wrong(r, `${label} "${k}" sama dengan baris ${first}`);
          else seen.set(k, r.baris);
        }
      };
      const pemda = actor.pemdaKode;
      const write = async (tx: DbOrTx) => {
        if (input.jenis === 'unit-kerja') await importUnitKerja(tx);
        else if (input.jenis === 'jabatan') await importJabatan(tx);
        else await importPegawai(tx);
      };

      // ---- checks and writes per kind (each write only after every row passed) ----
      const existingUnits = new Map(
        (await repo.listUnitKerja(pemda, '1900-01-01')).map((u) => [u.unit.kode, u.unit]),
      );
      const existingJabatan = new Map((await repo.listJabatan(pemda, undefined)).map((j) => [j.kode, j]));

      async function importUnitKerja(tx: DbOrTx) {
        for (const r of rows) {
          await repo.insertUnitKerja(
            {
              pemdaKode: pemda,
              kode: r.cell('kode'),
              nama: r.cell('nama'),
              jenis: r.cell('jenis') as (typeof unitKerjaJenis)[number],
              wilayahKode: r.cell('kode_wilayah') || null,
            },
            tx,
          );
        }
      }
      if (input.jenis === 'unit-kerja') {
        dupes((r) => r.cell('kode'), 'kode');
        dupes((r) => r.cell('kode_wilayah'), 'kode wilayah');
        const known = new Map(
          (await wilayah.getMany([...new Set(rows.map((r) => r.cell('kode_wilayah')).filter(Boolean))])).map(
            (w) => [w.kode, w],
          ),
        );
        const takenWilayah = new Set([...existingUnits.values()].map((u) => u.wilayahKode).filter(Boolean));
        for (const r of rows) {
          const jenis = r.cell('jenis');
          if (!/^[A-Za-z0-9._-]{1,40}$/.test(r.cell('kode')))
            wrong(
              r,
              `kode "${r.cell('kode')}" tidak valid (huruf, angka, titik, garis bawah, tanda hubung; maksimal 40)`,
            );
          if (existingUnits.has(r.cell('kode'))) wrong(r, `unit kerja berkode "${r.cell('kode')}" sudah ada`);
          if (r.cell('nama').length < 2) wrong(r, 'nama kosong');
          if (!(unitKerjaJenis as readonly string[]).includes(jenis)) {
            wrong(r, `jenis "${jenis}" tidak dikenal (perangkat_daerah, kecamatan atau kelurahan)`);
            continue;
          }
          const kw = r.cell('kode_wilayah');
          if (jenis === 'perangkat_daerah') {
            if (kw) wrong(r, 'perangkat daerah tidak berkode wilayah; kosongkan kode_wilayah');
            continue;
          }
          const w = known.get(kw);
          const level = jenis === 'kecamatan' ? 'kecamatan' : 'kelurahan_desa';
          if (!kw) wrong(r, `${jenis} wajib berkode wilayah`);
          else if (!w || w.level !== level || !kw.startsWith(`${pemda}.`))
            wrong(r, `kode wilayah ${kw} bukan ${jenis} di pemda ini`);
          else if (takenWilayah.has(kw)) wrong(r, `wilayah ${kw} sudah punya unit kerja`);
        }
      }

      async function importJabatan(tx: DbOrTx) {
        const ids = new Map([...existingJabatan].map(([k, j]) => [k, j.id]));
        for (const r of rows) {
          const row = await repo.insertJabatan(
            {
              pemdaKode: pemda,
              unitKerjaId: existingUnits.get(r.cell('kode_unit_kerja'))?.id as string,
              kode: r.cell('kode'),
              nama: r.cell('nama'),
              jenis: r.cell('jenis') as (typeof jabatanJenis)[number],
              kelas: Number(r.cell('kelas')),
              kepalaUnit: ya(r.cell('kepala_unit')),
            },
            tx,
          );
          ids.set(row.kode, row.id);
        }
        // Atasan last: a position may name one further down the file.
        for (const r of rows) {
          const atasan = r.cell('kode_atasan');
          if (!atasan) continue;
          const id = ids.get(r.cell('kode')) as string;
          const row = await repo.getJabatan(id, tx);
          await repo.updateJabatan(id, row?.version ?? 0, { atasanId: ids.get(atasan) ?? null }, tx);
        }
      }
      if (input.jenis === 'jabatan') {
        dupes((r) => r.cell('kode'), 'kode');
        const inFile = new Map(rows.map((r) => [r.cell('kode'), r.cell('kode_atasan')]));
        for (const r of rows) {
          if (!/^[A-Za-z0-9._-]{1,40}$/.test(r.cell('kode')))
            wrong(r, `kode "${r.cell('kode')}" tidak valid`);
          if (existingJabatan.has(r.cell('kode'))) wrong(r, `jabatan berkode "${r.cell('kode')}" sudah ada`);
          if (r.cell('nama').length < 2) wrong(r, 'nama kosong');
          if (!existingUnits.has(r.cell('kode_unit_kerja')))
            wrong(r, `unit kerja "${r.cell('kode_unit_kerja')}" tidak ada; impor unit kerja dulu`);
          if (!(jabatanJenis as readonly string[]).includes(r.cell('jenis')))
            wrong(r, `jenis "${r.cell('jenis')}" tidak dikenal (struktural, fungsional atau pelaksana)`);
          const kelas = Number(r.cell('kelas'));
          if (!Number.isInteger(kelas) || kelas < 1 || kelas > 17)
            wrong(r, `kelas jabatan "${r.cell('kelas')}" harus 1–17`);
          const atasan = r.cell('kode_atasan');
          if (atasan && !inFile.has(atasan) && !existingJabatan.has(atasan))
            wrong(r, `jabatan atasan "${atasan}" tidak ada`);
          // A circle of atasan within the file (existing positions cannot point into new ones).
          const seen = new Set([r.cell('kode')]);
          for (let a = atasan; a && inFile.has(a); a = inFile.get(a) ?? '') {
            if (seen.has(a)) {
              wrong(r, `atasan membentuk lingkaran (${[...seen, a].join(' → ')})`);
              break;
            }
            seen.add(a);
          }
        }
      }

      async function importPegawai(tx: DbOrTx) {
        for (const r of rows) {
          const username = r.cell('username');
          const user = username ? await users.findByUsername(username, tx) : undefined;
          const p = await repo.insertPegawai(
            {
              pemdaKode: pemda,
              nip: r.cell('nip').replace(/\s+/g, ''),
              nama: r.cell('nama'),
              status: r.cell('status').toUpperCase() as (typeof pegawaiStatus)[number],
              userId: user?.id ?? null,
            },
            tx,
          );
          if (user && !(await users.rolesOf([user.id], tx)).some((g) => g.role === 'pegawai')) {
            await users.assignRole(
              { userId: user.id, role: 'pegawai', wilayahKode: pemda, createdBy: actor.userId },
              tx,
            );
          }
          const kodeJabatan = r.cell('kode_jabatan');
          if (kodeJabatan) {
            await repo.insertPenugasan(
              {
                pemdaKode: pemda,
                pegawaiId: p.id,
                jabatanId: existingJabatan.get(kodeJabatan)?.id as string,
                jenis: (r.cell('jenis_penugasan') || 'definitif') as (typeof penugasanJenis)[number],
                mulai: r.cell('mulai'),
                createdBy: actor.userId,
              },
              tx,
            );
          }
        }
      }
      if (input.jenis === 'pegawai') {
        dupes((r) => r.cell('nip').replace(/\s+/g, ''), 'NIP');
        dupes((r) => r.cell('username').toLowerCase(), 'username');
        for (const r of rows) {
          const nip = nipSchema.safeParse(r.cell('nip').replace(/\s+/g, ''));
          if (!nip.success)
            wrong(r, `NIP "${r.cell('nip')}": ${nip.error.issues[0]?.message ?? 'tidak valid'}`);
          else if (await repo.pegawaiByNip(nip.data)) wrong(r, `NIP ${nip.data} sudah terdaftar`);
          if (r.cell('nama').length < 2) wrong(r, 'nama kosong');
          if (!(pegawaiStatus as readonly string[]).includes(r.cell('status').toUpperCase()))
            wrong(r, `status "${r.cell('status')}" harus PNS, CPNS atau PPPK`);
          const kodeJabatan = r.cell('kode_jabatan');
          if (kodeJabatan) {
            const j = existingJabatan.get(kodeJabatan);
            if (!j) wrong(r, `jabatan "${kodeJabatan}" tidak ada; impor jabatan dulu`);
            const jenis = r.cell('jenis_penugasan') || 'definitif';
            if (!(penugasanJenis as readonly string[]).includes(jenis))
              wrong(r, `jenis penugasan "${jenis}" harus definitif, plt atau plh`);
            if (!tanggalSchema.safeParse(r.cell('mulai')).success)
              wrong(r, `tanggal mulai "${r.cell('mulai')}" harus TTTT-BB-HH`);
          }
          const username = r.cell('username');
          if (username) {
            const u = usernameSchema.safeParse(username);
            const user = u.success ? await users.findByUsername(username) : undefined;
            if (!user || user.pemdaKode !== pemda) wrong(r, `akun "${username}" tidak ada di pemda ini`);
            else if (await repo.pegawaiOfUser(user.id))
              wrong(r, `akun "${username}" sudah tertaut ke pegawai lain`);
          }
        }
      }

      if (errors.length > 0) {
        errors.sort((a, b) => a.baris - b.baris);
        throw new AppError(
          'VALIDATION',
          `${errors.length} baris salah; tidak ada yang diimpor. Perbaiki lalu unggah lagi.`,
          errors,
        );
      }
      if (!input.dryRun) {
        await db.transaction(async (tx) => {
          await write(tx);
          await audit.record(
            actor,
            { action: 'kepegawaian.imported', entity: input.jenis, after: { baris: rows.length } },
            tx,
          );
        });
      }
      return { jenis: input.jenis, dryRun: input.dryRun, baris: rows.length };
    },

    /** The organisation in the import's columns. */
    async exportFile(actor: Actor, jenis: JenisImpor, format: ExportFormat) {
      assertCan(actor, 'kepegawaian:read', actor.pemdaKode, 'Kepegawaian');
      const pemda = actor.pemdaKode;
      const units = (await repo.listUnitKerja(pemda, '1900-01-01')).map((u) => u.unit);
      const jabatan = await repo.listJabatan(pemda, undefined);
      const unitKode = new Map(units.map((u) => [u.id, u.kode]));
      const jabKode = new Map(jabatan.map((j) => [j.id, j.kode]));
      let rows: Cell[][];
      if (jenis === 'unit-kerja') {
        rows = units.map((u) => [u.kode, u.nama, u.jenis, u.wilayahKode ?? '']);
      } else if (jenis === 'jabatan') {
        rows = jabatan.map((j) => [
          j.kode,
          j.nama,
          unitKode.get(j.unitKerjaId) ?? '',
          j.jenis,
          j.kelas,
          j.atasanId ? (jabKode.get(j.atasanId) ?? '') : '',
          j.kepalaUnit ? 'ya' : 'tidak',
        ]);
      } else {
        rows = [];
        for (let page = 1; ; page++) {
          const { rows: batch } = await repo.listPegawai({
            pemdaKode: pemda,
            tanggal: '9999-12-31',
            page,
            pageSize: 1000,
          });
          for (const { p, username } of batch) {
            const spans = await repo.riwayat(p.id);
            const now = spans.filter((s) => s.span.selesai === null).at(-1)?.span;
            rows.push([
              `'${p.nip}`,
              p.nama,
              p.status,
              now ? (jabKode.get(now.jabatanId) ?? '') : '',
              now?.jenis ?? '',
              now?.mulai ?? '',
              username ?? '',
            ]);
          }
          if (batch.length < 1000) break;
        }
      }
      return exportFile(`${jenis}-${pemda}`, format, [{ name: jenis, rows: [kolomImpor[jenis], ...rows] }]);
    },
  };
}
export type KepegawaianImport = ReturnType<typeof createKepegawaianImport>;
