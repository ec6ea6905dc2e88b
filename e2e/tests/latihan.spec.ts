import { expect, loginViaApi, seriousA11yViolations, test } from '../fixtures';

/**
 * Issue 16, item 10: new staff practise the whole cycle in mode latihan without touching official
 * data; the admin starts the practice periode again for the next group.
 */
test('a lurah practises in mode latihan: the practice year is empty, the real one untouched', async ({
  page,
}) => {
  await loginViaApi(page, 'lurah');
  await page.goto('/laporan');
  // The demo's real 2026: Dago's reports of the past months are verified.
  await expect(page.getByText('Diverifikasi').first()).toBeVisible();

  await page.goto('/panduan');
  await page.getByRole('button', { name: 'Coba mode latihan' }).first().click();
  await expect(page).toHaveURL(/\/$/);
  const banner = page.getByRole('status').filter({ hasText: 'Mode latihan' });
  await expect(banner).toContainText('tidak dihitung');
  expect(await seriousA11yViolations(page)).toEqual([]);

  // The same laporan page now opens the practice periode, where nothing was started yet.
  await page.goto('/laporan');
  await expect(page.getByText('Diverifikasi')).toHaveCount(0);
  await expect(page.getByText('Belum dibuat').first()).toBeVisible();
  await page.screenshot({ path: 'test-results/latihan-laporan.png', fullPage: true });

  await banner.getByRole('button', { name: 'Keluar dari mode latihan' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Mode latihan' })).toHaveCount(0);
  await page.goto('/laporan');
  await expect(page.getByText('Diverifikasi').first()).toBeVisible();
});

test('the admin starts the practice periode again from the periode page', async ({ page }) => {
  await loginViaApi(page, 'admin');
  await page.goto('/admin/periode');
  const panel = page.getByRole('region', { name: 'Periode latihan' });
  await expect(panel).toContainText('Periode latihan 2026 aktif');
  await panel.getByRole('button', { name: 'Mulai ulang latihan' }).click();
  const dialog = page.getByRole('dialog', { name: 'Mulai ulang latihan' });
  await expect(dialog).toContainText('Data resmi tidak berubah');
  expect(await seriousA11yViolations(page)).toEqual([]);
  await dialog.getByRole('button', { name: 'Hapus dan mulai ulang' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(panel.getByText('Periode latihan siap.')).toBeVisible();
  await page.screenshot({ path: 'test-results/latihan-admin.png', fullPage: true });
});
