import type { Page } from '@playwright/test';
import {
  DEMO_PASSWORD,
  type DemoUser,
  demoUsers,
  expect,
  loginViaApi,
  seriousA11yViolations,
  test,
} from '../fixtures';

async function loginThroughForm(page: Page, who: DemoUser, password = DEMO_PASSWORD) {
  await page.goto('/masuk');
  await page.getByRole('textbox', { name: 'Nama pengguna' }).fill(demoUsers[who]);
  await page.getByRole('textbox', { name: 'Kata sandi', exact: true }).fill(password);
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
}

/**
 * Opens an app path the way a link inside the app does (client-side).
 * The server's SPA fallback (apps/api/src/plugins/spa.ts) still answers a direct load of a dotted path
 * such as /unit/32.73.02.1004 with 404, because it reads ".1004" as a file extension; see the fixme
 * test below. Once that is fixed this helper can become page.goto.
 */
async function openInApp(page: Page, path: string) {
  if (!page.url().startsWith('http')) await page.goto('/');
  await expect(page.getByRole('main')).toBeVisible();
  await page.evaluate((to) => {
    window.history.pushState(null, '', to);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, path);
  await expect(page).toHaveURL(path);
}

const nav = (page: Page) => page.getByRole('navigation', { name: 'Navigasi utama' });

/** "Wilayah penilaian" carries its wilayah as a description ("Wilayah penilaian KOTA BANDUNG"). */
const navLink = (page: Page, label: string) =>
  nav(page).getByRole(
    'link',
    label === 'Wilayah penilaian' ? { name: /^Wilayah penilaian\b/ } : { name: label, exact: true },
  );

const expectedNavigation: Record<DemoUser, { shows: string[]; hides: string[] }> = {
  admin: { shows: ['Beranda', 'Wilayah', 'Log audit', 'Akun'], hides: ['Unit saya', 'Wilayah penilaian'] },
  verifikator: {
    shows: ['Beranda', 'Wilayah', 'Wilayah penilaian', 'Akun'],
    hides: ['Log audit', 'Unit saya'],
  },
  analis: { shows: ['Beranda', 'Wilayah', 'Wilayah penilaian', 'Akun'], hides: ['Log audit', 'Unit saya'] },
  camat: { shows: ['Beranda', 'Wilayah', 'Unit saya', 'Akun'], hides: ['Log audit', 'Wilayah penilaian'] },
  lurah: { shows: ['Beranda', 'Wilayah', 'Unit saya', 'Akun'], hides: ['Log audit', 'Wilayah penilaian'] },
  lurahLain: {
    shows: ['Beranda', 'Wilayah', 'Unit saya', 'Akun'],
    hides: ['Log audit', 'Wilayah penilaian'],
  },
  operator: { shows: ['Beranda', 'Wilayah', 'Unit saya', 'Akun'], hides: ['Log audit', 'Wilayah penilaian'] },
};

test.describe('login and navigation by role', () => {
  for (const who of Object.keys(expectedNavigation) as DemoUser[]) {
    test(`${who} logs in through the form and sees its own navigation`, async ({ page }) => {
      await loginThroughForm(page, who);
      await expect(page).toHaveURL('/');
      await expect(page.getByRole('heading', { level: 1, name: /Selamat datang/ })).toBeVisible();
      await expect(page).toHaveTitle(/Beranda/);
      const { shows, hides } = expectedNavigation[who];
      for (const label of shows) {
        await expect(navLink(page, label)).toBeVisible();
      }
      for (const label of hides) {
        await expect(navLink(page, label)).toHaveCount(0);
      }
      await expect(nav(page).getByRole('link', { name: 'Beranda', exact: true })).toHaveAttribute(
        'aria-current',
        'page',
      );
    });
  }

  test('the lurah sees role and wilayah in the header, and "Unit saya" opens Dago', async ({ page }) => {
    await loginThroughForm(page, 'lurah');
    await expect(page.getByRole('banner')).toContainText('Lurah · Dago');
    await nav(page).getByRole('link', { name: 'Unit saya', exact: true }).click();
    await expect(page).toHaveURL('/unit/32.73.02.1004');
    await expect(page.getByRole('heading', { level: 1, name: /Dago/ })).toBeVisible();
  });

  test('a page asked for before login is opened after login', async ({ page }) => {
    await page.goto('/akun/kata-sandi');
    await expect(page).toHaveURL(/\/masuk\?kembali=%2Fakun%2Fkata-sandi/);
    await page.getByRole('textbox', { name: 'Nama pengguna' }).fill(demoUsers.analis);
    await page.getByRole('textbox', { name: 'Kata sandi', exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Masuk', exact: true }).click();
    await expect(page).toHaveURL('/akun/kata-sandi');
    await expect(page.getByRole('heading', { level: 1, name: /Ganti kata sandi/ })).toBeVisible();
  });

  test('logging out returns to the login page', async ({ page }) => {
    await loginThroughForm(page, 'operator');
    await page.getByRole('button', { name: 'Keluar' }).click();
    await expect(page).toHaveURL(/\/masuk/);
    await expect(page.getByRole('status').filter({ hasText: 'Anda telah keluar' })).toBeVisible();
    await page.goto('/');
    await expect(page).toHaveURL(/\/masuk/);
  });
});

test('the login page is its own light page, in the language chosen there', async ({ page }) => {
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
  });
  await page.goto('/masuk?kembali=%2Fwilayah');
  await expect(page.getByRole('heading', { level: 2, name: 'Masuk ke akun Anda' })).toBeVisible();
  // masuk.html: React and the page, not the app (its main chunk, Mantine, the router).
  expect(scripts.some((s) => s.includes('/assets/main-'))).toBe(false);
  expect(scripts.some((s) => s.includes('/assets/masuk-'))).toBe(true);

  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  await expect(page.getByText('Isi nama pengguna')).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Nama pengguna' })).toBeFocused();

  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page).toHaveTitle(/^Log in/);
  await page.reload();
  await page.getByRole('textbox', { name: 'Username' }).fill(demoUsers.analis);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Show password' }).click();
  await expect(page.getByRole('textbox', { name: 'Password', exact: true })).toHaveAttribute('type', 'text');
  await page.getByRole('button', { name: 'Log in', exact: true }).click();
  // The page asked for, in the app, in English.
  await expect(page).toHaveURL('/wilayah/32.73');
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible();
  // Signed in, /masuk goes straight on to the app.
  await page.goto('/masuk');
  await expect(page).toHaveURL('/');
});

test('a wrong password shows the API message in an alert', async ({ page }) => {
  await loginThroughForm(page, 'lurahLain', 'bukan-kata-sandi-ini');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Nama pengguna atau kata sandi salah.');
  await expect(page).toHaveURL(/\/masuk/);
});

test.describe('wilayah browser', () => {
  test('lists the 30 kecamatan of Kota Bandung, drills into Coblong and searches', async ({ page }) => {
    await loginViaApi(page, 'admin');
    await page.goto('/wilayah');
    await expect(page).toHaveURL('/wilayah/32.73');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/KOTA BANDUNG/);
    await expect(page).toHaveTitle(/Kabupaten\/Kota KOTA BANDUNG/);

    const table = page.getByRole('table', { name: /Kecamatan KOTA BANDUNG/ });
    await expect(table.getByRole('row')).toHaveCount(31); // header + 30 kecamatan
    await expect(table.getByRole('link', { name: 'Coblong', exact: true })).toBeVisible();
    await expect(table.getByRole('link', { name: 'Sukasari', exact: true })).toBeVisible();
    await expect(table.getByRole('link', { name: 'Mandalajati', exact: true })).toBeVisible();

    await table.getByRole('link', { name: 'Coblong', exact: true }).click();
    await expect(page).toHaveURL('/wilayah/32.73.02');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Coblong/);
    await expect(
      page.getByRole('navigation', { name: 'Jejak wilayah' }).getByRole('link', { name: 'KOTA BANDUNG' }),
    ).toBeVisible();
    const kelurahan = page.getByRole('table', { name: /Kelurahan\/desa Coblong/ });
    await expect(kelurahan.getByRole('row')).toHaveCount(7);
    await expect(kelurahan.getByRole('cell', { name: 'Dago', exact: true })).toBeVisible();
    await expect(kelurahan.getByRole('link', { name: 'Profil unit Dago' })).toHaveAttribute(
      'href',
      '/unit/32.73.02.1004',
    );

    await page
      .getByRole('navigation', { name: 'Jejak wilayah' })
      .getByRole('link', { name: 'KOTA BANDUNG' })
      .click();
    await page.getByRole('searchbox', { name: /Cari wilayah di KOTA BANDUNG/ }).fill('dago');
    const results = page.getByRole('region', { name: 'Hasil pencarian' });
    await expect(results.getByRole('link', { name: 'Dago', exact: true })).toBeVisible();
    await expect(results).toContainText('di Coblong');
    await expect(results).toContainText('Kelurahan/Desa');
  });

  test('numbers in the table use the id-ID format', async ({ page }) => {
    await loginViaApi(page, 'analis');
    await page.goto('/wilayah');
    const coblongRow = page.getByRole('row').filter({ hasText: 'Coblong' });
    await expect(coblongRow.getByRole('cell').nth(2)).toHaveText('6');
  });
});

test.describe('unit profile', () => {
  test('the lurah of Dago edits the profile and sees it saved', async ({ page }) => {
    await loginViaApi(page, 'lurah');
    await openInApp(page, '/unit/32.73.02.1004');
    await expect(page.getByRole('heading', { level: 1, name: /Dago/ })).toBeVisible();
    await page.getByRole('button', { name: 'Ubah profil' }).click();

    await page.getByRole('textbox', { name: 'Email' }).fill('bukan-email');
    await page.getByRole('button', { name: 'Simpan' }).click();
    await expect(page.getByText('Alamat email tidak valid')).toBeVisible();

    const alamat = `Jl. Ir. H. Juanda No. ${Date.now() % 1000}, Dago, Coblong`;
    await page.getByRole('textbox', { name: 'Alamat kantor' }).fill(alamat);
    await page.getByRole('textbox', { name: 'Telepon' }).fill('(022) 2501234');
    await page.getByRole('textbox', { name: 'Email' }).fill('kel.dago@bandung.go.id');
    await page.getByRole('textbox', { name: 'Jam pelayanan' }).fill('Senin–Jumat 08.00–16.00');
    await page.getByRole('button', { name: 'Simpan' }).click();

    await expect(page.getByText('Profil unit disimpan')).toBeVisible();
    await expect(page.getByText(alamat)).toBeVisible();
    await expect(page.getByText('kel.dago@bandung.go.id')).toBeVisible();
    await expect(page.getByText(/Terakhir diperbarui \d{1,2} \w+ \d{4}/)).toBeVisible();
  });

  test('the lurah of Sukarasa opening Dago sees the not-found message', async ({ page }) => {
    await loginViaApi(page, 'lurahLain');
    await openInApp(page, '/unit/32.73.02.1004');
    await expect(page.getByRole('alert')).toContainText('Unit tidak ditemukan atau di luar wewenang Anda.');
  });

  test('the operator of Dago sees the profile without an edit form', async ({ page }) => {
    await loginViaApi(page, 'operator');
    await openInApp(page, '/unit/32.73.02.1004');
    await expect(page.getByRole('heading', { level: 1, name: /Dago/ })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Pejabat' })).toBeVisible();
    await expect(
      page.getByText('Anda dapat melihat profil ini, tetapi tidak dapat mengubahnya.'),
    ).toBeVisible();
    await expect(page.getByRole('button', { name: 'Ubah profil' })).toHaveCount(0);
    await expect(page.getByRole('textbox')).toHaveCount(0);
  });

  test('reloading a page whose path holds a wilayah code keeps the page', async ({ page }) => {
    await loginViaApi(page, 'lurah');
    await page.goto('/unit/32.73.02.1004');
    await expect(page.getByRole('heading', { level: 1, name: /Dago/ })).toBeVisible();
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: /Dago/ })).toBeVisible();
  });
});

test('switching to English changes the navigation and is remembered', async ({ page }) => {
  await loginViaApi(page, 'admin');
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'id');
  await page.getByRole('button', { name: 'English' }).click();
  const mainNav = page.getByRole('navigation', { name: 'Main navigation' });
  await expect(mainNav.getByRole('link', { name: 'Home', exact: true })).toBeVisible();
  await expect(mainNav.getByRole('link', { name: 'Audit log', exact: true })).toBeVisible();
  await expect(mainNav.getByRole('link', { name: 'Beranda', exact: true })).toHaveCount(0);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.reload();
  await expect(mainNav.getByRole('link', { name: 'Home', exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Indonesia' }).click();
  await expect(nav(page).getByRole('link', { name: 'Beranda', exact: true })).toBeVisible();
});

test('an unknown address shows the not-found page inside the layout', async ({ page }) => {
  await loginViaApi(page, 'analis');
  await page.goto('/halaman-yang-tidak-ada');
  await expect(page.getByRole('heading', { level: 1, name: /Halaman tidak ditemukan/ })).toBeVisible();
  await expect(nav(page)).toBeVisible();
});

test('the admin reads the audit log, filtered through the address', async ({ page }) => {
  await loginViaApi(page, 'admin');
  await page.goto('/admin/audit?aksi=auth.login');
  await expect(page.getByRole('heading', { level: 1, name: 'Log audit' })).toBeVisible();
  const rows = page.getByRole('table').getByRole('row');
  await expect(rows.nth(1)).toBeVisible();
  await expect(rows.nth(1)).toContainText('auth.login');
  await expect(rows.filter({ hasText: 'user.created' })).toHaveCount(0);
  await page.getByText('Lihat perubahan').first().click();
  await expect(page.getByText('Sesudah').first()).toBeVisible();
});

test.describe('accessibility (axe, WCAG 2.1 AA)', () => {
  test('login page', async ({ page }) => {
    await page.goto('/masuk');
    await expect(page.getByRole('button', { name: 'Masuk', exact: true })).toBeVisible();
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  test('login page with an error', async ({ page }) => {
    await loginThroughForm(page, 'analis', 'salah-sekali-ya');
    await expect(page.getByRole('alert')).toBeVisible();
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  const pages: { name: string; who: DemoUser; path: string; ready: RegExp }[] = [
    { name: 'beranda', who: 'admin', path: '/', ready: /Selamat datang/ },
    { name: 'wilayah', who: 'admin', path: '/wilayah', ready: /KOTA BANDUNG/ },
    { name: 'unit', who: 'lurah', path: '/unit/32.73.02.1004', ready: /Dago/ },
    { name: 'akun', who: 'camat', path: '/akun/kata-sandi', ready: /Ganti kata sandi/ },
    { name: 'audit', who: 'admin', path: '/admin/audit', ready: /Log audit/ },
  ];
  for (const p of pages) {
    test(`${p.name} page`, async ({ page }) => {
      await loginViaApi(page, p.who);
      if (p.path.includes('.')) await openInApp(page, p.path);
      else await page.goto(p.path);
      await expect(page.getByRole('heading', { level: 1, name: p.ready })).toBeVisible();
      await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
      expect(await seriousA11yViolations(page)).toEqual([]);
    });
  }

  test('unit edit form', async ({ page }) => {
    await loginViaApi(page, 'lurah');
    await openInApp(page, '/unit/32.73.02.1004');
    await page.getByRole('button', { name: 'Ubah profil' }).click();
    await expect(page.getByRole('textbox', { name: 'Alamat kantor' })).toBeVisible();
    expect(await seriousA11yViolations(page)).toEqual([]);
  });
});
