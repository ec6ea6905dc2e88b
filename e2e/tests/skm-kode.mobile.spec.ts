// Kode layanan and paper questionnaires on a phone (issue 15, finding 1): Dago's operator prints a
// batch of one-time code slips, a citizen answers with one, the reprint shows it used; the admin
// switches the mode; the operator types in a paper questionnaire, which the admin sees as "Kertas".
import { expect, loginViaApi, seriousA11yViolations, test } from '../fixtures';

const KODE = '32.73.02.1004';
const tahun = new Date(Date.now() + 7 * 3600_000).getUTCFullYear();
const groupName = (nama: string) => new RegExp(nama.replace(/[/,]/g, '.'));
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

test('the operator prints code slips on a phone; a used code shows on the reprint', async ({
  browser,
  page,
}) => {
  test.setTimeout(150_000);
  await loginViaApi(page, 'operator');
  await page.goto(`/skm/${KODE}?tahun=${tahun}`);
  await page.getByRole('link', { name: 'Kode layanan' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Kode layanan — Kelurahan Dago' })).toBeVisible();
  // Only an admin switches the mode.
  await expect(
    page.getByRole('switch', { name: `Wajibkan kode layanan untuk tahun ${tahun}` }),
  ).toBeDisabled();
  await expect(page.getByText('Belum ada kode layanan pada tahun ini.')).toBeVisible();
  expect(await seriousA11yViolations(page)).toEqual([]);

  await page.getByRole('textbox', { name: 'Jumlah kode' }).fill('12');
  await page.getByRole('button', { name: 'Buat dan cetak' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: /Slip kode layanan — Kelurahan Dago/ }),
  ).toBeVisible();
  const slips = page.getByRole('region', { name: /^Slip kode / });
  await expect(slips).toHaveCount(12);
  await expect(page.getByText('12 slip akan dicetak.')).toBeVisible();
  const first = slips.first();
  const code = ((await first.locator('.slip-code').textContent()) ?? '').trim();
  expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
  await expect(first).toContainText('Kelurahan Dago');
  await expect(
    page.getByRole('img', { name: `Kode QR ke survei dengan kode ${code}` }).locator('svg'),
  ).toBeVisible();
  expect(await seriousA11yViolations(page)).toEqual([]);
  await page.screenshot({ path: 'test-results/skm-kode-slips-phone.png', fullPage: true });
  const slipsUrl = page.url();

  // A citizen scans the first slip: the survey opens with the code filled in, and it is accepted.
  const citizenContext = await browser.newContext({
    baseURL: test.info().project.use.baseURL as string,
    locale: 'id-ID',
    timezoneId: 'Asia/Jakarta',
  });
  const citizen = await citizenContext.newPage();
  await citizen.goto(`/survei/${KODE}?kode=${code}`);
  await expect(citizen.getByLabel(/Kode layanan/)).toHaveValue(code);
  for (const nama of unsur) {
    await citizen
      .getByRole('group', { name: groupName(nama) })
      .getByRole('radio')
      .nth(3)
      .check();
  }
  await citizen.getByRole('button', { name: 'Kirim jawaban' }).click();
  await expect(citizen.getByRole('heading', { name: 'Terima kasih!' })).toBeVisible({ timeout: 60_000 });
  await citizenContext.close();

  // The reprint of the batch: the used code is marked, and left off the sheet by default.
  await page.goto(slipsUrl);
  await expect(page.getByText('11 slip akan dicetak.')).toBeVisible();
  await expect(slips).toHaveCount(11);
  await expect(page.getByRole('region', { name: `Slip kode ${code}` })).toHaveCount(0);
  await page.getByText(/Status kode \(1\/12 sudah dipakai\)/).click();
  await expect(page.getByRole('row', { name: `${code} Sudah dipakai` })).toBeVisible();
  await page.getByRole('checkbox', { name: 'Cetak hanya kode yang belum dipakai' }).uncheck();
  await expect(slips).toHaveCount(12);
  // Printed: ten slips to an A4 sheet, so twelve take two pages.
  await page.emulateMedia({ media: 'print' });
  const pdf = (await page.pdf({ preferCSSPageSize: true, printBackground: true })).toString('latin1');
  expect(pdf.match(/\/Type\s*\/Page[^s]/g)).toHaveLength(2);
  await page.emulateMedia({ media: 'screen' });

  // Back on the list: the batch says one of twelve is used.
  await page.getByRole('link', { name: /Kode layanan/ }).click();
  await expect(page.getByText(`12 kode dibuat, 1 sudah dipakai pada ${tahun}.`)).toBeVisible();
  await expect(page.getByRole('link', { name: /^Cetak ulang kumpulan / })).toHaveCount(1);
});

test('the admin switches the kode layanan mode; the survey then asks for a code', async ({ page }) => {
  await loginViaApi(page, 'admin');
  await page.goto(`/skm/${KODE}/kode-layanan?tahun=${tahun}`);
  const mode = page.getByRole('switch', { name: `Wajibkan kode layanan untuk tahun ${tahun}` });
  await expect(mode).toBeEnabled();
  await expect(mode).not.toBeChecked();
  await mode.click({ force: true });
  await expect(page.getByText(`Mode kode layanan menyala untuk ${tahun}`)).toBeVisible();
  await expect(mode).toBeChecked();
  expect(await seriousA11yViolations(page)).toEqual([]);
  const survey = await page.context().newPage();
  await survey.goto(`/survei/${KODE}`);
  await expect(survey.getByRole('textbox', { name: /Kode layanan/ })).toHaveAttribute('required', '');
  // Off again: the other phone tests answer without a code.
  await mode.click({ force: true });
  await expect(page.getByText(`Mode kode layanan mati untuk ${tahun}`)).toBeVisible();
  await survey.reload();
  await expect(survey.getByRole('textbox', { name: /Kode layanan/ })).toHaveCount(0);
});

test('the operator types in a paper questionnaire on a phone; the admin sees it marked Kertas', async ({
  browser,
  page,
}) => {
  await loginViaApi(page, 'operator');
  await page.goto(`/skm/${KODE}?tahun=${tahun}`);
  await page.getByRole('link', { name: 'Kuesioner kertas' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Masukkan kuesioner kertas — Kelurahan Dago' }),
  ).toBeVisible();
  expect(await seriousA11yViolations(page)).toEqual([]);

  // Nothing answered: each unsur says so, nothing is sent.
  await page.getByRole('button', { name: 'Simpan kuesioner' }).click();
  await expect(page.getByText('Periksa kembali isian yang ditandai.')).toBeVisible();
  await expect(page.getByText('Pilih salah satu jawaban')).toHaveCount(9);
  // A date after today is refused.
  const tomorrow = new Date(Date.now() + 31 * 3600_000).toISOString().slice(0, 10);
  await page.getByLabel('Tanggal pengisian').fill(tomorrow);
  for (const nama of unsur) {
    await page
      .getByRole('radiogroup', { name: groupName(nama) })
      .getByRole('radio')
      .nth(2)
      .check();
  }
  await page.getByRole('button', { name: 'Simpan kuesioner' }).click();
  await expect(page.getByText('Tanggal pengisian tidak boleh setelah hari ini.')).toBeVisible();
  expect(await seriousA11yViolations(page)).toEqual([]);
  await page.screenshot({ path: 'test-results/skm-kertas-phone-errors.png', fullPage: true });

  const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
  await page.getByLabel('Tanggal pengisian').fill(today);
  // The regulation's answer words: "Sesuai" is 3 for Persyaratan.
  await expect(
    page.getByRole('radiogroup', { name: /Persyaratan/ }).getByRole('radio', { name: '3 — Sesuai' }),
  ).toBeChecked();
  await page.getByRole('combobox', { name: 'Jenis kelamin' }).click();
  await page.getByRole('option', { name: 'Laki-laki' }).click();
  await page.getByLabel('Saran (opsional)').fill('Antrean di loket pagi hari panjang.');
  await page.getByRole('button', { name: 'Simpan kuesioner' }).click();
  await expect(page.getByText('1 kuesioner dimasukkan sejak halaman ini dibuka.')).toBeVisible();
  // The form is empty again for the next one of the pile.
  await expect(
    page.getByRole('radiogroup', { name: /Persyaratan/ }).getByRole('radio', { checked: true }),
  ).toHaveCount(0);

  // The admin's response list shows it as paper, counted.
  const adminContext = await browser.newContext({
    baseURL: test.info().project.use.baseURL as string,
    locale: 'id-ID',
    timezoneId: 'Asia/Jakarta',
  });
  const admin = await adminContext.newPage();
  await loginViaApi(admin, 'admin');
  await admin.goto(`/skm/${KODE}?tahun=${tahun}`);
  const row = admin.getByRole('row').filter({ hasText: '3 3 3 3 3 3 3 3 3' }).filter({ hasText: 'Kertas' });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Dihitung');
  await adminContext.close();
});
