import { expect, loginViaApi, seriousA11yViolations, test } from '../fixtures';

/**
 * Issue 16, item 10: the pemda's admin sets its helpdesk contact on the guide page; every user's
 * guide and the login page then say where to get help.
 */
test('the admin sets the helpdesk contact on the guide; the guide and the login page show it', async ({
  page,
  browser,
}) => {
  await loginViaApi(page, 'admin');
  await page.goto('/panduan');
  const card = page.getByRole('region', { name: 'Bantuan' });
  await card.getByRole('button', { name: 'Ubah kontak bantuan' }).click();
  const form = page.getByRole('form', { name: 'Ubah kontak bantuan' });
  await form.getByLabel('Nama layanan bantuan').fill('Helpdesk SIP Kinerja');
  await form.getByLabel('Telepon').fill('satu dua');
  await form.getByRole('button', { name: 'Simpan' }).click();
  await expect(form.getByText('Nomor telepon hanya angka, spasi, +, ( ) atau -')).toBeVisible();
  expect(await seriousA11yViolations(page)).toEqual([]);
  await form.getByLabel('Telepon').fill('(022) 4200000');
  await form.getByLabel('Email').fill('bantuan@example.go.id');
  await form.getByLabel('Jam layanan').fill('Senin–Jumat 08.00–16.00');
  await form.getByRole('button', { name: 'Simpan' }).click();
  await expect(page.getByText('Kontak bantuan disimpan')).toBeVisible();
  const shown = page.getByRole('region', { name: 'Bantuan' });
  await expect(shown).toContainText('Helpdesk SIP Kinerja');
  await expect(shown.getByRole('link', { name: '(022) 4200000' })).toHaveAttribute('href', 'tel:0224200000');

  // A lurah reads it on his guide, without an edit button.
  const lurah = await browser.newPage();
  await loginViaApi(lurah, 'lurah');
  await lurah.goto('/panduan');
  const lurahCard = lurah.getByRole('region', { name: 'Bantuan' });
  await expect(lurahCard).toContainText('Helpdesk SIP Kinerja');
  await expect(lurahCard.getByRole('button', { name: 'Ubah kontak bantuan' })).toHaveCount(0);
  await lurah.close();

  // Someone who cannot sign in sees it on the login page.
  const visitor = await browser.newPage();
  await visitor.goto('/masuk');
  await expect(
    visitor.getByText('Lupa kata sandi atau butuh bantuan? Hubungi Helpdesk SIP Kinerja'),
  ).toBeVisible();
  await expect(visitor.getByRole('link', { name: 'bantuan@example.go.id' })).toHaveAttribute(
    'href',
    'mailto:bantuan@example.go.id',
  );
  await visitor.close();
});
