// SKM on a phone: a citizen fills the public survey of Kelurahan Dago; the admin sees the IKM move.
import { expect, loginViaApi, seriousA11yViolations, test } from '../fixtures';

const KODE = '32.73.02.1004';
// The server files a response under the current year in Asia/Jakarta (UTC+7).
const tahun = new Date(Date.now() + 7 * 3600_000).getUTCFullYear();

const unsur = [
  'Persyaratan',
  'Sistem, mekanisme, dan prosedur',
  'Waktu penyelesaian',
  'Biaya/tarif',
  'Produk spesifikasi jenis pelayanan',
  'Kompetensi pelaksana',
  'Perilaku pelaksana',
  'Penanganan pengaduan, saran, dan masukan',
  'Sarana dan prasarana',
];

test('a citizen fills the survey on a phone; the admin sees the IKM move', async ({ browser, page }) => {
  // Before: the admin's view of Dago's IKM for this year.
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await loginViaApi(admin, 'admin');
  const before = await (await admin.request.get(`/api/skm/${KODE}?tahun=${tahun}`)).json();

  await page.goto(`/survei/${KODE}`);
  await expect(page.getByRole('heading', { level: 1, name: /Kelurahan Dago/ })).toBeVisible();
  await expect(page.getByText('Kecamatan Coblong')).toBeVisible();
  expect(await seriousA11yViolations(page)).toEqual([]);
  await page.screenshot({ path: 'test-results/skm-survei-phone.png', fullPage: true });

  // Sending with nothing answered names what is missing, and nothing is sent.
  await page.getByRole('button', { name: 'Kirim jawaban' }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'pertanyaan belum dijawab' });
  await expect(alert).toContainText('9 pertanyaan belum dijawab');
  await expect(alert).toBeFocused();
  await expect(page.getByRole('group', { name: /Persyaratan/ }).getByText('Pilih salah satu jawaban.')).toBeVisible();
  expect(await seriousA11yViolations(page)).toEqual([]);

  // Answer "d" (4) everywhere except Biaya/tarif "c" (3).
  for (const nama of unsur) {
    const group = page.getByRole('group', { name: new RegExp(nama.replace(/[/,]/g, '.')) });
    await group.getByRole('radio').nth(nama === 'Biaya/tarif' ? 2 : 3).check();
  }
  await expect(page.getByText('9 dari 9 pertanyaan terjawab')).toBeVisible();
  await page.getByLabel('Jenis kelamin').selectOption('P');
  await page.getByLabel('Pendidikan terakhir').selectOption('slta');
  await page.getByLabel(/Jenis layanan/).fill('Surat pengantar KTP');
  await page.getByLabel(/Saran atau masukan/).fill('Pelayanan cepat, terima kasih.');
  await page.getByRole('button', { name: 'Kirim jawaban' }).click();
  await expect(page.getByRole('heading', { name: 'Terima kasih!' })).toBeFocused();
  await page.screenshot({ path: 'test-results/skm-survei-phone-terima-kasih.png', fullPage: true });

  // The same phone the same day: counted once, told kindly.
  await page.reload();
  for (const nama of unsur) {
    await page.getByRole('group', { name: new RegExp(nama.replace(/[/,]/g, '.')) }).getByRole('radio').nth(0).check();
  }
  await page.getByRole('button', { name: 'Kirim jawaban' }).click();
  await expect(page.getByRole('heading', { name: /sudah tercatat/ })).toBeVisible();
  await expect(page.getByText(/sudah mengisi survei untuk Kelurahan Dago hari ini/)).toBeVisible();

  // After: one more respondent, and the index moved.
  const after = await (await admin.request.get(`/api/skm/${KODE}?tahun=${tahun}`)).json();
  expect(after.hasil.respondents).toBe(before.hasil.respondents + 1);
  expect(after.hasil.convertedRounded).not.toBe(before.hasil.convertedRounded);
  await adminContext.close();
});
