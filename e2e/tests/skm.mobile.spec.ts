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
const groupName = (nama: string) => new RegExp(nama.replace(/[/,]/g, '.'));

test('a citizen fills the survey on a phone; the admin sees the IKM move', async ({ browser, page }) => {
  // The admin watches Dago's report on a desktop screen.
  const adminContext = await browser.newContext({
    baseURL: test.info().project.use.baseURL as string,
    locale: 'id-ID',
    timezoneId: 'Asia/Jakarta',
    viewport: { width: 1280, height: 900 },
  });
  const admin = await adminContext.newPage();
  await loginViaApi(admin, 'admin');
  // The demo seeds some responses: the expected index after one more is computed from them.
  const before = (await (await admin.request.get(`/api/skm/${KODE}?tahun=${tahun}`)).json()).hasil as {
    respondents: number;
    unsur: { key: string; jumlah: number }[];
    convertedRounded: number | null;
  };
  await admin.goto(`/skm/${KODE}?tahun=${tahun}`);
  await expect(admin.getByRole('heading', { level: 1, name: /Kelurahan Dago/ })).toBeVisible();
  await expect(admin.getByRole('group', { name: 'Responden' })).toContainText(String(before.respondents));

  // The citizen, on a phone, from the poster's QR code.
  await page.goto(`/survei/${KODE}`);
  await expect(page.getByRole('heading', { level: 1, name: /Kelurahan Dago/ })).toBeVisible();
  await expect(page.getByText('Kecamatan Coblong')).toBeVisible();
  expect(await seriousA11yViolations(page)).toEqual([]);
  await page.screenshot({ path: 'test-results/skm-survei-phone.png' });
  await page.screenshot({ path: 'test-results/skm-survei-phone-full.png', fullPage: true });

  // Sending with nothing answered names what is missing, and nothing is sent.
  await page.getByRole('button', { name: 'Kirim jawaban' }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'pertanyaan belum dijawab' });
  await expect(alert).toContainText('9 pertanyaan belum dijawab');
  await expect(alert).toBeFocused();
  await expect(
    page.getByRole('group', { name: /Persyaratan/ }).getByText('Pilih salah satu jawaban.'),
  ).toBeVisible();
  expect(await seriousA11yViolations(page)).toEqual([]);
  await page.screenshot({ path: 'test-results/skm-survei-phone-errors.png' });

  // "d" (4) everywhere except Biaya/tarif "c" (3).
  for (const nama of unsur) {
    await page
      .getByRole('group', { name: groupName(nama) })
      .getByRole('radio')
      .nth(nama === 'Biaya/tarif' ? 2 : 3)
      .check();
  }
  await expect(page.getByText('9 dari 9 pertanyaan terjawab')).toBeVisible();
  await page.getByLabel('Jenis kelamin').selectOption('P');
  await page.getByLabel('Pendidikan terakhir').selectOption('slta');
  await page.getByLabel(/Jenis layanan/).fill('Surat pengantar KTP');
  await page.getByLabel(/Saran atau masukan/).fill('Pelayanan cepat, terima kasih.');
  await page.getByRole('button', { name: 'Kirim jawaban' }).click();
  await expect(page.getByRole('heading', { name: 'Terima kasih!' })).toBeFocused();
  await page.screenshot({ path: 'test-results/skm-survei-phone-terima-kasih.png' });

  // The same phone the same day: told at once, before answering anything again (issue 16, item 14).
  await page.reload();
  await expect(page.getByRole('heading', { name: /sudah tercatat/ })).toBeVisible();
  await expect(page.getByText(/Perangkat ini sudah mengisi survei untuk unit ini hari ini/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Kirim jawaban' })).toHaveCount(0);
  expect(await seriousA11yViolations(page)).toEqual([]);

  // From a counter's slip, on another visitor's phone: the QR code carries a one-time kode layanan,
  // shown in its own field.
  const visitor = await browser.newContext({
    ...test.info().project.use,
    baseURL: test.info().project.use.baseURL as string,
  });
  const slip = await visitor.newPage();
  await slip.goto(`/survei/${KODE}?kode=7KQM-3XPA`);
  await expect(slip.getByLabel(/Kode layanan/)).toHaveValue('7KQM-3XPA');
  expect(await seriousA11yViolations(slip)).toEqual([]);
  await visitor.close();

  // The admin's report moved: one respondent more, and the index the regulation's formula gives
  // (NRR per unsur = sum / n; IKM = mean of the nine NRR; x 25; rounded to 2 decimals).
  const n = before.respondents + 1;
  const mine = (key: string) => (key === 'biaya' ? 3 : 4);
  const ikm = before.unsur.reduce((acc, u) => acc + (u.jumlah + mine(u.key)) / n, 0) / 9;
  const expected = (Math.round(ikm * 25 * 100) / 100).toLocaleString('id-ID', { minimumFractionDigits: 2 });
  await admin.reload();
  await expect(admin.getByRole('group', { name: 'Responden' })).toContainText(String(n));
  await expect(admin.getByRole('group', { name: 'IKM (nilai konversi)' })).toContainText(expected);
  expect(expected).not.toBe(before.convertedRounded?.toLocaleString('id-ID', { minimumFractionDigits: 2 }));
  await expect(admin.getByRole('table', { name: 'Jenis kelamin' })).toContainText('Perempuan');
  // Her suggestion waits for moderation before it shows.
  await expect(admin.getByText('Belum ada saran yang disetujui.')).toBeVisible();
  expect(await seriousA11yViolations(admin)).toEqual([]);
  await admin.screenshot({ path: 'test-results/skm-report-desktop.png', fullPage: true });

  const mainNav = admin.getByRole('navigation', { name: 'Navigasi utama' });
  await expect(mainNav.getByRole('link', { name: 'Kepuasan masyarakat (IKM)' })).toBeVisible();
  await mainNav.getByRole('link', { name: 'Moderasi saran' }).click();
  await expect(admin.getByRole('heading', { level: 1, name: 'Moderasi saran masyarakat' })).toBeVisible();
  const saran = admin.getByRole('article').filter({ hasText: 'Pelayanan cepat, terima kasih.' });
  await saran.getByRole('button', { name: 'Setujui' }).click();
  await expect(saran).toBeHidden();
  await admin.goto(`/skm/${KODE}?tahun=${tahun}`);
  await expect(admin.getByText('Pelayanan cepat, terima kasih.')).toBeVisible();

  // Coblong: the kecamatan office's own IKM (no responses yet) and its kelurahan, Dago included.
  await admin.goto(`/skm/32.73.02?tahun=${tahun}`);
  await expect(admin.getByRole('heading', { name: 'Kecamatan dan kelurahannya (gabungan)' })).toBeVisible();
  await expect(admin.getByRole('row', { name: /Dago/ })).toContainText(expected);
  await admin.screenshot({ path: 'test-results/skm-report-kecamatan.png', fullPage: true });

  // The kecamatan's posters: one A4 page per unit, each with its QR code and short URL.
  await admin.goto('/skm/32.73.02/poster');
  await expect(admin.getByRole('region', { name: /^Poster / })).toHaveCount(7);
  await expect(admin.getByRole('region', { name: 'Poster Kelurahan Dago' })).toContainText(`/survei/${KODE}`);
  await expect(
    admin.getByRole('img', { name: new RegExp(`Kode QR ke .*/survei/${KODE.replaceAll('.', '\\.')}`) }),
  ).toBeVisible();
  await admin.screenshot({ path: 'test-results/skm-posters.png' });
  // Printed: exactly one A4 page per poster.
  const pdf = (await admin.pdf({ preferCSSPageSize: true, printBackground: true })).toString('latin1');
  expect(pdf.match(/\/Type\s*\/Page[^s]/g)).toHaveLength(7);
  await adminContext.close();
});
