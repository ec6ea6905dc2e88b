import { DEMO_PASSWORD, expect, loginViaApi, seriousA11yViolations, test } from '../fixtures';

/** Issue 19, items 4 and 5: a person's e-mail settings; the pemda's time zone on the periode page. */
test('a lurah chooses which notifications come by e-mail (kept even before the server sends e-mail)', async ({
  page,
}) => {
  await loginViaApi(page, 'lurah');
  await page.goto('/akun/kata-sandi');
  await page.getByRole('link', { name: 'E-mail pemberitahuan' }).click();
  await expect(page).toHaveURL(/\/akun\/email$/);
  // The demo runs without an SMTP server: the page says so and still keeps the choices.
  await expect(page.getByText('belum disiapkan untuk mengirim e-mail')).toBeVisible();
  await page.getByLabel('Alamat e-mail').fill('bukan-alamat');
  await page.getByRole('button', { name: 'Simpan pengaturan e-mail' }).click();
  await expect(page.getByText('Alamat email tidak valid')).toBeVisible();

  await page.getByLabel('Alamat e-mail').fill('lurah.dago@example.go.id');
  await page.getByLabel(/^Kata sandi Anda/).fill(DEMO_PASSWORD);
  await page.getByRole('checkbox', { name: 'Laporan dikembalikan untuk diperbaiki' }).check();
  await page.getByRole('radio', { name: /Segera/ }).check();
  await page.getByRole('button', { name: 'Simpan pengaturan e-mail' }).click();
  await expect(page.getByText('Pengaturan e-mail disimpan.')).toBeVisible();
  await expect(page.getByText('Menunggu konfirmasi')).toBeVisible();
  expect(await seriousA11yViolations(page)).toEqual([]);
  await page.screenshot({ path: 'test-results/akun-email.png', fullPage: true });

  await page.reload();
  await expect(page.getByLabel('Alamat e-mail')).toHaveValue('lurah.dago@example.go.id');
  await expect(page.getByRole('checkbox', { name: 'Laporan dikembalikan untuk diperbaiki' })).toBeChecked();
  await expect(page.getByRole('radio', { name: /Segera/ })).toBeChecked();
});

test('the link of an e-mail acts only on a button, and refuses a broken link in Indonesian', async ({
  page,
}) => {
  await page.goto('/email/berhenti#token=bukan.tautan-yang-sah');
  await expect(page.getByRole('heading', { name: 'Berhenti menerima e-mail' })).toBeVisible();
  expect(await seriousA11yViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Berhenti menerima e-mail' }).click();
  await expect(page.getByRole('alert')).toContainText('tidak sah atau sudah kedaluwarsa');
});

test("the admin sees the pemda's time zone (WIB for Kota Bandung, by its province)", async ({ page }) => {
  await loginViaApi(page, 'admin');
  await page.goto('/admin/periode');
  const card = page.getByRole('region', { name: 'Zona waktu pemda' });
  await expect(card.getByRole('radio', { name: /^WIB/ })).toBeChecked();
  await expect(card).toContainText('Bawaan provinsi: WIB');
  await card.getByRole('radio', { name: /^WITA/ }).check();
  await expect(card).toContainText('menggeser setiap batas waktu');
  // Not saved: the demo's deadlines stay in WIB for the other tests.
  await card.getByRole('radio', { name: /^WIB/ }).check();
  await expect(card.getByRole('button', { name: 'Simpan zona waktu' })).toBeDisabled();
  expect(await seriousA11yViolations(page)).toEqual([]);
});

test('"lupa kata sandi" from the login page answers the same for anyone; a broken link is refused', async ({
  page,
}) => {
  await page.goto('/masuk');
  await page.getByRole('link', { name: 'Lupa kata sandi?' }).click();
  await expect(page.getByRole('heading', { name: 'Lupa kata sandi' })).toBeVisible();
  expect(await seriousA11yViolations(page)).toEqual([]);
  await page.getByLabel('Nama pengguna').fill('tidak-ada-orangnya');
  await page.getByRole('button', { name: 'Kirim tautan' }).click();
  await expect(page.getByRole('status')).toContainText('Bila nama pengguna itu terdaftar');

  await page.goto('/reset-sandi#token=bukan.tautan-yang-sah');
  await page.getByLabel(/^Kata sandi baru/).fill('Kopi-Susu-Gunung-Tangkuban-2026');
  await page.getByLabel('Ulangi kata sandi baru').fill('Kopi-Susu-Gunung-Tangkuban-2026');
  await page.getByRole('button', { name: 'Simpan kata sandi baru' }).click();
  await expect(page.getByRole('alert')).toContainText('tidak sah, sudah dipakai atau sudah kedaluwarsa');
  expect(await seriousA11yViolations(page)).toEqual([]);
});
