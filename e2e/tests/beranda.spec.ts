import { expect, loginViaApi, seriousA11yViolations, test } from '../fixtures';

// The home page's to-do list (issue 16, item 9) and the year selector (item 6), on a desktop and on a
// phone width. The demo server runs on today's clock with the demo year of data.

test('lurah: the home page lists the reports to do, each linking to its page; the laporan page opens on a year in the URL', async ({
  page,
}) => {
  await loginViaApi(page, 'lurah');
  await page.goto('/');
  const tugas = page.getByRole('region', { name: 'Yang perlu Anda kerjakan' });
  await expect(tugas).toBeVisible();
  const first = tugas.getByRole('link', { name: /^Laporan .* · Dago/ }).first();
  await expect(first).toBeVisible();
  await expect(first).toContainText(/Jatuh tempo \d{1,2} \w+ \d{4}|Dikembalikan|Terlambat/);
  expect(await seriousA11yViolations(page)).toEqual([]);
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(first).toBeVisible();
  expect(await seriousA11yViolations(page)).toEqual([]);
  await page.setViewportSize({ width: 1280, height: 900 });

  await first.click();
  await expect(page).toHaveURL(/\/laporan\/(unit\/32\.73\.02\.1004\?tahun=\d{4}|[0-9a-f-]{36})$/);

  // Without a year the reports open on the year with work, named in the URL; the selector shows it.
  await page.goto('/laporan/unit/32.73.02.1004');
  await expect(page).toHaveURL(/\/laporan\/unit\/32\.73\.02\.1004\?tahun=2026$/);
  const year = page.getByRole('combobox', { name: 'Tahun penilaian' });
  await expect(year).toHaveValue(/^2026 · Aktif/);
  await expect(page.getByRole('heading', { level: 1, name: /Laporan Dago/ })).toBeVisible();
  expect(await seriousA11yViolations(page)).toEqual([]);

  // A year nobody may open is said so, with the selector to pick another. (2099: no spec creates
  // it; admin.spec.ts activates 2031.)
  await page.goto('/laporan/unit/32.73.02.1004?tahun=2099');
  await expect(page.getByText(/Periode 2099 tidak ada atau belum dapat Anda buka/)).toBeVisible();

  // The rapor link of the menu opens the year with work too.
  await page.goto('/rapor/unit/32.73.02.1004');
  await expect(page).toHaveURL(/\/rapor\/2026\/unit\/32\.73\.02\.1004$/);
  await expect(page.getByRole('combobox', { name: 'Tahun penilaian' })).toHaveValue(/^2026/);
});

test('verifikator: the home page says what waits, the queue opens on a year in the URL; admin: late units link to the analysis', async ({
  page,
}) => {
  await loginViaApi(page, 'verifikator');
  await page.goto('/');
  const tugas = page.getByRole('region', { name: 'Yang perlu Anda kerjakan' });
  await expect(tugas).toBeVisible();
  await expect(
    tugas
      .getByText('Tidak ada tugas yang menunggu Anda saat ini.')
      .or(tugas.getByRole('link', { name: /menunggu verifikasi/ })),
  ).toBeVisible();
  // A verifikator has no report of his own to fill.
  await expect(tugas.getByRole('link', { name: /^Laporan / })).toHaveCount(0);
  expect(await seriousA11yViolations(page)).toEqual([]);

  // The queue opens on the year the API names: the latest with work, else the latest active one
  // (which depends on the years other specs created: admin.spec.ts activates 2031).
  const { bawaan } = await (await page.request.get('/api/periode/tahun')).json();
  await page.goto('/verifikasi');
  await expect(page).toHaveURL(new RegExp(`/verifikasi\\?tahun=${bawaan}$`));
  await expect(page.getByRole('combobox', { name: 'Tahun penilaian' })).toHaveValue(new RegExp(`^${bawaan}`));
  expect(await seriousA11yViolations(page)).toEqual([]);

  await page.context().clearCookies();
  await loginViaApi(page, 'admin');
  await page.goto('/');
  const late = page
    .getByRole('region', { name: 'Yang perlu Anda kerjakan' })
    .getByRole('link', { name: /unit terlambat/ });
  await expect(late).toBeVisible();
  await expect(late).toContainText(/Belum mengajukan laporan \w+ 2026/);
  expect(await seriousA11yViolations(page)).toEqual([]);
  await late.click();
  await expect(page).toHaveURL(/\/rapor\/2026\/analitik$/);
});
