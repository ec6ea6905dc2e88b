import type { Page } from '@playwright/test';
import { expect, loginViaApi, seriousA11yViolations, test } from '../fixtures';

/** Issue #4: periodes, the framework editor, users and the audit log, driven as an admin would. */

async function noSeriousA11y(page: Page) {
  expect(await seriousA11yViolations(page)).toEqual([]);
}

test('the admin creates 2027 from 2026, fixes a weight, previews, activates, then cannot edit weights', async ({
  page,
}) => {
  await loginViaApi(page, 'admin');
  await page.goto('/admin/periode');
  await expect(page.getByRole('heading', { level: 1, name: 'Periode & kerangka penilaian' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Periode 2026' })).toBeVisible();
  await noSeriousA11y(page);

  // A new year starts as a copy of the latest one.
  await expect(page.getByRole('textbox', { name: 'Tahun' })).toHaveValue('2027');
  await expect(page.getByRole('radio', { name: 'Salin kerangka tahun lain' })).toBeChecked();
  await page.getByRole('button', { name: 'Buat periode' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Periode 2027' })).toBeVisible();
  await expect(page.getByText('Draf', { exact: true })).toBeVisible();

  // B1 for kecamatan: 35 + 25 + 20 + 20. Lowering B1.2 to 20 leaves 95.
  const b12 = page.getByRole('textbox', { name: 'Bobot kecamatan B1.2' });
  await b12.fill('20');
  const sumMessage = page.getByText(
    'Jumlah bobot indikator kecamatan di bidang "Kualitas pelayanan publik" adalah 95, harus 100.',
  );
  await expect(sumMessage).toBeVisible();
  await expect(page.getByText('Jumlah bobot kecamatan: 95 / 100')).toBeVisible();
  const save = page.getByRole('button', { name: 'Simpan kerangka' });
  await expect(save).toBeDisabled();
  await expect(page.getByText('1 masalah harus diperbaiki sebelum menyimpan.')).toBeVisible();

  // Fixed by giving the 5 points to B1.3.
  await page.getByRole('textbox', { name: 'Bobot kecamatan B1.3' }).fill('25');
  await expect(sumMessage).toHaveCount(0);
  await expect(page.getByText('Jumlah bobot kecamatan: 100 / 100').first()).toBeVisible();
  await expect(save).toBeEnabled();
  await save.click();
  await expect(page.getByText('Kerangka penilaian disimpan.')).toBeVisible();
  await expect(page.getByText('Tidak ada perubahan.')).toBeVisible();

  // Preview: a kelurahan with only an IKM of 100: B1.1 weighs 35 in B1 (30%), so 0.35 × 100 × 0.30 = 10,50.
  await page.getByRole('textbox', { name: 'Nilai contoh B1.1' }).fill('100');
  await expect(page.getByTestId('preview-total')).toHaveText('10,50');
  await expect(page.getByTestId('preview-predikat')).toHaveText('Sangat Kurang');
  await noSeriousA11y(page);

  // Activate, with a reason.
  await page.getByRole('button', { name: 'Aktifkan periode' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox', { name: /Alasan/ }).fill('Disetujui rapat tim penilai');
  await dialog.getByRole('button', { name: 'Aktifkan periode' }).click();
  await expect(page.getByText('Periode 2027 sekarang berstatus Aktif.')).toBeVisible();
  await expect(page.getByText('Aktif', { exact: true })).toBeVisible();

  // Weights are locked now, and the page says why; wording stays editable.
  await expect(page.getByRole('textbox', { name: 'Bobot kecamatan B1.2' })).toBeDisabled();
  const lock = page.getByRole('alert').filter({ hasText: 'Bagian penilaian terkunci' });
  await expect(lock).toContainText(
    'bobot, jenis, target, tabel nilai, pembulatan dan batas predikat tidak dapat diubah lagi',
  );
  await page.getByRole('button', { name: 'Buka rincian indikator B1.2' }).click();
  await expect(page.locator('#ind-B1\\.2-definition')).toBeEditable();
  await expect(page.getByRole('button', { name: 'Tambah indikator' }).first()).toBeDisabled();

  // And the API refuses a weight change with the reason, even if someone sends it by hand.
  const csrf = (await (await page.request.get('/api/auth/csrf')).json()).csrfToken as string;
  const id = page.url().split('/').pop() as string;
  const current = await (await page.request.get(`/api/periode/${id}`)).json();
  current.framework.bidang[0].indikator[1].weights.kecamatan = 30;
  current.framework.bidang[0].indikator[2].weights.kecamatan = 15;
  const refused = await page.request.put(`/api/periode/${id}/framework`, {
    data: { version: current.version, framework: current.framework },
    headers: { 'x-csrf-token': csrf },
  });
  expect(refused.status()).toBe(409);
  expect((await refused.json()).error.message).toContain('sudah aktif');
});

test('a CSV of users with one bad row imports nothing and says which row and why', async ({ page }) => {
  await loginViaApi(page, 'admin');
  await page.goto('/admin/pengguna');
  await expect(page.getByRole('heading', { level: 1, name: 'Pengguna & peran' })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'lurah.dago', exact: true })).toBeVisible();
  await noSeriousA11y(page);

  await page.getByRole('button', { name: 'Impor CSV' }).click();
  const dialog = page.getByRole('dialog', { name: 'Impor pengguna dari CSV' });
  const csv = [
    'username;nama_lengkap;nip;peran;kode_wilayah',
    'e2e.rina;Rina Marlina;;lurah;32.73.02.1005',
    'e2e.budi;Budi Hartono;12345;operator;32.73.02.1005',
  ].join('\r\n');
  await dialog
    .locator('input[type="file"]')
    .setInputFiles({ name: 'pengguna.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
  await dialog.getByRole('button', { name: 'Impor', exact: true }).click();
  const failure = dialog.getByRole('alert');
  await expect(failure).toContainText('Tidak ada yang diimpor: 1 baris salah');
  await expect(failure.getByRole('listitem')).toHaveText(['Baris 3: NIP harus 18 digit angka']);
  await noSeriousA11y(page);
  await dialog.getByRole('button', { name: 'Batal' }).click();

  // Nothing was imported, not even the good row.
  await page.getByRole('textbox', { name: 'Cari nama pengguna, nama atau NIP' }).fill('e2e.rina');
  await expect(page.getByText('Tidak ada data')).toBeVisible();
});

test('the admin creates a lurah with the scope picker, then disables the account', async ({ page }) => {
  await loginViaApi(page, 'admin');
  await page.goto('/admin/pengguna');
  await page.getByRole('button', { name: 'Tambah pengguna' }).click();
  const form = page.getByRole('dialog', { name: 'Tambah pengguna' });
  await form.getByRole('textbox', { name: 'Nama pengguna' }).fill('e2e.sari');
  await form.getByRole('textbox', { name: 'Nama lengkap' }).fill('Sari Wulandari');
  await form.getByRole('textbox', { name: 'NIP' }).fill('12345');
  await form.getByRole('button', { name: 'Buat pengguna' }).click();
  await expect(form.getByText('NIP harus 18 digit angka')).toBeVisible();
  await form.getByRole('textbox', { name: 'NIP' }).fill('');
  await form.getByRole('button', { name: 'Buat pengguna' }).click();
  await expect(form.getByText('Pilih wilayah peran ini')).toBeVisible();
  await form.getByRole('combobox', { name: 'Kecamatan — Peran 1' }).click();
  await page.getByRole('option', { name: 'Coblong (32.73.02)' }).click();
  await form.getByRole('combobox', { name: 'Kelurahan/desa — Peran 1' }).click();
  await page.getByRole('option', { name: 'Dago (32.73.02.1004)' }).click();
  await form.getByRole('button', { name: 'Buat pengguna' }).click();

  const shown = page.getByRole('dialog', { name: 'Kata sandi sementara' });
  await expect(shown.getByTestId('temporary-password')).toHaveText(
    /^[A-Za-z0-9]{4}-[A-Za-z0-9]{4}-[A-Za-z0-9]{4}$/,
  );
  await noSeriousA11y(page);
  await shown.getByRole('button', { name: 'Selesai' }).click();

  await page.getByRole('textbox', { name: 'Cari nama pengguna, nama atau NIP' }).fill('e2e.sari');
  const row = page.getByRole('row').filter({ hasText: 'e2e.sari' });
  await expect(row).toContainText('Lurah · Dago');
  await row.getByRole('button', { name: 'Tindakan untuk e2e.sari' }).click();
  await page.getByRole('menuitem', { name: 'Ubah' }).click();
  const edit = page.getByRole('dialog', { name: 'Ubah pengguna e2e.sari' });
  await edit.getByRole('switch', { name: /Akun aktif/ }).click();
  await edit.getByRole('textbox', { name: /Alasan perubahan/ }).fill('Pindah tugas');
  await edit.getByRole('button', { name: 'Simpan' }).click();
  await expect(page.getByText('Pengguna e2e.sari disimpan.')).toBeVisible();
  await expect(row).toContainText('Nonaktif');
});

test('the audit log filters by action and shows before and after', async ({ page }) => {
  await loginViaApi(page, 'admin');
  // Its own data: a periode made and activated through the API, with a reason.
  const csrf = (await (await page.request.get('/api/auth/csrf')).json()).csrfToken as string;
  const headers = { 'x-csrf-token': csrf };
  const created = await page.request.post('/api/periode', {
    data: { tahun: 2031, source: { kind: 'template' } },
    headers,
  });
  expect(created.status()).toBe(201);
  const p = await created.json();
  const activated = await page.request.post(`/api/periode/${p.id}/transition`, {
    data: { version: p.version, to: 'aktif', reason: 'Uji log audit 2031' },
    headers,
  });
  expect(activated.status()).toBe(200);

  await page.goto('/admin/audit?aksi=periode.status_changed&entitas=periode');
  await expect(page.getByRole('heading', { level: 1, name: 'Log audit' })).toBeVisible();
  await expect(page.getByLabel('Aksi', { exact: true }).first()).toHaveValue('periode.status_changed');
  await expect(page.getByLabel('Entitas', { exact: true }).first()).toHaveValue('periode');
  const row = page.getByRole('row').filter({ hasText: p.id });
  await expect(row).toBeVisible();
  await row.getByText('Lihat perubahan').click();
  await expect(row.getByText('Uji log audit 2031')).toBeVisible();
  const diff = row.getByRole('row').filter({ hasText: 'status' });
  await expect(diff.getByRole('cell')).toHaveText(['status', 'draf', 'aktif']);
  await noSeriousA11y(page);
});

test('the audit log export runs as a background job: progress, then the file, and the jobs page lists it', async ({
  page,
}) => {
  await loginViaApi(page, 'admin');
  await page.goto('/admin/audit?aksi=periode.created');
  await expect(page.getByRole('heading', { level: 1, name: 'Log audit' })).toBeVisible();
  await page.getByRole('button', { name: 'Unduh log terfilter (XLSX)' }).click();
  // The job is followed where it was started; the page may be left meanwhile.
  const job = page.getByRole('status').filter({ hasText: 'Ekspor log audit' });
  await expect(job).toBeVisible();
  const download = job.getByRole('link', { name: 'Unduh log-audit-32.73.xlsx' });
  await expect(download).toBeVisible();
  await expect(job.getByText('Selesai').first()).toBeVisible();
  const downloaded = page.waitForEvent('download');
  await download.click();
  expect((await downloaded).suggestedFilename()).toBe('log-audit-32.73.xlsx');
  await noSeriousA11y(page);

  await page.getByRole('link', { name: 'Pekerjaan latar' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Pekerjaan latar' })).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: 'Ekspor log audit' }).first();
  await expect(row).toContainText('Selesai');
  await expect(row.getByRole('link', { name: 'Unduh log-audit-32.73.xlsx' })).toBeVisible();
  await noSeriousA11y(page);
});
