import { DEMO_PASSWORD, expect, loginViaApi, seriousA11yViolations, test } from '../fixtures';

/**
 * Issue 16, item 7: the admin sees an account locked by wrong passwords and unlocks it. The account
 * is a fresh one made here through the API, so no other spec's demo account is locked.
 */
test('an account locked by wrong passwords is shown to the admin, who unlocks it', async ({
  page,
  request,
}) => {
  // The demo admin makes a lurah; someone then guesses its password five times (the threshold).
  const csrf = (await (await request.get('/api/auth/csrf')).json()).csrfToken as string;
  const asAdmin = await request.post('/api/auth/login', {
    data: { username: 'admin', password: DEMO_PASSWORD },
    headers: { 'x-csrf-token': csrf },
  });
  expect(asAdmin.status()).toBe(200);
  const username = `lurah.kunci.${Date.now().toString(36)}`;
  const created = await request.post('/api/users', {
    data: {
      username,
      namaLengkap: 'Lurah Uji Kunci',
      nip: null,
      roles: [{ role: 'lurah', wilayahKode: '32.73.02.1004' }],
    },
    headers: { 'x-csrf-token': (await asAdmin.json()).csrfToken },
  });
  expect(created.status(), await created.text()).toBe(201);
  const { temporaryPassword } = await created.json();
  const pageCsrf = async () => (await (await page.request.get('/api/auth/csrf')).json()).csrfToken as string;
  const guessCsrf = await pageCsrf();
  const guess = () =>
    page.request.post('/api/auth/login', {
      data: { username, password: 'Tebakan-Salah-Sekali-1' },
      headers: { 'x-csrf-token': guessCsrf },
    });
  for (let i = 0; i < 5; i++) expect((await guess()).status()).toBe(401);
  expect((await guess()).status()).toBe(423);

  await loginViaApi(page, 'admin');
  await page.goto('/admin/pengguna');
  await expect(page.getByRole('heading', { level: 1, name: 'Pengguna & peran' })).toBeVisible();
  await page.getByRole('radiogroup', { name: 'Saring status' }).getByText('Terkunci').click();
  await page.getByRole('textbox', { name: 'Cari nama pengguna, nama atau NIP' }).fill(username);
  const row = page.getByRole('row').filter({ hasText: username });
  await expect(row).toHaveCount(1);
  await expect(row.getByText('Terkunci', { exact: true })).toBeVisible();
  await expect(row.getByText(/^sampai \d{1,2} \w{3} \d{4}, \d{2}\.\d{2}, dari 1 alamat$/)).toBeVisible();
  expect(await seriousA11yViolations(page)).toEqual([]);

  await page.getByRole('button', { name: `Tindakan untuk ${username}` }).click();
  await page.getByRole('menuitem', { name: 'Buka kunci' }).click();
  const dialog = page.getByRole('dialog', { name: `Buka kunci akun ${username}?` });
  await expect(dialog).toContainText('tidak dapat dipakai masuk dari 1 alamat');
  // The action menu closes with a transition: scan once it has left (an emptying menu is not a page state).
  await expect(page.getByRole('menu')).toHaveCount(0);
  expect(await seriousA11yViolations(page)).toEqual([]);
  await dialog.getByRole('button', { name: 'Buka kunci' }).click();
  await expect(page.getByText(`Kunci akun ${username} dibuka.`)).toBeVisible();
  await expect(dialog).toHaveCount(0);
  // Gone from the locked accounts; the person signs in again from the same address.
  await expect(row).toHaveCount(0);
  await expect(page.getByText('Tidak ada data')).toBeVisible();
  const back = await page.request.post('/api/auth/login', {
    data: { username, password: temporaryPassword },
    headers: { 'x-csrf-token': await pageCsrf() },
  });
  expect(back.status(), await back.text()).toBe(200);
});
