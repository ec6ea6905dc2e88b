// The public side on a phone (390 px wide): a citizen without a QR code finds his office's survey.
import type { Page } from '@playwright/test';
import { expect, seriousA11yViolations, test } from '../fixtures';

test.use({ viewport: { width: 390, height: 844 } });

/** Nothing wider than the screen: no sideways scrolling on a phone. */
const noSidewaysScroll = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);

test('without a QR code a citizen picks his kecamatan and kelurahan and reaches its survey', async ({
  page,
}) => {
  await page.goto('/survei');
  await expect(
    page.getByRole('heading', { level: 1, name: /Pilih kantor yang melayani Anda/ }),
  ).toBeVisible();
  await expect(page).toHaveURL(/\/survei$/); // Not sent to the login page.
  const kecamatan = page.getByLabel('Kecamatan', { exact: true });
  const kantor = page.getByLabel('Kantor yang melayani Anda');
  await expect(kantor).toBeDisabled();
  expect(await seriousA11yViolations(page)).toEqual([]);
  expect(await noSidewaysScroll(page)).toBe(true);
  await page.screenshot({ path: 'test-results/publik-survei-pilih.png' });

  // Going on without a choice says what is missing, at the field.
  await page.getByRole('button', { name: 'Mulai survei' }).click();
  await expect(page.getByText('Pilih kecamatan Anda.')).toBeVisible();
  await expect(kecamatan).toBeFocused();
  await expect(kecamatan).toHaveAttribute('aria-invalid', 'true');

  await kecamatan.selectOption({ label: 'Coblong' });
  await expect(kantor).toBeEnabled();
  await expect(kantor.getByRole('option', { name: 'Kantor Kecamatan Coblong' })).toBeAttached();
  await page.getByRole('button', { name: 'Mulai survei' }).click();
  await expect(page.getByText('Pilih kelurahan atau kantor kecamatan yang melayani Anda.')).toBeVisible();
  await expect(kantor).toBeFocused();
  expect(await seriousA11yViolations(page)).toEqual([]);

  await kantor.selectOption({ label: 'Kelurahan Dago' });
  await page.getByRole('button', { name: 'Mulai survei' }).click();
  await expect(page).toHaveURL(/\/survei\/32\.73\.02\.1004$/);
  await expect(page.getByRole('heading', { level: 1, name: /Kelurahan Dago/ })).toBeVisible();

  // The kecamatan office has its own survey too.
  await page.goto('/survei');
  await page.getByLabel('Kecamatan', { exact: true }).selectOption({ label: 'Coblong' });
  await page.getByLabel('Kantor yang melayani Anda').selectOption({ label: 'Kantor Kecamatan Coblong' });
  await page.getByRole('button', { name: 'Mulai survei' }).click();
  await expect(page).toHaveURL(/\/survei\/32\.73\.02$/);
  await expect(page.getByRole('heading', { level: 1, name: /Kecamatan Coblong/ })).toBeVisible();
});
