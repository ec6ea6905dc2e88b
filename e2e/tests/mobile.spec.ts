import { DEMO_PASSWORD, demoUsers, expect, test } from '../fixtures';

test('on a phone: log in, open the menu, browse the kecamatan without sideways scrolling', async ({
  page,
}) => {
  await page.goto('/masuk');
  await page.getByRole('textbox', { name: 'Nama pengguna' }).fill(demoUsers.camat);
  await page.getByRole('textbox', { name: 'Kata sandi', exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Selamat datang/ })).toBeVisible();

  const menuButton = page.getByRole('button', { name: 'Buka menu navigasi' });
  await expect(menuButton).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Navigasi utama' });
  await expect(nav.getByRole('link', { name: 'Wilayah', exact: true })).not.toBeInViewport();

  await menuButton.click();
  await expect(page.getByRole('button', { name: 'Tutup menu navigasi' })).toHaveAttribute(
    'aria-expanded',
    'true',
  );
  await nav.getByRole('link', { name: 'Wilayah', exact: true }).click();

  await expect(page).toHaveURL('/wilayah/32.73');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/KOTA BANDUNG/);
  const list = page.getByRole('list', { name: /Kecamatan KOTA BANDUNG/ });
  await expect(list.getByRole('listitem')).toHaveCount(30);
  await expect(list.getByRole('link', { name: 'Coblong', exact: true })).toBeVisible();
  // The menu closed after choosing a page.
  await expect(page.getByRole('button', { name: 'Buka menu navigasi' })).toBeVisible();

  const overflow = await page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    return root.scrollWidth - window.innerWidth;
  });
  expect(overflow).toBeLessThanOrEqual(0);
});
