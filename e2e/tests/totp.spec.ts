import type { APIRequestContext, Page } from '@playwright/test';
import { Secret, TOTP } from 'otpauth';
import { DEMO_PASSWORD, expect, seriousA11yViolations, test } from '../fixtures';

/**
 * Issue 15, finding 9: a second factor, driven as a person would. The account is a fresh admin made
 * by the demo admin through the API, so no other spec's demo account gains a second factor.
 */

/** The code an authenticator app shows, computed as the API does (RFC 6238: SHA-1, 6 digits, 30 s). */
const codeAt = (secret: string, at: number) =>
  new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30 }).generate({ timestamp: at });

async function csrfOf(request: APIRequestContext) {
  const res = await request.get('/api/auth/csrf');
  return (await res.json()).csrfToken as string;
}

/** A new admin of Kota Bandung with a password of its own (the temporary one already changed). */
async function freshAdmin(request: APIRequestContext, page: Page) {
  let csrf = await csrfOf(request);
  const login = await request.post('/api/auth/login', {
    data: { username: 'admin', password: DEMO_PASSWORD },
    headers: { 'x-csrf-token': csrf },
  });
  expect(login.status(), await login.text()).toBe(200);
  csrf = (await login.json()).csrfToken;
  const username = `admin.totp.${Date.now().toString(36)}`;
  const created = await request.post('/api/users', {
    data: {
      username,
      namaLengkap: 'Admin Uji Dua Langkah',
      nip: null,
      roles: [{ role: 'admin', wilayahKode: '32.73' }],
    },
    headers: { 'x-csrf-token': csrf },
  });
  expect(created.status(), await created.text()).toBe(201);
  const { temporaryPassword } = await created.json();

  const password = 'Layang-Kabut-Sungai-Cemara-74';
  const own = await page.request.post('/api/auth/login', {
    data: { username, password: temporaryPassword },
    headers: { 'x-csrf-token': await csrfOf(page.request) },
  });
  expect(own.status(), await own.text()).toBe(200);
  const changed = await page.request.post('/api/auth/change-password', {
    data: { currentPassword: temporaryPassword, newPassword: password },
    headers: { 'x-csrf-token': (await own.json()).csrfToken },
  });
  expect(changed.status(), await changed.text()).toBe(200);
  return { username, password };
}

test('an admin enrols TOTP, sees the recovery codes once, and then logs in with password and code', async ({
  page,
  request,
}) => {
  const { username, password } = await freshAdmin(request, page);

  await page.goto('/akun/keamanan');
  await expect(page.getByRole('heading', { level: 1, name: 'Verifikasi dua langkah' })).toBeVisible();
  await expect(page.getByText('Belum aktif', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Aktifkan verifikasi dua langkah' }).click();

  // The QR code and the key to type: the robot reads the key, as a person without a camera would.
  await expect(page.getByRole('img', { name: 'Kode QR untuk aplikasi autentikator' })).toBeVisible();
  const key = page.locator('code').filter({ hasText: /^[A-Z2-7]{16,}$/ });
  const secret = ((await key.textContent()) ?? '').trim();
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  expect(await seriousA11yViolations(page)).toEqual([]);

  await page.getByRole('textbox', { name: /Masukkan 6 angka/ }).fill(codeAt(secret, Date.now()));
  await page.getByRole('button', { name: 'Aktifkan', exact: true }).click();

  // Ten recovery codes, shown once.
  const recovery = page.getByRole('list', { name: 'Simpan kode pemulihan Anda' });
  await expect(recovery.getByRole('listitem')).toHaveCount(10);
  const first = ((await recovery.getByRole('listitem').first().textContent()) ?? '').trim();
  expect(first).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
  await page.getByRole('button', { name: 'Sudah saya simpan' }).click();
  await expect(page.getByText('Aktif', { exact: true })).toBeVisible();
  await expect(page.getByText('Kode pemulihan tersisa: 10')).toBeVisible();
  await page.reload();
  await expect(page.getByText('Kode pemulihan tersisa: 10')).toBeVisible();
  await expect(page.getByRole('list', { name: 'Simpan kode pemulihan Anda' })).toHaveCount(0);
  await expect(page.getByText(first)).toHaveCount(0);

  await page.getByRole('button', { name: 'Keluar' }).click();
  await expect(page).toHaveURL(/\/masuk/);

  // Password first, then the code step.
  await page.getByRole('textbox', { name: 'Nama pengguna' }).fill(username);
  await page.getByRole('textbox', { name: 'Kata sandi', exact: true }).fill(password);
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Verifikasi dua langkah' })).toBeVisible();
  const codeField = page.getByRole('textbox', { name: 'Kode verifikasi' });
  await expect(codeField).toBeFocused();
  expect(await seriousA11yViolations(page)).toEqual([]);

  // A wrong code: refused in Indonesian, still on the code step.
  const now = Date.now();
  const valid = [-30_000, 0, 30_000, 60_000].map((d) => codeAt(secret, now + d));
  const wrong = ['000000', '111111', '222222'].find((c) => !valid.includes(c)) as string;
  await codeField.fill(wrong);
  await page.getByRole('button', { name: 'Verifikasi', exact: true }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Gagal masuk');
  await expect(alert).toContainText('Kode verifikasi salah atau sudah dipakai.');
  expect(await seriousA11yViolations(page)).toEqual([]);

  // The right code. The enrolment used this 30-second step and a used step is never accepted again,
  // so the robot gives the next one (the API allows one step of a phone's clock drift).
  await codeField.fill(codeAt(secret, Date.now() + 30_000));
  await page.getByRole('button', { name: 'Verifikasi', exact: true }).click();
  await expect(page).toHaveURL('/');
  await expect(page.getByRole('heading', { level: 1, name: /Selamat datang/ })).toBeVisible();
});
