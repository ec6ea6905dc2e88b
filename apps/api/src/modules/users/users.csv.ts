import {
  type CsvRowError,
  nipSchema,
  type Role,
  roleSchema,
  roles,
  usernameSchema,
  wilayahKodeSchema,
} from '@sip/contracts';
import Papa from 'papaparse';

export interface CsvUserRow {
  baris: number;
  username: string;
  namaLengkap: string;
  nip: string | null;
  role: Role;
  wilayahKode: string;
}

export const MAX_CSV_ROWS = 5000;

/** Spreadsheets write NIP with spaces ("19850312 201001 1 003") or a leading apostrophe. */
const cleanNip = (raw: string) => raw.replace(/^'/, '').replace(/\s+/g, '');

const firstMessage = (err: { issues: { message: string }[] }) => err.issues[0]?.message ?? 'tidak valid';

/**
 * Parses the users CSV (`;` or `,`, as Indonesian spreadsheets export) and checks each row on its
 * own. `baris` counts like the spreadsheet: the header is row 1. Cross-row and database checks are
 * the service's.
 */
export function parseUsersCsv(text: string): { rows: CsvUserRow[]; errors: CsvRowError[] } {
  const errors: CsvRowError[] = [];
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: 'greedy',
    delimitersToGuess: [';', ',', '\t'],
    transformHeader: (h) => h.trim().toLowerCase().replace(/\s+/g, '_'),
  });
  const headers = parsed.meta.fields ?? [];
  const missing = ['username', 'nama_lengkap', 'peran', 'kode_wilayah'].filter((h) => !headers.includes(h));
  if (missing.length > 0) {
    errors.push({
      baris: 1,
      pesan: `Baris 1: kolom ${missing.join(', ')} tidak ada. Baris pertama harus berisi judul kolom: username;nama_lengkap;nip;peran;kode_wilayah.`,
    });
    return { rows: [], errors };
  }
  if (parsed.data.length === 0) {
    errors.push({ baris: 2, pesan: 'Berkas tidak berisi satu pun baris pengguna.' });
    return { rows: [], errors };
  }
  if (parsed.data.length > MAX_CSV_ROWS) {
    errors.push({
      baris: 1,
      pesan: `Berkas berisi ${parsed.data.length} baris; paling banyak ${MAX_CSV_ROWS} sekali impor.`,
    });
    return { rows: [], errors };
  }
  const structural = new Map<number, string>();
  for (const e of parsed.errors) {
    if (e.row === undefined || e.code === 'UndetectableDelimiter') continue;
    structural.set(
      e.row,
      e.code === 'TooManyFields' ? 'jumlah kolom lebih banyak dari judul' : 'jumlah kolom tidak sesuai judul',
    );
  }
  const rows: CsvUserRow[] = [];
  parsed.data.forEach((raw, i) => {
    const baris = i + 2;
    const problems: string[] = [];
    const s = structural.get(i);
    if (s) problems.push(s);
    const cell = (k: string) => (raw[k] ?? '').trim();

    const username = usernameSchema.safeParse(cell('username').toLowerCase());
    if (!cell('username')) problems.push('username kosong');
    else if (!username.success)
      problems.push(`username "${cell('username')}": ${firstMessage(username.error)}`);

    const nama = cell('nama_lengkap');
    if (nama.length < 3) problems.push('nama_lengkap minimal 3 karakter');
    else if (nama.length > 120) problems.push('nama_lengkap maksimal 120 karakter');

    const nipRaw = cleanNip(cell('nip'));
    let nip: string | null = null;
    if (nipRaw) {
      const r = nipSchema.safeParse(nipRaw);
      if (r.success) nip = r.data;
      else problems.push(firstMessage(r.error));
    }

    const peranRaw = cell('peran').toLowerCase();
    const peran = roleSchema.safeParse(peranRaw);
    if (!peran.success) {
      problems.push(
        peranRaw ? `peran "${cell('peran')}" tidak dikenal (pilih: ${roles.join(', ')})` : 'peran kosong',
      );
    }

    const kode = cell('kode_wilayah');
    const kodeOk = wilayahKodeSchema.safeParse(kode);
    if (!kode) problems.push('kode_wilayah kosong');
    else if (!kodeOk.success) problems.push(`kode_wilayah "${kode}" tidak valid (contoh: 32.73.02.1004)`);

    if (problems.length > 0) {
      errors.push({ baris, pesan: `Baris ${baris}: ${problems.join('; ')}` });
      return;
    }
    rows.push({
      baris,
      username: username.data as string,
      namaLengkap: nama,
      nip,
      role: peran.data as Role,
      wilayahKode: kode,
    });
  });
  return { rows, errors };
}
