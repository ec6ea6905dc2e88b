import * as XLSX from '@e965/xlsx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loggedIn, type TestClient, type TestContext } from '../../../test/helpers';

let ctx: TestContext;
let bkpsdm: TestClient;

beforeAll(async () => {
  ctx = await createTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '1000' });
  bkpsdm = (await loggedIn(ctx, 'admin_kepegawaian', '32.73')).client;
}, 60_000);
afterAll(() => ctx?.close());

const impor = (jenis: string, isi: string, format = 'csv', dryRun = false) =>
  bkpsdm.request('POST', '/api/kepegawaian/impor', { jenis, format, isi, dryRun });

describe('the organisation from spreadsheets', () => {
  it('imports unit kerja, jabatan and pegawai; one wrong row imports nothing and every wrong row is listed', async () => {
    const uk = await impor(
      'unit-kerja',
      'kode;nama;jenis;kode_wilayah\n32.73.02;Kecamatan Coblong;kecamatan;32.73.02\nBKPSDM;Badan Kepegawaian dan Pengembangan Sumber Daya Manusia;perangkat_daerah;\n',
    );
    expect(uk.statusCode, uk.body).toBe(200);
    expect(uk.json()).toEqual({ jenis: 'unit-kerja', dryRun: false, baris: 2 });

    const bad = await impor(
      'jabatan',
      [
        'kode;nama;kode_unit_kerja;jenis;kelas;kode_atasan;kepala_unit',
        'CBL-CAMAT;Camat Coblong;32.73.02;struktural;14;;ya',
        'CBL-KASI;Kepala Seksi Pemerintahan;32.73.02;struktural;20;CBL-CAMAT;tidak',
        'CBL-STAF;Pengadministrasi Umum;32.73.02;pelaksana;5;CBL-TIDAKADA;tidak',
      ].join('\n'),
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((d: { baris: number }) => d.baris)).toEqual([3, 4]);
    expect(bad.json().error.details[0].pesan).toContain('kelas jabatan');
    expect((await bkpsdm.request('GET', '/api/kepegawaian/jabatan')).json().items).toHaveLength(0);

    const jab = await impor(
      'jabatan',
      [
        'kode;nama;kode_unit_kerja;jenis;kelas;kode_atasan;kepala_unit',
        'CBL-STAF;Pengadministrasi Umum;32.73.02;pelaksana;5;CBL-KASI;tidak',
        'CBL-KASI;Kepala Seksi Pemerintahan;32.73.02;struktural;9;CBL-CAMAT;tidak',
        'CBL-CAMAT;Camat Coblong;32.73.02;struktural;14;;ya',
      ].join('\n'),
    );
    expect(jab.statusCode, jab.body).toBe(200);
    const items = (await bkpsdm.request('GET', '/api/kepegawaian/jabatan')).json().items as {
      id: string;
      kode: string;
      atasanId: string | null;
    }[];
    const byKode = new Map(items.map((j) => [j.kode, j]));
    expect(byKode.get('CBL-STAF')?.atasanId).toBe(byKode.get('CBL-KASI')?.id);

    // Pegawai from an XLSX: the NIP as a spreadsheet writes it (with spaces).
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(
      wb,
      XLSX.utils.aoa_to_sheet([
        ['nip', 'nama', 'status', 'kode_jabatan', 'jenis_penugasan', 'mulai', 'username'],
        ['19780214 200312 1 003', 'Rina Marlina', 'PNS', 'CBL-CAMAT', 'definitif', '2025-01-02', ''],
        ['199206152019032003', 'Neneng Sumiati', 'pppk', 'CBL-STAF', '', '2025-01-02', ''],
      ]),
      'pegawai',
    );
    const xlsx = (XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer).toString('base64');
    const dry = await impor('pegawai', xlsx, 'xlsx', true);
    expect(dry.json()).toEqual({ jenis: 'pegawai', dryRun: true, baris: 2 });
    expect((await bkpsdm.request('GET', '/api/kepegawaian/pegawai')).json().total).toBe(0);
    const peg = await impor('pegawai', xlsx, 'xlsx');
    expect(peg.statusCode, peg.body).toBe(200);
    const list = (await bkpsdm.request('GET', '/api/kepegawaian/pegawai')).json();
    expect(list.total).toBe(2);
    expect(list.items.find((p: { nama: string }) => p.nama === 'Rina Marlina').jabatan.jabatanNama).toBe(
      'Camat Coblong',
    );

    // The export has the import's columns; importing it again refuses every NIP already there.
    const csv = await bkpsdm.request('GET', '/api/kepegawaian/ekspor/pegawai?format=csv');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-disposition']).toContain('attachment');
    expect(csv.body).toContain('Neneng Sumiati');
    const again = await impor('pegawai', csv.body);
    expect(again.statusCode).toBe(400);
    expect(again.json().error.details).toHaveLength(2);
  });

  it('refuses a file without its columns and another role', async () => {
    const res = await impor('pegawai', 'nama;status\nA;PNS\n');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('nip');
    const { client: lurah } = await loggedIn(ctx, 'lurah', '32.73.02.1004');
    const refused = await lurah.request('POST', '/api/kepegawaian/impor', {
      jenis: 'pegawai',
      format: 'csv',
      isi: 'nip;nama;status\n',
    });
    expect([403, 404]).toContain(refused.statusCode);
  });
});
